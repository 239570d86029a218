import { graphql } from '../../generated';

export const DenialBreakdownFieldsFragment = graphql(`
  fragment DenialBreakdownFields on DenialBreakdown {
    suppressed
    cells {
      key
      label
      reports
      share
    }
  }
`);

export const DenialStatsFieldsFragment = graphql(`
  fragment DenialStatsFields on DenialStats {
    code
    payerType
    status
    threshold
    reports
    submittersNeeded
    message
    computedAt
    source
    appealRate
    successRate
    medianDaysToResolution
    reasons {
      ...DenialBreakdownFields
    }
    remarks {
      ...DenialBreakdownFields
    }
    modifiers {
      ...DenialBreakdownFields
    }
    fixes {
      ...DenialBreakdownFields
    }
    quarters {
      ...DenialBreakdownFields
    }
    outcomes {
      ...DenialBreakdownFields
    }
    payerTypes {
      ...DenialBreakdownFields
    }
    appealLevels {
      level
      name
      appeals
      successRate
    }
    appealLevelsSuppressed
  }
`);

export const DenialStatsQuery = graphql(`
  query DenialStats($code: String!, $payerType: PayerType) {
    denialStats(code: $code, payerType: $payerType) {
      ...DenialStatsFields
    }
  }
`);

export const DenialStatsUpdatedSubscription = graphql(`
  subscription DenialStatsUpdated($code: String!, $payerType: PayerType) {
    denialStatsUpdated(code: $code, payerType: $payerType) {
      ...DenialStatsFields
    }
  }
`);

export const DenialStoriesQuery = graphql(`
  query DenialStories($code: String!, $first: Int, $after: String) {
    denialStories(code: $code, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          reportId
          narrative
        }
      }
    }
  }
`);

export const PhiFindingFieldsFragment = graphql(`
  fragment PhiFindingFields on PhiFinding {
    kind
    start
    end
    text
    message
  }
`);

export const ScanTextQuery = graphql(`
  query ScanText($text: String!) {
    scanText(text: $text) {
      clean
      findings {
        ...PhiFindingFields
      }
    }
  }
`);

export const SubmitDenialReportMutation = graphql(`
  mutation SubmitDenialReport($input: DenialReportInput!) {
    submitDenialReport(input: $input) {
      __typename
      ... on DenialReportReceipt {
        reportId
        code
        status
        message
        receivedAt
        serviceQuarter
      }
      ... on DenialReportRefusal {
        reason
        message
        retryAfterSeconds
        fieldErrors {
          field
          message
        }
        patientInformation {
          field
          finding {
            ...PhiFindingFields
          }
        }
      }
    }
  }
`);

export const FlagReportMutation = graphql(`
  mutation FlagReport($reportId: String!, $reason: FlagReason!) {
    flagReport(reportId: $reportId, reason: $reason) {
      status
      message
      retryAfterSeconds
    }
  }
`);

export const CarcQuery = graphql(`
  query Carc($code: String!) {
    carc(code: $code) {
      code
      description
      active
      stopDate
    }
  }
`);

export const RarcQuery = graphql(`
  query Rarc($code: String!) {
    rarc(code: $code) {
      code
      description
      active
      stopDate
    }
  }
`);

export const SearchIcd10Query = graphql(`
  query SearchIcd10($query: String!, $first: Int) {
    searchIcd10(query: $query, first: $first) {
      totalCount
      edges {
        node {
          code
          description
          billable
        }
      }
    }
  }
`);

export const ReportVocabularyQuery = graphql(`
  query ReportVocabulary {
    modifiers {
      modifier
      description
    }
    groupCodes {
      code
      description
    }
  }
`);
