import { Args, Query, Resolver } from '@nestjs/graphql';
import { CodeService } from './code.service';
import { CodeDetailObject } from './graphql/code-detail.object';
import { FeeScheduleReleaseObject } from './graphql/fee-schedule-release.object';
import { Public } from '@denialmap/server/core';

@Public()
@Resolver(() => CodeDetailObject)
export class CodeResolver {
  constructor(private readonly codes: CodeService) {}

  @Query(() => CodeDetailObject, {
    description: 'Fee schedule facts for a CPT/HCPCS code on a date of service (default: today), from the release in force.',
  })
  code(
    @Args('code', { type: () => String, description: 'Five characters, e.g. 70390, 0001F, G0121.' }) code: string,
    @Args('dateOfService', { type: () => String, nullable: true, description: 'YYYY-MM-DD; default today.' }) dateOfService?: string | null,
  ): Promise<CodeDetailObject> {
    return this.codes.codeDetail(code, dateOfService);
  }

  @Query(() => [FeeScheduleReleaseObject], { description: 'Every fee schedule release loaded, oldest first: what the data is and how fresh.' })
  feeScheduleReleases(): Promise<FeeScheduleReleaseObject[]> {
    return this.codes.releasesLoaded();
  }
}
