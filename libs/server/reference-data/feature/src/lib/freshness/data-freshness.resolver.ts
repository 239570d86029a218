import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@denialmap/server/core';
import { DataFreshnessObject } from './data-freshness.object';
import { DataFreshnessService } from './data-freshness.service';

@Public()
@Resolver(() => DataFreshnessObject)
export class DataFreshnessResolver {
  constructor(private readonly freshness: DataFreshnessService) {}

  @Query(() => DataFreshnessObject, {
    description: "Which reference tables (fee schedule RVUs, NCCI edits, HCPCS Level II, ICD-10-CM) are behind CMS's publication calendar today, and what may differ.",
  })
  dataFreshness(): Promise<DataFreshnessObject> {
    return this.freshness.freshness();
  }
}
