import type { ScenarioScoreFieldsFragment } from '../../../gql/graphql';
import { MixBars } from '../../shared/components/MixBars';
import { findingKindLabel, formatPct, tierLabel } from '../../shared/utils/format';
import { toDomainMix } from '../../shared/utils/mix';

type Affected = ScenarioScoreFieldsFragment['affected'][number];
type Props = { affected: readonly Affected[]; heading?: string };

function kindsOf(findings: readonly { kind: Affected['findingsBefore'][number]['kind'] }[]): string {
  return findings.length === 0 ? 'none' : findings.map((finding) => findingKindLabel(finding.kind)).join(', ');
}

/** Everyone the scenario changes: mix and time booked before and after, manager, findings. */
export function AffectedPeople({ affected, heading = 'Everyone affected' }: Props) {
  if (affected.length === 0) return <p className="muted">Nobody is affected yet.</p>;
  return (
    <section aria-label={heading} className="stack">
      <h3 className="section-title">{heading}</h3>
      <ul className="scenario-affected">
        {affected.map((person) => {
          const who = person.name ?? `Vacant (${person.title})`;
          return (
            <li
              key={person.externalId}
              className="card scenario-affected__item"
              aria-label={who}
              data-employee-id={person.externalId}
            >
              <p>
                <strong>{who}</strong> · {person.title} · {tierLabel(person.tier)}
              </p>
              {person.managerBefore !== person.managerAfter && (
                <p className="field-hint">
                  Reports to {person.managerAfter ?? 'nobody'} (was {person.managerBefore ?? 'nobody'})
                </p>
              )}
              <p className="field-hint" data-testid="load">
                Time booked: {person.before ? formatPct(person.before.allocatedPct) : 'new post'} →{' '}
                {person.after ? formatPct(person.after.allocatedPct) : 'post closed'}
                {person.after && person.after.overallocatedPct > 0 && (
                  <strong className="scenario-delta--worse"> over capacity by {formatPct(person.after.overallocatedPct)}</strong>
                )}
              </p>
              <div className="scenario-affected__mixes">
                {person.before && (
                  <div>
                    <p className="eyebrow">Before</p>
                    <MixBars
                      actual={toDomainMix(person.before.actual)}
                      expected={toDomainMix(person.before.expected)}
                      subject={`${who} before`}
                    />
                  </div>
                )}
                {person.after && (
                  <div>
                    <p className="eyebrow">After</p>
                    <MixBars
                      actual={toDomainMix(person.after.actual)}
                      expected={toDomainMix(person.after.expected)}
                      subject={`${who} after`}
                    />
                  </div>
                )}
              </div>
              <p className="field-hint">
                Findings: {kindsOf(person.findingsBefore)} → {kindsOf(person.findingsAfter)}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
