import { Module } from '@nestjs/common';
import { ReferenceDataAccessModule } from '@denialmap/server/reference-data/data-access';
import { PricingResolver } from './pricing.resolver';
import { PricingService } from './pricing.service';
import { PricingAnswers } from './pricing-answers';

/** price and checkClaim: the pure MPFS and NCCI rules over the loaded reference data. */
@Module({
  imports: [ReferenceDataAccessModule],
  providers: [PricingService, PricingResolver, PricingAnswers],
})
export class PricingModule {}
