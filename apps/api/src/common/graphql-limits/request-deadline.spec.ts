import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import DataLoader from 'dataloader';
import { enforceDeadline, RequestDeadline, requestDeadlinePlugin } from './request-deadline';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A team of `size` members whose details come through a slow DataLoader, as positions' do. */
function teamServer(size: number, batchMs: number) {
  const calls = { members: 0, batches: 0, batchesAfterDeadline: 0, detailsAfterDeadline: 0 };
  const schema = enforceDeadline(
    makeExecutableSchema({
      typeDefs: `type Query { team: [Member!]! }
        type Member { id: ID! detail: Detail }
        type Detail { text: String! more: Detail }`,
      resolvers: {
        Query: {
          team: () => Array.from({ length: size }, (_, id) => ({ id })),
        },
        Member: {
          detail: (member: { id: number }, _args: unknown, context: Context) => {
            calls.members++;
            return context.details.load(member.id);
          },
        },
        Detail: {
          more: (detail: { id: number }, _args: unknown, context: Context) => {
            if (context.deadline.exceeded) calls.detailsAfterDeadline++;
            return context.details.load(detail.id + size);
          },
        },
      },
    }),
  );
  type Context = { deadline: RequestDeadline; details: DataLoader<number, { id: number; text: string }> };
  const server = new ApolloServer<Context>({ schema, plugins: [requestDeadlinePlugin()] });
  const run = async (query: string, timeoutMs: number) => {
    const deadline = new RequestDeadline(timeoutMs);
    const details = new DataLoader<number, { id: number; text: string }>(async (ids) => {
      deadline.throwIfExceeded(); // as the request loaders do (createRequestLoaders)
      calls.batches++;
      await sleep(batchMs);
      if (deadline.exceeded) calls.batchesAfterDeadline++;
      return ids.map((id) => ({ id, text: `detail ${id}` }));
    });
    const started = performance.now();
    const response = await server.executeOperation({ query }, { contextValue: { deadline, details } });
    const ms = performance.now() - started;
    const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
    return { ms, result };
  };
  return { server, run, calls };
}

describe('the request deadline', () => {
  it('answers at the deadline with one clear error while a batch is still running, and starts nothing after it', async () => {
    const { server, run, calls } = teamServer(1_000, 3_000);
    await server.start();
    try {
      const { ms, result } = await run('{ team { id detail { text more { text more { text } } } } }', 200);
      expect(ms).toBeGreaterThanOrEqual(190);
      expect(ms).toBeLessThan(2_000); // not waiting for the 3 s batch
      // Every member's detail was stopped: null, with the reason given once for the whole request.
      const team = (result.data as { team: { detail: unknown }[] }).team;
      expect(team.filter((member) => member.detail !== null)).toEqual([]);
      expect(result.errors).toEqual([
        expect.objectContaining({
          message:
            'The request ran past its 200 ms time limit and was stopped. Ask for less (fewer fields, smaller pages) or try again later.',
          extensions: expect.objectContaining({ code: 'REQUEST_TIMEOUT' }),
        }),
      ]);
      expect(calls.members).toBeGreaterThan(0);
      await sleep(3_100); // a batch that started has ended by now; nothing below it may start
      expect(calls.batches).toBeLessThanOrEqual(1);
      expect(calls.detailsAfterDeadline).toBe(0);
    } finally {
      await server.stop();
    }
  }, 10_000);

  it('fails a list resolved past the deadline at its first item instead of resolving the rest', async () => {
    const { server, run, calls } = teamServer(100_000, 0);
    await server.start();
    try {
      const { result } = await run('{ team { id detail { text } } }', 1);
      // Past the deadline before the team's members resolve: the first member fails and, the list
      // being non-null, the rest are never asked for.
      await sleep(5);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['REQUEST_TIMEOUT']);
      expect(calls.members).toBeLessThan(100_000);
    } finally {
      await server.stop();
    }
  });

  it('leaves a request within its time alone', async () => {
    const { server, run } = teamServer(3, 1);
    await server.start();
    try {
      const { result } = await run('{ team { id detail { text } } }', 5_000);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        team: [0, 1, 2].map((id) => ({ id: String(id), detail: { text: `detail ${id}` } })),
      });
    } finally {
      await server.stop();
    }
  });
});
