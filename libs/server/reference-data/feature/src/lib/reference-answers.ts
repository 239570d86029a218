import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReferenceAnswerCache } from '@denialmap/server/core';
import { ReferenceDataVersion } from '@denialmap/server/reference-data/data-access';

/** The public lookups answered from reference data alone: whole answers are cached per edition. */
@Injectable()
export class ReferenceAnswers implements OnModuleInit {
  constructor(
    private readonly cache: ReferenceAnswerCache,
    private readonly version: ReferenceDataVersion,
  ) {}

  onModuleInit(): void {
    this.cache.register(
      ['code', 'feeScheduleReleases', 'searchCodes', 'referenceDatasets', 'carc', 'rarc', 'groupCodes', 'modifiers', 'icd10', 'searchIcd10', 'localities', 'locality', 'zipLocality'],
      () => this.version.key(),
    );
  }
}
