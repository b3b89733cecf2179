import { PEOPLE_FIELDS, RESPONSIBILITY_FIELDS } from '@rolemap/domain';
import { normalizeTarget } from '../detect/detect-columns';
import { DERIVED_PEOPLE_INPUTS, EXTRA_PEOPLE_INPUTS, IGNORE_TARGET } from '../types';

/** Every name a --map argument may point a column at. */
export const MAPPABLE_TARGETS: readonly string[] = [
  ...new Set<string>([
    ...PEOPLE_FIELDS,
    ...DERIVED_PEOPLE_INPUTS,
    ...EXTRA_PEOPLE_INPUTS,
    ...RESPONSIBILITY_FIELDS,
    IGNORE_TARGET,
  ]),
];

export class MapArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MapArgumentError';
  }
}

export interface MapArgument {
  /** Header as written, or a 1-based position ("3" / "Column 3"). */
  header: string;
  field: string;
}

/**
 * Parses one `--map "Col Header=field"`. The last "=" splits, so headers may contain "=".
 * Throws MapArgumentError with a message fit for the command line.
 */
export function parseMapArgument(argument: string): MapArgument {
  const split = argument.lastIndexOf('=');
  if (split <= 0 || split === argument.length - 1) {
    throw new MapArgumentError(
      `--map "${argument}" must look like "Column Header=field" (e.g. --map "Supervisor ID=manager_id").`,
    );
  }
  const header = argument.slice(0, split).trim();
  const field = normalizeTarget(argument.slice(split + 1));
  if (header === '') throw new MapArgumentError(`--map "${argument}" has no column header before "=".`);
  if (!MAPPABLE_TARGETS.includes(field)) {
    throw new MapArgumentError(
      `--map "${argument}": "${argument.slice(split + 1).trim()}" is not a field; use one of ${MAPPABLE_TARGETS.join(', ')}.`,
    );
  }
  return { header, field };
}

/** Several --map arguments as the `map` option; a header mapped twice is an error. */
export function parseMapArguments(argumentsList: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const argument of argumentsList) {
    const { header, field } = parseMapArgument(argument);
    if (header in map && map[header] !== field) {
      throw new MapArgumentError(`Column "${header}" is mapped twice (to ${map[header]} and ${field}).`);
    }
    map[header] = field;
  }
  return map;
}
