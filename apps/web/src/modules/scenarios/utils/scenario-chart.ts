import type { OrgChartNode } from '@rolemap/web-org-chart';
import type { ChartNodeFieldsFragment, ScenarioScoreFieldsFragment } from '../../../gql/graphql';
import type { ExpectedMixes } from '../../overview/utils/chart-nodes';
import { toChartNodes } from '../../overview/utils/chart-nodes';
import { toDomainMix } from '../../shared/utils/mix';

type Affected = ScenarioScoreFieldsFragment['affected'][number];

/** Chart id of a post the scenario creates (it has no position id in the snapshot). */
export const newPostId = (externalId: string) => `scenario-new:${externalId}`;

/**
 * The chart as the scenario would leave it, over the part of the base chart that is loaded:
 * people the edits move hang under their new manager, mixes, gaps and badges are the scenario's,
 * closed posts are gone and new ones appear; every card the scenario changes is marked.
 * `baseline` keeps the base chart, with the same cards marked. Someone moved under a manager
 * who is not loaded is left out (they are in a part of the chart not shown). Pure.
 */
export function scenarioChartNodes(
  base: readonly ChartNodeFieldsFragment[],
  affected: readonly Affected[],
  expected: ExpectedMixes,
  { baseline = false }: { baseline?: boolean } = {},
): OrgChartNode[] {
  const nodes = toChartNodes(base, expected);
  const idByExternal = new Map<string, string>();
  base.forEach((node) => {
    if (node.employeeId) idByExternal.set(node.employeeId, node.id);
  });
  const changedByExternal = new Map(affected.map((item) => [item.externalId, item]));
  if (baseline) {
    return nodes.map((node, i) => (changedByExternal.has(base[i].employeeId ?? '') ? { ...node, changed: true } : node));
  }
  const result: OrgChartNode[] = [];
  nodes.forEach((node, i) => {
    const change = changedByExternal.get(base[i].employeeId ?? '');
    if (!change) {
      result.push(node);
      return;
    }
    if (!change.after) return;
    let parentId = node.parentId;
    if (change.managerAfter !== change.managerBefore) {
      parentId = change.managerAfter ? (idByExternal.get(change.managerAfter) ?? null) : null;
      if (change.managerAfter && !parentId) return;
    }
    result.push({
      ...node,
      parentId,
      title: change.title,
      tier: change.tier,
      actualMix: toDomainMix(change.after.actual),
      expectedMix: toDomainMix(change.after.expected),
      tacticalGap: change.after.tacticalGap,
      badges: change.findingsAfter.map((finding) => finding.kind),
      changed: true,
    });
  });
  // Posts the scenario creates, under their manager when that one is shown.
  for (const change of affected) {
    if (change.before || !change.after || idByExternal.has(change.externalId)) continue;
    const parentId = change.managerAfter ? idByExternal.get(change.managerAfter) : undefined;
    if (!parentId) continue;
    result.push({
      id: newPostId(change.externalId),
      parentId,
      name: change.name ?? 'Vacant',
      title: change.title,
      tier: change.tier,
      vacant: !change.name,
      actualMix: toDomainMix(change.after.actual),
      expectedMix: toDomainMix(change.after.expected),
      tacticalGap: change.after.tacticalGap,
      badges: change.findingsAfter.map((finding) => finding.kind),
      directReports: 0,
      changed: true,
    });
  }
  // Reports moved away (or in) change who has a team: counts follow what the chart now holds.
  const children = new Map<string, number>();
  for (const node of result) if (node.parentId) children.set(node.parentId, (children.get(node.parentId) ?? 0) + 1);
  const loaded = new Set(base.map((node) => node.id));
  const withLoadedTeam = new Set(base.map((node) => node.parentId));
  return result.map((node) => {
    const count = children.get(node.id) ?? 0;
    // A loaded team is complete in the data: its count is what is drawn. An unloaded one keeps the server's count.
    const teamLoaded = withLoadedTeam.has(node.id) || !loaded.has(node.id);
    return teamLoaded || count > 0 ? { ...node, directReports: count, descendantCount: undefined } : node;
  });
}
