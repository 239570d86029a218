import { Args, Query, Resolver } from '@nestjs/graphql';
import { ConnectionShape, Public } from '@denialmap/server/core';
import { CodeSetsService } from './code-sets.service';
import {
  AdjustmentCodeObject,
  CodeSearchConnection,
  CodeSearchHitObject,
  GroupCodeObject,
  Icd10Object,
  Icd10SearchConnection,
  ModifierObject,
  SearchArgs,
} from './graphql/code-sets.object';
import { ReferenceDatasetObject } from './graphql/ncci.object';

@Public()
@Resolver()
export class CodeSetsResolver {
  constructor(private readonly codeSets: CodeSetsService) {}

  @Query(() => CodeSearchConnection, { description: 'CPT/HCPCS codes by code prefix, exact code, or words of the descriptor, best first.' })
  searchCodes(@Args() args: SearchArgs): Promise<ConnectionShape<CodeSearchHitObject>> {
    return this.codeSets.searchCodes(args);
  }

  @Query(() => [ReferenceDatasetObject], {
    description: 'Every loaded reference table edition (NCCI, code lists, ICD-10-CM) with its effective dates, flagged when older than the date of service (default today).',
  })
  referenceDatasets(
    @Args('dateOfService', { type: () => String, nullable: true }) dateOfService?: string | null,
  ): Promise<ReferenceDatasetObject[]> {
    return this.codeSets.datasets(dateOfService);
  }

  @Query(() => AdjustmentCodeObject, { description: 'A claim adjustment reason code (CARC), e.g. 97.' })
  carc(@Args('code', { type: () => String }) code: string): Promise<AdjustmentCodeObject> {
    return this.codeSets.adjustmentCode('carc', code);
  }

  @Query(() => AdjustmentCodeObject, { description: 'A remittance advice remark code (RARC), e.g. N130.' })
  rarc(@Args('code', { type: () => String }) code: string): Promise<AdjustmentCodeObject> {
    return this.codeSets.adjustmentCode('rarc', code);
  }

  @Query(() => [GroupCodeObject], { description: 'Claim adjustment group codes (CO, CR, OA, PI, PR).' })
  groupCodes(): Promise<GroupCodeObject[]> {
    return this.codeSets.groupCodes();
  }

  @Query(() => [ModifierObject], { description: 'Every CPT and HCPCS Level II modifier.' })
  modifiers(): Promise<ModifierObject[]> {
    return this.codeSets.modifiers();
  }

  @Query(() => Icd10Object, { description: 'An ICD-10-CM code, with or without its dot (K11.5 or K115).' })
  icd10(@Args('code', { type: () => String }) code: string): Promise<Icd10Object> {
    return this.codeSets.icd10(code);
  }

  @Query(() => Icd10SearchConnection, { description: 'ICD-10-CM codes by prefix or words of the description, billable first.' })
  searchIcd10(@Args() args: SearchArgs): Promise<ConnectionShape<Icd10Object>> {
    return this.codeSets.searchIcd10(args);
  }
}
