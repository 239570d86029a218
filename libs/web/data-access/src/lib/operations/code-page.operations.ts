import { graphql } from '../../generated';

export const CodePageQuery = graphql(`
  query CodePage($code: String!, $dateOfService: String) {
    code(code: $code, dateOfService: $dateOfService) {
      code
      level
      shortDescriptor
      descriptorNotice
      dateOfService
      releaseMatch
      releaseNote
      source
      status {
        code
        label
        meaning
        paidFromRvus
      }
      release {
        id
        label
        year
        quarter
        effectiveFrom
        effectiveTo
        conversionFactor
        alternateConversionFactor
        conversionFactorNote
        releasedOn
        sourceFile
        importedAt
      }
      rvuRows {
        modifier
        status {
          code
          label
        }
        workRvu
        nonFacilityPracticeExpenseRvu
        facilityPracticeExpenseRvu
        malpracticeRvu
        nonFacilityTotalRvu
        facilityTotalRvu
        nonFacilityNotApplicable
        facilityNotApplicable
        globalDays
        pctcIndicator
        nationalNonFacility {
          amount
          reason
          steps {
            rule
            formula
            result
            source
          }
        }
        nationalFacility {
          amount
          reason
          steps {
            rule
            formula
            result
            source
          }
        }
      }
    }
  }
`);
