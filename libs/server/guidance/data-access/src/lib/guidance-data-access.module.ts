import { Module } from '@nestjs/common';
import { CuratedTipRepository } from './curated-tip.repository';
import { ToolkitRepository } from './toolkit.repository';

@Module({ providers: [CuratedTipRepository, ToolkitRepository], exports: [CuratedTipRepository, ToolkitRepository] })
export class GuidanceDataAccessModule {}
