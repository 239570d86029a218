import { useQuery } from '@apollo/client/react';
import { DataFreshnessQuery } from '@denialmap/web/data-access';
import { DataFreshnessBanner } from '@denialmap/web/ui';

/** Every reference table behind CMS, with the file to upload; nothing while loading or on failure. */
export function StaffFreshnessBanner() {
  const { data } = useQuery(DataFreshnessQuery, { fetchPolicy: 'cache-and-network' });
  if (!data) return null;
  return <DataFreshnessBanner stale={data.dataFreshness.stale} audience="staff" checkedOn={data.dataFreshness.checkedOn} />;
}
