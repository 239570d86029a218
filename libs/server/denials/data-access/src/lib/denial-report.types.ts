import type { NormalisedReport } from '@denialmap/shared/denial-reports';
import type { DenialStatsViews } from '@denialmap/shared/denial-stats';

export type DenialReportStatus = 'PUBLISHED' | 'HELD' | 'REJECTED';

/** A checked report about to be stored, with what the automated checks decided. */
export interface NewDenialReport extends NormalisedReport {
  status: Exclude<DenialReportStatus, 'REJECTED'>;
  holdReason: string | null;
  submitterHash: string;
  fingerprint: string;
  /** Picked for a moderator's second look. */
  sampledForReview: boolean;
}

export interface StoredReport {
  id: string;
  code: string;
  status: DenialReportStatus;
  createdAt: Date;
}

/** A code's stats as last aggregated. */
export interface StatsSnapshot {
  code: string;
  reports: number;
  submitters: number;
  threshold: number;
  views: DenialStatsViews;
  computedAt: Date;
}

/** What one aggregation did. */
export interface AggregationResult {
  snapshot: StatsSnapshot;
  /** Outbox events this aggregation accounted for. */
  claimedEvents: number;
}

export type FlagOutcome =
  | { status: 'NOT_FOUND' }
  | { status: 'NOT_PUBLISHED' }
  | { status: 'ALREADY_FLAGGED' }
  | { status: 'FLAGGED'; held: boolean; code: string };
