import { THRESHOLD_NAMES, THRESHOLDS, type PolicyDraft, type PolicyErrors, type ThresholdName } from '../utils/policy-form';

type Props = {
  thresholds: PolicyDraft['thresholds'];
  errors: PolicyErrors['thresholds'];
  onChange: (name: ThresholdName, value: string) => void;
};

export function ThresholdFields({ thresholds, errors, onChange }: Props) {
  return (
    <div className="threshold-grid">
      {THRESHOLD_NAMES.map((name) => {
        const meta = THRESHOLDS[name];
        const id = `threshold-${name}`;
        const error = errors[name];
        return (
          <div className="field" key={name}>
            <label htmlFor={id}>{meta.label}</label>
            <div className="input-with-unit">
              <input
                id={id}
                className="input--number"
                type="number"
                inputMode="decimal"
                min={meta.min ?? 0}
                max={meta.max}
                step={meta.step ?? 'any'}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                value={thresholds[name]}
                onChange={(event) => onChange(name, event.target.value)}
              />
              <span className="unit">{meta.unit}</span>
            </div>
            <p id={`${id}-hint`} className="field-hint">
              {meta.hint}
            </p>
            {error && (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
