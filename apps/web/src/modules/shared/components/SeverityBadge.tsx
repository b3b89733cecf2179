type Props = {
  severity: number;
};

/** Severity in words as well as colour, so the colour is never the only cue. */
export function SeverityBadge({ severity }: Props) {
  const level = severity >= 0.75 ? 'high' : severity >= 0.4 ? 'medium' : 'low';
  return (
    <span className={`severity severity--${level}`} title={`Severity ${severity.toFixed(2)} of 1`}>
      {level === 'high' ? 'High' : level === 'medium' ? 'Medium' : 'Low'}
    </span>
  );
}
