import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { APP_CONFIG, AppConfig, RateLimiter } from '@denialmap/server/core';
import { DenialReportRepository } from '@denialmap/server/denials/data-access';
import { CodeSetRepository } from '@denialmap/server/reference-data/data-access';
import {
  DenialReportDraft,
  FieldProblem,
  isTooShortToCompare,
  NEAR_DUPLICATE_SIMILARITY,
  narrativeSimilarity,
  normaliseReport,
  NormalisedReport,
  yearQuarter,
} from '@denialmap/shared/denial-reports';
import { scanText } from '@denialmap/shared/phi-guard';
import { toPhiFindingObjects } from '../graphql/phi.objects';
import { DenialReportReceiptObject, DenialReportRefusalObject, DenialReportStatusEnum, RefusalReasonEnum } from '../graphql/submission.objects';
import { reportCodeProblems } from './report-code-checks';
import { reportFingerprint } from './report-fingerprint';
import { rateLimitMessage, reportRateRules } from './report-limits';
import { RequestOrigin, SubmitterIdentity } from './submitter-identity';

const DAY_MS = 86_400_000;
/** How far back a narrative is compared for near duplicates, and how many. */
const NEAR_DUPLICATE_WINDOW_DAYS = 30;
const NEAR_DUPLICATE_CANDIDATES = 200;

type Refusal = DenialReportRefusalObject;
const refusal = (reason: RefusalReasonEnum, message: string, extra: Partial<Refusal> = {}): Refusal => ({
  reason,
  message,
  fieldErrors: [],
  patientInformation: [],
  retryAfterSeconds: null,
  ...extra,
});

/**
 * submitDenialReport, in the order that refuses cheapest first and stores nothing on refusal:
 * hidden field, field rules, patient-information guard, reference codes, rate limits (counted only
 * for reports that pass everything above), exact duplicates, near-duplicate narratives (held for a
 * moderator rather than refused: accepted data is never lost), then one statement storing the
 * report with its outbox event.
 */
@Injectable()
export class SubmitReportService {
  constructor(
    private readonly reports: DenialReportRepository,
    private readonly codeSets: CodeSetRepository,
    private readonly identity: SubmitterIdentity,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(draft: DenialReportDraft & { website?: string | null }, origin: RequestOrigin, now = new Date()): Promise<DenialReportReceiptObject | Refusal> {
    if (draft.website && draft.website.trim() !== '') {
      return refusal(RefusalReasonEnum.AUTOMATED_SUBMISSION, 'The report was not accepted.');
    }
    const blockedUntil = await this.identity.blockedUntil(origin, now);
    if (blockedUntil) {
      return refusal(RefusalReasonEnum.SUBMITTER_BLOCKED, `A moderator has paused reports from this connection until ${blockedUntil.toISOString().slice(0, 16).replace('T', ' ')} UTC; nothing was stored.`, {
        retryAfterSeconds: Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000),
      });
    }
    const { report, problems } = normaliseReport(draft, now);
    if (!report) return invalid(problems);

    const findings = report.narrative ? scanText(report.narrative) : [];
    if (findings.length > 0) {
      return refusal(RefusalReasonEnum.PATIENT_INFORMATION, 'The story contains what looks like patient information. Remove it and send the report again; nothing was stored.', {
        patientInformation: toPhiFindingObjects(findings).map((finding) => ({ field: 'narrative', finding })),
      });
    }

    const codeProblems = reportCodeProblems(report, await this.codeSets.reportCodeFacts(report));
    if (codeProblems.length > 0) return invalid(codeProblems);

    const submitterHash = await this.identity.hash(origin, now);
    const decision = await this.limiter.consume(reportRateRules(this.config, submitterHash, report.code), now.getTime());
    if (!decision.allowed) {
      return refusal(RefusalReasonEnum.RATE_LIMITED, rateLimitMessage(decision.rule.name, decision.retryAfterSeconds), { retryAfterSeconds: decision.retryAfterSeconds });
    }

    const fingerprint = reportFingerprint(report, submitterHash);
    if (await this.reports.fingerprintSeen(fingerprint, new Date(now.getTime() - DAY_MS))) {
      return refusal(RefusalReasonEnum.DUPLICATE, 'This report was already received today; it is counted once.');
    }
    const nearDuplicate = await this.isNearDuplicate(report, now);
    const stored = await this.reports.insertWithOutbox({
      ...report,
      status: nearDuplicate ? 'HELD' : 'PUBLISHED',
      holdReason: nearDuplicate ? 'NEAR_DUPLICATE' : null,
      submitterHash,
      fingerprint,
      sampledForReview: !nearDuplicate && sampled(this.config.REVIEW_SAMPLE_RATE),
    });
    return {
      reportId: stored.id,
      code: stored.code,
      status: nearDuplicate ? DenialReportStatusEnum.HELD : DenialReportStatusEnum.PUBLISHED,
      message: nearDuplicate
        ? 'Received. Its story closely matches another recent report for this code, so a moderator will look at it before it counts.'
        : `Received and published: it counts in the denial patterns for ${stored.code} within seconds. Thank you.`,
      receivedAt: stored.createdAt.toISOString(),
      serviceQuarter: yearQuarter(report.serviceYear, report.serviceQuarter),
    };
  }

  private async isNearDuplicate(report: NormalisedReport, now: Date): Promise<boolean> {
    if (!report.narrative || isTooShortToCompare(report.narrative)) return false;
    const since = new Date(now.getTime() - NEAR_DUPLICATE_WINDOW_DAYS * DAY_MS);
    const recent = await this.reports.recentNarratives(report.code, since, NEAR_DUPLICATE_CANDIDATES);
    return recent.some((other) => narrativeSimilarity(report.narrative as string, other) >= NEAR_DUPLICATE_SIMILARITY);
  }
}

/** A random share of published reports gets a moderator's second look (they stay published meanwhile). */
function sampled(rate: number): boolean {
  return rate >= 1 || (rate > 0 && randomInt(1_000_000) < rate * 1_000_000);
}

function invalid(problems: FieldProblem[]): Refusal {
  return refusal(RefusalReasonEnum.INVALID_INPUT, `The report has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was stored.`, { fieldErrors: problems });
}
