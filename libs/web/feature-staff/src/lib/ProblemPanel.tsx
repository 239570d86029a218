import { useApolloClient } from '@apollo/client/react';
import { ErrorPanel } from '@denialmap/web/ui';
import { problemWords, staffProblem } from './staff-error';

/**
 * An API error on a staff page, in words, with the way out: sign in again when the session ended
 * (UNAUTHENTICATED), or try again.
 */
export function ProblemPanel({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const client = useApolloClient();
  const problem = staffProblem(error);
  return (
    <ErrorPanel title={title}>
      {problemWords(problem)}{' '}
      {problem.code === 'UNAUTHENTICATED' ? (
        <button type="button" className="link-button" onClick={() => void client.refetchQueries({ include: ['Me'] }).catch(() => undefined)}>
          Sign in again
        </button>
      ) : (
        onRetry && (
          <button type="button" className="link-button" onClick={onRetry}>
            Try again
          </button>
        )
      )}
    </ErrorPanel>
  );
}
