import { graphql } from '../../generated';

export const BillingTipsQuery = graphql(`
  query BillingTips($code: String!, $dateOfService: String) {
    billingTips(code: $code, dateOfService: $dateOfService) {
      code
      dateOfService
      releaseLabel
      communityUnlocked
      reportersNeeded
      tips {
        key
        kind
        topic
        title
        advice
        source {
          label
          detail
        }
        moneyAtStake {
          amount
          basis
        }
        reports
        impact {
          statement
          basis
        }
      }
    }
  }
`);

export const CuratedTipFieldsFragment = graphql(`
  fragment CuratedTipFields on CuratedTip {
    id
    codeFrom
    codeTo
    topic
    title
    advice
    source
    impactStatement
    impactBasis
    status
    shipped
    createdAt
    updatedAt
    retiredAt
  }
`);

export const CuratedTipsQuery = graphql(`
  query CuratedTips($code: String, $includeRetired: Boolean) {
    curatedTips(code: $code, includeRetired: $includeRetired) {
      ...CuratedTipFields
    }
  }
`);

export const CreateCuratedTipMutation = graphql(`
  mutation CreateCuratedTip($input: CuratedTipInput!) {
    createCuratedTip(input: $input) {
      ...CuratedTipFields
    }
  }
`);

export const UpdateCuratedTipMutation = graphql(`
  mutation UpdateCuratedTip($id: String!, $input: CuratedTipInput!, $note: String) {
    updateCuratedTip(id: $id, input: $input, note: $note) {
      ...CuratedTipFields
    }
  }
`);

export const RetireCuratedTipMutation = graphql(`
  mutation RetireCuratedTip($id: String!, $reason: String!) {
    retireCuratedTip(id: $id, reason: $reason) {
      ...CuratedTipFields
    }
  }
`);

export const ToolkitOptionsQuery = graphql(`
  query ToolkitOptions {
    toolkitOptions {
      presets {
        id
        name
        codes
      }
      maxCodes
      consentText
      downloadHours
    }
  }
`);

export const ToolkitFieldsFragment = graphql(`
  fragment ToolkitFields on Toolkit {
    id
    preset
    codes
    dateOfService
    status
    progress
    error
    pages
    bytes
    downloadPath
    expiresAt
  }
`);

export const RequestToolkitMutation = graphql(`
  mutation RequestToolkit($input: ToolkitRequestInput!) {
    requestToolkit(input: $input) {
      ...ToolkitFields
    }
  }
`);

export const ToolkitQuery = graphql(`
  query Toolkit($id: String!) {
    toolkit(id: $id) {
      ...ToolkitFields
    }
  }
`);
