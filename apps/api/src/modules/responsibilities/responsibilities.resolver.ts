import { Context, Field, Float, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { classifyResponsibility } from '@rolemap/analysis';
import type { Responsibility, ValueLevel, ValueLevelSource } from '@rolemap/domain';
import { AnalysisService, type ResponsibilityEntity } from '@rolemap/server-core';
import type { GraphqlContext } from '../../common/graphql-context';
import { ValueLevelEnum, ValueLevelSourceEnum } from '../../common/graphql-enums';
import { analysisForRequest } from '../analysis/request-analysis';
import { ResponsibilityModel } from './responsibility.model';

@ObjectType('Classification', { description: 'How the classifier reads a responsibility’s text, and why.' })
export class ClassificationType {
  @Field(() => ValueLevelEnum) level: string;
  @Field(() => Float, { description: '0-1: how clearly the words point to one level.' }) confidence: number;
  @Field(() => [String], { description: 'The vocabulary terms that decided it; empty when nothing matched.' })
  matchedTerms: string[];
}

@Resolver(() => ResponsibilityModel)
export class ResponsibilitiesResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @ResolveField(() => ValueLevelEnum, {
    description: 'The level in force: HR’s override, else given in the file, else classified.',
  })
  async valueLevel(@Context() context: GraphqlContext, @Parent() responsibility: ResponsibilityEntity): Promise<ValueLevel> {
    return (await this.current(context, responsibility)).valueLevel;
  }

  @ResolveField(() => ValueLevelSourceEnum)
  async valueLevelSource(
    @Context() context: GraphqlContext,
    @Parent() responsibility: ResponsibilityEntity,
  ): Promise<ValueLevelSource> {
    return (await this.current(context, responsibility)).valueLevelSource;
  }

  @ResolveField(() => Float, { description: '1 for given or overridden levels; the classifier’s confidence otherwise.' })
  async classificationConfidence(
    @Context() context: GraphqlContext,
    @Parent() responsibility: ResponsibilityEntity,
  ): Promise<number> {
    return (await this.current(context, responsibility)).classificationConfidence;
  }

  /** The responsibility as analysed (overrides applied); the stored row is what the import read. */
  private async current(
    context: GraphqlContext,
    responsibility: ResponsibilityEntity,
  ): Promise<Responsibility | ResponsibilityEntity> {
    const analysis = await analysisForRequest(context, this.analysis, responsibility.snapshotId);
    return analysis.responsibilityById.get(responsibility.id) ?? responsibility;
  }

  /** Re-read on demand: the classifier is pure and fast, so its explanation need not be stored. */
  @ResolveField(() => ClassificationType, {
    description: 'The classifier’s reading of the text (also for levels given in the file or set by HR, for comparison).',
  })
  classification(@Parent() responsibility: ResponsibilityEntity): ClassificationType {
    const text = responsibility.description ? `${responsibility.title}\n${responsibility.description}` : responsibility.title;
    const { level, confidence, matchedTerms } = classifyResponsibility(text);
    return { level, confidence, matchedTerms };
  }
}
