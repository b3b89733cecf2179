import { Context, Field, Float, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { classifiedTextOf, classifyResponsibility } from '@rolemap/analysis';
import type { Responsibility, ResponsibilityLevel, ValueLevel, ValueLevelSource } from '@rolemap/domain';
import { AnalysisService, type ResponsibilityEntity } from '@rolemap/server-core';
import type { GraphqlContext } from '../../common/graphql-context';
import { ResponsibilityLevelEnum, ValueLevelEnum, ValueLevelSourceEnum } from '../../common/graphql-enums';
import { analysisForRequest } from '../analysis/request-analysis';
import { ResponsibilityModel } from './responsibility.model';

@ObjectType('LevelProbabilities', { description: 'Calibrated probability of each value level, adding up to 1.' })
export class LevelProbabilitiesType {
  @Field(() => Float) implementation: number;
  @Field(() => Float) unification: number;
  @Field(() => Float) communication: number;
  @Field(() => Float) leadership: number;
}

@ObjectType('Classification', { description: 'How the classifier reads a responsibility’s text, and why.' })
export class ClassificationType {
  @Field(() => ResponsibilityLevelEnum, { description: 'The committed level, or UNCLASSIFIED when the classifier abstains.' })
  level: string;
  @Field(() => Float, { description: 'Calibrated probability (0-1) that the suggested level is right.' }) confidence: number;
  @Field(() => ValueLevelEnum, { nullable: true, description: 'The likeliest level, also when abstaining.' })
  suggestedLevel: string | null;
  @Field(() => ValueLevelEnum, { nullable: true }) runnerUp: string | null;
  @Field(() => Float) runnerUpConfidence: number;
  @Field(() => LevelProbabilitiesType) probabilities: LevelProbabilitiesType;
  @Field(() => String, {
    nullable: true,
    description:
      'Why it is UNCLASSIFIED: EMPTY, TOO_LONG, NO_WORDS, NOT_ENGLISH, UNKNOWN_WORDING or LOW_CONFIDENCE; null when committed.',
  })
  reason: string | null;
  @Field(() => [String], { description: 'The words that weighed most for the suggested level over the runner-up.' })
  decidingWords: string[];
  @Field(() => [String], { description: 'Same as decidingWords (its earlier name).' })
  matchedTerms: string[];
}

@Resolver(() => ResponsibilityModel)
export class ResponsibilitiesResolver {
  constructor(private readonly analysis: AnalysisService) {}

  @ResolveField(() => ResponsibilityLevelEnum, {
    description:
      'The level in force: HR’s override, else given in the file, else classified (UNCLASSIFIED when the classifier abstained).',
  })
  async valueLevel(
    @Context() context: GraphqlContext,
    @Parent() responsibility: ResponsibilityEntity,
  ): Promise<ResponsibilityLevel> {
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
    const result = classifyResponsibility(classifiedTextOf(responsibility.title, responsibility.description));
    const probability = (level: ValueLevel) => result.probabilities[level];
    return {
      level: result.level,
      confidence: result.confidence,
      suggestedLevel: result.suggestedLevel,
      runnerUp: result.runnerUp,
      runnerUpConfidence: result.runnerUpConfidence,
      probabilities: {
        implementation: probability('IMPLEMENTATION'),
        unification: probability('UNIFICATION'),
        communication: probability('COMMUNICATION'),
        leadership: probability('LEADERSHIP'),
      },
      reason: result.reason,
      decidingWords: result.decidingWords,
      matchedTerms: result.matchedTerms,
    };
  }
}
