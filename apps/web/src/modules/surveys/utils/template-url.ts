/** The team's offline template (GET, checked download): HR admins any team, a leader their own. */
export function teamTemplateUrl(campaignId: string, leaderEmployeeId: string): string {
  return `/api/survey-campaigns/${encodeURIComponent(campaignId)}/teams/${encodeURIComponent(leaderEmployeeId)}/template.xlsx`;
}

/** The name to save under when the server sends none. */
export function teamTemplateFileName(leaderEmployeeId: string): string {
  return `survey-team-${leaderEmployeeId.replace(/[^\w-]+/g, '-')}.xlsx`;
}
