import type { ValueLevel } from '@rolemap/domain';
import type { ValueLevelSource } from '../../../gql/graphql';
import { formatPct, valueLevelLabel } from '../../shared/utils/format';

type Reading = {
  valueLevel: ValueLevel;
  valueLevelSource: ValueLevelSource;
  classification: { level: ValueLevel; confidence: number; matchedTerms: readonly string[] };
};

/** Why a responsibility has its level, in the words HR would use. */
export function levelSourceText({ valueLevel, valueLevelSource, classification }: Reading): string {
  const { level, confidence, matchedTerms } = classification;
  if (valueLevelSource === 'CLASSIFIED') {
    if (matchedTerms.length === 0) return `No matching words — defaulted to ${valueLevelLabel(level).toLowerCase()}`;
    return `Classified from ${matchedTerms.map((term) => `“${term}”`).join(', ')} (confidence ${formatPct(confidence * 100)})`;
  }
  const origin = valueLevelSource === 'OVERRIDE' ? 'Set by HR' : 'Given in the file';
  // The classifier's reading only adds something when it disagrees.
  return level === valueLevel ? origin : `${origin}; the text reads as ${valueLevelLabel(level).toLowerCase()}`;
}
