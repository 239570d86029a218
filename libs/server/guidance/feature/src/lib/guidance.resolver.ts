import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Public, RequireRole, StaffActor } from '@denialmap/server/core';
import { CuratedTipRecord } from '@denialmap/server/guidance/data-access';
import { CuratedTipService } from './curated-tip.service';
import { BillingTipsObject, CuratedTipInput, CuratedTipObject } from './graphql/tip.objects';
import { GuidanceService } from './guidance.service';

const toCuratedTipObject = (t: CuratedTipRecord): CuratedTipObject => ({
  ...t,
  shipped: t.createdById === null,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
  retiredAt: t.retiredAt?.toISOString() ?? null,
});

@RequireRole('MODERATOR')
@Resolver()
export class GuidanceResolver {
  constructor(
    private readonly guidance: GuidanceService,
    private readonly curated: CuratedTipService,
  ) {}

  @Public()
  @Query(() => BillingTipsObject, { description: 'Rule-derived, community (once unlocked) and curated billing tips for a code, most money at stake first.' })
  billingTips(
    @Args('code', { type: () => String }) code: string,
    @Args('dateOfService', { type: () => String, nullable: true, description: 'YYYY-MM-DD; today when omitted.' }) dateOfService: string | null,
  ): Promise<BillingTipsObject> {
    return this.guidance.billingTips(code, dateOfService);
  }

  @Query(() => [CuratedTipObject], { description: 'Staff-written tips for a code (or all), active first; at most 200.' })
  async curatedTips(
    @Args('code', { type: () => String, nullable: true }) code: string | null,
    @Args('includeRetired', { type: () => Boolean, nullable: true }) includeRetired: boolean | null,
  ): Promise<CuratedTipObject[]> {
    return (await this.curated.list(code ?? null, includeRetired ?? false)).map(toCuratedTipObject);
  }

  @Mutation(() => CuratedTipObject, { description: 'Adds a tip for a code or range. A source is required; an impact statement needs its basis. Audited.' })
  async createCuratedTip(@CurrentActor() actor: StaffActor, @Args('input', { type: () => CuratedTipInput }) input: CuratedTipInput): Promise<CuratedTipObject> {
    return toCuratedTipObject(await this.curated.create(actor, input));
  }

  @Mutation(() => CuratedTipObject, { description: 'Replaces an active tip’s content. Audited, with the optional note.' })
  async updateCuratedTip(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => String }) id: string,
    @Args('input', { type: () => CuratedTipInput }) input: CuratedTipInput,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<CuratedTipObject> {
    return toCuratedTipObject(await this.curated.update(actor, id, input, note ?? null));
  }

  @Mutation(() => CuratedTipObject, { description: 'Stops showing a tip. The reason is required and kept in the audit log.' })
  async retireCuratedTip(@CurrentActor() actor: StaffActor, @Args('id', { type: () => String }) id: string, @Args('reason', { type: () => String }) reason: string): Promise<CuratedTipObject> {
    return toCuratedTipObject(await this.curated.retire(actor, id, reason));
  }
}
