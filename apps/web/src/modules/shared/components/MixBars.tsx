import { VALUE_LEVELS, type ValueMix } from '@rolemap/domain';
import { VALUE_LEVEL_COLORS } from '@rolemap/web-org-chart';
import { formatPct, valueLevelLabel } from '../utils/format';

type Props = {
  actual: ValueMix;
  expected: ValueMix;
  /** Used in the accessible name of the list, e.g. "Maya Lindqvist". */
  subject?: string;
};

/** One row per value level: a thick bar for the actual share, a thin one for what the tier expects. */
export function MixBars({ actual, expected, subject }: Props) {
  return (
    <ul className="mix-bars" aria-label={subject ? `Value-level mix of ${subject}` : 'Value-level mix'}>
      {VALUE_LEVELS.map((level) => {
        const gap = actual[level] - expected[level];
        return (
          <li key={level} className="mix-bars__row" data-level={level}>
            <span className="mix-bars__label">{valueLevelLabel(level)}</span>
            <span className="mix-bars__track" aria-hidden="true">
              <span
                className="mix-bars__actual"
                style={{ width: `${clamp(actual[level])}%`, background: VALUE_LEVEL_COLORS[level] }}
              />
              <span className="mix-bars__expected" style={{ width: `${clamp(expected[level])}%` }} />
            </span>
            <span className="mix-bars__value">
              {formatPct(actual[level])}
              <span className="muted"> of {formatPct(expected[level])} expected</span>
              {Math.abs(gap) >= 5 && (
                <span className={gap > 0 ? 'mix-bars__gap mix-bars__gap--over' : 'mix-bars__gap'}>
                  {gap > 0 ? ` +${Math.round(gap)}` : ` ${Math.round(gap)}`} pts
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function clamp(value: number): number {
  return Math.max(0, Math.min(100, value));
}
