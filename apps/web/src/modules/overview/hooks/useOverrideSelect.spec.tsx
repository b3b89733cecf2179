import { act, fireEvent, render, screen } from '@testing-library/react';
import { useOverrideSelect } from './useOverrideSelect';

type Props = { applied: 'A' | 'B' | ''; apply: (value: 'A' | 'B' | null) => Promise<unknown> };

/** The smallest control built on the hook: a select, a button and the error line. */
function Control({ applied, apply }: Props) {
  const { selectRef, draft, setDraft, saving, error, changed, submit } = useOverrideSelect<'A' | 'B'>(applied, apply);
  return (
    <form onSubmit={(event) => void submit(event)}>
      <select
        aria-label="Choice"
        ref={selectRef}
        value={draft}
        disabled={saving}
        onChange={(event) => setDraft(event.target.value as 'A' | 'B' | '')}
      >
        <option value="">None</option>
        <option value="A">A</option>
        <option value="B">B</option>
      </select>
      <button type="submit" disabled={saving || !changed}>
        {saving ? 'Saving…' : 'Apply'}
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

describe('useOverrideSelect', () => {
  it('applies the chosen value, shows the saving state, and gives the focus back to the select', async () => {
    let finish!: () => void;
    const apply = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Control applied="A" apply={apply} />);
    const select = screen.getByRole('combobox', { name: 'Choice' });
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();

    fireEvent.change(select, { target: { value: 'B' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(apply).toHaveBeenCalledWith('B');
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    expect(select).toBeDisabled();

    await act(async () => finish());
    expect(select).toHaveFocus();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends null for "no override" and keeps the draft after a failure, with the reason', async () => {
    const apply = jest.fn(() => Promise.reject(new Error('The server did not confirm the change.')));
    render(<Control applied="A" apply={apply} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Choice' }), { target: { value: '' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Apply' })));
    expect(apply).toHaveBeenCalledWith(null);
    expect(screen.getByRole('alert')).toHaveTextContent('The server did not confirm the change.');
    expect(screen.getByRole('combobox', { name: 'Choice' })).toHaveValue('');
  });

  it('follows the applied value when the server’s answer changes', () => {
    const apply = jest.fn(() => Promise.resolve());
    const { rerender } = render(<Control applied="A" apply={apply} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Choice' }), { target: { value: 'B' } });
    rerender(<Control applied="" apply={apply} />);
    expect(screen.getByRole('combobox', { name: 'Choice' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });
});
