import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { CodeNcciEditsQuery, CodePageQueryResult, describeError } from '@denialmap/web/data-access';
import { ErrorPanel, LoadingPanel, NoticePanel } from '@denialmap/web/ui';

type Detail = CodePageQueryResult['code'];
type RoleFilter = 'ANY' | 'COLUMN_1' | 'COLUMN_2';
type ModifierFilter = 'ANY' | 'ALLOWED' | 'NOT_ALLOWED';
const MODIFIER_FILTER: Record<ModifierFilter, boolean | null> = { ANY: null, ALLOWED: true, NOT_ALLOWED: false };

const PAGE = 25;

/** NCCI bundling edits of the code, MUE and add-on rules, each in plain words with its source. */
export function NcciSection({ detail }: { detail: Detail }) {
  const [role, setRole] = useState<RoleFilter>('ANY');
  const [modifier, setModifier] = useState<ModifierFilter>('ANY');
  const [inForceOnly, setInForceOnly] = useState(true);
  const variables = {
    code: detail.code,
    dateOfService: detail.dateOfService,
    role: role === 'ANY' ? null : role,
    modifierAllowed: MODIFIER_FILTER[modifier],
    inForceOnly,
    first: PAGE,
  };
  const { data, loading, error, fetchMore } = useQuery(CodeNcciEditsQuery, { variables });
  const edits = data?.code.ncciEdits;
  const ptpSource = detail.ncciSources.find((s) => s.dataset === 'NCCI_PTP');

  return (
    <section aria-labelledby="ncci-heading" className="ncci">
      <h2 id="ncci-heading">NCCI bundling edits</h2>
      {detail.ncciSources
        .filter((s) => s.olderThanDateOfService)
        .slice(0, 1)
        .map((s) => (
          <NoticePanel key={s.id}>
            NCCI data shipped with DenialMap is the {s.effectiveFrom} edition (current through {s.effectiveTo}). Edits may have
            changed since; check CMS&apos;s current tables for {detail.dateOfService}.
          </NoticePanel>
        ))}

      <div className="ncci-facts">
        <div className="fact-card" data-testid="mue">
          <h3>Unit limit (MUE)</h3>
          {detail.mue ? (
            <>
              <p className="fact-value">{detail.mue.maxUnits} per day</p>
              <p>
                <strong>MAI {detail.mue.adjudicationIndicator}: {detail.mue.adjudicationLabel}.</strong> {detail.mue.adjudicationMeaning}
              </p>
              <p className="fine-print">
                {detail.mue.rationale ? `CMS rationale: ${detail.mue.rationale}. ` : ''}Source: {detail.mue.source}
              </p>
            </>
          ) : (
            <p>No MUE: CMS sets no unit limit for this code in the loaded table.</p>
          )}
        </div>
        <div className="fact-card" data-testid="add-on">
          <h3>Add-on code rules</h3>
          {detail.addOnRules.isAddOnCode ? (
            <p>
              Add-on code: bill only with a primary service. {detail.addOnRules.primaryCodes[0]?.editTypeMeaning}{' '}
              {detail.addOnRules.primaryCodeCount} primary code{detail.addOnRules.primaryCodeCount === 1 ? '' : 's'} listed
              {detail.addOnRules.primaryCodes.length > 0 &&
                `: ${detail.addOnRules.primaryCodes.slice(0, 12).map((p) => p.primaryCode).join(', ')}${detail.addOnRules.primaryCodeCount > 12 ? '…' : ''}`}
              .
            </p>
          ) : (
            <p>Not an add-on code.</p>
          )}
          {detail.addOnRules.addOnCodeCount > 0 && (
            <p>
              Primary for {detail.addOnRules.addOnCodeCount} add-on code{detail.addOnRules.addOnCodeCount === 1 ? '' : 's'}:{' '}
              {detail.addOnRules.addOnCodes.slice(0, 12).map((a) => a.addOnCode).join(', ')}
              {detail.addOnRules.addOnCodeCount > 12 ? '…' : ''}
            </p>
          )}
        </div>
      </div>

      <div className="ncci-filters" role="group" aria-label="Filter edits">
        <label>
          Position{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as RoleFilter)}>
            <option value="ANY">Either column</option>
            <option value="COLUMN_1">This code is column 1 (it is paid)</option>
            <option value="COLUMN_2">This code is column 2 (it is bundled)</option>
          </select>
        </label>
        <label>
          Modifier{' '}
          <select value={modifier} onChange={(e) => setModifier(e.target.value as ModifierFilter)} data-testid="ncci-modifier-filter">
            <option value="ANY">Allowed or not</option>
            <option value="ALLOWED">A modifier can bypass the edit</option>
            <option value="NOT_ALLOWED">No modifier bypasses the edit</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={inForceOnly} onChange={(e) => setInForceOnly(e.target.checked)} /> Only edits in force on{' '}
          {detail.dateOfService}
        </label>
      </div>

      {error && <ErrorPanel title="Edits could not be loaded">{describeError(error).message}</ErrorPanel>}
      {!edits && loading && <LoadingPanel label="Loading NCCI edits…" />}
      {edits && (
        <>
          <p data-testid="ncci-count">
            {edits.totalCount} edit{edits.totalCount === 1 ? '' : 's'}
            {modifier === 'ALLOWED' ? ' that a modifier can bypass' : modifier === 'NOT_ALLOWED' ? ' that no modifier bypasses' : ''}
            {inForceOnly ? ` in force on ${detail.dateOfService}` : ' (active and deleted)'}.
          </p>
          {edits.totalCount > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="NCCI procedure-to-procedure edits">
              <table className="ncci-table">
                <thead>
                  <tr>
                    <th scope="col">Other code</th>
                    <th scope="col">Modifier</th>
                    <th scope="col">What it means</th>
                    <th scope="col">CMS rationale</th>
                  </tr>
                </thead>
                <tbody>
                  {edits.edges.map(({ node, cursor }) => (
                    <tr key={cursor} data-testid={`ptp-${node.otherCode}`} className={node.inForce ? '' : 'deleted'}>
                      <th scope="row">{node.otherCode}</th>
                      <td data-label="Modifier">{node.modifierAllowed ? 'Allowed' : node.modifierIndicator === '9' ? 'n/a' : 'Not allowed'}</td>
                      <td>{node.explanation}</td>
                      <td data-label="CMS rationale">{node.rationale ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {edits.pageInfo.hasNextPage && (
            <button type="button" className="secondary" disabled={loading} onClick={() => void fetchMore({ variables: { after: edits.pageInfo.endCursor } })}>
              Show more edits
            </button>
          )}
        </>
      )}
      {ptpSource && <p className="fine-print">Source: {ptpSource.label} ({ptpSource.sourceFile}).</p>}
    </section>
  );
}
