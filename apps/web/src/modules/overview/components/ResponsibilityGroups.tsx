import { formatDate, formatPct, valueLevelLabel } from '../../shared/utils/format';
import type { LevelGroup } from '../hooks/usePositionDetails';

type Props = {
  groups: readonly LevelGroup[];
};

export function ResponsibilityGroups({ groups }: Props) {
  if (groups.length === 0) return <p className="muted">No responsibilities listed for this position.</p>;
  return (
    <div className="resp-groups">
      {groups.map((group) => (
        <section key={group.level} className="resp-group" aria-label={`${valueLevelLabel(group.level)} responsibilities`}>
          <h4 className="resp-group__title">
            {valueLevelLabel(group.level)} <span className="muted">· {formatPct(group.sharePct)}</span>
          </h4>
          <ul className="resp-list">
            {group.items.map((item) => (
              <li key={item.id} className="resp-list__item">
                <span className="resp-list__title">
                  {item.title}
                  {item.carriedOver && (
                    <span
                      className="tag tag--warning"
                      title={`Held since ${formatDate(item.heldSince)}, before the last promotion`}
                    >
                      Carried over
                    </span>
                  )}
                </span>
                <span className="resp-list__share">{formatPct(item.sharePct)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
