/**
 * Every queue and job in DenialMap, in one place. Producers and processors both type against
 * these, so a new job name without a handler fails to compile (exhaustive switches) and
 * jobs.spec.ts checks the runtime list matches.
 */
export const QUEUES = {
  referenceData: 'reference-data',
  denialStats: 'denial-stats',
  toolkit: 'toolkit',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'reference-data': {
    /** Load the reference files shipped in REFERENCE_DATA_DIR that the database does not have yet. */
    'load-shipped-reference-data': { reason: 'first-run' | 'operator' };
    /** Stage a staff upload's files as editions with previews (nothing goes live). */
    'stage-upload': { uploadId: string; actorId: string; actorEmail: string };
  };
  'denial-stats': {
    /** Recompute one code's denial stats from its published reports (idempotent). */
    'recompute-code-stats': { code: string };
  };
  toolkit: {
    /** Build a Revenue Protection Toolkit PDF for a requested document (idempotent: rebuilds it whole). */
    'build-toolkit': { documentId: string };
  };
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string;

export type JobOf<Q extends QueueName> = {
  [N in JobName<Q>]: { name: N; data: JobPayloads[Q][N] };
}[JobName<Q>];

/** Runtime list of job names per queue (must equal the JobPayloads keys; checked by a test). */
export const JOB_NAMES: { [Q in QueueName]: readonly JobName<Q>[] } = {
  'reference-data': ['load-shipped-reference-data', 'stage-upload'],
  'denial-stats': ['recompute-code-stats'],
  toolkit: ['build-toolkit'],
};

export interface JobContext {
  /** 0-100; shown to operators where a job reports progress. */
  reportProgress(percent: number): Promise<void>;
}

/** One handler per queue, an exhaustive switch on the job name inside. */
export interface JobHandler<Q extends QueueName> {
  readonly queue: Q;
  handle(job: JobOf<Q>, context: JobContext): Promise<unknown>;
}

export interface EnqueueOptions {
  /** Dedupe key: a job with the same id waiting or running is not added twice. No ':' and not all digits. */
  jobId: string;
  /**
   * Forget the job once it has finished (either way), so the same jobId can run again later.
   * For jobs whose dedupe should last only while they are waiting or running.
   */
  forgetWhenDone?: boolean;
  /**
   * A run must start after this call. A job with the same id that is already running may have
   * read the state it works on before the caller's change, so a follow-up run is queued then
   * (collapse while waiting, never lose an update while running).
   */
  freshRun?: boolean;
}

/** Refuses job ids BullMQ would misread (':' separates key parts; all-digit ids collide with its counters). */
export function assertValidJobId(jobId: string): void {
  if (jobId.length === 0 || jobId.includes(':') || /^\d+$/.test(jobId)) {
    throw new Error(`Invalid job id "${jobId}": it must be non-empty, contain no ':' and not be all digits.`);
  }
}
