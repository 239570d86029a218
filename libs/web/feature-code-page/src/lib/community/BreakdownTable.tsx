import { Fragment } from 'react';
import type { DenialBreakdownFieldsFragment } from '@denialmap/web/data-access';
import { PercentBar } from './PercentBar';
import { withheldNote } from './stats-view';

interface BreakdownTableProps {
  title: string;
  /** Header of the first column, e.g. "Reason (group code and CARC)". */
  keyHeader: string;
  breakdown: DenialBreakdownFieldsFragment | null;
  /** Cells in the order to show (default: as the API sent them, largest first). */
  cells?: DenialBreakdownFieldsFragment['cells'];
  testId: string;
}

/**
 * One breakdown as a table: the label, the number of reports and the share, with a CSS bar for
 * the eye (aria-hidden: the share is in the text beside it). Shares are shown as the API sent them.
 */
export function BreakdownTable({ title, keyHeader, breakdown, cells, testId }: BreakdownTableProps) {
  if (!breakdown) return null;
  const rows = cells ?? breakdown.cells;
  const note = withheldNote(breakdown.suppressed);
  return (
    <div className="breakdown" data-testid={testId}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="fine-print">Nothing to show: {note ?? 'none reported in this view.'}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="breakdown-table">
              <thead>
                <tr>
                  <th scope="col">{keyHeader}</th>
                  <th scope="col" className="num">
                    Reports
                  </th>
                  <th scope="col">Share</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((cell) => (
                  <tr key={cell.key}>
                    <th scope="row">{breakableAtSlashes(cell.label)}</th>
                    <td className="num">{cell.reports}</td>
                    <td className="share">
                      <PercentBar percent={cell.share} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {note && <p className="fine-print withheld-note">{note}</p>}
        </>
      )}
    </div>
  );
}

/** X12 texts run words together with slashes ("Missing/incomplete/invalid"): let a phone wrap there. */
function breakableAtSlashes(label: string) {
  return label.split('/').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && (
        <>
          /<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}
