import type { FindingFieldsFragment } from '../../../gql/graphql';
import { SeverityBadge } from '../../shared/components/SeverityBadge';
import { StatusBadge } from '../../shared/components/StatusBadge';
import { findingKindLabel } from '../../shared/utils/format';

type Props = {
  findings: readonly FindingFieldsFragment[];
};

export function FindingExplanations({ findings }: Props) {
  if (findings.length === 0) return <p className="muted">No findings for this position.</p>;
  return (
    <ul className="finding-explanations">
      {findings.map((finding) => (
        <li key={finding.key} className="finding-explanations__item" data-kind={finding.kind}>
          <p className="finding-explanations__head">
            <strong>{findingKindLabel(finding.kind)}</strong>
            <SeverityBadge severity={finding.severity} />
            <StatusBadge status={finding.status} />
          </p>
          <p className="finding-explanations__text">{finding.explanation}</p>
        </li>
      ))}
    </ul>
  );
}
