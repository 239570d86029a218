import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConnectionShape, CurrentActor, Public, RequireRole, StaffActor, toKeysetConnection } from '@denialmap/server/core';
import { toBlockObject, toModerationReportObject } from '../graphql/mappers';
import {
  ModeratedReportStatusEnum,
  ModerationQueueConnection,
  ModerationReportObject,
  ModerationRuleObject,
  QueueOrderEnum,
  QueueReasonEnum,
  SubmitterBlockObject,
} from '../graphql/moderation.objects';
import { ModerationService } from './moderation.service';

@RequireRole('MODERATOR')
@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Query(() => ModerationQueueConnection, { description: 'Reports waiting for a moderator: held by checks, flagged by readers, or sampled for review.' })
  async moderationQueue(
    @Args('status', { type: () => ModeratedReportStatusEnum, nullable: true }) status: ModeratedReportStatusEnum | null,
    @Args('reason', { type: () => QueueReasonEnum, nullable: true }) reason: QueueReasonEnum | null,
    @Args('code', { type: () => String, nullable: true }) code: string | null,
    @Args('order', { type: () => QueueOrderEnum, nullable: true, description: 'NEWEST (default) or MOST_FLAGGED.' }) order: QueueOrderEnum | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<ModerationReportObject>> {
    const page = await this.moderation.page({ status, reason, code }, order ?? QueueOrderEnum.NEWEST, first ?? null, after ?? null);
    const edges = page.items.map(({ cursor, report }) => ({ cursor, node: toModerationReportObject(report) }));
    return toKeysetConnection(edges, { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), totalCount: page.total });
  }

  @Query(() => ModerationReportObject, { description: 'Any report, queued or not, with its moderation history fields.' })
  async moderationReport(@Args('id', { type: () => String }) id: string): Promise<ModerationReportObject> {
    return toModerationReportObject(await this.moderation.report(id));
  }

  @Mutation(() => ModerationReportObject, { description: 'Publishes the report (it counts in the stats) and clears its flags from the queue.' })
  async approveReport(@CurrentActor() actor: StaffActor, @Args('reportId', { type: () => String }) reportId: string, @Args('note', { type: () => String, nullable: true }) note: string | null): Promise<ModerationReportObject> {
    return toModerationReportObject(await this.moderation.approve(actor, reportId, note ?? null));
  }

  @Mutation(() => ModerationReportObject, { description: 'Takes the report out of the stats for good. The reason is required and kept in the audit log.' })
  async rejectReport(@CurrentActor() actor: StaffActor, @Args('reportId', { type: () => String }) reportId: string, @Args('reason', { type: () => String }) reason: string): Promise<ModerationReportObject> {
    return toModerationReportObject(await this.moderation.reject(actor, reportId, reason));
  }

  @Mutation(() => ModerationReportObject, { description: 'Replaces the story with a copy that only removes text ("[removed]" may mark the place). The old text is not kept; the audit log keeps SHA-256 hashes of both.' })
  async redactReport(
    @CurrentActor() actor: StaffActor,
    @Args('reportId', { type: () => String }) reportId: string,
    @Args('narrative', { type: () => String, nullable: true, description: 'The story after redaction; empty or null removes it entirely.' }) narrative: string | null,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<ModerationReportObject> {
    return toModerationReportObject(await this.moderation.redact(actor, reportId, narrative ?? null, note ?? null));
  }

  @Mutation(() => SubmitterBlockObject, { description: "Refuses new reports from this report's anonymous submitter for 1 to 90 days." })
  async blockSubmitter(
    @CurrentActor() actor: StaffActor,
    @Args('reportId', { type: () => String }) reportId: string,
    @Args('days', { type: () => Int }) days: number,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<SubmitterBlockObject> {
    return toBlockObject(await this.moderation.block(actor, reportId, days, reason));
  }

  @Mutation(() => SubmitterBlockObject)
  async liftSubmitterBlock(@CurrentActor() actor: StaffActor, @Args('blockId', { type: () => String }) blockId: string, @Args('reason', { type: () => String }) reason: string): Promise<SubmitterBlockObject> {
    return toBlockObject(await this.moderation.lift(actor, blockId, reason));
  }

  @Query(() => [SubmitterBlockObject], { description: 'Blocks still running.' })
  async submitterBlocks(): Promise<SubmitterBlockObject[]> {
    return (await this.moderation.activeBlocks()).map(toBlockObject);
  }

  @Public()
  @Query(() => [ModerationRuleObject], { description: 'The moderation rules, as published to everyone.' })
  moderationRules(): ModerationRuleObject[] {
    return this.moderation.rules();
  }
}
