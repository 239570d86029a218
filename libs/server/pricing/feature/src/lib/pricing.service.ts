import { Injectable } from '@nestjs/common';
import { MemoCache } from '@denialmap/server/core';
import {
  AddOnEditView,
  CodeSetRepository,
  DatasetCatalog,
  DatasetReleaseView,
  FeeScheduleReleaseView,
  FeeScheduleRepository,
  LocalityRepository,
  LocalityView,
  MueView,
  NcciRepository,
  OppsCapView,
  PtpEditView,
  ReleaseCatalog,
  RvuRowView,
  ZipLocalityView,
} from '@denialmap/server/reference-data/data-access';
import { InvalidInputError } from '@denialmap/shared/errors';
import {
  appliedWorkGpci,
  ClaimFinding,
  ClaimLineInput as PricingLine,
  conversionFactorsFor,
  GeographicIndices,
  IsoDate,
  NATIONAL_GPCI,
  OppsCapAmounts,
  parseHcpcsCode,
  parseIsoDate,
  placeOfServiceSetting,
  priceClaim,
  PricedClaim,
  PricingRvuRow,
  selectRelease,
  Setting,
  sortFindings,
} from '@denialmap/shared/fee-schedule';
import { checkClaimEdits, ClaimEditData } from '@denialmap/shared/ncci';
import {
  CareSetting,
  ClaimCheckObject,
  ClaimFindingObject,
  ClaimInput,
  FindingKindEnum,
  FindingSeverityEnum,
  LinePricingKind,
  PriceInput,
  PricedLineObject,
  PriceResultObject,
  PricingLocalityObject,
  PricingReleaseObject,
} from './graphql/pricing.objects';

export const MAX_CLAIM_LINES = 50;
export const MAX_UNITS = 999;
const MAX_MODIFIERS = 4;

interface Context {
  dateOfService: IsoDate;
  release: FeeScheduleReleaseView;
  releaseObject: PricingReleaseObject;
  setting: Setting;
  settingBasis: string;
  locality: LocalityView | null;
  gpci: GeographicIndices;
  participating: boolean;
  nonPhysicianPractitioner: boolean;
  capsApply: boolean;
  notes: string[];
  datasets: DatasetReleaseView[];
  datasetKey: string;
}

interface RawContext {
  dateOfService: string;
  placeOfService?: string | null;
  setting?: CareSetting | null;
  locality?: string | null;
  zip?: string | null;
  participating?: boolean | null;
  nonPhysicianPractitioner?: boolean | null;
  qualifyingApmParticipant?: boolean | null;
}

type Field = (name: 'code' | 'modifiers' | 'units' | 'postOperativeDays', line: number) => string;

/**
 * Prices a code or a whole claim: resolves release, setting, locality and every reference fact
 * the pure rules need (memoised per edition, so a new import is never served stale), then runs the
 * NCCI claim edits and the MPFS pricing rules.
 */
@Injectable()
export class PricingService {
  private readonly rvus = new MemoCache<RvuRowView[]>(20_000);
  private readonly caps = new MemoCache<OppsCapView[]>(5_000);
  private readonly ptp = new MemoCache<PtpEditView[]>(5_000);
  private readonly mues = new MemoCache<MueView | null>(20_000);
  private readonly addOns = new MemoCache<AddOnEditView[]>(20_000);
  private readonly localityYears = new MemoCache<Map<number, Map<string, LocalityView>>>(4);
  private readonly zips = new MemoCache<ZipLocalityView | null>(20_000);
  private readonly modifierSet = new MemoCache<Set<string>>(4);
  private readonly carcs = new MemoCache<string | null>(1_000);
  constructor(
    private readonly feeSchedule: FeeScheduleRepository,
    private readonly ncci: NcciRepository,
    private readonly localities: LocalityRepository,
    private readonly codeSets: CodeSetRepository,
    private readonly releases: ReleaseCatalog,
    private readonly datasets: DatasetCatalog,
  ) {}

  /** Whole answers are cached per edition by ReferenceAnswerCache (PricingAnswers registers them). */
  async price(input: PriceInput): Promise<PriceResultObject> {
    const ctx = await this.context(input);
    const line = { code: input.code, modifiers: input.modifiers, units: input.units, postOperativeDays: input.postOperativeDays };
    const { claim, findings } = await this.run(ctx, [line], (name) => `input.${name}`, 'price');
    return { ...this.header(ctx), ...this.lineObject(claim.lines[0]), findings };
  }

  async checkClaim(input: ClaimInput): Promise<ClaimCheckObject> {
    if (!Array.isArray(input.lines) || input.lines.length === 0 || input.lines.length > MAX_CLAIM_LINES) {
      throw new InvalidInputError('input.lines', `A claim has 1 to ${MAX_CLAIM_LINES} lines; ${input.lines?.length ?? 0} were given.`);
    }
    const ctx = await this.context(input);
    const { claim, findings } = await this.run(ctx, input.lines, (name, i) => `input.lines[${i}].${name}`, 'claim');
    return { ...this.header(ctx), lines: claim.lines.map((l) => this.lineObject(l)), total: claim.total, findings };
  }

  private header(ctx: Context) {
    const l = ctx.locality;
    const locality: PricingLocalityObject | null = l
      ? {
          id: `${l.mac}-${l.localityNumber}`,
          name: l.name,
          state: l.state,
          workGpci: ctx.gpci.work as string,
          practiceExpenseGpci: l.peGpci,
          malpracticeGpci: l.mpGpci,
          source: ctx.gpci.label,
        }
      : null;
    return { dateOfService: ctx.dateOfService, release: ctx.releaseObject, setting: ctx.setting as CareSetting, settingBasis: ctx.settingBasis, locality, notes: ctx.notes };
  }

  private lineObject(l: PricedClaim['lines'][number]): PricedLineObject {
    return {
      line: l.line,
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      pricing: l.pricing as LinePricingKind,
      payable: l.pricing === 'FEE_SCHEDULE' || l.pricing === 'CONTRACTOR_PRICED',
      amount: l.amount,
      feeScheduleAmount: l.feeScheduleAmount,
      limitingCharge: l.limitingCharge,
      rvuRow: l.rvuRowModifier,
      reason: l.reason,
      steps: l.steps,
    };
  }

  private async run(
    ctx: Context,
    rawLines: { code: string; modifiers?: string[] | null; units?: number | null; postOperativeDays?: number | null }[],
    field: Field,
    mode: 'price' | 'claim',
  ): Promise<{ claim: PricedClaim; findings: ClaimFindingObject[] }> {
    const known = await this.knownModifiers(ctx);
    const lines: PricingLine[] = rawLines.map((raw, i) => this.validLine(raw, i, field, known));
    const codes = [...new Set(lines.map((l) => l.code))];
    const rowsByCode = await this.rowsFor(ctx.release, codes);
    for (const [i, l] of lines.entries()) {
      if (rowsByCode.get(l.code)?.length) continue;
      // A claim may carry codes Medicare pays under another fee schedule (e.g. 0001U, a lab code):
      // they get no amount here, but NCCI edits still apply to them. A code nobody knows is a typo.
      if (mode === 'claim' && (await this.knownOutsideSchedule(ctx, l.code))) {
        notes(ctx, `${l.code} is not on the physician fee schedule (${ctx.release.id}): Medicare pays it under another fee schedule (lab codes under the clinical laboratory fee schedule), so it has no amount here; its NCCI edits are still checked.`);
        continue;
      }
      throw new InvalidInputError(field('code', i), `${l.code} is not in the Medicare Physician Fee Schedule release ${ctx.release.id} (${ctx.release.sourceFile}).`);
    }
    const bases = [...new Set([...rowsByCode.values()].flat().map((r) => r.endoscopicBase).filter((b): b is string => !!b && !rowsByCode.has(b)))];
    for (const [code, rows] of await this.rowsFor(ctx.release, bases)) rowsByCode.set(code, rows);

    const edits = checkClaimEdits(lines, await this.editData(ctx, codes, mode));
    const claim = priceClaim({
      release: { id: ctx.release.id, label: ctx.releaseObject.label, sourceFile: ctx.release.sourceFile, conversionFactor: ctx.releaseObject.conversionFactor, conversionFactorSource: ctx.releaseObject.conversionFactorSource },
      gpci: ctx.gpci,
      setting: ctx.setting,
      settingBasis: ctx.settingBasis,
      participating: ctx.participating,
      nonPhysicianPractitioner: ctx.nonPhysicianPractitioner,
      lines,
      rowsByCode,
      oppsCap: ctx.capsApply ? await this.capLookup(ctx, codes) : null,
      deniedLines: edits.deniedLines,
    });
    const ordered = sortFindings([...edits.findings, ...claim.findings]);
    return { claim, findings: await Promise.all(ordered.map((f) => this.findingObject(ctx, f))) };
  }

  private validLine(
    raw: { code: string; modifiers?: string[] | null; units?: number | null; postOperativeDays?: number | null },
    i: number,
    field: Field,
    known: Set<string>,
  ): PricingLine {
    const code = parseHcpcsCode(raw.code ?? '', field('code', i));
    const modifiers = (raw.modifiers ?? []).map((m) => m.trim().toUpperCase()).filter((m) => m !== '');
    if (modifiers.length > MAX_MODIFIERS) {
      throw new InvalidInputError(field('modifiers', i), `A claim line carries at most ${MAX_MODIFIERS} modifiers; ${modifiers.length} were given.`);
    }
    for (const m of modifiers) {
      if (!/^[0-9A-Z]{2}$/.test(m) || !known.has(m)) {
        throw new InvalidInputError(field('modifiers', i), `"${m}" is not a CPT or HCPCS Level II modifier in the shipped modifier list.`);
      }
    }
    if (new Set(modifiers).size !== modifiers.length) {
      throw new InvalidInputError(field('modifiers', i), 'A modifier is repeated on the line.');
    }
    const units = raw.units ?? 1;
    if (!Number.isInteger(units) || units < 1 || units > MAX_UNITS) {
      throw new InvalidInputError(field('units', i), `Units must be a whole number from 1 to ${MAX_UNITS}; ${units} was given.`);
    }
    const days = raw.postOperativeDays ?? null;
    if (days !== null && (!Number.isInteger(days) || days < 0 || days > 90)) {
      throw new InvalidInputError(field('postOperativeDays', i), `Postoperative days must be a whole number from 0 to 90; ${days} was given.`);
    }
    return { code, modifiers, units, postOperativeDays: days };
  }

  private async context(raw: RawContext): Promise<Context> {
    const dateOfService = parseIsoDate(raw.dateOfService ?? '', 'input.dateOfService');
    const choice = this.releaseFor(await this.releases.releases(), dateOfService);
    const release = choice.release;
    const [datasets, datasetKey] = await Promise.all([this.datasets.editions(), this.datasets.key()]);
    const notes: string[] = choice.note ? [choice.note] : [];

    const { setting, basis } = this.setting(raw);
    const locality = await this.locality(raw, dateOfService, datasetKey, notes);
    let gpci: GeographicIndices = NATIONAL_GPCI;
    if (locality) {
      const work = appliedWorkGpci({ withFloor: locality.workGpci, withoutFloor: locality.workGpciWithoutFloor }, dateOfService);
      if (work.note) notes.push(work.note);
      gpci = {
        label: `GPCI${locality.year}.csv, locality ${locality.mac}-${locality.localityNumber} (${locality.name}, ${locality.state}); work GPCI ${work.floorApplied ? 'with' : 'without'} the 1.0 floor`,
        work: work.value,
        practiceExpense: locality.peGpci,
        malpractice: locality.mpGpci,
      };
    }

    const factors = conversionFactorsFor(release.year);
    let conversionFactor = release.conversionFactor;
    let conversionFactorSource = `CONV FACTOR in ${release.sourceFile}`;
    if (raw.qualifyingApmParticipant) {
      if (factors?.qualifyingApm) {
        conversionFactor = factors.qualifyingApm;
        conversionFactorSource = `Qualifying APM participant factor, ${factors.source}`;
      } else {
        notes.push(`${release.year} has a single conversion factor; the qualifying APM participant flag changes nothing.`);
      }
    } else if (factors?.qualifyingApm && conversionFactor !== factors.standard) {
      conversionFactor = factors.standard;
      conversionFactorSource = `Non-qualifying APM participant factor, ${factors.source}`;
    }

    const cap = datasets.find((d) => d.dataset === 'OPPS_CAP');
    const capsApply = locality !== null && cap !== undefined && cap.effectiveFrom.slice(0, 4) === dateOfService.slice(0, 4);
    if (locality && cap && !capsApply) {
      notes.push(`The loaded OPPS imaging caps (${cap.sourceFile}) are for ${cap.effectiveFrom.slice(0, 4)}; no cap is applied to a ${dateOfService.slice(0, 4)} date of service.`);
    }
    return {
      dateOfService,
      release,
      releaseObject: {
        id: release.id,
        label: `CMS MPFS ${release.id}`,
        sourceFile: release.sourceFile,
        conversionFactor,
        conversionFactorSource,
        inForce: choice.match === 'IN_FORCE',
        note: choice.note,
      },
      setting,
      settingBasis: basis,
      locality,
      gpci,
      participating: raw.participating ?? true,
      nonPhysicianPractitioner: raw.nonPhysicianPractitioner ?? false,
      capsApply,
      notes,
      datasets,
      datasetKey,
    };
  }

  /** selectRelease names the field as on `code`; here it is an input field. */
  private releaseFor(releases: FeeScheduleReleaseView[], dateOfService: IsoDate) {
    try {
      return selectRelease(releases, dateOfService);
    } catch (error) {
      if (error instanceof InvalidInputError) throw new InvalidInputError('input.dateOfService', error.message);
      throw error;
    }
  }

  private setting(raw: RawContext): { setting: Setting; basis: string } {
    const pos = raw.placeOfService?.trim() ? placeOfServiceSetting(raw.placeOfService) : null;
    if (raw.placeOfService?.trim() && !pos) {
      throw new InvalidInputError('input.placeOfService', `"${raw.placeOfService}" is not a place of service code (two digits, 01-99).`);
    }
    if (pos && raw.setting && raw.setting !== pos.setting) {
      throw new InvalidInputError('input.setting', `Place of service ${pos.placeOfService} is a ${pos.setting === 'FACILITY' ? 'facility' : 'non-facility'} setting; give one or the other, not both.`);
    }
    if (pos) return { setting: pos.setting, basis: pos.basis };
    if (raw.setting) {
      return { setting: raw.setting, basis: `Setting chosen: ${raw.setting === CareSetting.FACILITY ? 'facility' : 'non-facility'} rate` };
    }
    const office = placeOfServiceSetting('11') as NonNullable<ReturnType<typeof placeOfServiceSetting>>;
    return { setting: office.setting, basis: `No place of service given: ${office.basis}` };
  }

  private async locality(raw: RawContext, dateOfService: IsoDate, key: string, notes: string[]): Promise<LocalityView | null> {
    const id = raw.locality?.trim();
    const zip = raw.zip?.trim();
    if (id && zip) throw new InvalidInputError('input.zip', 'Give a locality or a ZIP code, not both.');
    if (!id && !zip) return null;
    let mac: string;
    let number: string;
    if (id) {
      const match = /^(\d{5})-(\d{2})$/.exec(id);
      if (!match) throw new InvalidInputError('input.locality', `"${id}" is not a locality id: use MAC-locality, e.g. 01112-05.`);
      [, mac, number] = match;
    } else {
      if (!/^\d{5}(-?\d{4})?$/.test(zip as string)) throw new InvalidInputError('input.zip', `"${zip}" is not a ZIP code.`);
      const found = await this.zips.get(`${key}:${(zip as string).slice(0, 5)}`, () => this.localities.zip((zip as string).slice(0, 5)));
      if (!found) throw new InvalidInputError('input.zip', `ZIP code ${(zip as string).slice(0, 5)} is not in the CMS ZIP-to-locality file.`);
      mac = found.carrier;
      number = found.localityNumber;
    }
    const years = await this.localityYears.get(key, async () => {
      const byYear = new Map<number, Map<string, LocalityView>>();
      for (const year of await this.localities.gpciYears()) {
        byYear.set(year, new Map((await this.localities.localities(year, {})).map((l) => [`${l.mac}-${l.localityNumber}`, l])));
      }
      return byYear;
    });
    const wanted = Number(dateOfService.slice(0, 4));
    let year = wanted;
    if (!years.has(wanted)) {
      const loaded = [...years.keys()];
      if (loaded.length === 0) throw new InvalidInputError(id ? 'input.locality' : 'input.zip', 'No GPCI file is loaded yet.');
      year = loaded.reduce((best, y) => (Math.abs(y - wanted) < Math.abs(best - wanted) ? y : best), loaded[0]);
      notes.push(`No ${wanted} GPCIs are loaded; ${year} values are used.`);
    }
    const found = years.get(year)?.get(`${mac}-${number}`);
    if (!found) {
      throw new InvalidInputError(id ? 'input.locality' : 'input.zip', `No Medicare locality ${mac}-${number} in the ${year} GPCI file.`);
    }
    return found;
  }

  private async knownModifiers(ctx: Context): Promise<Set<string>> {
    return this.modifierSet.get(ctx.datasetKey, async () => new Set((await this.codeSets.modifiers()).map((m) => m.modifier)));
  }

  private async rowsFor(release: FeeScheduleReleaseView, codes: string[]): Promise<Map<string, PricingRvuRow[]>> {
    const prefix = `${release.id}@${release.importedAt.getTime()}:`;
    const rows = await Promise.all(codes.map((c) => this.rvus.get(prefix + c, () => this.feeSchedule.findRvuRows(release.id, c))));
    // An RvuRowView carries every PricingRvuRow field under the same name.
    return new Map<string, PricingRvuRow[]>(codes.map((c, i) => [c, rows[i]]));
  }

  private async capLookup(ctx: Context, codes: string[]): Promise<(code: string, modifier: string) => OppsCapAmounts | null> {
    const lists = await Promise.all(codes.map((c) => this.caps.get(`${ctx.datasetKey}:${c}`, () => this.feeSchedule.oppsCaps(c))));
    const l = ctx.locality as LocalityView;
    const file = ctx.datasets.find((d) => d.dataset === 'OPPS_CAP')?.sourceFile ?? 'OPPS cap file';
    const byKey = new Map(lists.flat().filter((c) => c.mac === l.mac && c.localityNumber === l.localityNumber).map((c) => [`${c.hcpcs}|${c.modifier}`, c]));
    return (code, modifier) => {
      const cap = byKey.get(`${code}|${modifier}`);
      return cap ? { facility: cap.facilityPrice, nonFacility: cap.nonFacilityPrice, source: `${file} (${modifier ? `${modifier} row, ` : ''}${l.mac}-${l.localityNumber})` } : null;
    };
  }

  /** A real code outside the physician fee schedule: NCCI has a unit limit for it, or it is a HCPCS Level II code. */
  private async knownOutsideSchedule(ctx: Context, code: string): Promise<boolean> {
    const mue = await this.mues.get(`${ctx.datasetKey}:${code}`, () => this.ncci.mue(code));
    return mue !== null || (await this.codeSets.hcpcsLongDescription(code)) !== null;
  }

  private async editData(ctx: Context, codes: string[], mode: 'price' | 'claim'): Promise<ClaimEditData> {
    const sorted = [...codes].sort();
    const edition = (dataset: string) => ctx.datasets.find((d) => d.dataset === dataset);
    const describe = (dataset: string) => {
      const e = edition(dataset);
      return e ? `${e.label} (${e.sourceFile})` : `${dataset} not loaded`;
    };
    for (const dataset of ['NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC']) {
      const e = edition(dataset);
      if (e?.effectiveTo && ctx.dateOfService > e.effectiveTo && (mode === 'claim' || dataset === 'NCCI_MUE')) {
        notes(ctx, `${e.label} was current through ${e.effectiveTo}; edits may have changed by ${ctx.dateOfService}.`);
      }
    }
    const [ptp, mueList, addOnList] = await Promise.all([
      mode === 'claim' ? this.ptp.get(`${ctx.datasetKey}:${sorted.join(',')}`, () => this.ncci.ptpEditsAmong(sorted)) : Promise.resolve([]),
      Promise.all(sorted.map((c) => this.mues.get(`${ctx.datasetKey}:${c}`, () => this.ncci.mue(c)))),
      mode === 'claim' ? Promise.all(sorted.map((c) => this.addOns.get(`${ctx.datasetKey}:${c}`, () => this.ncci.addOnEditsFor([c])))) : Promise.resolve([]),
    ]);
    return {
      dateOfService: ctx.dateOfService,
      ptpEdits: ptp,
      mues: new Map(mueList.filter((m): m is MueView => m !== null).map((m) => [m.hcpcs, m])),
      addOnEdits: new Map(addOnList.filter((l) => l.length > 0).map((l) => [l[0].addOnCode, l])),
      sources: { ptp: describe('NCCI_PTP'), mue: describe('NCCI_MUE'), addOn: describe('NCCI_AOC') },
    };
  }

  private async findingObject(ctx: Context, f: ClaimFinding): Promise<ClaimFindingObject> {
    const carcDescription = f.carc ? await this.carcs.get(`${ctx.datasetKey}:${f.carc}`, async () => (await this.codeSets.adjustmentCode('carc', f.carc as string))?.description ?? null) : null;
    return { ...f, kind: f.kind as FindingKindEnum, severity: f.severity as FindingSeverityEnum, carcDescription };
  }
}

function notes(ctx: Context, note: string): void {
  if (!ctx.notes.includes(note)) ctx.notes.push(note);
}
