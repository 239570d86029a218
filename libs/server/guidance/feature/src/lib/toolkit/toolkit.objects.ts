import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const ToolkitStatusEnum = { QUEUED: 'QUEUED', BUILDING: 'BUILDING', READY: 'READY', FAILED: 'FAILED' } as const;
registerEnumType(ToolkitStatusEnum, { name: 'ToolkitStatus', description: 'QUEUED, BUILDING (see progress), READY (download it) or FAILED.' });

@ObjectType('ToolkitPreset', { description: 'A specialty’s common codes, to start a toolkit.' })
export class ToolkitPresetObject {
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [String]) codes!: string[];
}

@ObjectType('ToolkitOptions', { description: 'What the toolkit page offers: presets, the code limit, and the consent sentence for an email address.' })
export class ToolkitOptionsObject {
  @Field(() => [ToolkitPresetObject]) presets!: ToolkitPresetObject[];
  @Field(() => Int) maxCodes!: number;
  @Field(() => String, { description: 'Shown beside the consent box; stored word for word with an address.' }) consentText!: string;
  @Field(() => Int, { description: 'Hours a PDF stays downloadable.' }) downloadHours!: number;
}

@ObjectType('Toolkit', { description: 'A Revenue Protection Toolkit PDF being built, or ready to download until it expires.' })
export class ToolkitObject {
  @Field(() => String) id!: string;
  @Field(() => String, { nullable: true }) preset!: string | null;
  @Field(() => [String]) codes!: string[];
  @Field(() => String) dateOfService!: string;
  @Field(() => ToolkitStatusEnum) status!: string;
  @Field(() => Int, { description: '0-100.' }) progress!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Int, { nullable: true }) pages!: number | null;
  @Field(() => Int, { nullable: true }) bytes!: number | null;
  @Field(() => String, { nullable: true, description: 'Where to GET the PDF once READY.' }) downloadPath!: string | null;
  @Field(() => String) expiresAt!: string;
}

@InputType('ToolkitRequestInput')
export class ToolkitRequestInputObject {
  @Field(() => String, { nullable: true, description: 'A preset id (see toolkitOptions); or give codes.' }) preset?: string | null;
  @Field(() => [String], { nullable: true, description: 'Up to 25 CPT/HCPCS codes, when no preset is chosen.' }) codes?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when omitted.' }) dateOfService?: string | null;
  @Field(() => String, { nullable: true, description: 'Optional; kept only with emailConsent, apart from all report data.' }) email?: string | null;
  @Field(() => Boolean, { nullable: true }) emailConsent?: boolean | null;
}
