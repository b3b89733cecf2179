import { TIERS, VALUE_LEVELS, type Tier, type ValueLevel } from '@rolemap/domain';
import { tierLabel, valueLevelLabel } from '../../shared/utils/format';
import { mixTotal, type PolicyDraft, type PolicyErrors } from '../utils/policy-form';

type Props = {
  mix: PolicyDraft['mix'];
  errors: PolicyErrors['mix'];
  onChange: (tier: Tier, level: ValueLevel, value: string) => void;
};

/** Expected share of time per value level for each tier; each row must add up to 100. */
export function MixTable({ mix, errors, onChange }: Props) {
  return (
    <table className="data-table mix-table">
      <caption className="visually-hidden">Expected value-level mix per tier, in percent of time</caption>
      <thead>
        <tr>
          <th scope="col">Tier</th>
          {VALUE_LEVELS.map((level) => (
            <th scope="col" key={level}>
              {valueLevelLabel(level)}
            </th>
          ))}
          <th scope="col" className="numeric">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {TIERS.map((tier) => {
          const error = errors[tier];
          const errorId = `mix-error-${tier}`;
          const total = mixTotal(mix[tier]);
          return (
            <tr key={tier} className={error ? 'has-error' : undefined}>
              <th scope="row">{tierLabel(tier)}</th>
              {VALUE_LEVELS.map((level) => (
                <td key={level}>
                  <input
                    className="input--number"
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step="any"
                    aria-label={`${tierLabel(tier)}: ${valueLevelLabel(level)} %`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    value={mix[tier][level]}
                    onChange={(event) => onChange(tier, level, event.target.value)}
                  />
                </td>
              ))}
              <td className="numeric">
                <span className={error ? 'total total--bad' : 'total'}>{Math.round(total * 100) / 100}%</span>
                {error && (
                  <p id={errorId} className="field-error">
                    {error}
                  </p>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
