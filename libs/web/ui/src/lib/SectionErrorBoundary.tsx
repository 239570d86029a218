import { Component, ReactNode } from 'react';
import { ErrorPanel } from './StatusPanel';

interface SectionErrorBoundaryProps {
  /** What could not be shown, e.g. "Community denial reports could not be loaded". */
  title: string;
  children: ReactNode;
}

/**
 * Keeps one failing part of a page (most often a lazy chunk that no longer exists after a deploy)
 * from blanking the whole page: the rest stays, and this part says what happened in words (React
 * itself logs the error).
 */
export class SectionErrorBoundary extends Component<SectionErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorPanel title={this.props.title}>
        This part of the page did not load, perhaps because DenialMap was updated since the page opened.{' '}
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </ErrorPanel>
    );
  }
}
