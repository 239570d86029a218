import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, pageSize, StaffActor } from '@denialmap/server/core';
import {
  DecisionOutcome,
  ModerationQueueRepository,
  ModerationReport,
  NewAuditEntry,
  QueueCursor,
  QueueFilter,
  QueueOrder,
  SubmitterBlock,
  SubmitterBlockRepository,
} from '@denialmap/server/moderation/data-access';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { scanText } from '@denialmap/shared/phi-guard';
import { sha256 } from '../auth/secret-token';
import { redactionProblem } from './redaction';

const MAX_BLOCK_DAYS = 90;

export interface QueuePage {
  items: { cursor: string; report: ModerationReport }[];
  total: number;
  hasNextPage: boolean;
}

function reasonText(reason: string | null | undefined, required: boolean): string | null {
  const text = (reason ?? '').trim();
  if (!text) {
    if (required) throw new InvalidInputError('reason', 'A reason is required (3 to 500 characters); it is kept in the audit log.');
    return null;
  }
  if (text.length < 3 || text.length > 500) throw new InvalidInputError('reason', 'A reason has 3 to 500 characters.');
  if (scanText(text).length > 0) throw new InvalidInputError('reason', 'The reason looks like it contains patient information; describe the problem without it.');
  return text;
}

export function encodeQueueCursor(r: ModerationReport): string {
  return Buffer.from(JSON.stringify([r.unseenFlags, r.createdAt.toISOString(), r.id]), 'utf8').toString('base64url');
}

export function decodeQueueCursor(cursor: string): QueueCursor {
  try {
    const [unseenFlags, createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string, string];
    const at = new Date(createdAt);
    if (Number.isInteger(unseenFlags) && !Number.isNaN(at.getTime()) && /^[0-9a-f-]{36}$/i.test(id)) return { unseenFlags, createdAt: at, id };
  } catch {
    // falls through to the typed error below
  }
  throw new InvalidInputError('after', 'after is not a cursor from this queue.');
}

/**
 * The moderation queue and its four actions. Approve, reject and redact change the report and
 * re-queue the code's aggregation in one transaction with their audit entry; blocks pause a
 * submitter's new reports.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly queue: ModerationQueueRepository,
    private readonly blocks: SubmitterBlockRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(filter: QueueFilter, order: QueueOrder, first: number | null, after: string | null): Promise<QueuePage> {
    const limit = pageSize(first);
    if (filter.code && !/^[A-Z0-9]{5}$/i.test(filter.code)) throw new InvalidInputError('code', 'A code has 5 letters or digits, e.g. 70390.');
    const { items, total } = await this.queue.page({ ...filter, code: filter.code?.toUpperCase() ?? null }, order, after ? decodeQueueCursor(after) : null, limit + 1);
    return { items: items.slice(0, limit).map((report) => ({ cursor: encodeQueueCursor(report), report })), total, hasNextPage: items.length > limit };
  }

  async report(id: string): Promise<ModerationReport> {
    const report = await this.queue.find(id.trim());
    if (!report) throw new NotFoundError('DenialReport', id);
    return report;
  }

  async approve(actor: StaffActor, id: string, note: string | null): Promise<ModerationReport> {
    const why = reasonText(note, false);
    return done(id, await this.queue.approve(id.trim(), (r) => this.entry(actor, 'REPORT_APPROVED', r, why)));
  }

  async reject(actor: StaffActor, id: string, reason: string): Promise<ModerationReport> {
    const why = reasonText(reason, true) as string;
    return done(id, await this.queue.reject(id.trim(), why, (r) => this.entry(actor, 'REPORT_REJECTED', r, why)));
  }

  async redact(actor: StaffActor, id: string, narrative: string | null, note: string | null): Promise<ModerationReport> {
    const why = reasonText(note, false);
    const next = narrative?.trim() ? narrative.trim() : null;
    if (next && scanText(next).length > 0) throw new InvalidInputError('narrative', 'The redacted story still contains what looks like patient information; remove it too.');
    const outcome = await this.queue.redact(
      id.trim(),
      (before) => {
        const problem = redactionProblem(before, next);
        return problem ? { field: 'narrative', message: problem } : { narrative: next };
      },
      (r, before) =>
        this.entry(actor, 'REPORT_REDACTED', r, why, {
          beforeSha256: sha256(before ?? ''),
          afterSha256: sha256(next ?? ''),
          removedCharacters: (before ?? '').length - (next ?? '').length,
        }),
    );
    return done(id, outcome);
  }

  async block(actor: StaffActor, reportId: string, days: number, reason: string, now = new Date()): Promise<SubmitterBlock> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_BLOCK_DAYS) throw new InvalidInputError('days', `A block lasts 1 to ${MAX_BLOCK_DAYS} days.`);
    const why = reasonText(reason, true) as string;
    const report = await this.report(reportId);
    const until = new Date(now.getTime() + days * 86_400_000);
    const block = await this.blocks.blockFromReport(report.id, until, why, actor.accountId, (code, b) => ({
      actorId: actor.accountId,
      actorEmail: actor.email,
      action: 'SUBMITTER_BLOCKED',
      reason: why,
      reportId: report.id,
      code,
      details: { blockId: b.id, submitterRef: b.submitterRef, blockedUntil: b.blockedUntil.toISOString(), days },
    }));
    if (!block) throw new NotFoundError('DenialReport', reportId);
    return block;
  }

  async lift(actor: StaffActor, blockId: string, reason: string): Promise<SubmitterBlock> {
    const why = reasonText(reason, true) as string;
    if (!/^[0-9a-f-]{36}$/i.test(blockId.trim())) throw new NotFoundError('SubmitterBlock', blockId);
    const block = await this.blocks.lift(blockId.trim(), (b) => ({
      actorId: actor.accountId,
      actorEmail: actor.email,
      action: 'SUBMITTER_UNBLOCKED',
      reason: why,
      details: { blockId: b.id, submitterRef: b.submitterRef },
    }));
    if (!block) throw new NotFoundError('SubmitterBlock', blockId);
    return block;
  }

  activeBlocks(now = new Date()): Promise<SubmitterBlock[]> {
    return this.blocks.active(now);
  }

  /** The rules as published to everyone, with this deployment's numbers. */
  rules(): { title: string; text: string }[] {
    const c = this.config;
    return [
      { title: 'What a report is for', text: 'A report describes one claim denial: the code, the payer type, the reason codes, what was done and how it ended. It never describes a patient.' },
      {
        title: 'Patient information is removed at once',
        text: 'Names, dates of birth, record or member numbers, addresses and any other patient detail are refused when a report is sent. If any slips through, a single reader\u2019s flag for patient information takes the report out of view until a moderator removes the text or the report.',
      },
      { title: 'Readers\u2019 flags', text: `Anyone may flag a report once. After ${c.FLAGS_TO_HOLD_REPORT} flags from different readers the report leaves the public stats until a moderator has looked at it.` },
      {
        title: 'Automated checks and spot checks',
        text: `Stories that closely match another recent report are held for a moderator instead of counting twice. About ${Math.round(c.REVIEW_SAMPLE_RATE * 1000) / 10}% of published reports are also picked at random for a second look; they stay published meanwhile.`,
      },
      {
        title: 'What moderators do',
        text: 'Approve (the report counts), reject with a written reason (it stops counting), redact (remove words from the story; nothing can be added or reworded, and the removed text is not kept), or pause an anonymous submitter for up to 90 days when reports are abusive or invented. Stats are recomputed within seconds of every decision.',
      },
      { title: 'Small groups stay hidden', text: `Denial patterns appear only once ${c.DENIAL_STATS_THRESHOLD} different billers have reported on a code, and no group smaller than that is ever shown, whatever a moderator does.` },
      { title: 'Every staff action is recorded', text: 'Each decision is kept in an audit log (who, what, when and why) that no one can edit or delete through DenialMap.' },
    ];
  }

  private entry(actor: StaffActor, action: NewAuditEntry['action'], r: ModerationReport, reason: string | null, details: NewAuditEntry['details'] = {}): NewAuditEntry {
    return { actorId: actor.accountId, actorEmail: actor.email, action, reason, reportId: r.id, code: r.code, details: { status: r.status, ...details } };
  }
}

function done(id: string, outcome: DecisionOutcome): ModerationReport {
  switch (outcome.status) {
    case 'DONE':
      return outcome.report;
    case 'NOT_FOUND':
      throw new NotFoundError('DenialReport', id);
    case 'REFUSED':
      throw new InvalidInputError(outcome.field, outcome.message);
  }
}
