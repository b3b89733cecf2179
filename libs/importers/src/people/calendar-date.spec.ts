import { isCalendarDate, parsePeopleFile } from './parse-people-file';
import { issueWith, upload } from '../testing/upload';

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '1999-12-31'])('accepts %s', (text) => expect(isCalendarDate(text)).toBe(true));
  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', ''])('refuses %p', (text) =>
    expect(isCalendarDate(text)).toBe(false),
  );
});

describe('parsePeopleFile asOf', () => {
  it('reports a date that does not exist as a BAD_OPTION naming the value', async () => {
    const result = await parsePeopleFile(upload('people.csv', 'employee_id,name,title,manager_id\nA,Ann,CEO,\n'), {
      asOf: '2026-02-30',
    });
    expect(issueWith(result.errors, 'BAD_OPTION')).toMatchObject({ value: '2026-02-30', file: 'people.csv' });
  });
});
