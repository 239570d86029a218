import { graphql } from '../../generated';

// The staff area (libs/web/feature-staff): sign-in, the moderation queue and its decisions, the
// team, API tokens and the audit log. The session is an httpOnly cookie: nothing here carries a token.

export const StaffAccountFieldsFragment = graphql(`
  fragment StaffAccountFields on StaffAccount {
    id
    email
    displayName
    role
    status
    createdAt
    lastLoginAt
    disabledAt
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...StaffAccountFields
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      expiresAt
      staff {
        ...StaffAccountFields
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const AcceptStaffInvitationMutation = graphql(`
  mutation AcceptStaffInvitation($token: String!, $password: String!) {
    acceptStaffInvitation(token: $token, password: $password) {
      expiresAt
      staff {
        ...StaffAccountFields
      }
    }
  }
`);

export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      current
    }
  }
`);

export const RevokeMySessionMutation = graphql(`
  mutation RevokeMySession($sessionId: String!) {
    revokeMySession(sessionId: $sessionId)
  }
`);

export const ApiTokenFieldsFragment = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    prefix
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
  }
`);

export const MyApiTokensQuery = graphql(`
  query MyApiTokens {
    myApiTokens {
      ...ApiTokenFields
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!, $expiresInDays: Int) {
    createApiToken(name: $name, expiresInDays: $expiresInDays) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($tokenId: String!) {
    revokeApiToken(tokenId: $tokenId)
  }
`);

export const StaffAccountsQuery = graphql(`
  query StaffAccounts {
    staffAccounts {
      ...StaffAccountFields
    }
  }
`);

export const InviteStaffMutation = graphql(`
  mutation InviteStaff($email: String!, $displayName: String!, $role: StaffRole!) {
    inviteStaff(email: $email, displayName: $displayName, role: $role) {
      invitationPath
      expiresAt
      staff {
        ...StaffAccountFields
      }
    }
  }
`);

export const DisableStaffMutation = graphql(`
  mutation DisableStaff($accountId: String!, $reason: String!) {
    disableStaff(accountId: $accountId, reason: $reason) {
      ...StaffAccountFields
    }
  }
`);

export const EnableStaffMutation = graphql(`
  mutation EnableStaff($accountId: String!) {
    enableStaff(accountId: $accountId) {
      ...StaffAccountFields
    }
  }
`);

export const QueueReportFieldsFragment = graphql(`
  fragment QueueReportFields on ModerationReport {
    id
    code
    status
    queueReasons
    holdReason
    unseenFlags
    flagCount
    createdAt
    narrative
    payerType
    groupCode
    carc
  }
`);

export const ModerationQueueQuery = graphql(`
  query ModerationQueue($status: ModeratedReportStatus, $reason: ModerationQueueReason, $code: String, $order: ModerationQueueOrder, $first: Int, $after: String) {
    moderationQueue(status: $status, reason: $reason, code: $code, order: $order, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...QueueReportFields
        }
      }
    }
  }
`);

export const ModerationReportFieldsFragment = graphql(`
  fragment ModerationReportFields on ModerationReport {
    ...QueueReportFields
    modifiers
    serviceQuarter
    payerName
    state
    placeOfService
    rarcs
    icd10Codes
    denialCategory
    actionTaken
    appealLevel
    fix
    outcome
    daysToResolution
    flagReasons {
      reason
      count
    }
    submitterRef
    submitterReports
    submitterBlockedUntil
    rejectionReason
    reviewedAt
  }
`);

export const ModerationReportQuery = graphql(`
  query ModerationReport($id: String!) {
    moderationReport(id: $id) {
      ...ModerationReportFields
    }
  }
`);

export const ApproveReportMutation = graphql(`
  mutation ApproveReport($reportId: String!, $note: String) {
    approveReport(reportId: $reportId, note: $note) {
      ...ModerationReportFields
    }
  }
`);

export const RejectReportMutation = graphql(`
  mutation RejectReport($reportId: String!, $reason: String!) {
    rejectReport(reportId: $reportId, reason: $reason) {
      ...ModerationReportFields
    }
  }
`);

export const RedactReportMutation = graphql(`
  mutation RedactReport($reportId: String!, $narrative: String, $note: String) {
    redactReport(reportId: $reportId, narrative: $narrative, note: $note) {
      ...ModerationReportFields
    }
  }
`);

export const SubmitterBlockFieldsFragment = graphql(`
  fragment SubmitterBlockFields on SubmitterBlock {
    id
    submitterRef
    blockedUntil
    reason
    createdAt
    liftedAt
  }
`);

export const BlockSubmitterMutation = graphql(`
  mutation BlockSubmitter($reportId: String!, $days: Int!, $reason: String!) {
    blockSubmitter(reportId: $reportId, days: $days, reason: $reason) {
      ...SubmitterBlockFields
    }
  }
`);

export const LiftSubmitterBlockMutation = graphql(`
  mutation LiftSubmitterBlock($blockId: String!, $reason: String!) {
    liftSubmitterBlock(blockId: $blockId, reason: $reason) {
      ...SubmitterBlockFields
    }
  }
`);

export const SubmitterBlocksQuery = graphql(`
  query SubmitterBlocks {
    submitterBlocks {
      ...SubmitterBlockFields
    }
  }
`);

export const ModerationRulesQuery = graphql(`
  query ModerationRules {
    moderationRules {
      title
      text
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($action: AuditAction, $from: String, $to: String, $reportId: String, $first: Int, $after: String) {
    auditLog(action: $action, from: $from, to: $to, reportId: $reportId, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          at
          action
          actorId
          actorEmail
          reason
          code
          reportId
          targetId
          details
        }
      }
    }
  }
`);
