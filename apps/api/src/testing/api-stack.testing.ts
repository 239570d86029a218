import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { API_BODY_LIMIT_BYTES, APP_CONFIG, AppConfig, ConfigModule, DatabaseModule, JobsModule, LiveEventsModule, PrismaService, RedisModule, registerHttpSecurity } from '@denialmap/server/core';
import { DenialsWorkerModule } from '@denialmap/server/denials/feature';
import { GuidanceWorkerModule } from '@denialmap/server/guidance/feature';
import { ShippedReferenceData } from '@denialmap/server/reference-data/data-access';
import { AppModule } from '../app.module';

@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, JobsModule, LiveEventsModule, DenialsWorkerModule, GuidanceWorkerModule] })
class TestWorkerModule {}

export interface GraphqlAnswer<T = Record<string, unknown>> {
  /** Typed as present: a test reading data from a failed call fails on the spot, which is what it should do. */
  data: T;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

export interface HttpAnswer<T = GraphqlAnswer> {
  status: number;
  headers: Headers;
  body: T;
}

const ROOT = resolve(__dirname, '../../../..');

/**
 * The whole api as `npm start` wires it (AppModule, security headers, cookies, body limit) on the
 * test project's database, plus a worker for the report pipeline.
 */
export class ApiStack {
  api!: NestFastifyApplication;
  worker: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | null = null;
  base = '';
  /** Settings this stack changed, restored on stop: test files share one process.env. */
  private readonly previousEnv: Record<string, string | undefined> = {};

  static async start(env: Record<string, string> = {}): Promise<ApiStack> {
    const stack = new ApiStack();
    const settings: Record<string, string> = {
      JOBS_MODE: 'bullmq',
      WEB_DIST_DIR: '',
      TRUST_PROXY: 'true',
      LOAD_SHIPPED_REFERENCE_DATA: 'false',
      REFERENCE_DATA_DIR: resolve(ROOT, 'data/reference'),
      ...env,
    };
    for (const [key, value] of Object.entries(settings)) {
      stack.previousEnv[key] = process.env[key];
      process.env[key] = value;
    }
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    stack.api = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: API_BODY_LIMIT_BYTES, trustProxy: true }), { logger: ['error'] });
    await registerHttpSecurity(stack.api, stack.api.get<AppConfig>(APP_CONFIG));
    await stack.api.get(ShippedReferenceData).loadAll(['pprrvu', 'x12-carc', 'x12-rarc', 'x12-group', 'modifiers', 'hcpcs-level2', 'icd10-cm']);
    await stack.api.listen(0, '127.0.0.1');
    stack.base = (await stack.api.getUrl()).replace('[::1]', '127.0.0.1');
    stack.worker = await NestFactory.createApplicationContext(TestWorkerModule, { logger: ['error'] });
    await stack.worker.init();
    return stack;
  }

  async post<T = GraphqlAnswer>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    const response = await fetch(`${this.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphqlAnswer<T>> {
    return (await this.post<GraphqlAnswer<T>>(query, variables, headers)).body;
  }

  get prisma(): PrismaService {
    return this.api.get(PrismaService);
  }

  async count(sql: string, ...values: unknown[]): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(sql, ...values);
    return Number(rows[0].n);
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.api?.close();
    for (const [key, value] of Object.entries(this.previousEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Runs the real `admin:create` CLI from source against the test database; the password goes in on stdin. */
export function createAdminWithCli(email: string, password: string, name = 'Ada Admin'): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['tools/scripts/run-ts.mjs', 'apps/worker/src/main.ts', 'admin:create', '--email', email, '--name', name], {
    cwd: ROOT,
    input: `${password}\n`,
    env: { ...process.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Signs in and returns the Cookie header value to send with later requests. */
let signIns = 0;
export async function signIn(stack: ApiStack, email: string, password: string, from = `198.51.${100 + (process.pid % 100)}.${++signIns % 250}`): Promise<string> {
  const answer = await stack.post(`mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { staff { id } } }`, { e: email, p: password }, { 'x-forwarded-for': from });
  if (answer.body.errors) throw new Error(`sign-in failed: ${JSON.stringify(answer.body.errors)}`);
  const cookie = answer.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0];
}

/** The value, or a failed test saying what was missing. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

/** Polls until `check` passes (it throws until then). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
