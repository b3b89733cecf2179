import type { ScenarioFindingFieldsFragment } from '../../../gql/graphql';
import { findingKindLabel } from '../../shared/utils/format';

type Props = { resolved: readonly ScenarioFindingFieldsFragment[]; introduced: readonly ScenarioFindingFieldsFragment[] };

function FindingItems({ findings }: { findings: readonly ScenarioFindingFieldsFragment[] }) {
  return (
    <ul className="scenario-findings">
      {findings.map((finding) => (
        <li key={finding.key}>
          <strong>{finding.personName ?? finding.employeeId ?? 'Vacant post'}</strong> · {findingKindLabel(finding.kind)}:{' '}
          {finding.explanation}
        </li>
      ))}
    </ul>
  );
}

/** The findings the edits make disappear, and those they bring. */
export function FindingChanges({ resolved, introduced }: Props) {
  return (
    <div className="scenario-finding-changes">
      <section aria-label="Findings that disappear">
        <h3 className="section-title">
          Disappear <span className="muted">· {resolved.length}</span>
        </h3>
        {resolved.length === 0 ? <p className="muted">None.</p> : <FindingItems findings={resolved} />}
      </section>
      <section aria-label="Findings that appear">
        <h3 className="section-title">
          Appear <span className="muted">· {introduced.length}</span>
        </h3>
        {introduced.length === 0 ? <p className="muted">None.</p> : <FindingItems findings={introduced} />}
      </section>
    </div>
  );
}
