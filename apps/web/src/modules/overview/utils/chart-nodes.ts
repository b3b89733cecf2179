import type { OrgChartNode } from '@rolemap/web-org-chart';
import type { OrgChartQuery } from '../../../gql/graphql';
import { toDomainMix } from '../../shared/utils/mix';

export type ApiChartNode = OrgChartQuery['orgChart'][number];

export function toChartNodes(nodes: readonly ApiChartNode[]): OrgChartNode[] {
  return nodes.map((node) => ({
    id: node.id,
    parentId: node.parentId,
    name: node.name,
    title: node.title,
    tier: node.tier,
    department: node.department,
    vacant: node.vacant,
    directReports: node.directReports,
    tacticalGap: node.tacticalGap,
    badges: node.badges,
    actualMix: toDomainMix(node.actualMix),
    expectedMix: toDomainMix(node.expectedMix),
  }));
}

/** The leader and everyone below them, with the leader as the root the chart needs. */
export function subtreeOf(nodes: readonly OrgChartNode[], rootId: string): OrgChartNode[] {
  const children = new Map<string, OrgChartNode[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node);
    else children.set(node.parentId, [node]);
  }
  const root = nodes.find((node) => node.id === rootId);
  if (!root) return [];
  const result: OrgChartNode[] = [{ ...root, parentId: null }];
  for (let i = 0; i < result.length; i++) result.push(...(children.get(result[i].id) ?? []));
  return result;
}
