import type { ReferenceFileKind } from '@denialmap/server/reference-data/shipped-files';

export type { ReferenceFileKind };

export interface ImportOutcome {
  /** imported: the file's rows replaced its release's rows. unchanged: these exact bytes were imported before. */
  status: 'imported' | 'unchanged';
  kind: ReferenceFileKind;
  file: string;
  releaseId: string | null;
  rows: number;
  durationMs: number;
}

/** Called while a file loads: rows so far and the share of the file read (0 to 1). */
export type ImportProgress = (rowsSoFar: number, fractionRead: number) => void;
