import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { describeError, ModerationRulesQuery } from '@denialmap/web/data-access';
import { ErrorPanel, LoadingPanel } from '@denialmap/web/ui';

/** /moderation-rules (public): the rules moderators apply to community denial reports, as the API publishes them. */
export function ModerationRulesPage() {
  const { data, error, refetch } = useQuery(ModerationRulesQuery);
  useEffect(() => {
    document.title = 'Moderation rules | DenialMap';
  }, []);
  return (
    <article className="moderation-rules" aria-labelledby="rules-heading">
      <h1 id="rules-heading">Moderation rules</h1>
      <p className="lede">How community denial reports are checked, flagged and moderated, and what moderators may and may not do.</p>
      {error && !data && (
        <ErrorPanel title="The rules could not be loaded">
          {describeError(error).message}{' '}
          <button type="button" className="link-button" onClick={() => void refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorPanel>
      )}
      {!data && !error && <LoadingPanel label="Loading the moderation rules…" />}
      {data && (
        <ol className="rules-list" data-testid="moderation-rules">
          {data.moderationRules.map((rule) => (
            <li key={rule.title}>
              <h2>{rule.title}</h2>
              <p>{rule.text}</p>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to="/">Look up a code</Link> to read and send denial reports.
      </p>
    </article>
  );
}
