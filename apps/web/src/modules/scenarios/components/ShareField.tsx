type Props = {
  id: string;
  /** Whose time the share is taken from. */
  holderName: string;
  /** The holder's whole share of the responsibility: the most that can move. */
  maxPct: number;
  value: string;
  onChange: (value: string) => void;
};

/** How many points of the holder's time move with a responsibility; empty moves all of it. */
export function ShareField({ id, holderName, maxPct, value, onChange }: Props) {
  return (
    <div className="field field--inline">
      <label htmlFor={id}>Share of {holderName}’s time to move (empty: all of it)</label>
      <input
        id={id}
        className="input--number"
        type="number"
        min={1}
        max={maxPct}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** The share typed in a ShareField, as the edit takes it: null is all of it. */
export const sharePctOf = (value: string): number | null => (value.trim() ? Number(value) : null);
