import { graphql } from '../../generated';

// Which reference tables are behind CMS's publication calendar today (a banner on the code page
// and in the staff area). Public, one small answer per day and import: cache-first is right.

export const StaleDatasetFieldsFragment = graphql(`
  fragment StaleDatasetFields on StaleDataset {
    dataset
    name
    expected
    loadedId
    loadedEffectiveFrom
    since
    message
    whatToUpload
  }
`);

export const DataFreshnessQuery = graphql(`
  query DataFreshness {
    dataFreshness {
      checkedOn
      upToDate
      stale {
        ...StaleDatasetFields
      }
    }
  }
`);
