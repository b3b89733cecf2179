import { Field, Float, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { classifyResponsibility } from '@rolemap/analysis';
import { ValueLevelEnum } from '../../common/graphql-enums';
import { ResponsibilityEntity } from './responsibility.entity';

@ObjectType('Classification', { description: 'How the classifier reads a responsibility’s text, and why.' })
export class ClassificationType {
  @Field(() => ValueLevelEnum) level: string;
  @Field(() => Float, { description: '0-1: how clearly the words point to one level.' }) confidence: number;
  @Field(() => [String], { description: 'The vocabulary terms that decided it; empty when nothing matched.' }) matchedTerms: string[];
}

@Resolver(() => ResponsibilityEntity)
export class ResponsibilitiesResolver {
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
