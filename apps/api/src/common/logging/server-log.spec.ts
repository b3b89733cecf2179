import { Writable } from 'node:stream';
import { NestPinoLogger, createServerLog } from './server-log';

function captured(level: 'info' | 'debug') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: new NestPinoLogger(createServerLog(level, destination)) };
}

describe('Nest messages through the server log', () => {
  it('keeps the start-up roll call of modules and routes at debug level, other messages at info', () => {
    const { lines, logger } = captured('info');
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');
    expect(lines.map((line) => line.msg)).toEqual(['Nest application successfully started']);
  });

  it('shows the roll call when the level is debug', () => {
    const { lines, logger } = captured('debug');
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    expect(lines).toEqual([expect.objectContaining({ level: 'debug', context: 'RouterExplorer' })]);
  });
});
