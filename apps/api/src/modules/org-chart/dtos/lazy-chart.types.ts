import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { FindingKind } from '@rolemap/domain';
import type { LazyChartNode } from '@rolemap/server-core';
import { TierEnum, TierSourceEnum } from '../../../common/graphql-enums';
import { FindingKindEnum, ValueMixType } from '../../analysis/dtos/analysis.types';
import { sensitive } from '../../auth/sensitive-field';

@ObjectType('ChartNode', {
  description:
    'A card of the lazy org chart: the mix, colour score and badges, and what a collapsed card says about the team below. ' +
    "The expected mix comes once per tier with the chart's top levels.",
})
export class ChartNodeType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => String, { nullable: true }) employeeId: string | null;
  @Field() name: string;
  @Field() title: string;
  @Field(() => TierEnum) tier: string;
  @Field(() => TierSourceEnum, { description: 'What decided the tier: HR, the grade, the title or the reporting lines.' })
  tierSource: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field() vacant: boolean;
  @Field(() => ValueMixType) actualMix: ValueMixType;
  @Field(() => Float) tacticalGap: number;
  @Field(() => [FindingKindEnum], { description: 'Empty for viewers and employees.', ...sensitive([]) }) badges: FindingKind[];
  @Field(() => Int) directReports: number;
  @Field(() => Int, { description: '0 for viewers and employees.', ...sensitive(0) }) openFindings: number;
  @Field(() => Int, { description: 'Everyone below the position, however deep.' }) descendantCount: number;
  @Field(() => Int, {
    description: "Open findings in the position's whole team, its own included (0 for viewers and employees).",
    ...sensitive(0),
  })
  subtreeFindings: number;
  @Field(() => [FindingKindEnum], {
    description: 'Badge kinds somewhere below the position (empty for viewers and employees).',
    ...sensitive([]),
  })
  subtreeBadges: FindingKind[];
  @Field({ description: 'At least one responsibility is recorded; false: the work is unknown (no data), not a gap of 0.' })
  hasData: boolean;
  @Field(() => Int, { description: 'Of descendantCount, the positions with no responsibilities recorded.' })
  descendantsWithoutData: number;
  @Field(() => [ID], {
    description:
      "Dotted-line managers' position ids, those the caller may see: the chart draws a dashed connector when both cards are drawn.",
  })
  dottedLineManagerIds: string[];

  static from(node: LazyChartNode): ChartNodeType {
    return { ...node, actualMix: ValueMixType.from(node.actualMix) };
  }
}

@ObjectType('TierExpectedMix')
export class TierExpectedMixType {
  @Field(() => TierEnum) tier: string;
  @Field(() => ValueMixType) mix: ValueMixType;
}

@ObjectType('ChartSlice', { description: 'The top levels of the chart, with the expected mix of each tier in them.' })
export class ChartSliceType {
  @Field(() => ID, { description: 'The snapshot drawn.' }) snapshotId: string;
  @Field(() => [TierExpectedMixType]) expectedMixes: TierExpectedMixType[];
  @Field(() => [ChartNodeType]) nodes: ChartNodeType[];
}

@ObjectType('ChartPageInfo')
export class ChartPageInfoType {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('ChartChildrenPage', { description: "A page of a leader's direct reports, in the chart's order." })
export class ChartChildrenPageType {
  @Field(() => Int) totalCount: number;
  @Field(() => [ChartNodeType]) nodes: ChartNodeType[];
  @Field(() => ChartPageInfoType) pageInfo: ChartPageInfoType;
}

@ObjectType('ChartSearchResult')
export class ChartSearchResultType {
  @Field(() => [ChartNodeType], { description: 'Matches, exact ids first, then in reading order.' }) hits: ChartNodeType[];
  @Field(() => Int) totalCount: number;
  @Field(() => [ChartNodeType], { description: 'The path to the first hit and every team on it, to open the chart there.' })
  nodes: ChartNodeType[];
}

@ObjectType('ChartLeader', { description: 'A manager or above, for choosing whose team to review.' })
export class ChartLeaderType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() title: string;
  @Field(() => TierEnum) tier: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field() vacant: boolean;
}

@ArgsType()
export class ChartChildrenArgs {
  @Field(() => ID) snapshotId: string;
  @Field(() => ID) positionId: string;
  @Field(() => Int, { defaultValue: 500, description: 'Page size, 1-1000.' }) first: number;
  @Field(() => String, { nullable: true }) after?: string | null;
}
