import { act, renderHook } from '@testing-library/react';
import { useCheckedUpload } from './useCheckedUpload';

const file = (name: string) => new File(['x'], name, { type: 'text/csv' });

describe('a checked upload', () => {
  it('sends nothing without a file, then checks and sends the chosen one, running the follow-up with each outcome', async () => {
    const send = jest.fn(async (chosen: File, dryRun: boolean) => ({ name: chosen.name, dryRun }));
    const afterSend = jest.fn(async () => undefined);
    const { result } = renderHook(() => useCheckedUpload(send, afterSend));

    await act(() => result.current.check());
    expect(send).not.toHaveBeenCalled();

    act(() => result.current.choose(file('a.csv')));
    await act(() => result.current.check());
    expect(result.current.result).toEqual({ name: 'a.csv', dryRun: true });
    await act(() => result.current.send());
    expect(result.current.result).toEqual({ name: 'a.csv', dryRun: false });
    expect(afterSend.mock.calls).toEqual([
      [{ name: 'a.csv', dryRun: true }, true],
      [{ name: 'a.csv', dryRun: false }, false],
    ]);
    expect(result.current.busy).toBe(false);
  });

  it('shows the error of a failed send, and clears outcome and error when another file is chosen', async () => {
    const send = jest.fn(async (chosen: File) => {
      if (chosen.name === 'bad.csv') throw new Error('Row 3, column level: unknown level');
      return 'ok';
    });
    const { result } = renderHook(() => useCheckedUpload(send));
    act(() => result.current.choose(file('good.csv')));
    await act(() => result.current.check());
    expect(result.current.result).toBe('ok');

    act(() => result.current.choose(file('bad.csv')));
    expect(result.current.result).toBeNull();
    await act(() => result.current.send());
    expect(result.current).toMatchObject({ result: null, error: 'Row 3, column level: unknown level', busy: false });

    act(() => result.current.choose(null));
    expect(result.current).toMatchObject({ file: null, result: null, error: null });
  });
});
