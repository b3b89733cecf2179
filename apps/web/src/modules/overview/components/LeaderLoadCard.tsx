import { formatPct, plural } from '../../shared/utils/format';

type Props = {
  leaderCount: number;
  tacticalLoadPct: number | null;
  timeBelowLevelPct: number | null;
  positionCount: number;
  vacantCount: number;
};

export function LeaderLoadCard({ leaderCount, tacticalLoadPct, timeBelowLevelPct, positionCount, vacantCount }: Props) {
  return (
    <section className="card" aria-labelledby="leader-load-heading">
      <h2 id="leader-load-heading" className="card__title">
        Leaders’ time
      </h2>
      <dl className="stats">
        <div className="stats__item">
          <dt>Tactical load</dt>
          <dd className="stats__value">{formatPct(tacticalLoadPct)}</dd>
          <dd className="stats__hint">Mean implementation share of managers and above</dd>
        </div>
        <div className="stats__item">
          <dt>Time below level</dt>
          <dd className="stats__value">{formatPct(timeBelowLevelPct)}</dd>
          <dd className="stats__hint">Of the time leaders describe, spent below their tier</dd>
        </div>
      </dl>
      <p className="card__footer muted">
        {plural(leaderCount, 'leader')} · {plural(positionCount, 'position')} · {vacantCount} vacant
      </p>
    </section>
  );
}
