import type { FindingFieldsFragment } from '../../../gql/graphql';
import { formatPct } from '../../shared/utils/format';

type Props = {
  findings: readonly FindingFieldsFragment[];
};

export function DelegationSuggestions({ findings }: Props) {
  if (findings.length === 0) return <p className="muted">No delegation suggested.</p>;
  return (
    <ul className="delegations">
      {findings.map((finding) => (
        <li key={finding.key} className="delegations__item">
          <span className="delegations__task">
            {finding.responsibility} <span className="muted">({formatPct(finding.sharePct)} of time)</span>
          </span>
          <span className="delegations__to">
            {finding.delegateName ? (
              <>
                → <strong>{finding.delegateName}</strong>
              </>
            ) : (
              <span className="muted">{finding.noDelegateReason ?? 'No one in the team can take it over yet.'}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
