import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ChartNodeFieldsFragment } from '../../../gql/graphql';
import { usePositionDetails } from '../../overview/hooks/usePositionDetails';
import { usePersonSearch } from '../hooks/usePersonSearch';
import { RESPONSIBILITY_DRAG_TYPE, type ResponsibilityDrop } from '../utils/scenario-edits';
import { MoveToPanel } from './MoveToPanel';

jest.mock('../../overview/hooks/usePositionDetails');
jest.mock('../hooks/usePersonSearch');

const responsibilities = [
  { id: 'r1', title: 'Code reviews', sharePct: 30 },
  { id: 'r2', title: 'Hiring loop', sharePct: 20 },
];
jest.mocked(usePositionDetails).mockReturnValue({
  position: { responsibilities },
} as unknown as ReturnType<typeof usePositionDetails>);
const grace = { id: 'p-grace', employeeId: 'E0002', name: 'Grace Hopper', title: 'VP', vacant: false } as ChartNodeFieldsFragment;
jest.mocked(usePersonSearch).mockImplementation((_snapshot, query) => ({ hits: query ? [grace] : [], loading: false }));

function renderPanel(props: Partial<Parameters<typeof MoveToPanel>[0]> = {}) {
  const onEdit = jest.fn().mockResolvedValue(true);
  const onDropSettled = jest.fn();
  const view = render(
    <MoveToPanel
      snapshotId="s1"
      positionId="p-ada"
      employeeId="E0001"
      name="Ada Lovelace"
      managerEmployeeId={null}
      disabled={false}
      onEdit={onEdit}
      onDropSettled={onDropSettled}
      {...props}
    />,
  );
  return { ...view, onEdit, onDropSettled };
}

const dropped: ResponsibilityDrop = {
  from: 'E0001',
  responsibility: 'Code reviews',
  sharePct: 30,
  to: 'E0002',
  toName: 'Grace Hopper',
};

describe('MoveToPanel', () => {
  it('lets each responsibility be dragged, carrying its holder, title and share', () => {
    renderPanel();
    const row = screen.getByText('Code reviews', { exact: false }).closest('[draggable]')!;
    expect(row).toHaveAttribute('draggable', 'true');
    const dataTransfer = { setData: jest.fn(), effectAllowed: 'all' };
    fireEvent.dragStart(row, { dataTransfer });
    expect(dataTransfer.setData).toHaveBeenCalledWith(
      RESPONSIBILITY_DRAG_TYPE,
      JSON.stringify({ from: 'E0001', responsibility: 'Code reviews', sharePct: 30 }),
    );
    expect(dataTransfer.effectAllowed).toBe('move');
  });

  it('is not draggable while a change is being saved', () => {
    renderPanel({ disabled: true });
    expect(screen.getByText('Hiring loop', { exact: false }).closest('[draggable]')).toHaveAttribute('draggable', 'false');
  });

  it('asks for the share of a dropped responsibility: all of it unless changed', async () => {
    const { onEdit, onDropSettled } = renderPanel({ dropped });
    const confirm = screen.getByRole('form', { name: 'Move “Code reviews” to Grace Hopper' });
    expect(within(confirm).getByRole('button', { name: 'Move' })).toHaveFocus();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Move' }));
    expect(onEdit).toHaveBeenCalledWith({
      kind: 'MOVE_RESPONSIBILITY',
      from: 'E0001',
      to: 'E0002',
      responsibility: 'Code reviews',
    });
    await waitFor(() => expect(onDropSettled).toHaveBeenCalled());
  });

  it('moves part of a dropped responsibility, or cancels', () => {
    const { onEdit, onDropSettled } = renderPanel({ dropped });
    const confirm = screen.getByRole('form', { name: /^Move “Code reviews”/ });
    fireEvent.change(within(confirm).getByLabelText(/Share of Ada Lovelace’s time to move/), { target: { value: '10' } });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Move' }));
    expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ responsibility: 'Code reviews', sharePct: 10 }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(onDropSettled).toHaveBeenCalled();
  });

  it('moves a responsibility with “Move to…” and the person picker (the keyboard way)', async () => {
    const { onEdit, onDropSettled } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Move “Hiring loop” to…' }));
    expect(onDropSettled).toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/Share of Ada Lovelace’s time to move/), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Who takes on “Hiring loop”'), { target: { value: 'grace' } });
    fireEvent.click(screen.getByRole('button', { name: /^Grace Hopper · VP/ }));
    expect(onEdit).toHaveBeenCalledWith({
      kind: 'MOVE_RESPONSIBILITY',
      from: 'E0001',
      to: 'E0002',
      responsibility: 'Hiring loop',
      sharePct: 5,
    });
    // Saved: the picker closes.
    await waitFor(() => expect(screen.queryByLabelText('Who takes on “Hiring loop”')).toBeNull());
  });
});
