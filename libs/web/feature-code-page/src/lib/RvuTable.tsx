import { Money } from '@denialmap/web/ui';
import type { CodePageQueryResult } from '@denialmap/web/data-access';

type Row = CodePageQueryResult['code']['rvuRows'][number];

const ROW_NAMES: Record<string, string> = { '': 'Global', '26': 'Professional (26)', TC: 'Technical (TC)', '53': 'Discontinued (53)' };

function Amount({ value, testId }: { value: Row['nationalNonFacility']; testId?: string }) {
  return value.amount ? <Money amount={value.amount} testId={testId} /> : <abbr title={value.reason ?? ''}>NA</abbr>;
}

/** RVUs of the global, 26 and TC rows side by side, with the national amounts they give. */
export function RvuTable({ rows }: { rows: Row[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="RVU breakdown">
      <table className="rvu-table">
        <caption>Relative value units (RVUs) and national amounts</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Work</th>
            <th scope="col">PE non-facility</th>
            <th scope="col">PE facility</th>
            <th scope="col">Malpractice</th>
            <th scope="col">Total non-facility</th>
            <th scope="col">Total facility</th>
            <th scope="col">National non-facility</th>
            <th scope="col">National facility</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.modifier} data-testid={`rvu-row-${row.modifier || 'global'}`}>
              <th scope="row">{ROW_NAMES[row.modifier] ?? `Modifier ${row.modifier}`}</th>
              <td>{row.workRvu}</td>
              <td>{row.nonFacilityPracticeExpenseRvu}{row.nonFacilityNotApplicable ? ' (NA)' : ''}</td>
              <td>{row.facilityPracticeExpenseRvu}{row.facilityNotApplicable ? ' (NA)' : ''}</td>
              <td>{row.malpracticeRvu}</td>
              <td>{row.nonFacilityTotalRvu}</td>
              <td>{row.facilityTotalRvu}</td>
              <td>
                <Amount value={row.nationalNonFacility} testId={`amount-nf-${row.modifier || 'global'}`} />
              </td>
              <td>
                <Amount value={row.nationalFacility} testId={`amount-f-${row.modifier || 'global'}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
