/** Licensed excerpts committed under libs/importers/fixtures (see PROVENANCE.md); always available. */
import path from 'node:path';
import { parsePeopleFile } from './people/parse-people-file';

const FIXTURES = path.resolve(__dirname, '../fixtures');

function fixture(fileName: string) {
  return { fileName, path: path.join(FIXTURES, fileName) };
}

describe('committed fixtures', () => {
  it('reads the IBM excerpt (UTF-8 BOM, CRLF) with derived dates and FTE', async () => {
    const result = await parsePeopleFile(fixture('ibm-hr-attrition-excerpt.csv'), {
      asOf: '2020-01-01',
      allowMultipleRoots: true,
    });
    expect(result).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', hasHeader: true, rowCount: 20 });
    expect(result.errors).toEqual([]);
    expect(result.mapping.fields.employee_id?.header).toBe('EmployeeNumber');
    // Row 3: EmployeeNumber 2, Research Scientist, YearsAtCompany 10, YearsInCurrentRole 7, YearsSinceLastPromotion 1, rating 4.
    expect(result.records[1]).toMatchObject({
      rowNumber: 3,
      employeeId: '2',
      title: 'Research Scientist',
      hireDate: '2010-01-01',
      roleStartDate: '2013-01-01',
      lastPromotionDate: '2019-01-01',
      performanceRating: 4,
      fte: 1,
    });
  });

  it('fails the IBM excerpt as one chart, since it has no manager column', async () => {
    const result = await parsePeopleFile(fixture('ibm-hr-attrition-excerpt.csv'));
    expect(result.errors.map((issue) => [issue.code, issue.value])).toEqual([['MULTIPLE_ROOTS', '20']]);
  });

  it('reads the tab-delimited, headerless AdventureWorks excerpt mapped by position', async () => {
    const unmapped = await parsePeopleFile(fixture('adventureworks-oltp-employee-excerpt.csv'));
    expect(unmapped).toMatchObject({ hasHeader: false, delimiter: '\t', rowCount: 20 });
    expect(unmapped.errors.map((issue) => issue.code)).toEqual(['MISSING_COLUMN', 'MISSING_COLUMN']);

    const mapped = await parsePeopleFile(fixture('adventureworks-oltp-employee-excerpt.csv'), {
      map: { '1': 'employee_id', 'Column 6': 'title', '10': 'hire_date' },
      allowMultipleRoots: true,
    });
    expect(mapped.errors).toEqual([]);
    expect(mapped.records).toHaveLength(20);
    expect(mapped.records[2]).toMatchObject({
      rowNumber: 3,
      employeeId: '3',
      title: 'Engineering Manager',
      hireDate: '2007-11-11',
    });
  });
});
