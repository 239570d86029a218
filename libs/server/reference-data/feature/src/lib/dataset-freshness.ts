import { DatasetReleaseView } from '@denialmap/server/reference-data/data-access';
import { ReferenceDatasetObject } from './graphql/ncci.object';

/** An edition with an honest word about whether it covers the date of service asked about. */
export function toDatasetObject(edition: DatasetReleaseView, dateOfService: string): ReferenceDatasetObject {
  const older = edition.effectiveTo !== null && dateOfService > edition.effectiveTo;
  return {
    ...edition,
    olderThanDateOfService: older,
    note: older
      ? `${edition.label} was current through ${edition.effectiveTo}; it may have changed since, so check the current CMS table for ${dateOfService}.`
      : null,
  };
}
