import { graphql } from '../../generated';

export const FindingFieldsFragment = graphql(`
  fragment FindingFields on ClaimFinding {
    kind
    severity
    lines
    message
    fix
    carc
    carcDescription
    source
  }
`);

export const PriceQuery = graphql(`
  query Price($input: PriceInput!) {
    price(input: $input) {
      code
      modifiers
      units
      pricing
      payable
      amount
      feeScheduleAmount
      limitingCharge
      rvuRow
      reason
      dateOfService
      setting
      settingBasis
      notes
      release {
        id
        label
        conversionFactor
        conversionFactorSource
        inForce
        note
      }
      locality {
        id
        name
        state
        workGpci
        practiceExpenseGpci
        malpracticeGpci
        source
      }
      steps {
        rule
        formula
        result
        source
      }
      findings {
        ...FindingFields
      }
    }
  }
`);

export const LocalitiesQuery = graphql(`
  query Localities($state: String, $dateOfService: String) {
    localities(state: $state, dateOfService: $dateOfService) {
      id
      state
      name
    }
  }
`);

export const CheckClaimQuery = graphql(`
  query CheckClaim($input: ClaimInput!) {
    checkClaim(input: $input) {
      dateOfService
      total
      settingBasis
      notes
      release {
        label
        conversionFactor
      }
      locality {
        id
        name
      }
      lines {
        line
        code
        modifiers
        units
        pricing
        payable
        amount
        feeScheduleAmount
        reason
      }
      findings {
        ...FindingFields
      }
    }
  }
`);
