import { VALUE_LEVELS, type ValueLevel, type ValueMix } from '@rolemap/domain';

/** The API spells value-mix fields in camelCase; the domain and the chart key them by level. */
export interface ApiValueMix {
  implementation: number;
  unification: number;
  communication: number;
  leadership: number;
}

export const MIX_FIELD: Record<ValueLevel, keyof ApiValueMix> = {
  IMPLEMENTATION: 'implementation',
  UNIFICATION: 'unification',
  COMMUNICATION: 'communication',
  LEADERSHIP: 'leadership',
};

export function toDomainMix(mix: ApiValueMix): ValueMix {
  return Object.fromEntries(VALUE_LEVELS.map((level) => [level, mix[MIX_FIELD[level]]])) as ValueMix;
}
