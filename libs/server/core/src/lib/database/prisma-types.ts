// Prisma's generated types, re-exported for repositories (data-access libs) only; they never
// reach the GraphQL schema, which has its own object types.
export { Prisma } from '../../generated/prisma/client';
export type { FeeScheduleRelease as FeeScheduleReleaseRecord, RvuRow as RvuRowRecord } from '../../generated/prisma/client';
