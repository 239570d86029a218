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
        indicators {
          indicator
          value
          meaning
          source
          known
        }
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
      mue {
        maxUnits
        adjudicationIndicator
        adjudicationLabel
        adjudicationMeaning
        appealable
        rationale
        source
      }
      addOnRules {
        isAddOnCode
        primaryCodeCount
        primaryCodes {
          primaryCode
          editType
          editTypeMeaning
        }
        addOnCodeCount
        addOnCodes {
          addOnCode
        }
        source
      }
      ncciSources {
        id
        dataset
        label
        effectiveFrom
        effectiveTo
        sourceFile
        olderThanDateOfService
        note
      }
    }
  }
`);

export const CodeNcciEditsQuery = graphql(`
  query CodeNcciEdits($code: String!, $dateOfService: String, $role: PtpRole, $inForceOnly: Boolean!, $modifierAllowed: Boolean, $first: Int, $after: String) {
    code(code: $code, dateOfService: $dateOfService) {
      code
      ncciEdits(role: $role, inForceOnly: $inForceOnly, modifierAllowed: $modifierAllowed, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            column1Code
            column2Code
            otherCode
            role
            modifierIndicator
            modifierAllowed
            deletionDate
            inForce
            rationale
            explanation
          }
        }
      }
    }
  }
`);

export const SearchCodesQuery = graphql(`
  query SearchCodes($query: String!, $first: Int) {
    searchCodes(query: $query, first: $first) {
      totalCount
      edges {
        node {
          code
          level
          shortDescriptor
          longDescriptor
          statusCode
        }
      }
    }
  }
`);
