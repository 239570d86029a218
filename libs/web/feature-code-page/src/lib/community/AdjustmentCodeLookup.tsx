import { useQuery } from '@apollo/client/react';
import { CarcQuery, describeError, RarcQuery } from '@denialmap/web/data-access';

/**
 * The X12 description of a CARC or RARC as typed, looked up exactly: the text, "deactivated" when
 * its stop date has passed, or "unknown" when the shipped X12 list does not have it.
 */
export function AdjustmentCodeLookup({ kind, code }: { kind: 'carc' | 'rarc'; code: string }) {
  const carc = useQuery(CarcQuery, { variables: { code }, skip: kind !== 'carc' || code === '' });
  const rarc = useQuery(RarcQuery, { variables: { code }, skip: kind !== 'rarc' || code === '' });
  const { loading, error } = kind === 'carc' ? carc : rarc;
  const found = kind === 'carc' ? carc.data?.carc : rarc.data?.rarc;
  const name = kind === 'carc' ? 'CARC' : 'RARC';

  if (code === '') return null;
  if (error) {
    const problem = describeError(error);
    return (
      <span className="code-lookup code-unknown" data-testid={`${kind}-lookup`}>
        {problem.code === 'NOT_FOUND' || problem.code === 'BAD_USER_INPUT' ? `Unknown: ${name} ${code} is not in the X12 list.` : `Could not look up ${code}: ${problem.message}`}
      </span>
    );
  }
  if (loading || !found) return <span className="code-lookup">Looking up {code}…</span>;
  return (
    <span className="code-lookup" data-testid={`${kind}-lookup`}>
      {name} {found.code}: {found.description}
      {!found.active && found.stopDate ? ` (deactivated ${found.stopDate})` : ''}
    </span>
  );
}
