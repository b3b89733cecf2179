import type { DottedLineFieldsFragment } from '../../../gql/graphql';

type Props = {
  lines: readonly DottedLineFieldsFragment[];
  /** Opens a position the caller may see; those outside their scope are listed, not linked. */
  onOpen?: (positionId: string) => void;
  empty?: string;
};

/** The other ends of dotted (matrix) reporting lines: name and title, a link when it can be opened. */
export function DottedLineList({ lines, onOpen, empty }: Props) {
  if (lines.length === 0) return empty ? <p className="muted small">{empty}</p> : null;
  return (
    <ul className="dotted-lines">
      {lines.map((line) => {
        const who = line.vacant || !line.name ? `Vacant (${line.title})` : line.name;
        return (
          <li key={line.id}>
            {line.inScope && onOpen ? (
              <button type="button" className="link-button" onClick={() => onOpen(line.id)}>
                {who}
              </button>
            ) : (
              <span>{who}</span>
            )}
            <span className="muted"> · {line.title}</span>
            {!line.inScope && <span className="muted small"> (outside your team: read-only)</span>}
          </li>
        );
      })}
    </ul>
  );
}
