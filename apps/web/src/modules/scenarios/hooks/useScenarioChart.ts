import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { OrgChartTopDocument } from '../../overview/graphql/overview.graphql';
import { expectedMixesOf } from '../../overview/utils/chart-nodes';

/** Levels drawn: the most the server sends at once (the demo organization's chart nearly whole). */
const SCENARIO_CHART_DEPTH = 4;

/**
 * The base chart a scenario is drawn over, as the API sends it (with the employee ids the edits
 * name): the levels below `rootPositionId` (a leader's own post), or from the top.
 */
export function useScenarioChart(snapshotId: string, rootPositionId: string | null, skip = false) {
  const top = useQuery(OrgChartTopDocument, {
    variables: { snapshotId, depth: SCENARIO_CHART_DEPTH, rootPositionId },
    fetchPolicy: 'no-cache',
    skip,
  });
  const slice = top.data?.orgChartTop;
  const expected = useMemo(() => expectedMixesOf(slice?.expectedMixes ?? []), [slice]);
  return { top, base: slice?.nodes ?? [], expected };
}
