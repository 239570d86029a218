import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReferenceAnswerCache } from '@denialmap/server/core';
import { ReferenceDataVersion } from '@denialmap/server/reference-data/data-access';

/** price and checkClaim depend only on their input and the loaded editions: cache whole answers. */
@Injectable()
export class PricingAnswers implements OnModuleInit {
  constructor(
    private readonly cache: ReferenceAnswerCache,
    private readonly version: ReferenceDataVersion,
  ) {}

  onModuleInit(): void {
    this.cache.register(['price', 'checkClaim'], () => this.version.key());
  }
}
