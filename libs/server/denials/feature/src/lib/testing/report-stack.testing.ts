import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createClient, Client as WsClient } from 'graphql-ws';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { ApiCoreModule, ConfigModule, DatabaseModule, JobsModule, LiveEventsModule, PrismaService, RedisModule } from '@denialmap/server/core';
import { ReferenceDataAccessModule, ShippedReferenceData } from '@denialmap/server/reference-data/data-access';
import { DenialsWorkerModule } from '../denials-worker.module';
import { DenialsModule } from '../denials.module';

@Module({ imports: [ApiCoreModule, ReferenceDataAccessModule, DenialsModule] })
class TestApiModule {}

@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, JobsModule, LiveEventsModule, DenialsWorkerModule] })
class TestWorkerModule {}

export interface GraphqlAnswer<T = Record<string, unknown>> {
  data: T | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

/**
 * The api (Fastify, listening) and a worker (BullMQ processors, outbox relay, sweeper) in one
 * test process, on the test project's own database and Redis prefix, with the reference files a
 * report is checked against loaded.
 */
export class ReportStack {
  api!: NestFastifyApplication;
  worker: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | null = null;
  base = '';
  private readonly sockets: WsClient[] = [];

  /** `inline`: no worker and no Redis, as `npm start` runs when it finds no Redis. */
  static async start(env: Record<string, string> = {}, mode: 'bullmq' | 'inline' = 'bullmq'): Promise<ReportStack> {
    Object.assign(process.env, {
      JOBS_MODE: mode,
      WEB_DIST_DIR: '',
      TRUST_PROXY: 'true',
      REFERENCE_DATA_DIR: resolve(__dirname, '../../../../../../../data/reference'),
      ...env,
    });
    const stack = new ReportStack();
    const moduleRef = await Test.createTestingModule({ imports: [TestApiModule] }).compile();
    stack.api = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ trustProxy: true }), { logger: ['error'] });
    await stack.api.get(ShippedReferenceData).loadAll(['pprrvu', 'x12-carc', 'x12-rarc', 'x12-group', 'modifiers', 'hcpcs-level2', 'icd10-cm']);
    await stack.api.listen(0, '127.0.0.1');
    stack.base = (await stack.api.getUrl()).replace('[::1]', '127.0.0.1');
    if (mode === 'bullmq') {
      stack.worker = await NestFactory.createApplicationContext(TestWorkerModule, { logger: ['error'] });
      await stack.worker.init();
    }
    return stack;
  }

  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphqlAnswer<T>> {
    const response = await fetch(`${this.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GraphqlAnswer<T>;
  }

  /** A subscription over graphql-ws, collecting every payload it receives. */
  subscribe<T>(query: string, variables: Record<string, unknown>): { received: T[]; ready: Promise<void>; close: () => void } {
    const client = createClient({ url: `${this.base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    this.sockets.push(client);
    const received: T[] = [];
    const ready = new Promise<void>((resolveReady) => client.on('connected', () => resolveReady()));
    const stop = client.subscribe<T>({ query, variables }, { next: (value) => void received.push(value.data as T), error: () => undefined, complete: () => undefined });
    return { received, ready, close: stop };
  }

  get prisma(): PrismaService {
    return this.api.get(PrismaService);
  }

  async count(sql: string): Promise<number> {
    const rows = await this.prisma.$queryRawUnsafe<{ n: bigint }[]>(sql);
    return Number(rows[0].n);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) await socket.dispose();
    await this.worker?.close();
    await this.api?.close();
  }
}

/** Polls until `check` passes (it throws until then), for the asynchronous aggregation. */
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
