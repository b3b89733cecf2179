import { reportFailure } from './cli-context';
import { buildProgram } from './program';

export { buildProgram } from './program';

/** Runs one command and resolves with its exit code; never exits the process itself. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    return reportFailure(error);
  }
}

if (require.main === module) {
  // An exit code, not process.exit(): output still on its way into a pipe (`rolemap analyze --json | jq`)
  // must not be cut off. The process ends by itself once the command has closed everything.
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
