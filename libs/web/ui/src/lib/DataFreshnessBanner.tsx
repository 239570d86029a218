import { useId } from 'react';

/** A reference table behind CMS's publication calendar, as the dataFreshness query reports it. */
export interface StaleDatasetView {
  dataset: string;
  name: string;
  expected: string;
  loadedId: string | null;
  loadedEffectiveFrom: string | null;
  since: string;
  message: string;
  whatToUpload: string;
}

export type FreshnessAudience = 'biller' | 'staff';

/** The banner's first line: a biller hears what it means for them, staff how much is behind. */
export function freshnessHeading(count: number, audience: FreshnessAudience): string {
  if (audience === 'staff') {
    return count === 1 ? "1 reference table is behind CMS's publication calendar" : `${count} reference tables are behind CMS's publication calendar`;
  }
  return 'CMS has published newer data than DenialMap has loaded: some figures on this page may be out of date';
}

/** What is loaded, in words: "newest loaded: RVU26C, effective 2026-07-01", or that nothing is. */
export function loadedWords(stale: StaleDatasetView): string {
  return stale.loadedId ? `newest loaded: ${stale.loadedId}, effective ${stale.loadedEffectiveFrom ?? 'unknown'}` : 'nothing loaded';
}

/**
 * Says which reference data is behind CMS (nothing when none is). Billers get one sentence per
 * table on what may differ; staff get what is expected, what is loaded and which CMS file to upload.
 */
export function DataFreshnessBanner({ stale, audience, checkedOn }: { stale: readonly StaleDatasetView[]; audience: FreshnessAudience; checkedOn: string }) {
  const headingId = useId();
  if (stale.length === 0) return null;
  const list = (
    <ul>
      {stale.map((s) => (
        <li key={s.dataset} data-dataset={s.dataset}>
          {audience === 'staff' ? (
            <>
              <strong>{s.name}:</strong> {s.expected} is not loaded ({loadedWords(s)}). Upload: {s.whatToUpload}
            </>
          ) : (
            s.message
          )}
        </li>
      ))}
    </ul>
  );
  if (audience === 'staff') {
    // On every staff page: one line that opens to the details, so the pages stay usable.
    return (
      <div className="panel panel-notice" role="status" data-testid="data-freshness">
        <details>
          <summary>
            <strong id={headingId}>{freshnessHeading(stale.length, audience)}</strong> (what to upload)
          </summary>
          {list}
          <div className="fine-print">
            Checked {checkedOn} against CMS&apos;s release calendar. An admin uploads the new files under Reference data; until then pages keep working on the loaded data and say
            so.
          </div>
        </details>
      </div>
    );
  }
  return (
    <div className="panel panel-notice" role="status" aria-labelledby={headingId} data-testid="data-freshness">
      <strong id={headingId}>{freshnessHeading(stale.length, audience)}</strong>
      {list}
      <div className="fine-print">
        {`Checked ${checkedOn} against CMS's release calendar. For recent dates of service, confirm against the current CMS files or your MAC.`}
      </div>
    </div>
  );
}
