import type { AuditAction, ModeratedReportStatus, ModerationQueueReason, ReferenceReleaseStatus, StaffRole, TipTopic } from '@denialmap/web/data-access';

/** The staff area's vocabulary in words; the API's values stay the keys. */
export const QUEUE_REASONS: Record<ModerationQueueReason, string> = {
  FLAGGED: 'Flagged by readers',
  HELD_BY_CHECKS: 'Held by an automated check',
  SAMPLED: 'Picked at random for a second look',
};

export const REPORT_STATUSES: Record<ModeratedReportStatus, string> = {
  PUBLISHED: 'Published',
  HELD: 'Held',
  REJECTED: 'Rejected',
};

/** What each status means for the public stats. */
export const REPORT_STATUS_MEANINGS: Record<ModeratedReportStatus, string> = {
  PUBLISHED: 'counts in the public stats',
  HELD: 'out of the public stats until a moderator decides',
  REJECTED: 'removed from the public stats for good',
};

export const STAFF_ROLES: Record<StaffRole, string> = {
  ADMIN: 'Admin',
  MODERATOR: 'Moderator',
};

export const STAFF_STATUSES: Record<string, string> = {
  ACTIVE: 'Active',
  INVITED: 'Invited (no password yet)',
  DISABLED: 'Disabled',
};

const HOLD_REASONS: Record<string, string> = {
  NEAR_DUPLICATE: 'its story closely matches another recent report',
  FLAGGED: 'readers flagged it',
};

export const AUDIT_ACTIONS: Record<AuditAction, string> = {
  REPORT_APPROVED: 'Report approved',
  REPORT_REJECTED: 'Report rejected',
  REPORT_REDACTED: 'Report redacted',
  SUBMITTER_BLOCKED: 'Submitter paused',
  SUBMITTER_UNBLOCKED: 'Submitter pause lifted',
  STAFF_INVITED: 'Staff invited',
  STAFF_INVITATION_ACCEPTED: 'Invitation accepted',
  STAFF_CREATED_BY_CLI: 'Admin created on the server',
  STAFF_DISABLED: 'Staff disabled',
  STAFF_ENABLED: 'Staff enabled',
  SESSION_REVOKED: 'Session ended',
  API_TOKEN_CREATED: 'API token created',
  API_TOKEN_REVOKED: 'API token revoked',
  TIP_CREATED: 'Billing tip added',
  TIP_UPDATED: 'Billing tip edited',
  TIP_RETIRED: 'Billing tip retired',
  REFERENCE_FILES_UPLOADED: 'CMS files uploaded',
  REFERENCE_RELEASE_ACTIVATED: 'Reference edition activated',
  REFERENCE_RELEASE_DISCARDED: 'Staged edition discarded',
  REFERENCE_RELEASE_ROLLED_BACK: 'Reference edition rolled back',
};

/** Where a reference edition stands, for a status chip. */
export const RELEASE_STATUSES: Record<ReferenceReleaseStatus, string> = {
  STAGED: 'Staged, not live',
  ACTIVE: 'Live',
  PREVIOUS: 'Previous (roll-back target)',
  RETIRED: 'Retired',
  DISCARDED: 'Discarded',
};

const DATASETS: Record<string, string> = {
  NCCI_PTP: 'NCCI procedure-to-procedure edits',
  NCCI_MUE: 'NCCI medically unlikely edits',
  NCCI_AOC: 'NCCI add-on code edits',
  X12_CARC: 'Claim adjustment reason codes',
  X12_RARC: 'Remittance advice remark codes',
  X12_GROUP: 'Claim adjustment group codes',
  MODIFIERS: 'Modifiers',
  HCPCS_L2: 'HCPCS Level II codes',
  ICD10CM: 'ICD-10-CM diagnosis codes',
  ZIP5: 'ZIP code to locality',
  OPPS_CAP: 'OPPS imaging payment caps',
};

/** A reference dataset's name for people ("GPCI_2026" -> "GPCI, 2026"). */
export function datasetName(dataset: string): string {
  const feeSchedule = /^FEE_SCHEDULE_(RVU\w+)$/.exec(dataset);
  if (feeSchedule) return `Fee schedule ${feeSchedule[1]}`;
  const year = /^(GPCI|LOCALITY_COUNTIES|ANESTHESIA_CF)_(\d{4})$/.exec(dataset);
  if (year) return `${{ GPCI: 'GPCI', LOCALITY_COUNTIES: 'Locality counties', ANESTHESIA_CF: 'Anesthesia conversion factors' }[year[1]]}, ${year[2]}`;
  return DATASETS[dataset] ?? dataset;
}

/** What a billing tip is about, in the order the topic list offers them (the usual first, "something else" last). */
export const TIP_TOPICS: Record<TipTopic, string> = {
  CODING: 'Coding and modifiers',
  DOCUMENTATION: 'Documentation and medical necessity',
  DENIAL_PATTERN: 'A denial pattern',
  PROFESSIONAL_TECHNICAL_SPLIT: 'Professional and technical parts (26, TC)',
  BILATERAL: 'Bilateral billing (50, RT, LT)',
  MULTIPLE_PROCEDURES: 'Multiple procedures the same day',
  NCCI_BUNDLING: 'NCCI code pairs (bundling)',
  UNIT_LIMIT: 'Unit limits (MUE)',
  ADD_ON: 'Add-on codes and their primaries',
  GLOBAL_PERIOD: 'Global surgery period',
  SURGICAL_TEAM: 'Assistant, co- and team surgeons',
  PAYMENT_STATUS: 'Payment status (bundled, not covered…)',
  REDUCED_OR_DISCONTINUED: 'Reduced or discontinued (52, 53)',
  IMAGING_CAP: 'Imaging cap (OPPS)',
  OTHER: 'Something else',
};

/** Why a report is in the queue, one sentence per reason ("Flagged by readers (2 new flags)"). */
export function queueReasonWords(report: { queueReasons: readonly ModerationQueueReason[]; holdReason?: string | null; unseenFlags: number }): string[] {
  return report.queueReasons.map((reason) => {
    if (reason === 'FLAGGED') return `${QUEUE_REASONS.FLAGGED} (${plural(report.unseenFlags, 'new flag')})`;
    if (reason === 'HELD_BY_CHECKS' && report.holdReason) return `${QUEUE_REASONS.HELD_BY_CHECKS}: ${HOLD_REASONS[report.holdReason] ?? report.holdReason.toLowerCase().replaceAll('_', ' ')}`;
    return QUEUE_REASONS[reason] ?? reason;
  });
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The first words of a story, for a queue row: whole words, at most `max` characters. */
export function excerpt(text: string | null | undefined, max = 90): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : clean.slice(0, max)).replace(/[\s,;:.]+$/, '')}…`;
}

/** "12 Dec 2026, 14:05" in the reader's own time zone; "never" for null. */
export function when(iso: string | null | undefined, fallback = 'never'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "in 15 minutes (at 14:20)" for a retry-after, so a locked-out person knows when to come back. */
export function retryWords(seconds: number, now = new Date()): string {
  const at = new Date(now.getTime() + seconds * 1000);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (seconds < 60) return `in ${plural(Math.max(1, Math.ceil(seconds)), 'second')} (at ${time})`;
  return `in ${plural(Math.ceil(seconds / 60), 'minute')} (at ${time})`;
}

export interface AuditFilterValues {
  action: string;
  /** YYYY-MM-DD or ''. */
  from: string;
  /** YYYY-MM-DD or '', inclusive: the API's `to` is exclusive, so the day after is sent. */
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day after a YYYY-MM-DD date (the API's `to` excludes its own day). */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The filters as API arguments (shared by the GraphQL query and the CSV link). */
export function auditApiFilter(filter: AuditFilterValues): { action: string | null; from: string | null; to: string | null } {
  return {
    action: filter.action || null,
    from: DAY.test(filter.from) ? filter.from : null,
    to: DAY.test(filter.to) ? dayAfter(filter.to) : null,
  };
}

/** /exports/audit-log.csv with the same filters as the table. */
export function auditCsvHref(filter: AuditFilterValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(auditApiFilter(filter))) if (value) params.set(key, value);
  const query = params.toString();
  return `/exports/audit-log.csv${query ? `?${query}` : ''}`;
}

/** The invitation token from `#token=...` (the fragment never reaches a server). */
export function invitationTokenFrom(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token ? token : null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** An audit entry's details (JSON) as short "key: value" words; hashes shortened, instants as dates. */
export function detailWords(details: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return details;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return '';
  return Object.entries(parsed as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => {
      const hash = key.endsWith('Sha256');
      const name = `${key.replace(/Sha256$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}${hash ? ' SHA-256' : ''}`;
      let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      if (hash && text.length > 12) text = `${text.slice(0, 12)}…`;
      // Hashes inside a value (an upload's files) are cut the same way: 12 characters tell files apart.
      else if (/[0-9a-f]{64}/.test(text)) text = text.replace(/([0-9a-f]{12})[0-9a-f]{52}/g, '$1…');
      else if (ISO_INSTANT.test(text)) text = when(text);
      return `${name}: ${text}`;
    })
    .join('; ');
}
