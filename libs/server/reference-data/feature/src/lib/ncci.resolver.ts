import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionShape, Public } from '@denialmap/server/core';
import { CodeDetailObject } from './graphql/code-detail.object';
import {
  AddOnRulesObject,
  MedicallyUnlikelyEditObject,
  NcciEditArgs,
  NcciPtpEditConnection,
  NcciPtpEditObject,
  ReferenceDatasetObject,
} from './graphql/ncci.object';
import { NcciService } from './ncci.service';

/** NCCI fields of a code, resolved only when a query asks for them. */
@Public()
@Resolver(() => CodeDetailObject)
export class NcciResolver {
  constructor(private readonly ncci: NcciService) {}

  @ResolveField(() => NcciPtpEditConnection, { description: 'NCCI procedure-to-procedure edits with the code in either column, in force first.' })
  ncciEdits(@Parent() detail: CodeDetailObject, @Args() args: NcciEditArgs): Promise<ConnectionShape<NcciPtpEditObject>> {
    return this.ncci.ptpEdits(detail.code, detail.dateOfService, args);
  }

  @ResolveField(() => MedicallyUnlikelyEditObject, { nullable: true, description: 'NCCI medically unlikely edit (unit limit), if the code has one.' })
  mue(@Parent() detail: CodeDetailObject): Promise<MedicallyUnlikelyEditObject | null> {
    return this.ncci.mue(detail.code);
  }

  @ResolveField(() => AddOnRulesObject, { description: 'NCCI add-on code rules.' })
  addOnRules(@Parent() detail: CodeDetailObject): Promise<AddOnRulesObject> {
    return this.ncci.addOnRules(detail.code);
  }

  @ResolveField(() => [ReferenceDatasetObject], { description: 'The NCCI editions used, and whether they are older than the date of service.' })
  ncciSources(@Parent() detail: CodeDetailObject): Promise<ReferenceDatasetObject[]> {
    return this.ncci.sources(detail.dateOfService);
  }
}
