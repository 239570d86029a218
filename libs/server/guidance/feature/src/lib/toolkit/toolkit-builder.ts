import { Injectable } from '@nestjs/common';
import { ToolkitDocumentView, ToolkitRepository } from '@denialmap/server/guidance/data-access';
import { DatasetCatalog, NcciRepository } from '@denialmap/server/reference-data/data-access';
import { IsoDate } from '@denialmap/shared/fee-schedule';
import { toolkitContent, toolkitPreset } from '@denialmap/shared/guidance';
import { isPtpEditInForce } from '@denialmap/shared/ncci';
import { GuidanceService } from '../guidance.service';
import { renderToolkitPdf } from './toolkit-pdf';

const CPT_NOTICE = 'CPT® codes and descriptions are copyright American Medical Association. All rights reserved.';

/**
 * Builds one toolkit document: the tips of every code (as the code pages show them), the NCCI
 * pairs among the codes, the data releases used; renders the PDF and stores it. Progress goes to
 * the document row, so the page that asked can follow it from any api instance.
 */
@Injectable()
export class ToolkitBuilder {
  constructor(
    private readonly documents: ToolkitRepository,
    private readonly guidance: GuidanceService,
    private readonly ncci: NcciRepository,
    private readonly datasets: DatasetCatalog,
  ) {}

  async build(documentId: string, reportProgress: (percent: number) => Promise<void> = async () => undefined): Promise<{ pages: number; bytes: number } | null> {
    const doc = await this.documents.find(documentId);
    if (!doc) return null;
    if (doc.status === 'READY') return { pages: doc.pages ?? 0, bytes: doc.bytes ?? 0 };
    try {
      const progress = async (percent: number) => {
        await this.documents.progress(documentId, percent);
        await reportProgress(percent);
      };
      await progress(5);
      const content = await this.content(doc, async (done, of) => progress(5 + Math.round((done / of) * 60)));
      const { bytes, pages } = await renderToolkitPdf(content, async (done, of) => progress(65 + Math.round((done / of) * 30)));
      await this.documents.complete(documentId, bytes, pages);
      await this.documents.purgeExpired();
      return { pages, bytes: bytes.length };
    } catch (error) {
      await this.documents.fail(documentId, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  private async content(doc: ToolkitDocumentView, onCode: (done: number, of: number) => Promise<void>) {
    const dateOfService = doc.dateOfService as IsoDate;
    const codes = [];
    for (const [i, code] of doc.codes.entries()) {
      const answer = await this.guidance.tipsFor(code, dateOfService);
      codes.push({
        code,
        descriptor: answer.descriptor,
        nationalAmount: answer.facts.global.nationalNonFacilityAmount,
        tips: answer.tips,
        communityUnlocked: answer.communityUnlocked,
        reportersNeeded: answer.reportersNeeded,
        release: answer.release,
        releaseNote: answer.releaseNote,
      });
      await onCode(i + 1, doc.codes.length);
    }
    const releases = [...new Map(codes.map((c) => [c.release.id, c.release])).values()];
    const releaseNotes = [...new Set(codes.map((c) => c.releaseNote).filter((n): n is string => n !== null))];
    const editions = (await this.datasets.editions()).filter((e) => e.dataset.startsWith('NCCI_') || e.dataset === 'OPPS_CAP');
    const pairs = (await this.ncci.ptpEditsAmong(doc.codes)).filter((e) => isPtpEditInForce(e, dateOfService));
    const preset = doc.preset ? toolkitPreset(doc.preset) : undefined;
    return toolkitContent({
      title: preset ? preset.name : `Your codes: ${doc.codes.join(', ')}`,
      dateOfService,
      generatedOn: new Date().toISOString().slice(0, 10),
      sources: [
        ...releases.map((r) => `CMS Medicare Physician Fee Schedule ${r.id} (${r.sourceFile}), in force ${r.effectiveFrom} to ${r.effectiveTo}, conversion factor $${r.conversionFactor}`),
        ...releaseNotes,
        ...editions.map((e) => `${e.label} (${e.sourceFile})`),
        'DenialMap community denial reports, as published on the day of this toolkit (codes unlock at 5 distinct billers; smaller groups are withheld)',
        'DenialMap editors’ tips, each with the source its author gave',
      ],
      conflicts: pairs.map((p) => ({ column1: p.column1, column2: p.column2, modifierIndicator: p.modifierIndicator, rationale: p.rationale })),
      codes,
      notices: [
        CPT_NOTICE,
        ...releases.flatMap((r) => r.notices).filter((n, i, all) => all.indexOf(n) === i && n !== CPT_NOTICE),
        'Amounts are national Medicare estimates for a typical case, not a promise of payment. Payers other than Medicare follow their own policies. This toolkit is billing guidance, not legal advice.',
      ],
    });
  }
}
