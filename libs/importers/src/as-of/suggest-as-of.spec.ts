import { suggestAsOf } from './suggest-as-of';

describe('suggestAsOf', () => {
  it.each([
    ['department_for_international_development-2011-03-31-senior.csv', '2011-03-31'],
    ['org_2024_09_30.xlsx', '2024-09-30'],
    ['export20230131.csv', '2023-01-31'],
    ['Organogram 31 March 2016.csv', '2016-03-31'],
    ['headcount-Sep-30-2014.csv', '2014-09-30'],
  ])('reads the date in the file name %s', (fileName, date) => {
    expect(suggestAsOf(fileName)).toMatchObject({ date, source: 'file name' });
  });

  it('ignores numbers that are not real dates', () => {
    expect(suggestAsOf('people-2023-02-30.csv')).toBeNull();
    expect(suggestAsOf('batch-20231345.csv')).toBeNull();
    expect(suggestAsOf('org.csv')).toBeNull();
  });

  it('reads a labelled date in the first lines when the name has none', () => {
    expect(suggestAsOf('org.csv', 'Headcount report\nAs of: 2025-06-30\nid,name\n1,A')).toMatchObject({
      date: '2025-06-30',
      source: 'file content',
      text: 'As of: 2025-06-30',
    });
    expect(suggestAsOf('org.csv', 'Snapshot date,31 Dec 2024\nid,name')).toMatchObject({ date: '2024-12-31' });
  });

  it('does not take any date of the content, such as a hire date, for the chart date', () => {
    expect(suggestAsOf('org.csv', 'id,name,hire_date\n1,Ann,2019-04-01\n')).toBeNull();
  });

  it('prefers the file name over the content', () => {
    expect(suggestAsOf('org-2020-01-31.csv', 'As of 2019-12-31')).toMatchObject({ date: '2020-01-31' });
  });
});
