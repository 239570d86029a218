import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobProducer, QUEUES, RateLimiter } from '@denialmap/server/core';
import { SubmitterKeyRepository } from '@denialmap/server/denials/data-access';
import { ToolkitDocumentView, ToolkitRepository } from '@denialmap/server/guidance/data-access';
import { FeeScheduleRepository, ReleaseCatalog } from '@denialmap/server/reference-data/data-access';
import { InvalidInputError, NotFoundError, RateLimitedError } from '@denialmap/shared/errors';
import { IsoDate, parseIsoDate, selectRelease } from '@denialmap/shared/fee-schedule';
import { checkToolkitRequest, TOOLKIT_CONSENT_TEXT, ToolkitRequestInput } from './toolkit-request';

/**
 * Toolkit requests: checks what was asked, stores the consented email (apart from everything
 * else), creates the document and queues its build. Limited per address, counted under a keyed
 * hash of the address, never the address itself.
 */
@Injectable()
export class ToolkitService {
  constructor(
    private readonly documents: ToolkitRepository,
    private readonly jobs: JobProducer,
    private readonly limiter: RateLimiter,
    private readonly submitterKeys: SubmitterKeyRepository,
    private readonly releases: ReleaseCatalog,
    private readonly feeSchedule: FeeScheduleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(input: ToolkitRequestInput & { dateOfService?: string | null }, ip: string, now = new Date()): Promise<ToolkitDocumentView> {
    const checked = checkToolkitRequest(input);
    const dateOfService = input.dateOfService ? parseIsoDate(input.dateOfService, 'input.dateOfService') : (now.toISOString().slice(0, 10) as IsoDate);
    await this.checkCodesArePriced(checked.codes, dateOfService);
    const address = await this.submitterKeys.addressHash('toolkit', ip, now);
    const decision = await this.limiter.consume([{ name: 'toolkit-hour', subject: address, limit: this.config.TOOLKITS_PER_HOUR, windowSeconds: 3600 }], now.getTime());
    if (!decision.allowed) throw new RateLimitedError(`Too many toolkits from this connection: try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`, decision.retryAfterSeconds);
    if (checked.email) await this.documents.addContact(checked.email, TOOLKIT_CONSENT_TEXT);
    const doc = await this.documents.create({ preset: checked.preset, codes: checked.codes, dateOfService, ttlHours: this.config.TOOLKIT_TTL_HOURS });
    await this.jobs.enqueue(QUEUES.toolkit, 'build-toolkit', { documentId: doc.id }, { jobId: `toolkit-${doc.id}` });
    return (await this.documents.find(doc.id)) ?? doc;
  }

  async status(id: string): Promise<ToolkitDocumentView> {
    const trimmed = id.trim();
    if (!/^[0-9a-f-]{36}$/i.test(trimmed)) throw new InvalidInputError('id', 'id is a toolkit id from requestToolkit.');
    const doc = await this.documents.find(trimmed);
    if (!doc) {
      const gone = await this.documents.expired(trimmed);
      throw new NotFoundError('Toolkit', trimmed, gone ? 'This toolkit has expired and was deleted; build a new one.' : `No toolkit ${trimmed}.`);
    }
    return doc;
  }

  consentText(): string {
    return TOOLKIT_CONSENT_TEXT;
  }

  /** Every code must be in the fee schedule release in force, or the toolkit would have holes. */
  private async checkCodesArePriced(codes: string[], dateOfService: IsoDate): Promise<void> {
    const release = selectRelease(await this.releases.releases(), dateOfService).release;
    const found = new Set(await this.feeSchedule.codesInRelease(release.id, codes));
    const missing = codes.filter((c) => !found.has(c));
    if (missing.length > 0) throw new InvalidInputError('input.codes', `Not in the Medicare Physician Fee Schedule for ${dateOfService}: ${missing.join(', ')}.`);
  }
}
