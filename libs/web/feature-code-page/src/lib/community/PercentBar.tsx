/** A percent from the API as given ("42.9"), with a bar for the eye (hidden from screen readers). */
export function PercentBar({ percent, tone }: { percent: string; tone?: 'ok' }) {
  return (
    <>
      <span className="share-value">{percent}%</span>
      <span className="bar" aria-hidden="true">
        <span className={tone === 'ok' ? 'bar-fill bar-ok' : 'bar-fill'} style={{ width: `${percent}%` }} />
      </span>
    </>
  );
}
