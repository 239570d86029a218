import { Injectable } from '@nestjs/common';
import { DatasetCatalog, FeeScheduleReleaseView, FeeScheduleRepository, NcciRepository, ReleaseCatalog, RvuRowView } from '@denialmap/server/reference-data/data-access';
import { NotFoundError } from '@denialmap/shared/errors';
import { decimal, IsoDate, NATIONAL_GPCI, selectRelease, settingAmount } from '@denialmap/shared/fee-schedule';
import { CodeFacts, NcciFacts, OppsCapFacts, RowFacts } from '@denialmap/shared/guidance';

const PTP_EXAMPLES = 40;
const ADD_ON_PRIMARIES = 20;

/** The release used and every fact rule-derived tips need, read from the reference tables. */
@Injectable()
export class CodeFactsAssembler {
  constructor(
    private readonly releases: ReleaseCatalog,
    private readonly feeSchedule: FeeScheduleRepository,
    private readonly ncci: NcciRepository,
    private readonly datasets: DatasetCatalog,
  ) {}

  async facts(code: string, dateOfService: IsoDate): Promise<{ facts: CodeFacts; release: FeeScheduleReleaseView; releaseNote: string | null; descriptor: string }> {
    const choice = selectRelease(await this.releases.releases(), dateOfService);
    const release = choice.release;
    const [rows, ncci, caps, capEdition] = await Promise.all([
      this.feeSchedule.findRvuRows(release.id, code),
      this.ncciFacts(code, dateOfService),
      this.feeSchedule.oppsCaps(code),
      this.datasets.edition('OPPS_CAP'),
    ]);
    const row = (modifier: string) => rows.find((r) => r.modifier === modifier) ?? null;
    const global = row('');
    if (!global) throw new NotFoundError('Code', code, `${code} is not in the Medicare Physician Fee Schedule release ${release.id}, so there are no fee schedule tips for it.`);
    const label = `CMS MPFS ${release.id}`;
    const toFacts = (r: RvuRowView | null): RowFacts | null => r && rowFacts(r, release, label);
    return {
      release,
      releaseNote: choice.note,
      descriptor: global.description,
      facts: {
        code,
        release: { label, sourceFile: release.sourceFile },
        global: toFacts(global) as RowFacts,
        professional: toFacts(row('26')),
        technical: toFacts(row('TC')),
        discontinued: toFacts(row('53')),
        ncci,
        oppsCap: oppsCapFacts(caps, capEdition?.sourceFile ?? 'OPPS cap file'),
      },
    };
  }

  private async ncciFacts(code: string, dateOfService: string): Promise<NcciFacts> {
    const [ptpEdition, mueEdition, aocEdition] = await Promise.all(['NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC'].map((d) => this.datasets.edition(d)));
    const asColumnTwo = (modifierAllowed: boolean | null, limit: number) =>
      this.ncci.ptpEdits({ code, role: 'COLUMN_2', inForceOn: dateOfService, modifierAllowed, offset: 0, limit });
    const [all, allowed, mue, addOn] = await Promise.all([
      ptpEdition ? asColumnTwo(null, PTP_EXAMPLES) : null,
      ptpEdition ? asColumnTwo(true, 1) : null,
      mueEdition ? this.ncci.mue(code) : null,
      aocEdition ? this.ncci.addOnEdits(code, 'ADD_ON', ADD_ON_PRIMARIES) : null,
    ]);
    return {
      ptp:
        ptpEdition && all && allowed
          ? {
              label: ptpEdition.label,
              sourceFile: ptpEdition.sourceFile,
              asColumnTwo: { inForce: all.total, modifierAllowed: allowed.total, examples: all.edits.map((e) => ({ column1: e.column1, modifierAllowed: e.modifierIndicator === '1' })) },
            }
          : null,
      mue: mueEdition && mue ? { label: mueEdition.label, sourceFile: mueEdition.sourceFile, maxUnits: mue.maxUnits, adjudicationIndicator: mue.adjudicationIndicator, rationale: mue.rationale } : null,
      addOn:
        aocEdition && addOn && addOn.total > 0
          ? {
              label: aocEdition.label,
              sourceFile: aocEdition.sourceFile,
              editType: addOn.edits[0].editType,
              primaryCodes: addOn.edits.map((e) => e.primaryCode),
              primaryCodeCount: addOn.total,
            }
          : null,
    };
  }
}

function rowFacts(row: RvuRowView, release: FeeScheduleReleaseView, label: string): RowFacts {
  const source = `${label}, ${release.sourceFile}`;
  const national = (setting: 'NON_FACILITY' | 'FACILITY') => settingAmount(row, setting, NATIONAL_GPCI, release.conversionFactor, source).amount;
  return {
    statusCode: row.statusCode,
    workRvu: row.workRvu,
    nonFacilityPeRvu: row.nonFacilityPeRvu,
    nonFacilityNa: row.nonFacilityNa,
    facilityPeRvu: row.facilityPeRvu,
    facilityNa: row.facilityNa,
    mpRvu: row.mpRvu,
    conversionFactor: release.conversionFactor,
    pctcIndicator: row.pctcIndicator,
    globalDays: row.globalDays,
    preOpShare: row.preOpShare,
    intraOpShare: row.intraOpShare,
    postOpShare: row.postOpShare,
    multipleProcedureIndicator: row.multipleProcedureIndicator,
    bilateralIndicator: row.bilateralIndicator,
    assistantIndicator: row.assistantIndicator,
    coSurgeonIndicator: row.coSurgeonIndicator,
    teamIndicator: row.teamIndicator,
    endoscopicBase: row.endoscopicBase,
    nationalNonFacilityAmount: national('NON_FACILITY'),
    nationalFacilityAmount: national('FACILITY'),
  };
}

/** Caps on the global or TC row: how many localities, and the lowest non-facility cap. */
function oppsCapFacts(caps: Awaited<ReturnType<FeeScheduleRepository['oppsCaps']>>, sourceFile: string): OppsCapFacts | null {
  const relevant = caps.filter((c) => c.modifier === '' || c.modifier === 'TC');
  if (relevant.length === 0) return null;
  const lowest = relevant.reduce((low, c) => (decimal(c.nonFacilityPrice).lessThan(low.nonFacilityPrice) ? c : low));
  return {
    sourceFile,
    localities: new Set(relevant.map((c) => `${c.mac}-${c.localityNumber}`)).size,
    lowest: { amount: decimal(lowest.nonFacilityPrice).toFixed(2), mac: lowest.mac, localityNumber: lowest.localityNumber, modifier: lowest.modifier },
  };
}
