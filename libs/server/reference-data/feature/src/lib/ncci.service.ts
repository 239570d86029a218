import { Injectable } from '@nestjs/common';
import { DatasetCatalog, NcciRepository, PtpEditView } from '@denialmap/server/reference-data/data-access';
import { ConnectionShape, MemoCache, pageRequest, toConnection } from '@denialmap/server/core';
import { addOnEditType, explainPtpEdit, isPtpEditInForce, modifierIndicatorMeaning, mueAdjudication } from '@denialmap/shared/ncci';
import { toDatasetObject } from './dataset-freshness';
import {
  AddOnCodeEditObject,
  AddOnRulesObject,
  MedicallyUnlikelyEditObject,
  NcciEditArgs,
  NcciPtpEditObject,
  PtpRoleObject,
  ReferenceDatasetObject,
} from './graphql/ncci.object';

const LIST_CAP = 100;

/** NCCI facts for a code on a date of service: PTP pairs both ways, MUE, add-on rules. */
@Injectable()
export class NcciService {
  /** NCCI answers keyed by the active editions (so a new import is never served stale) and the question. */
  private readonly answers = new MemoCache<unknown>(20_000);

  constructor(
    private readonly repository: NcciRepository,
    private readonly catalog: DatasetCatalog,
  ) {}

  async ptpEdits(code: string, dateOfService: string, args: NcciEditArgs): Promise<ConnectionShape<NcciPtpEditObject>> {
    const request = pageRequest(args);
    const query = {
      code,
      role: args.role ?? null,
      inForceOn: args.inForceOnly === false ? null : dateOfService,
      modifierAllowed: args.modifierAllowed ?? null,
      offset: request.offset,
      limit: request.limit,
    };
    // The answer (explanations included) depends on the date of service, so it is part of the key.
    return this.memo(`ptp:${dateOfService}:${JSON.stringify(query)}`, async () => {
      const { edits, total } = await this.repository.ptpEdits(query);
      return toConnection(
        edits.map((e) => toPtpObject(e, code, dateOfService)),
        request,
        total,
      );
    });
  }

  mue(code: string): Promise<MedicallyUnlikelyEditObject | null> {
    return this.memo(`mue:${code}`, () => this.loadMue(code));
  }

  addOnRules(code: string): Promise<AddOnRulesObject> {
    return this.memo(`aoc:${code}`, () => this.loadAddOnRules(code));
  }

  private async loadMue(code: string): Promise<MedicallyUnlikelyEditObject | null> {
    const [mue, release] = await Promise.all([this.repository.mue(code), this.catalog.edition('NCCI_MUE')]);
    if (!mue) return null;
    const mai = mueAdjudication(mue.adjudicationIndicator);
    return {
      maxUnits: mue.maxUnits,
      adjudicationIndicator: mai.indicator,
      adjudicationLabel: mai.label,
      adjudicationMeaning: mai.meaning,
      appealable: mai.appealable,
      rationale: mue.rationale,
      source: release ? `${release.label} (${release.sourceFile})` : 'CMS NCCI MUE table',
    };
  }

  private async loadAddOnRules(code: string): Promise<AddOnRulesObject> {
    const [asAddOn, asPrimary, release] = await Promise.all([
      this.repository.addOnEdits(code, 'ADD_ON', LIST_CAP),
      this.repository.addOnEdits(code, 'PRIMARY', LIST_CAP),
      this.catalog.edition('NCCI_AOC'),
    ]);
    const toObject = (e: { primaryCode: string; addOnCode: string; editType: string }): AddOnCodeEditObject => ({
      ...e,
      editTypeMeaning: addOnEditType(e.editType).meaning,
    });
    return {
      isAddOnCode: asAddOn.total > 0,
      primaryCodes: asAddOn.edits.map(toObject),
      primaryCodeCount: asAddOn.total,
      addOnCodes: asPrimary.edits.map(toObject),
      addOnCodeCount: asPrimary.total,
      source: release ? `${release.label} (${release.sourceFile})` : null,
    };
  }

  async sources(dateOfService: string): Promise<ReferenceDatasetObject[]> {
    return (await this.catalog.editions()).filter((r) => r.dataset.startsWith('NCCI_')).map((r) => toDatasetObject(r, dateOfService));
  }

  private async memo<T>(question: string, load: () => Promise<T>): Promise<T> {
    return this.answers.get(`${await this.catalog.key()}|${question}`, load) as Promise<T>;
  }
}

function toPtpObject(edit: PtpEditView, code: string, dateOfService: string): NcciPtpEditObject {
  const indicator = modifierIndicatorMeaning(edit.modifierIndicator);
  const role = edit.column1 === code ? PtpRoleObject.COLUMN_1 : PtpRoleObject.COLUMN_2;
  return {
    column1Code: edit.column1,
    column2Code: edit.column2,
    otherCode: role === PtpRoleObject.COLUMN_1 ? edit.column2 : edit.column1,
    role,
    modifierIndicator: indicator.indicator,
    modifierAllowed: indicator.modifierAllowed,
    modifierIndicatorMeaning: indicator.meaning,
    effectiveDate: edit.effectiveDate,
    deletionDate: edit.deletionDate,
    inForce: isPtpEditInForce(edit, dateOfService),
    rationale: edit.rationale,
    explanation: explainPtpEdit(edit, code, dateOfService),
  };
}
