import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { FindingHistoryDocument } from '../graphql/review.graphql';
import { ReviewControls } from './ReviewControls';

const history = (overrides: Record<string, unknown> = {}): MockLink.MockedResponse => ({
  request: { query: FindingHistoryDocument, variables: { snapshotId: 'snap-1', key: 'DELEGATION_GAP:E1:x' } },
  result: {
    data: {
      findingHistory: {
        __typename: 'FindingHistory',
        key: 'DELEGATION_GAP:E1:x',
        decisions: [
          {
            __typename: 'FindingDecision',
            status: 'DISMISSED',
            note: 'Interim cover',
            reviewer: 'hr@northwind',
            reviewedAt: '2026-11-02T10:00:00Z',
          },
          {
            __typename: 'FindingDecision',
            status: 'ACCEPTED',
            note: 'First take',
            reviewer: 'Maya',
            reviewedAt: '2026-11-01T09:00:00Z',
          },
        ],
        actions: [],
        suggestedAction: {
          __typename: 'ActionPlan',
          owner: 'Maya Lindqvist',
          dueOn: '2026-12-02',
          step: 'DELEGATE',
          delegateTo: 'Carlos Ramos',
        },
        ...overrides,
      },
    },
  },
});

function renderControls(props: Partial<ComponentProps<typeof ReviewControls>>, mocks: MockLink.MockedResponse[] = []) {
  const onReview = jest.fn().mockResolvedValue(undefined);
  render(
    <MockedProvider mocks={mocks}>
      <ReviewControls
        snapshotId="snap-1"
        findingKey="DELEGATION_GAP:E1:x"
        status="OPEN"
        note={null}
        reviewer={null}
        reviewedAt={null}
        action={null}
        subject="Maya"
        onReview={onReview}
        {...props}
      />
    </MockedProvider>,
  );
  return onReview;
}

describe('ReviewControls', () => {
  it('accepts with the typed note and the planned action, starting from the suggestion, then clears the note', async () => {
    const onReview = renderControls({}, [history()]);
    const note = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.change(note, { target: { value: 'Agreed in 1:1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept finding for Maya' }));
    const form = await screen.findByRole('form', { name: 'Plan the action' });
    expect(screen.getByRole('radio', { name: 'Delegate' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Delegate to' })).toHaveValue('Carlos Ramos');
    expect(screen.getByRole('textbox', { name: 'Owner' })).toHaveValue('Maya Lindqvist');
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: '2027-01-15' } });
    fireEvent.submit(form);
    expect(onReview).toHaveBeenCalledWith('ACCEPTED', 'Agreed in 1:1', {
      step: 'DELEGATE',
      owner: 'Maya Lindqvist',
      dueOn: '2027-01-15',
      delegateTo: 'Carlos Ramos',
    });
    await waitFor(() => expect(note).toHaveValue(''));
    expect(screen.queryByRole('form', { name: 'Plan the action' })).not.toBeInTheDocument();
  });

  it('will not accept a delegation without whom to delegate to', async () => {
    renderControls({}, [history()]);
    fireEvent.click(screen.getByRole('button', { name: 'Accept finding for Maya' }));
    await screen.findByRole('form', { name: 'Plan the action' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Delegate to' }), { target: { value: ' ' } });
    expect(screen.getByRole('button', { name: 'Accept and plan the action' })).toBeDisabled();
    fireEvent.click(screen.getByRole('radio', { name: 'Hire' }));
    expect(screen.getByRole('button', { name: 'Accept and plan the action' })).toBeEnabled();
  });

  it('shows the saved decision with an empty note box, changes it with its own note, and lists the history', async () => {
    const onReview = renderControls(
      { status: 'DISMISSED', note: 'Interim cover', reviewer: 'hr@northwind', reviewedAt: '2026-11-02T10:00:00Z' },
      [history()],
    );
    expect(screen.getByText(/Dismissed by hr@northwind on 2 Nov 2026/)).toHaveTextContent('Interim cover');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('');
    fireEvent.click(screen.getByRole('button', { name: 'History of the finding for Maya' }));
    const decisions = await screen.findByRole('list', { name: 'Decisions' });
    expect(decisions).toHaveTextContent(
      /Dismissed by hr@northwind on 2 Nov 2026.*Interim cover.*Accepted by Maya on 1 Nov 2026.*First take/,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Cover ended' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reopen finding for Maya' }));
    expect(onReview).toHaveBeenCalledWith('OPEN', 'Cover ended', undefined);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue(''));
  });

  it('shows the action an acceptance planned, overdue when past its date', () => {
    renderControls({
      status: 'ACCEPTED',
      action: {
        id: 'a1',
        findingKey: 'DELEGATION_GAP:E1:x',
        owner: 'Maya Lindqvist',
        dueOn: '2020-01-31',
        step: 'DELEGATE',
        delegateTo: 'Carlos Ramos',
        note: null,
        status: 'OPEN',
        createdBy: 'hr',
        createdAt: '2020-01-01T00:00:00Z',
        updatedAt: '2020-01-01T00:00:00Z',
        resolvedInSnapshotId: null,
      },
    });
    const action = screen.getByLabelText('Action');
    expect(action).toHaveTextContent('Delegate to Carlos Ramos · owner Maya Lindqvist · due 31 Jan 2020');
    expect(action).toHaveTextContent('Overdue');
  });

  it('reports a failed save', async () => {
    const onReview = jest.fn().mockRejectedValue(new Error('Snapshot not found'));
    renderControls({ onReview });
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss finding for Maya' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save the review: Snapshot not found');
  });
});
