import { Args, Query, Resolver, Subscription } from '@nestjs/graphql';
import { ConnectionArgs, ConnectionShape, LiveEvents, Public } from '@denialmap/server/core';
import { parseHcpcsCode } from '@denialmap/shared/fee-schedule';
import { DenialStatsObject, DenialStoryConnection, DenialStoryObject } from '../graphql/denial-stats.objects';
import { PayerTypeEnum } from '../graphql/report-enums';
import { DenialStatsService } from './denial-stats.service';

@Public()
@Resolver()
export class DenialStatsResolver {
  constructor(
    private readonly service: DenialStatsService,
    private readonly live: LiveEvents,
  ) {}

  @Query(() => DenialStatsObject, {
    description: 'Community denial patterns for a code: while fewer than the threshold of distinct billers have reported, only the count and how many more are needed.',
  })
  denialStats(
    @Args('code', { type: () => String }) code: string,
    @Args('payerType', { type: () => PayerTypeEnum, nullable: true }) payerType: PayerTypeEnum | null,
  ): Promise<DenialStatsObject> {
    return this.service.forCode(code, payerType ?? null);
  }

  @Query(() => DenialStoryConnection, {
    description: 'What billers wrote about denials of this code (the text only), newest first; empty until the code is unlocked.',
  })
  denialStories(@Args('code', { type: () => String }) code: string, @Args() page: ConnectionArgs): Promise<ConnectionShape<DenialStoryObject>> {
    return this.service.stories(code, page);
  }

  @Subscription(() => DenialStatsObject, {
    description: 'The same as denialStats, sent again each time the code\'s stats are recomputed (graphql-ws on /graphql).',
    resolve: function (this: DenialStatsResolver, _event: unknown, args: { code: string; payerType?: PayerTypeEnum | null }) {
      return this.service.forCode(args.code, args.payerType ?? null);
    },
  })
  denialStatsUpdated(
    @Args('code', { type: () => String }) code: string,
    @Args('payerType', { type: () => PayerTypeEnum, nullable: true }) _payerType: PayerTypeEnum | null,
  ): AsyncIterableIterator<unknown> {
    const wanted = parseHcpcsCode(code);
    return this.live.subscribe('denial-stats', (event) => event.code === wanted);
  }
}
