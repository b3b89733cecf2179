import type { ResponsibilityLevel, ValueLevel } from '@rolemap/domain';
import type { ValueLevelSource } from '../../../gql/graphql';
import { formatPct, valueLevelLabel } from '../../shared/utils/format';

type Reading = {
  valueLevel: ResponsibilityLevel;
  valueLevelSource: ValueLevelSource;
  classification: {
    level: ResponsibilityLevel;
    confidence: number;
    suggestedLevel: ValueLevel | null;
    runnerUp: ValueLevel | null;
    runnerUpConfidence: number;
    matchedTerms: readonly string[];
  };
};

const levelWithOdds = (level: ValueLevel, probability: number) =>
  `${valueLevelLabel(level).toLowerCase()} (${formatPct(probability * 100)})`;

/** Why a responsibility has its level, in the words HR would use. */
export function levelSourceText({ valueLevel, valueLevelSource, classification }: Reading): string {
  const { level, confidence, suggestedLevel, runnerUp, runnerUpConfidence, matchedTerms } = classification;
  if (valueLevelSource === 'CLASSIFIED') {
    if (level === 'UNCLASSIFIED') {
      if (!suggestedLevel) return 'Needs review — the classifier could not read this text';
      const second = runnerUp ? ` or ${levelWithOdds(runnerUp, runnerUpConfidence)}` : '';
      return `Needs review — reads as ${levelWithOdds(suggestedLevel, confidence)}${second}`;
    }
    const words = matchedTerms.length > 0 ? ` from ${matchedTerms.map((term) => `“${term}”`).join(', ')}` : '';
    return `Classified${words} (confidence ${formatPct(confidence * 100)})`;
  }
  const origin = valueLevelSource === 'OVERRIDE' ? 'Set by HR' : 'Given in the file';
  // The classifier's reading only adds something when it disagrees.
  const reading = suggestedLevel ?? level;
  return reading === valueLevel ? origin : `${origin}; the text reads as ${valueLevelLabel(reading).toLowerCase()}`;
}
