import { registerEnumType } from '@nestjs/graphql';
import {
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
export const ValueLevelSourceEnum = Object.fromEntries(VALUE_LEVEL_SOURCES.map((source) => [source, source])) as {
  [K in ValueLevelSource]: K;
};
registerEnumType(ValueLevelEnum, {
  name: 'ValueLevel',
  description:
    'IMPLEMENTATION (doing the work), UNIFICATION (coordinating), COMMUNICATION (aligning, representing), LEADERSHIP (direction).',
});
registerEnumType(ValueLevelSourceEnum, { name: 'ValueLevelSource' });
