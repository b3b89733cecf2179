import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReviewControls } from './ReviewControls';

describe('ReviewControls', () => {
  it('accepts with the typed note', async () => {
    const onReview = jest.fn().mockResolvedValue(undefined);
    render(<ReviewControls status="OPEN" note={null} reviewer={null} reviewedAt={null} subject="Maya" onReview={onReview} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Agreed in 1:1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept finding for Maya' }));
    expect(onReview).toHaveBeenCalledWith('ACCEPTED', 'Agreed in 1:1');
    expect(screen.getByRole('button', { name: 'Accept finding for Maya' })).toBeDisabled();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Accept finding for Maya' })).toBeEnabled());
    expect(screen.queryByRole('button', { name: /Reopen/ })).not.toBeInTheDocument();
  });

  it('shows a saved decision and offers to reopen it', async () => {
    const onReview = jest.fn().mockResolvedValue(undefined);
    render(
      <ReviewControls
        status="DISMISSED"
        note="Interim cover"
        reviewer="hr@northwind"
        reviewedAt="2026-11-02T10:00:00Z"
        subject="Maya"
        onReview={onReview}
      />,
    );
    expect(screen.getByText(/Dismissed by hr@northwind on 2 Nov 2026/)).toHaveTextContent('Interim cover');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('Interim cover');
    fireEvent.click(screen.getByRole('button', { name: 'Reopen finding for Maya' }));
    expect(onReview).toHaveBeenCalledWith('OPEN', 'Interim cover');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reopen finding for Maya' })).toBeEnabled());
  });

  it('reports a failed save', async () => {
    const onReview = jest.fn().mockRejectedValue(new Error('Snapshot not found'));
    render(<ReviewControls status="OPEN" note={null} reviewer={null} reviewedAt={null} subject="Maya" onReview={onReview} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss finding for Maya' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save the review: Snapshot not found');
  });
});
