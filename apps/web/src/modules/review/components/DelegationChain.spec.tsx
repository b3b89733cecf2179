import { render, screen, within } from '@testing-library/react';
import { DelegationChain } from './DelegationChain';

describe('DelegationChain', () => {
  it('shows the best fit and each knock-on hand-off in order', () => {
    render(
      <DelegationChain
        responsibility="Review supplier contracts"
        sharePct={15}
        chain={{
          outcome: 'DELEGATE_MAKES_ROOM',
          bestFitEmployeeId: 'E7',
          bestFitPositionId: 'p7',
          bestFitName: 'Alex Moore',
          nextStep: null,
          handOffs: [
            {
              fromName: 'Alex Moore',
              fromEmployeeId: 'E7',
              responsibility: 'Process invoices',
              sharePct: 15,
              toName: 'Sam Green',
              toEmployeeId: 'E9',
            },
          ],
        }}
      />,
    );
    const chain = screen.getByLabelText('How “Review supplier contracts” could be handed over');
    expect(chain).toHaveTextContent('Best fit: Alex Moore (E7) — makes room by handing work on');
    expect(
      within(chain)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Alex Moore takes over “Review supplier contracts” (15%)',
      'Alex Moore hands “Process invoices” (15%) to Sam Green',
    ]);
  });

  it('says hire or re-scope with the next step when nobody has the time', () => {
    render(
      <DelegationChain
        responsibility="Write the firmware"
        sharePct={40}
        chain={{
          outcome: 'NO_ROOM',
          bestFitEmployeeId: 'E3',
          bestFitPositionId: 'p3',
          bestFitName: 'Kim Lee',
          nextStep: 'Hire, or train Kim Lee and move some of their work elsewhere.',
          handOffs: [],
        }}
      />,
    );
    const chain = screen.getByLabelText('How “Write the firmware” could be handed over');
    expect(chain).toHaveTextContent('Best fit: Kim Lee (E3) — nobody has the time, even by passing work on: hire or re-scope');
    expect(chain).toHaveTextContent('Next step: Hire, or train Kim Lee and move some of their work elsewhere.');
    expect(within(chain).queryByRole('list')).toBeNull();
  });
});
