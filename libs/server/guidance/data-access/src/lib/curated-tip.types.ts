import type { TipTopic } from '@denialmap/shared/guidance';

export type CuratedTipStatus = 'ACTIVE' | 'RETIRED';

/** What staff write; validated by the service before it gets here. */
export interface CuratedTipContent {
  codeFrom: string;
  codeTo: string;
  topic: TipTopic;
  title: string;
  advice: string;
  source: string;
  impactStatement: string | null;
  impactBasis: string | null;
}

export interface CuratedTipRecord extends CuratedTipContent {
  id: string;
  status: CuratedTipStatus;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  retiredAt: Date | null;
}

/** Who changed a tip, for its audit entry. */
export interface TipEditor {
  id: string;
  email: string;
}
