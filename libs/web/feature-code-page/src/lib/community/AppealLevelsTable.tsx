import type { DenialStatsFieldsFragment } from '@denialmap/web/data-access';
import { withheldNote } from './stats-view';
import { PercentBar } from './PercentBar';

/** Appeals by level with the share that ended paid; a level's rate is withheld like any small group. */
export function AppealLevelsTable({ stats }: { stats: DenialStatsFieldsFragment }) {
  const levels = stats.appealLevels ?? [];
  const note = withheldNote(stats.appealLevelsSuppressed);
  return (
    <div className="breakdown" data-testid="stats-appeal-levels">
      <h3>Appeals by level</h3>
      {levels.length === 0 ? (
        <p className="fine-print">Nothing to show: {note ?? 'no appeals reported in this view.'}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="breakdown-table">
              <thead>
                <tr>
                  <th scope="col">Appeal level</th>
                  <th scope="col" className="num">
                    Appeals
                  </th>
                  <th scope="col">Paid after appeal</th>
                </tr>
              </thead>
              <tbody>
                {levels.map((level) => (
                  <tr key={level.level}>
                    <th scope="row">{level.name}</th>
                    <td className="num">{level.appeals}</td>
                    <td className="share">
                      {level.successRate === null ? (
                        <span className="fine-print">Withheld or none resolved yet</span>
                      ) : (
                        <PercentBar percent={level.successRate} tone="ok" />
                      )}
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
