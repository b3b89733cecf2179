import { render, screen } from '@testing-library/react';
import { type Activity, ActivityItem } from './ActivityItem';

const activity: Activity = {
  id: 'a-1',
  key: 'MGT-01-01',
  label: 'Hold 1:1s with direct reports',
  description: 'Weekly',
  valueLevel: 'UNIFICATION',
  levelSource: 'SUGGESTED',
  processKey: 'MGT-01',
  processLabel: 'Managing people',
  functionKey: 'MGT',
  functionLabel: 'Management and leadership',
};
const noop = async () => null;

describe('ActivityItem', () => {
  it('shows the activity, its level and that the level is only suggested, with no controls for readers', () => {
    render(<ActivityItem organizationId="o" activity={activity} editable={false} onUpdate={noop} onRemove={noop} />);
    const item = screen.getByRole('listitem', { name: 'Hold 1:1s with direct reports' });
    expect(item).toHaveTextContent('MGT-01-01');
    expect(item).toHaveTextContent('Weekly');
    expect(item).toHaveTextContent('Unification');
    expect(item).toHaveTextContent('Suggested');
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('gives HR admins edit and remove controls named after the activity', () => {
    render(<ActivityItem organizationId="o" activity={activity} editable onUpdate={noop} onRemove={noop} />);
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Edit Hold 1:1s with direct reports',
      'Remove Hold 1:1s with direct reports',
    ]);
  });
});
