import { fireEvent, render, screen, within } from '@testing-library/react';
import { CreateCampaignForm } from './CreateCampaignForm';

const snapshots = [{ id: 'snap-1', version: 1, asOf: '2026-11-01', label: null }] as never;

describe('the new-survey form', () => {
  it('sends a mode per population: the default, and rules by department and tier in order', () => {
    const onCreate = jest.fn(async () => undefined);
    render(
      <CreateCampaignForm
        organizationId="org-1"
        snapshots={snapshots}
        defaultSnapshotId="snap-1"
        busy={false}
        onCreate={onCreate}
      />,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Spring' } });
    fireEvent.change(screen.getByLabelText('Who fills in each form'), { target: { value: 'BOTH' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add a mode rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a mode rule' }));
    const first = within(screen.getByRole('group', { name: 'Mode rule 1' }));
    fireEvent.change(first.getByLabelText('Department (any when empty)'), { target: { value: ' Operations ' } });
    fireEvent.change(first.getByLabelText('Tier'), { target: { value: 'IC' } });
    const second = within(screen.getByRole('group', { name: 'Mode rule 2' }));
    fireEvent.change(second.getByLabelText('Tier'), { target: { value: 'EXECUTIVE' } });
    fireEvent.change(second.getByLabelText('Who fills in'), { target: { value: 'SELF' } });

    fireEvent.click(screen.getByRole('button', { name: 'Create the survey' }));
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'Spring',
        defaultMode: 'BOTH',
        modeRules: [
          { department: 'Operations', tier: 'IC', mode: 'MANAGER' },
          { department: null, tier: 'EXECUTIVE', mode: 'SELF' },
        ],
      }),
    );
  });

  it('removes a rule, and sends none when there are none', () => {
    const onCreate = jest.fn(async () => undefined);
    render(
      <CreateCampaignForm
        organizationId="org-1"
        snapshots={snapshots}
        defaultSnapshotId="snap-1"
        busy={false}
        onCreate={onCreate}
      />,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Autumn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a mode rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove mode rule 1' }));
    expect(screen.queryByRole('group', { name: 'Mode rule 1' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create the survey' }));
    expect(onCreate).toHaveBeenCalledWith(expect.objectContaining({ defaultMode: 'SELF', modeRules: [] }));
  });
});
