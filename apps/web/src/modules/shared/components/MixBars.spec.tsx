import { render, screen, within } from '@testing-library/react';
import { MixBars } from './MixBars';

describe('MixBars', () => {
  const actual = { IMPLEMENTATION: 45, UNIFICATION: 25, COMMUNICATION: 15, LEADERSHIP: 15 };
  const expected = { IMPLEMENTATION: 10, UNIFICATION: 30, COMMUNICATION: 30, LEADERSHIP: 30 };

  it('shows actual against expected per level in words, with the gap in points', () => {
    render(<MixBars actual={actual} expected={expected} subject="Maya Lindqvist" />);
    const list = screen.getByRole('list', { name: 'Value-level mix of Maya Lindqvist' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.mix-bars__label')?.textContent)).toEqual([
      'Implementation',
      'Unification',
      'Communication',
      'Leadership',
    ]);
    expect(rows[0]).toHaveTextContent('45% of 10% expected +35 pts');
    expect(rows[1]).toHaveTextContent('25% of 30% expected -5 pts');
    expect(rows[2]).toHaveTextContent('15% of 30% expected -15 pts');
  });

  it('sizes the bars by share and clamps them to the track', () => {
    const { container } = render(<MixBars actual={{ ...actual, IMPLEMENTATION: 130 }} expected={expected} />);
    const implementation = container.querySelector('[data-level="IMPLEMENTATION"]')!;
    expect(implementation.querySelector<HTMLElement>('.mix-bars__actual')!.style.width).toBe('100%');
    expect(implementation.querySelector<HTMLElement>('.mix-bars__expected')!.style.width).toBe('10%');
    const leadership = container.querySelector('[data-level="LEADERSHIP"]')!;
    expect(leadership.querySelector<HTMLElement>('.mix-bars__actual')!.style.width).toBe('15%');
  });

  it('leaves out small gaps', () => {
    render(<MixBars actual={{ ...actual, UNIFICATION: 28 }} expected={expected} />);
    expect(screen.getAllByRole('listitem')[1]).toHaveTextContent(/^Unification28% of 30% expected$/);
  });
});
