import { useQuery } from '@apollo/client/react';
import { DataFreshnessQuery } from '@denialmap/web/data-access';
import { DataFreshnessBanner } from '@denialmap/web/ui';
import { staleForCodePage } from './code-page-freshness';

/**
 * The tables behind CMS that affect this code on this date. Supplementary: while it loads, or if
 * it fails, the page shows nothing here rather than holding up the amounts.
 */
export function CodeFreshnessBanner({ level, dateOfService }: { level: string; dateOfService: string }) {
  const { data } = useQuery(DataFreshnessQuery);
  if (!data) return null;
  const stale = staleForCodePage(data.dataFreshness.stale, level, dateOfService);
  return <DataFreshnessBanner stale={stale} audience="biller" checkedOn={data.dataFreshness.checkedOn} />;
}
