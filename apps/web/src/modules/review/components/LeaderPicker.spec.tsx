import { fireEvent, render, screen, within } from '@testing-library/react';
import type { LeaderOption } from '../utils/leaders';
import { LeaderPicker } from './LeaderPicker';

const leaders: LeaderOption[] = [
  { id: 'p1', name: 'Helena Marsh', title: 'Chief Executive Officer', tier: 'EXECUTIVE', department: 'Executive' },
  { id: 'p2', name: 'Maya Lindqvist', title: 'Director of Engineering, Platform', tier: 'DIRECTOR', department: 'Engineering' },
  { id: 'p3', name: 'Tomás Alvarez', title: 'Engineering Manager, Web Apps', tier: 'MANAGER', department: 'Engineering' },
];

describe('LeaderPicker', () => {
  it('filters by name, title or department and picks with the keyboard', () => {
    const onSelect = jest.fn();
    render(<LeaderPicker leaders={leaders} selectedId={null} onSelect={onSelect} />);
    const input = screen.getByRole('combobox', { name: 'Leader' });
    fireEvent.change(input, { target: { value: 'engineering' } });
    const list = screen.getByRole('listbox', { name: 'Leaders' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.querySelector('.combobox__name')?.textContent),
    ).toEqual(['Maya Lindqvist', 'Tomás Alvarez']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input).toHaveAttribute('aria-activedescendant', expect.stringContaining('p3'));
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith('p3');
  });

  it('says when nothing matches and shows the current leader', () => {
    render(<LeaderPicker leaders={leaders} selectedId="p2" onSelect={() => undefined} />);
    expect(screen.getByText(/Reviewing/)).toHaveTextContent('Reviewing Maya Lindqvist, Director of Engineering, Platform');
    fireEvent.change(screen.getByRole('combobox', { name: 'Leader' }), { target: { value: 'nobody here' } });
    expect(screen.getByText('No leader matches “nobody here”.')).toBeInTheDocument();
  });
});
