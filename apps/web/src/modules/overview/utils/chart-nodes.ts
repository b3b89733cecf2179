import type { OrgChartNode } from '@rolemap/web-org-chart';
import type { ValueMix } from '@rolemap/domain';
import type { ChartNodeFieldsFragment, Tier } from '../../../gql/graphql';
import { toDomainMix } from '../../shared/utils/mix';

export type ExpectedMixes = ReadonlyMap<Tier, ValueMix>;

const NO_MIX: ValueMix = { IMPLEMENTATION: 0, UNIFICATION: 0, COMMUNICATION: 0, LEADERSHIP: 0 };

/** The server sends each tier's expected mix once; every card of the tier shares it. */
export function expectedMixesOf(entries: readonly { tier: Tier; mix: Parameters<typeof toDomainMix>[0] }[]): ExpectedMixes {
  return new Map(entries.map((entry) => [entry.tier, toDomainMix(entry.mix)]));
}

export function toChartNodes(nodes: readonly ChartNodeFieldsFragment[], expected: ExpectedMixes): OrgChartNode[] {
  return nodes.map((node) => ({
    id: node.id,
    parentId: node.parentId,
    name: node.name,
    title: node.title,
    tier: node.tier,
    tierSource: node.tierSource,
    department: node.department,
    vacant: node.vacant,
    directReports: node.directReports,
    descendantCount: node.descendantCount,
    findingsBelow: Math.max(0, node.subtreeFindings - node.openFindings),
    tacticalGap: node.tacticalGap,
    hasData: node.hasData,
    withoutDataBelow: node.descendantsWithoutData,
    dottedLineManagerIds: node.dottedLineManagerIds,
    badges: node.badges,
    actualMix: toDomainMix(node.actualMix),
    expectedMix: expected.get(node.tier) ?? NO_MIX,
  }));
}
