import { type GraphqlContext, oncePerRequest, signedInCaller } from '../../common/graphql-context';
import type { AnalysisService, SnapshotAnalysis } from '@rolemap/server-core';

/** The snapshot's analysis for one GraphQL request: looked up once, however many fields ask for it. */
export function analysisForRequest(
  context: GraphqlContext,
  analysis: AnalysisService,
  snapshotId: string,
): Promise<SnapshotAnalysis> {
  return oncePerRequest(context, `analysis:${snapshotId}`, () => analysis.forSnapshot(signedInCaller(context), snapshotId));
}
