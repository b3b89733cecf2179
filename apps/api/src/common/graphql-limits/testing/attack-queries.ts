/** The queries issue 9 found taking the server down, as an attacker would send them. */

/** About 275 bytes: `position { directReports { reportsTo { … } } }` six deep. */
export function nestedReportsQuery(positionId: string, levels = 6): string {
  let selection = 'id';
  for (let level = 0; level < levels; level++) selection = `id directReports { reportsTo { ${selection} } }`;
  return `{ position(id: "${positionId}") { ${selection} } }`;
}

/** Fragments that each spread the next one twice: 2^levels fields from a few KB of text. */
export function fragmentBombQuery(positionId: string, levels = 40): string {
  const fragments = [];
  for (let level = 0; level < levels; level++) {
    fragments.push(`fragment F${level} on Position { id title ...F${level + 1} directReports { ...F${level + 1} } }`);
  }
  fragments.push(`fragment F${levels} on Position { id externalId }`);
  return `{ position(id: "${positionId}") { ...F0 } }\n${fragments.join('\n')}`;
}

/** One request asking for the whole org chart `count` times over. */
export function aliasedOrgChartsQuery(snapshotId: string, count = 1_000): string {
  const fields = Array.from(
    { length: count },
    (_, i) => `c${i}: orgChart(snapshotId: "${snapshotId}") { id name title tacticalGap }`,
  );
  return `{ ${fields.join(' ')} }`;
}

/** `count` aliases of a 500-row positions page. */
export function aliasedPositionPagesQuery(snapshotId: string, count = 200, first = 500): string {
  const fields = Array.from(
    { length: count },
    (_, i) => `p${i}: positions(snapshotId: "${snapshotId}", first: ${first}) { nodes { id title department tier } }`,
  );
  return `{ ${fields.join(' ')} }`;
}
