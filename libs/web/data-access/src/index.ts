export * from './lib/apollo-client';
export * from './lib/describe-error';
export * from './lib/schema-sdl';
export * from './lib/operations/code-page.operations';
export * from './lib/operations/pricing.operations';
export * from './lib/operations/denial-reports.operations';
export type { CodePageQuery as CodePageQueryResult, CodePageQueryVariables, CodeNcciEditsQuery as CodeNcciEditsQueryResult, PriceQuery as PriceQueryResult, PriceInput } from './generated/graphql';
export type {
  DenialBreakdownFieldsFragment,
  DenialReportInput,
  DenialStatsFieldsFragment,
  FlagReason,
  PhiFindingFieldsFragment,
  SubmitDenialReportMutation as SubmitDenialReportResult,
} from './generated/graphql';
export * from './lib/operations/staff.operations';
export type {
  ApiTokenFieldsFragment,
  AuditAction,
  AuditLogQuery as AuditLogQueryResult,
  ModeratedReportStatus,
  ModerationQueueOrder,
  ModerationQueueQuery as ModerationQueueQueryResult,
  ModerationQueueReason,
  ModerationReportFieldsFragment,
  QueueReportFieldsFragment,
  StaffAccountFieldsFragment,
  StaffRole,
  SubmitterBlockFieldsFragment,
} from './generated/graphql';
export * from './lib/operations/guidance.operations';
export type { BillingTipsQuery as BillingTipsQueryResult, CuratedTipFieldsFragment, CuratedTipInput, TipKind, TipTopic, ToolkitFieldsFragment, ToolkitOptionsQuery as ToolkitOptionsQueryResult } from './generated/graphql';
export * from './lib/operations/reference-data.operations';
export type {
  ReferenceReleaseFieldsFragment,
  ReferenceReleaseStatus,
  ReferenceUploadFieldsFragment,
  ReleasePreviewFieldsFragment,
} from './generated/graphql';
export * from './lib/operations/freshness.operations';
export type { DataFreshnessQuery as DataFreshnessQueryResult, ReferenceDatasetFamily, StaleDatasetFieldsFragment } from './generated/graphql';
