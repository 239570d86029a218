import { Link } from 'react-router';
import { ErrorPanel } from '@denialmap/web/ui';

export function NotFoundPage() {
  return (
    <ErrorPanel title="There is no page here">
      <Link to="/">Look up a code</Link> instead.
    </ErrorPanel>
  );
}
