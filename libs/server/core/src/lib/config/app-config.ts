import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting DenialMap reads, validated once at boot. Nothing else reads process.env.
 * .env.example documents each key; the README's configuration table mirrors it.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is required (npm start sets it for the embedded database)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL'),
  DATABASE_POOL_SIZE: positiveInt(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Every Redis key (queues included) starts with this, so several deployments can share a server. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}-]+$/, 'REDIS_PREFIX may use letters, digits, _, - and {} (hash tags for Redis Cluster)')
    .default('denialmap'),
  /** bullmq: jobs go through Redis to the worker. inline: the api runs them itself (no Redis; set by npm start only). */
  JOBS_MODE: z.enum(['bullmq', 'inline']).default('bullmq'),
  WORKER_CONCURRENCY: positiveInt(2),
  /** Folder with the shipped CMS reference files (data/reference in the repository). */
  REFERENCE_DATA_DIR: z.string().min(1).default('data/reference'),
  /** Built web app served at /. Empty: the api serves only /graphql and /health. */
  WEB_DIST_DIR: z.string().default('dist/apps/web'),
  /** Answer introspection queries in production too (for outside tools; /explorer uses the bundled schema). */
  GRAPHQL_INTROSPECTION: bool.default(false),
  /** Benchmarks only: adds GET /bench/floor?bytes=N, a constant answer measuring the framework's floor. */
  BENCH_FLOOR_ROUTE: bool.default(false),
  /** Load the shipped reference data when the database has none (first run). */
  LOAD_SHIPPED_REFERENCE_DATA: bool.default(true),
  /**
   * Take the client address from X-Forwarded-For (only behind a proxy or load balancer you
   * control: anyone can send that header, and submitter limits key on the address).
   */
  TRUST_PROXY: bool.default(false),
  /** Distinct submitters a code needs before its denial patterns are shown; also the smallest group shown. */
  DENIAL_STATS_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  REPORTS_PER_SUBMITTER_PER_HOUR: positiveInt(10),
  REPORTS_PER_SUBMITTER_PER_CODE_PER_DAY: positiveInt(1),
  /** Every submitter together, per minute: a brake on floods from many addresses. */
  REPORTS_PER_MINUTE: positiveInt(600),
  FLAGS_PER_SUBMITTER_PER_HOUR: positiveInt(20),
  /** Distinct readers' flags that take a report out of the stats until a moderator looks. */
  FLAGS_TO_HOLD_REPORT: positiveInt(3),
  /** How long a relayed outbox event may wait for its aggregation before the sweeper re-sends it. */
  OUTBOX_STUCK_SECONDS: positiveInt(15),
  /** Staff sign-in sessions: absolute lifetime, and how long one may sit unused before it ends. */
  SESSION_TTL_HOURS: positiveInt(12),
  SESSION_IDLE_MINUTES: positiveInt(60),
  /**
   * Users always reach DenialMap over HTTPS (directly or through a proxy): HSTS,
   * upgrade-insecure-requests and Secure session cookies even when a proxy hides the scheme.
   * Without it, the cookie is Secure whenever the request itself came over HTTPS.
   */
  SERVED_OVER_HTTPS: bool.optional(),
  /** Failed sign-ins to one email address before it is locked, and for how long. */
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_LOCKOUT_MINUTES: positiveInt(15),
  /** Sign-in attempts from one address per 15 minutes, whatever the email. */
  LOGIN_ATTEMPTS_PER_ADDRESS: positiveInt(30),
  /** Share of published reports put in the moderation queue for a second look (0 to 1). */
  REVIEW_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.02),
  /** How long a Revenue Protection Toolkit PDF can be downloaded before it is deleted. */
  TOOLKIT_TTL_HOURS: positiveInt(24),
  /** Toolkits one address may request per hour (the address only as a keyed hash). */
  TOOLKITS_PER_HOUR: positiveInt(10),
  /** Largest single file an admin may upload in the staff area (a whole NCCI PTP part is ~45 MB). */
  REFERENCE_UPLOAD_MAX_MB: positiveInt(512),
  /** GraphQL limits per operation: nesting depth, aliases, and estimated cost. */
  GRAPHQL_MAX_DEPTH: positiveInt(12),
  GRAPHQL_MAX_ALIASES: positiveInt(30),
  GRAPHQL_MAX_COST: positiveInt(20000),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment, listing every bad key at once (not just the first). */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(defined);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
