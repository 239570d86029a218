import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionArgs, ConnectionType } from '@denialmap/server/core';

export enum PtpRoleObject {
  COLUMN_1 = 'COLUMN_1',
  COLUMN_2 = 'COLUMN_2',
}
registerEnumType(PtpRoleObject, {
  name: 'PtpRole',
  description: 'Where the code stands in an NCCI PTP edit: COLUMN_1 (the comprehensive code, paid) or COLUMN_2 (the code that is bundled).',
});

@ObjectType('NcciPtpEdit', { description: 'One NCCI procedure-to-procedure edit involving the code.' })
export class NcciPtpEditObject {
  @Field(() => String) column1Code!: string;
  @Field(() => String) column2Code!: string;
  @Field(() => String, { description: 'The other code of the pair.' }) otherCode!: string;
  @Field(() => PtpRoleObject, { description: "This code's place in the pair." }) role!: PtpRoleObject;
  @Field(() => String, { description: '0 never bypassed, 1 modifier allowed, 9 not applicable.' }) modifierIndicator!: string;
  @Field(() => Boolean) modifierAllowed!: boolean;
  @Field(() => String) modifierIndicatorMeaning!: string;
  @Field(() => String, { nullable: true, description: "First date of service the edit applies to (YYYY-MM-DD), from CMS's PTP file; null when the loaded copy does not say." })
  effectiveDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Last date of service the edit applies to (YYYY-MM-DD); null while active.' })
  deletionDate!: string | null;
  @Field(() => Boolean, { description: 'In force on the date of service asked about.' }) inForce!: boolean;
  @Field(() => String, { nullable: true, description: "CMS's reason for the edit." }) rationale!: string | null;
  @Field(() => String, { description: 'The edit in plain words, from this code’s side.' }) explanation!: string;
}

export const NcciPtpEditConnection = ConnectionType(NcciPtpEditObject, 'NcciPtpEdit');

@ArgsType()
export class NcciEditArgs extends ConnectionArgs {
  @Field(() => PtpRoleObject, { nullable: true, description: 'Only edits where the code is in this column (default: both).' })
  role?: PtpRoleObject | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Only edits in force on the date of service (default true).' })
  inForceOnly!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only edits a modifier can (true) or cannot (false) bypass.' })
  modifierAllowed?: boolean | null;
}

@ObjectType('MedicallyUnlikelyEdit', { description: 'NCCI MUE: the most units of the code one provider reports for one patient on one date.' })
export class MedicallyUnlikelyEditObject {
  @Field(() => Int) maxUnits!: number;
  @Field(() => String, { description: 'MUE adjudication indicator (MAI): 1, 2 or 3.' }) adjudicationIndicator!: string;
  @Field(() => String) adjudicationLabel!: string;
  @Field(() => String) adjudicationMeaning!: string;
  @Field(() => Boolean, { description: 'Whether units above the limit can be paid on appeal (false for MAI 2).' }) appealable!: boolean;
  @Field(() => String, { nullable: true }) rationale!: string | null;
  @Field(() => String) source!: string;
}

@ObjectType('AddOnCodeEdit', { description: 'An NCCI add-on code edit: an add-on code and a primary code it may be billed with.' })
export class AddOnCodeEditObject {
  @Field(() => String, { description: 'The primary code, or CCCCC where CMS lists none (type 2).' }) primaryCode!: string;
  @Field(() => String) addOnCode!: string;
  @Field(() => String) editType!: string;
  @Field(() => String) editTypeMeaning!: string;
}

@ObjectType('AddOnRules', { description: 'Add-on code rules for the code: as an add-on (its primaries) and as a primary (add-ons it allows).' })
export class AddOnRulesObject {
  @Field(() => Boolean) isAddOnCode!: boolean;
  @Field(() => [AddOnCodeEditObject], { description: 'Primary codes this add-on may be billed with (first 100).' }) primaryCodes!: AddOnCodeEditObject[];
  @Field(() => Int) primaryCodeCount!: number;
  @Field(() => [AddOnCodeEditObject], { description: 'Add-on codes that may be billed with this code as primary (first 100).' })
  addOnCodes!: AddOnCodeEditObject[];
  @Field(() => Int) addOnCodeCount!: number;
  @Field(() => String, { nullable: true }) source!: string | null;
}

@ObjectType('ReferenceDataset', { description: 'An edition of a reference table (e.g. NCCI PTP edits), with how current it is.' })
export class ReferenceDatasetObject {
  @Field(() => String) id!: string;
  @Field(() => String, { description: 'NCCI_PTP, NCCI_MUE or NCCI_AOC.' }) dataset!: string;
  @Field(() => String) label!: string;
  @Field(() => String) effectiveFrom!: string;
  @Field(() => String, { nullable: true }) effectiveTo!: string | null;
  @Field(() => String) sourceFile!: string;
  @Field(() => Int) rowCount!: number;
  @Field(() => Boolean, { description: 'True when the date of service falls after this edition stops being current.' })
  olderThanDateOfService!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
}
