import { Module } from '@nestjs/common';
import { CuratedTipRepository } from './curated-tip.repository';

@Module({ providers: [CuratedTipRepository], exports: [CuratedTipRepository] })
export class GuidanceDataAccessModule {}
