import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useOrgRole } from '../../auth/hooks/useOrgRole';
import { RoleDefinitionSection } from '../../role-definition/components/RoleDefinitionSection';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { MixBars } from '../../shared/components/MixBars';
import { ReportDownloads } from '../../shared/components/ReportDownloads';
import { formatDate, formatPct, plural } from '../../shared/utils/format';
import { toDomainMix } from '../../shared/utils/mix';
import { effectiveTier, useOverrides } from '../hooks/useOverrides';
import { usePositionDetails } from '../hooks/usePositionDetails';
import { DelegationSuggestions } from './DelegationSuggestions';
import { DottedLineList } from '../../shared/components/DottedLineList';
import { FindingExplanations } from './FindingExplanations';
import { ResponsibilityGroups } from './ResponsibilityGroups';
import { TierControl } from './TierControl';

type Props = {
  organizationId: string;
  snapshotId: string;
  positionId: string;
  reviewLink: (positionId: string) => string;
  onClose: () => void;
  /** Opens another position in the panel (a dotted-line manager or report). */
  onOpenPosition?: (positionId: string) => void;
};

/** The role definition of one position: expected against actual mix, responsibilities, findings. */
export function PositionPanel({ organizationId, snapshotId, positionId, reviewLink, onClose, onOpenPosition }: Props) {
  const { position, groups, delegations, loading, error, refetch } = usePositionDetails(positionId);
  const overrides = useOverrides(organizationId);
  const canEditPurpose = useOrgRole(organizationId) === 'HR_ADMIN';
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Keyboard users land in the panel they just opened.
  useEffect(() => {
    if (position) headingRef.current?.focus();
  }, [position?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const name = position ? (position.holder?.name ?? 'Vacant position') : 'Position';
  const tier = position ? effectiveTier(position) : null;
  const employeeId = position?.holder?.employeeId;
  return (
    <aside
      className="side-panel"
      aria-labelledby="position-panel-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="side-panel__head">
        <h2 id="position-panel-heading" ref={headingRef} tabIndex={-1} className="side-panel__title">
          {name}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose} aria-label="Close role details">
          Close
        </button>
      </div>
      {loading && !position && <LoadingState label="Loading role…" />}
      {error && <ErrorState title="Could not load this role." error={error} onRetry={() => void refetch()} />}
      {position && (
        <div className="side-panel__body">
          <p className="side-panel__subtitle">
            {position.title}
            <br />
            <span className="muted">
              {position.department ? `${position.department} · ` : ''}
              {plural(position.directReportCount, 'direct report')}
            </span>
          </p>
          {tier && (
            <TierControl
              tier={tier.tier}
              source={tier.source}
              grade={position.grade}
              onChange={(next) => overrides.setTier(position.externalId, next)}
            />
          )}
          <ReportDownloads
            organizationId={organizationId}
            snapshotId={snapshotId}
            kind="role"
            scope={{ positionId }}
            label="Role definition"
          />
          <RoleDefinitionSection positionId={positionId} canEdit={canEditPurpose} />
          {(position.dottedLineManagers.length > 0 || position.dottedLineReports.length > 0) && (
            <section aria-labelledby="panel-dotted-heading" className="side-panel__section">
              <h3 id="panel-dotted-heading">Dotted lines</h3>
              {position.dottedLineManagers.length > 0 && (
                <>
                  <h4 className="small">Also answers to</h4>
                  <DottedLineList lines={position.dottedLineManagers} onOpen={onOpenPosition} />
                </>
              )}
              {position.dottedLineReports.length > 0 && (
                <>
                  <h4 className="small">Dotted-line reports</h4>
                  <DottedLineList lines={position.dottedLineReports} onOpen={onOpenPosition} />
                </>
              )}
            </section>
          )}
          {position.directReportCount > 0 && (
            <ReportDownloads
              organizationId={organizationId}
              snapshotId={snapshotId}
              kind="delegation"
              scope={{ positionId }}
              label="Delegation review"
            />
          )}
          {position.assignment?.lastPromotionDate && (
            <p className="muted small">
              Promoted {formatDate(position.assignment.lastPromotionDate)}
              {position.assignment.previousTitle ? ` from ${position.assignment.previousTitle}` : ''}
            </p>
          )}

          <section aria-labelledby="panel-mix-heading" className="side-panel__section">
            <h3 id="panel-mix-heading">Time by value level</h3>
            {position.mix.hasData ? (
              <>
                <MixBars actual={toDomainMix(position.mix.actual)} expected={toDomainMix(position.mix.expected)} subject={name} />
                <p className="muted small">
                  Listed responsibilities cover {formatPct(position.mix.allocatedPct)} of the time
                  {position.mix.carriedOverPct > 0
                    ? `; ${formatPct(position.mix.carriedOverPct)} is carried over from before the last promotion`
                    : ''}
                  .
                </p>
              </>
            ) : (
              <p className="no-data" role="note">
                <strong>No responsibilities recorded.</strong> How this role spends its time is unknown, so there is no gap to
                show: it is not counted as working at level, and rules that need its work report it as not checked.
              </p>
            )}
          </section>

          <section aria-labelledby="panel-resp-heading" className="side-panel__section">
            <h3 id="panel-resp-heading">Responsibilities</h3>
            <ResponsibilityGroups
              groups={groups}
              onSetLevel={
                employeeId ? (responsibility, level) => overrides.setLevel(employeeId, responsibility, level) : undefined
              }
            />
          </section>

          <section aria-labelledby="panel-findings-heading" className="side-panel__section">
            <h3 id="panel-findings-heading">Findings</h3>
            <FindingExplanations findings={position.findings} />
          </section>

          <section aria-labelledby="panel-delegation-heading" className="side-panel__section">
            <h3 id="panel-delegation-heading">Suggested delegations</h3>
            <DelegationSuggestions findings={delegations} />
          </section>

          {tier && tier.tier !== 'IC' && (
            <Link to={reviewLink(position.id)} className="button">
              Review this leader’s team
            </Link>
          )}
        </div>
      )}
    </aside>
  );
}
