import type { ValueLevel } from '@rolemap/domain';
import { useCallback, useState } from 'react';
import { formatDate, formatPct, valueLevelLabel } from '../../shared/utils/format';
import type { LevelGroup } from '../hooks/usePositionDetails';
import { levelSourceText } from '../utils/classification';
import { LevelControl } from './LevelControl';

type Props = {
  groups: readonly LevelGroup[];
  /** Sets HR's level for a responsibility by its title; absent for a vacant post (no holder to key it on). */
  onSetLevel?: (responsibility: string, level: ValueLevel | null) => Promise<unknown>;
};

export function ResponsibilityGroups({ groups, onSetLevel }: Props) {
  const [saved, setSaved] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const clearFocus = useCallback(() => setFocusId(null), []);

  if (groups.length === 0) return <p className="muted">No responsibilities listed for this position.</p>;

  const setLevel = async (item: LevelGroup['items'][number], level: ValueLevel | null) => {
    if (!onSetLevel) return;
    await onSetLevel(item.title, level);
    setSaved(
      level
        ? `“${item.title}” is now ${valueLevelLabel(level).toLowerCase()} work, in this snapshot and future ones.`
        : `HR’s level for “${item.title}” is cleared.`,
    );
    setFocusId(item.id);
  };

  return (
    <div className="resp-groups">
      <p className="resp-groups__status" role="status">
        {saved}
      </p>
      {groups.map((group) => (
        <section key={group.level} className="resp-group" aria-label={`${valueLevelLabel(group.level)} responsibilities`}>
          <h4 className="resp-group__title">
            {valueLevelLabel(group.level)} <span className="muted">· {formatPct(group.sharePct)}</span>
          </h4>
          <ul className="resp-list">
            {group.items.map((item) => (
              <li key={item.id} className="resp-list__item">
                <div className="resp-list__main">
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
                </div>
                <div className="resp-list__meta">
                  <span className="resp-list__source">{levelSourceText(item)}</span>
                  {onSetLevel && (
                    <LevelControl
                      title={item.title}
                      level={item.valueLevel}
                      source={item.valueLevelSource}
                      onChange={(level) => setLevel(item, level)}
                      focusRequested={focusId === item.id}
                      onFocused={clearFocus}
                    />
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
