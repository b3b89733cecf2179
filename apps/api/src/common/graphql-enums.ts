import { registerEnumType } from '@nestjs/graphql';
import {
  RESPONSIBILITY_LEVELS,
  type ResponsibilityLevel,
  TIERS,
  TIER_SOURCES,
  type Tier,
  type TierSource,
  VALUE_LEVELS,
  VALUE_LEVEL_SOURCES,
  type ValueLevel,
  type ValueLevelSource,
} from '@rolemap/domain';

export const TierEnum = Object.fromEntries(TIERS.map((tier) => [tier, tier])) as { [K in Tier]: K };
export const TierSourceEnum = Object.fromEntries(TIER_SOURCES.map((source) => [source, source])) as {
  [K in TierSource]: K;
};
registerEnumType(TierEnum, { name: 'Tier', description: 'Position tier: IC, MANAGER, DIRECTOR or EXECUTIVE.' });
registerEnumType(TierSourceEnum, { name: 'TierSource', description: 'Where the tier came from.' });

export const ValueLevelEnum = Object.fromEntries(VALUE_LEVELS.map((level) => [level, level])) as {
  [K in ValueLevel]: K;
};
/** A responsibility's level: one of the four value levels, or UNCLASSIFIED while it needs review. */
export const ResponsibilityLevelEnum = Object.fromEntries(RESPONSIBILITY_LEVELS.map((level) => [level, level])) as {
  [K in ResponsibilityLevel]: K;
};
export const ValueLevelSourceEnum = Object.fromEntries(VALUE_LEVEL_SOURCES.map((source) => [source, source])) as {
  [K in ValueLevelSource]: K;
};
registerEnumType(ValueLevelEnum, {
  name: 'ValueLevel',
  description:
    'IMPLEMENTATION (doing the work), UNIFICATION (coordinating), COMMUNICATION (aligning, representing), LEADERSHIP (direction).',
});
registerEnumType(ResponsibilityLevelEnum, {
  name: 'ResponsibilityLevel',
  description: 'A value level, or UNCLASSIFIED: the classifier was not confident enough and the responsibility needs review.',
});
registerEnumType(ValueLevelSourceEnum, { name: 'ValueLevelSource' });
