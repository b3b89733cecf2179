import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { postMultipart } from '../../imports/utils/multipart';
import { SurveyTemplateTeamsDocument } from '../graphql/surveys.graphql';
import type { TemplateUploadResult } from '../hooks/useSurveyTemplates';
import { OfflineTemplates } from './OfflineTemplates';

jest.mock('../../imports/utils/multipart', () => ({ postMultipart: jest.fn() }));
const upload = postMultipart as jest.MockedFunction<typeof postMultipart>;

const team = (leaderEmployeeId: string, leaderName: string, members: number, answered: number) => ({
  __typename: 'SurveyTemplateTeam' as const,
  leaderEmployeeId,
  leaderName,
  department: 'Engineering',
  members,
  answered,
});

const teamsMock = (): MockLink.MockedResponse => ({
  request: { query: SurveyTemplateTeamsDocument, variables: { campaignId: 'camp-1' } },
  result: { data: { surveyTemplateTeams: [team('E100', 'Dana Reyes', 4, 1), team('E200', 'Sam Lee', 1, 0)] } },
});

const outcome = (overrides: Partial<TemplateUploadResult>): { uploadSurveyTemplate: TemplateUploadResult } => ({
  uploadSurveyTemplate: {
    ok: true,
    dryRun: false,
    leaderEmployeeId: 'E100',
    submitted: ['E101', 'E102', 'E103'],
    skipped: ['E104'],
    rowCount: 9,
    errors: [],
    warnings: [],
    ...overrides,
  },
});

const issue = (row: number, column: string, value: string, message: string) => ({
  __typename: 'ImportIssue' as const,
  code: 'INVALID_SHARE',
  file: 'team.xlsx',
  row,
  rows: [],
  column,
  value,
  message,
});

function renderTemplates(phase = 'OPEN') {
  return render(
    <MockedProvider mocks={[teamsMock(), teamsMock()]}>
      <OfflineTemplates campaignId="camp-1" phase={phase} />
    </MockedProvider>,
  );
}

const chooseFile = () =>
  fireEvent.change(screen.getByLabelText('Filled-in template (XLSX)'), {
    target: { files: [new File(['xlsx'], 'team.xlsx')] },
  });

describe('OfflineTemplates', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    upload.mockReset();
  });

  it('lists each team with its manager and size, and a download button per team', async () => {
    renderTemplates();
    const table = await screen.findByRole('table', { name: 'Teams (2)' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)),
    ).toEqual([
      ['Manager', 'Department', 'People', 'Answered', 'Template'],
      ['Dana Reyes', 'Engineering', '4', '1 / 4', 'Download'],
      ['Sam Lee', 'Engineering', '1', '0 / 1', 'Download'],
    ]);
    expect(screen.getByRole('button', { name: 'Download the template of Sam Lee’s team' })).toBeEnabled();
  });

  it('downloads the team’s workbook through the checked download, and says so when the server refuses', async () => {
    const requested: string[] = [];
    globalThis.fetch = (async (url: string) => {
      requested.push(url);
      return {
        ok: false,
        status: 404,
        headers: { get: () => null },
        text: async () => JSON.stringify({ message: 'Nobody in the survey "Autumn" has E200 as their manager.' }),
        body: null,
      };
    }) as unknown as typeof fetch;
    renderTemplates();
    fireEvent.click(await screen.findByRole('button', { name: 'Download the template of Sam Lee’s team' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The template could not be made: Nobody in the survey "Autumn" has E200 as their manager.',
    );
    expect(requested).toEqual(['/api/survey-campaigns/camp-1/teams/E200/template.xlsx']);
  });

  it('uploads the chosen file and says how many answers were saved', async () => {
    upload.mockResolvedValue(outcome({}));
    renderTemplates();
    await screen.findByRole('table', { name: 'Teams (2)' });
    const send = screen.getByRole('button', { name: 'Upload answers' });
    expect(send).toBeDisabled();
    chooseFile();
    fireEvent.click(send);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Saved the answers of 3 people in Dana Reyes’s team, as submitted by their manager. 1 person answered online already: their rows were not read.',
    );
    expect(upload).toHaveBeenCalledWith(expect.anything(), {
      campaignId: 'camp-1',
      file: expect.objectContaining({ name: 'team.xlsx' }),
      dryRun: false,
    });
  });

  it('checks without saving on a dry run', async () => {
    upload.mockResolvedValue(outcome({ dryRun: true, skipped: [] }));
    renderTemplates();
    await screen.findByRole('table', { name: 'Teams (2)' });
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Check without saving' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The file is valid: it would save the answers of 3 people in Dana Reyes’s team. Nothing was saved yet.',
    );
    expect(upload.mock.calls[0][1]).toMatchObject({ dryRun: true });
  });

  it('lists a refused file’s problems by row and column, and says nothing was saved', async () => {
    upload.mockResolvedValue(
      outcome({
        ok: false,
        submitted: [],
        skipped: [],
        errors: [
          issue(7, 'share_pct', '140', 'A share is a percentage from 0 to 100.'),
          issue(3, 'share_pct', 'abc', 'Not a number.'),
        ],
      }),
    );
    renderTemplates();
    await screen.findByRole('table', { name: 'Teams (2)' });
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Upload answers' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file has 2 problems; nothing was saved.');
    const problems = screen.getByRole('table', { name: /Problems to fix/ });
    expect(
      within(problems)
        .getAllByRole('row')
        .slice(1)
        .map((tr) => [...tr.querySelectorAll('td')].slice(1, 4).map((cell) => cell.textContent)),
    ).toEqual([
      ['3', 'share_pct', 'abc'],
      ['7', 'share_pct', '140'],
    ]);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says when the upload could not be sent', async () => {
    upload.mockRejectedValue(new Error('The server could not be reached. Check your connection and try again.'));
    renderTemplates();
    await screen.findByRole('table', { name: 'Teams (2)' });
    chooseFile();
    fireEvent.click(screen.getByRole('button', { name: 'Upload answers' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Upload answers' })).toBeEnabled());
  });

  it('offers downloads but no upload once the survey has ended', async () => {
    renderTemplates('ENDED');
    await screen.findByRole('table', { name: 'Teams (2)' });
    expect(screen.queryByLabelText('Filled-in template (XLSX)')).toBeNull();
    expect(screen.getByText('Filled-in templates are taken while the survey is open.')).toBeInTheDocument();
  });
});
