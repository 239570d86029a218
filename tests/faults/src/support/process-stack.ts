/**
 * The production build (dist/) as separate processes, for the fault test and the reports
 * benchmark: a fresh database with every migration and the shipped reference data, a Redis
 * server of its own (so it can be killed and restarted without touching anyone else's), the api
 * and a worker, each of which can be killed and started again.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '../../../..');
const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StackOptions {
  /** Names the database, Redis prefix and log files. */
  name: string;
  /** Extra environment for the api and worker (limits, threshold...). */
  env?: Record<string, string>;
  /** Where the processes' output goes (one file each). */
  logDir: string;
}

export class ProcessStack {
  api: ChildProcess | null = null;
  worker: ChildProcess | null = null;
  redis: ChildProcess | null = null;
  base = '';
  env: Record<string, string> = {};
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private constructor(
    readonly options: StackOptions,
    readonly database: string,
    readonly redisPort: number,
    readonly apiPort: number,
  ) {}

  static async start(options: StackOptions): Promise<ProcessStack> {
    for (const entry of ['dist/apps/api/main.js', 'dist/apps/worker/main.js']) {
      if (!existsSync(join(ROOT, entry))) throw new Error(`${entry} is missing: build first (npm run build).`);
    }
    mkdirSync(options.logDir, { recursive: true });
    const stack = new ProcessStack(options, `denialmap_${options.name}_${process.pid}`, await freePort(), await freePort());
    const url = await stack.createDatabase();
    stack.env = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'production',
      LOG_LEVEL: process.env['FAULTS_LOG_LEVEL'] ?? 'warn',
      DATABASE_URL: url,
      REDIS_URL: `redis://127.0.0.1:${stack.redisPort}`,
      REDIS_PREFIX: `dm-${options.name}-${process.pid}`,
      PORT: String(stack.apiPort),
      HOST: '127.0.0.1',
      WEB_DIST_DIR: '',
      LOAD_SHIPPED_REFERENCE_DATA: 'false',
      REFERENCE_DATA_DIR: join(ROOT, 'data/reference'),
      TRUST_PROXY: 'true',
      JOBS_MODE: 'bullmq',
      ...options.env,
    };
    stack.base = `http://127.0.0.1:${stack.apiPort}`;
    await stack.startRedis();
    const imported = await stack.run('import', [join(ROOT, 'dist/apps/worker/main.js'), 'import']);
    if (imported !== 0) throw new Error(`the reference data import failed (see ${options.logDir}/import.log)`);
    await stack.startApi();
    await stack.startWorker();
    return stack;
  }

  private async createDatabase(): Promise<string> {
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${this.database}"`);
    await admin.end();
    const db = new Client({ connectionString: databaseUrl(this.database) });
    await db.connect();
    const migrations = join(ROOT, 'prisma/migrations');
    for (const dir of readdirSync(migrations).filter((d) => /^\d{14}_/.test(d)).sort()) {
      await db.query(readFileSync(join(migrations, dir, 'migration.sql'), 'utf8'));
    }
    await db.end();
    return databaseUrl(this.database);
  }

  private spawnLogged(name: string, command: string, args: string[]): ChildProcess {
    const log = createWriteStream(join(this.options.logDir, `${name}.log`), { flags: 'a' });
    const child = spawn(command, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return child;
  }

  private run(name: string, args: string[]): Promise<number> {
    return new Promise((resolve) => this.spawnLogged(name, process.execPath, args).on('exit', (code) => resolve(code ?? 1)));
  }

  async startRedis(): Promise<void> {
    const dir = join(this.options.logDir, 'redis');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    this.redis = this.spawnLogged('redis', 'redis-server', ['--port', String(this.redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
    for (let i = 0; i < 100; i++) {
      if (await this.redisAnswers()) return;
      await wait(50);
    }
    throw new Error('redis-server did not start (is it installed?)');
  }

  private redisAnswers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.redisPort, '127.0.0.1');
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (d: Buffer) => {
        resolve(d.toString().startsWith('+PONG'));
        socket.destroy();
      });
      socket.on('error', () => resolve(false));
    });
  }

  /** Kills Redis (its data is lost: it keeps nothing on disk, like the CI machine's) and starts it again. */
  async restartRedis(downMs = 1_000): Promise<void> {
    await this.kill(this.redis, 'SIGKILL');
    await wait(downMs);
    await this.startRedis();
  }

  async startApi(): Promise<void> {
    this.api = this.spawnLogged('api', process.execPath, [join(ROOT, 'dist/apps/api/main.js')]);
    for (let i = 0; i < 300; i++) {
      const ready = await fetch(`${this.base}/health/ready`).then((r) => r.ok).catch(() => false);
      if (ready) return;
      await wait(100);
    }
    throw new Error(`the api was not ready within 30 s (see ${this.options.logDir}/api.log)`);
  }

  async startWorker(): Promise<void> {
    this.worker = this.spawnLogged('worker', process.execPath, [join(ROOT, 'dist/apps/worker/main.js')]);
    await wait(1_500);
  }

  /**
   * Stops the worker with `signal`. A SIGTERM that does not end it within `graceMs` is followed
   * by SIGKILL, as an orchestrator would; the answer says whether that was needed.
   */
  async killWorker(signal: NodeJS.Signals, graceMs = 20_000): Promise<{ stoppedBy: NodeJS.Signals; ms: number }> {
    const result = await this.kill(this.worker, signal, graceMs);
    this.worker = null;
    return result;
  }

  private async kill(child: ChildProcess | null, signal: NodeJS.Signals, graceMs = 20_000): Promise<{ stoppedBy: NodeJS.Signals; ms: number }> {
    const started = Date.now();
    if (!child || child.exitCode !== null || child.signalCode !== null) return { stoppedBy: signal, ms: 0 };
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    let stoppedBy = signal;
    const timer = setTimeout(() => {
      stoppedBy = 'SIGKILL';
      child.kill('SIGKILL');
    }, graceMs);
    await exited;
    clearTimeout(timer);
    return { stoppedBy, ms: Date.now() - started };
  }

  /** POST /graphql as one submitter (address and browser of its own). */
  graphql<T>(query: string, variables: Record<string, unknown>, submitter = 0): Promise<{ data: T | null; errors?: { message: string }[] }> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${this.base}/graphql`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-forwarded-for': `10.${(submitter >> 16) & 255}.${(submitter >> 8) & 255}.${submitter & 255}`,
            'user-agent': `DenialMap load ${submitter}`,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(text));
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async query<R>(sql: string, values: unknown[] = []): Promise<R[]> {
    const db = new Client({ connectionString: this.env['DATABASE_URL'] });
    await db.connect();
    try {
      return (await db.query(sql, values)).rows as R[];
    } finally {
      await db.end();
    }
  }

  /** Waits until every outbox event has been aggregated. */
  async drained(timeoutMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const [{ pending }] = await this.query<{ pending: string }>('SELECT count(*) AS pending FROM outbox_event WHERE aggregated_at IS NULL');
      if (Number(pending) === 0) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`${pending} outbox events still not aggregated after ${timeoutMs} ms`);
      await wait(200);
    }
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    await this.kill(this.api, 'SIGTERM');
    await this.kill(this.worker, 'SIGTERM');
    await this.kill(this.redis, 'SIGKILL');
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    await admin.end();
  }
}

export const SUBMIT = `mutation ($input: DenialReportInput!) { submitDenialReport(input: $input) {
  __typename ... on DenialReportReceipt { reportId status receivedAt } ... on DenialReportRefusal { reason message fieldErrors { field message } } } }`;

const CARCS = ['97', '16', '4', '50', '236', '11', '167'];
const PAYERS = ['MEDICARE_FFS', 'MEDICARE_FFS', 'MEDICARE_ADVANTAGE', 'COMMERCIAL', 'COMMERCIAL', 'MEDICAID'];
const OUTCOMES = ['PAID', 'PAID', 'PARTIALLY_PAID', 'UPHELD', 'PENDING'];
export const LOAD_CODES = ['70390', '70450', '70486', '70551', '71045', '71046', '72148', '73030', '73721', '74177', '76700', '77067', '93000', '93306', '99213', '99214', '20610', '36415', '96372', '97110'];

/** The i-th valid report of a load run: varied, deterministic, always passing every check. */
export function loadReport(i: number, code: string): Record<string, unknown> {
  const outcome = OUTCOMES[i % OUTCOMES.length];
  const appealed = i % 3 === 0;
  return {
    code,
    modifiers: i % 2 ? ['26'] : [],
    serviceYear: 2025,
    serviceQuarter: (i % 4) + 1,
    payerType: PAYERS[i % PAYERS.length],
    groupCode: i % 5 === 0 ? 'PR' : 'CO',
    carc: CARCS[i % CARCS.length],
    rarcs: i % 2 ? ['N290'] : [],
    icd10Codes: ['K11.5'],
    denialCategory: 'BUNDLING',
    actionTaken: appealed ? 'APPEALED' : outcome === 'PENDING' ? 'NOTHING_YET' : 'CORRECTED_AND_RESUBMITTED',
    appealLevel: appealed ? (i % 2) + 1 : null,
    fix: outcome === 'PENDING' && !appealed ? null : 'ADDED_MODIFIER',
    outcome,
    daysToResolution: outcome === 'PENDING' ? null : 5 + (i % 60),
  };
}
