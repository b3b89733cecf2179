import { render, screen } from '@testing-library/react';
import { JobProgress } from './JobProgress';

const job = (overrides: Partial<Parameters<typeof JobProgress>[0]['job']>) => ({
  state: 'RUNNING' as const,
  progress: 0,
  stage: null,
  attempts: 1,
  error: null,
  ...overrides,
});

describe('JobProgress', () => {
  it('shows an indeterminate bar while the job waits in the queue, and says when it is a retry', () => {
    const { rerender } = render(<JobProgress job={job({ state: 'QUEUED' })} action="Importing" />);
    expect(screen.getByRole('status')).toHaveTextContent('Importing: waiting in the queue…');
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('value');
    rerender(<JobProgress job={job({ state: 'QUEUED', attempts: 1, error: 'Attempt 1 stopped' })} action="Importing" />);
    expect(screen.getByRole('status')).toHaveTextContent('Importing: waiting in the queue… (trying again)');
  });

  it('shows the share done and what the job is doing while it runs', () => {
    render(<JobProgress job={job({ progress: 0.426, stage: 'Reading people.csv' })} action="Importing" />);
    expect(screen.getByRole('status')).toHaveTextContent('Importing: Reading people.csv… 43%');
    expect(screen.getByRole('progressbar', { name: 'Importing: Reading people.csv… 43%' })).toHaveAttribute('value', '43');
  });

  it('says why the job failed, as an alert', () => {
    render(<JobProgress job={job({ state: 'FAILED', attempts: 3, error: 'the worker stopped responding' })} action="Closing" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Closing failed after 3 attempts: the worker stopped responding');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
