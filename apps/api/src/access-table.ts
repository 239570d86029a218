/**
 * Who may call each GraphQL operation: the resolvers' decorators must agree with this table, and
 * the access test (access-table.integration-spec.ts) calls every operation in the schema as
 * anonymous, MODERATOR and ADMIN to prove it. A new operation fails that test until it is listed.
 * MODERATOR includes ADMIN. Subscriptions are always anonymous (WebSocket), so only PUBLIC ones exist.
 */
export const ACCESS_TABLE: Record<string, 'PUBLIC' | 'MODERATOR' | 'ADMIN'> = {
  // Reference data, pricing and the community side: anyone.
  'Query.searchCodes': 'PUBLIC',
  'Query.code': 'PUBLIC',
  'Query.localities': 'PUBLIC',
  'Query.locality': 'PUBLIC',
  'Query.zipLocality': 'PUBLIC',
  'Query.feeScheduleReleases': 'PUBLIC',
  'Query.referenceDatasets': 'PUBLIC',
  'Query.groupCodes': 'PUBLIC',
  'Query.carc': 'PUBLIC',
  'Query.rarc': 'PUBLIC',
  'Query.modifiers': 'PUBLIC',
  'Query.icd10': 'PUBLIC',
  'Query.searchIcd10': 'PUBLIC',
  'Query.price': 'PUBLIC',
  'Query.checkClaim': 'PUBLIC',
  'Query.scanText': 'PUBLIC',
  'Query.denialStats': 'PUBLIC',
  'Query.denialStories': 'PUBLIC',
  'Query.moderationRules': 'PUBLIC',
  'Query.me': 'PUBLIC',
  'Mutation.submitDenialReport': 'PUBLIC',
  'Mutation.flagReport': 'PUBLIC',
  'Mutation.signIn': 'PUBLIC',
  'Mutation.signOut': 'PUBLIC',
  'Mutation.acceptStaffInvitation': 'PUBLIC',
  'Subscription.denialStatsUpdated': 'PUBLIC',
  // Any staff member.
  'Query.moderationQueue': 'MODERATOR',
  'Query.moderationReport': 'MODERATOR',
  'Query.submitterBlocks': 'MODERATOR',
  'Query.mySessions': 'MODERATOR',
  'Query.myApiTokens': 'MODERATOR',
  'Mutation.approveReport': 'MODERATOR',
  'Mutation.rejectReport': 'MODERATOR',
  'Mutation.redactReport': 'MODERATOR',
  'Mutation.blockSubmitter': 'MODERATOR',
  'Mutation.liftSubmitterBlock': 'MODERATOR',
  'Mutation.revokeMySession': 'MODERATOR',
  'Mutation.createApiToken': 'MODERATOR',
  'Mutation.revokeApiToken': 'MODERATOR',
  // Admins only.
  'Query.staffAccounts': 'ADMIN',
  'Query.auditLog': 'ADMIN',
  'Mutation.inviteStaff': 'ADMIN',
  'Mutation.disableStaff': 'ADMIN',
  'Mutation.enableStaff': 'ADMIN',
};
