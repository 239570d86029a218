export const QUEUE_REASONS = ['HELD_BY_CHECKS', 'FLAGGED', 'SAMPLED'] as const;
/** Why a report is in the moderation queue. */
export type QueueReason = (typeof QUEUE_REASONS)[number];
export type QueueOrder = 'NEWEST' | 'MOST_FLAGGED';
export type ReportStatus = 'PUBLISHED' | 'HELD' | 'REJECTED';

export interface QueueFilter {
  status?: ReportStatus | null;
  reason?: QueueReason | null;
  code?: string | null;
}

/** Position in the queue's order, for keyset pagination. */
export interface QueueCursor {
  unseenFlags: number;
  createdAt: Date;
  id: string;
}

/** A report as a moderator sees it: every stored field, why it is queued, and what readers said. */
export interface ModerationReport {
  id: string;
  code: string;
  status: ReportStatus;
  holdReason: string | null;
  queueReasons: QueueReason[];
  modifiers: string[];
  serviceYear: number;
  serviceQuarter: number;
  payerType: string;
  payerName: string | null;
  state: string | null;
  placeOfService: string | null;
  groupCode: string;
  carc: string;
  rarcs: string[];
  icd10Codes: string[];
  denialCategory: string;
  actionTaken: string;
  appealLevel: number | null;
  fix: string | null;
  outcome: string;
  daysToResolution: number | null;
  narrative: string | null;
  flagCount: number;
  unseenFlags: number;
  flagReasons: { reason: string; count: number }[];
  /** The first characters of the submitter hash: tells reports of one submitter (that day) apart, nothing more. */
  submitterRef: string;
  /** Reports under the same submitter hash (same day's key). */
  submitterReports: number;
  submitterBlockedUntil: Date | null;
  rejectionReason: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}

export type DecisionOutcome = { status: 'DONE'; report: ModerationReport } | { status: 'NOT_FOUND' } | { status: 'REFUSED'; field: string; message: string };
