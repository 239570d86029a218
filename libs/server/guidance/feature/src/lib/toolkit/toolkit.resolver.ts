import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig, GraphqlContext, Public } from '@denialmap/server/core';
import { ToolkitDocumentView } from '@denialmap/server/guidance/data-access';
import { MAX_TOOLKIT_CODES, TOOLKIT_PRESETS } from '@denialmap/shared/guidance';
import { ToolkitObject, ToolkitOptionsObject, ToolkitRequestInputObject } from './toolkit.objects';
import { ToolkitService } from './toolkit.service';

export const toToolkitObject = (doc: ToolkitDocumentView): ToolkitObject => ({
  ...doc,
  downloadPath: doc.status === 'READY' ? `/downloads/toolkit-${doc.id}.pdf` : null,
  expiresAt: doc.expiresAt.toISOString(),
});

@Public()
@Resolver()
export class ToolkitResolver {
  constructor(
    private readonly toolkits: ToolkitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => ToolkitOptionsObject)
  toolkitOptions(): ToolkitOptionsObject {
    return { presets: TOOLKIT_PRESETS.map((p) => ({ ...p, codes: [...p.codes] })), maxCodes: MAX_TOOLKIT_CODES, consentText: this.toolkits.consentText(), downloadHours: this.config.TOOLKIT_TTL_HOURS };
  }

  @Mutation(() => ToolkitObject, { description: 'Starts building a toolkit PDF for a preset or a list of codes; follow it with `toolkit(id)`. Rate-limited per connection.' })
  async requestToolkit(@Args('input', { type: () => ToolkitRequestInputObject }) input: ToolkitRequestInputObject, @Context() context: GraphqlContext): Promise<ToolkitObject> {
    return toToolkitObject(await this.toolkits.request(input, context.req?.ip ?? ''));
  }

  @Query(() => ToolkitObject, { description: 'A toolkit’s status and progress; its download path once READY.' })
  async toolkit(@Args('id', { type: () => String }) id: string): Promise<ToolkitObject> {
    return toToolkitObject(await this.toolkits.status(id));
  }
}
