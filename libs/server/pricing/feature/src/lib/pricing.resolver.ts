import { Args, Query, Resolver } from '@nestjs/graphql';
import { ClaimCheckObject, ClaimInput, PriceInput, PriceResultObject } from './graphql/pricing.objects';
import { PricingService } from './pricing.service';
import { Public } from '@denialmap/server/core';

@Public()
@Resolver()
export class PricingResolver {
  constructor(private readonly service: PricingService) {}

  @Query(() => PriceResultObject, {
    description: 'A typical-case Medicare Physician Fee Schedule estimate for one code with its modifiers, units, setting and locality, with every step of the math and its source.',
  })
  price(@Args('input', { type: () => PriceInput }) input: PriceInput): Promise<PriceResultObject> {
    return this.service.price(input);
  }

  @Query(() => ClaimCheckObject, {
    description: 'Prices every line of a claim after all adjustments (bilateral, multiple procedures, modifiers) and runs the NCCI edits (PTP, MUE, add-on) across its lines.',
  })
  checkClaim(@Args('input', { type: () => ClaimInput }) input: ClaimInput): Promise<ClaimCheckObject> {
    return this.service.checkClaim(input);
  }
}
