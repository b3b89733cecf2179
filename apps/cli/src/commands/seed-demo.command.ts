import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoModule, DemoSeedService } from '@rolemap/server-imports';
import { withServices } from '../cli-app';

/** `rolemap seed-demo`: adds the demo organization; a second run adds nothing. */
export async function runSeedDemo(options: { json?: boolean }): Promise<void> {
  const result = await withServices([DemoModule], (app) => app.get(DemoSeedService).seed(LOCAL_OPERATOR));
  if (options.json) console.log(JSON.stringify(result));
  else if (result.created)
    console.log(`Seeded "${result.organization}" (snapshot v${result.snapshotVersion}, ${result.people} people).`);
  else console.log(`"${result.organization}" is already there (snapshot v${result.snapshotVersion}); nothing added.`);
}
