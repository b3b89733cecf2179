import { useReportDownload } from '../../shared/hooks/useReportDownload';
import type { OwnTeamTemplate } from '../utils/own-team-templates';
import { teamTemplateFileName, teamTemplateUrl } from '../utils/template-url';

type Props = { templates: readonly OwnTeamTemplate[] };

/** A manager's own team's offline template per survey: filled in away from the web form and sent to HR. */
export function OwnTeamTemplates({ templates }: Props) {
  const downloads = useReportDownload('template');
  if (templates.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="own-team-templates">
      <h2 id="own-team-templates" className="card__title">
        Your team offline
      </h2>
      <p className="field-hint">
        Prefer a spreadsheet? Download your team’s workbook, fill in each person’s shares of the week and send it to HR, who
        uploads it. Forms already answered online are marked in it and are not read.
      </p>
      <ul className="plain-list" aria-label="Team templates">
        {templates.map((template) => (
          <li key={template.campaignId}>
            <button
              type="button"
              className="button button--small"
              disabled={downloads.busy !== null}
              onClick={() =>
                void downloads.download(
                  template.campaignId,
                  teamTemplateUrl(template.campaignId, template.leaderEmployeeId),
                  teamTemplateFileName(template.leaderEmployeeId),
                )
              }
            >
              {downloads.busy === template.campaignId ? 'Downloading…' : `Download the ${template.campaignName} template (XLSX)`}
            </button>
          </li>
        ))}
      </ul>
      {downloads.error && (
        <p role="alert" className="notice notice--error">
          {downloads.error}
        </p>
      )}
    </section>
  );
}
