import { IssueCollector } from '../issues/issue-collector';
import { detectColumns } from './detect-columns';
import { normalizeHeader } from './normalize-header';
import { planPeopleColumns } from './people-mapping';
import { PEOPLE_SYNONYMS, RESPONSIBILITY_SYNONYMS } from './synonyms';

function plan(headers: string[], map?: Record<string, string>) {
  const issues = new IssueCollector('test.csv');
  const result = planPeopleColumns(headers, { map, asOf: '2024-06-30', asOfGiven: true, isTree: false }, issues);
  return { ...result, issues };
}

function headersByField(headers: string[], map?: Record<string, string>): Record<string, string> {
  const { mapping } = plan(headers, map);
  return Object.fromEntries(Object.values(mapping.fields).map((field) => [field!.field, field!.header]));
}

describe('synonym tables', () => {
  it.each([
    ['people', PEOPLE_SYNONYMS],
    ['responsibilities', RESPONSIBILITY_SYNONYMS],
  ])('never give one normalised header to two %s targets', (_, table) => {
    const owner = new Map<string, string>();
    for (const [target, synonyms] of Object.entries(table)) {
      for (const synonym of synonyms) {
        const key = normalizeHeader(synonym);
        expect([key, owner.get(key) ?? target]).toEqual([key, target]);
        owner.set(key, target);
      }
    }
  });
});

describe('detecting people columns', () => {
  it.each<[string, string[], Record<string, string>]>([
    [
      'Workday',
      [
        'Employee_ID',
        'Worker',
        'Business Title',
        'Job Profile',
        'Manager_ID',
        'Supervisory Organization',
        'Cost Center',
        'Location',
        'Hire_Date',
        'Time in Position',
      ],
      {
        employee_id: 'Employee_ID',
        name: 'Worker',
        title: 'Business Title',
        manager_id: 'Manager_ID',
        department: 'Supervisory Organization',
        location: 'Location',
        hire_date: 'Hire_Date',
        role_start_date: 'Time in Position',
      },
    ],
    [
      'BambooHR',
      [
        'Employee #',
        'Display Name',
        'First Name',
        'Last Name',
        'Job Title',
        'Reporting To',
        'Department',
        'Division',
        'Location',
        'Work Email',
        'Hire Date',
      ],
      {
        employee_id: 'Employee #',
        name: 'Display Name',
        title: 'Job Title',
        manager_id: 'Reporting To',
        department: 'Department',
        location: 'Location',
        email: 'Work Email',
        hire_date: 'Hire Date',
      },
    ],
    [
      'Visio',
      ['Name', 'Title', 'Reports To', 'Department', 'Telephone'],
      { name: 'Name', title: 'Title', manager_id: 'Reports To', department: 'Department' },
    ],
    [
      'd3-org-chart',
      ['name', 'area', 'office', 'positionName', 'id', 'parentId'],
      { employee_id: 'id', name: 'name', title: 'positionName', manager_id: 'parentId', department: 'area', location: 'office' },
    ],
    [
      'UK organogram',
      [
        'Post Unique Reference',
        'Name',
        'Grade (or equivalent)',
        'Job Title',
        'Organisation',
        'Unit',
        'Contact E-mail',
        'Reports to Senior Post',
        'FTE',
      ],
      {
        employee_id: 'Post Unique Reference',
        name: 'Name',
        title: 'Job Title',
        department: 'Unit',
        email: 'Contact E-mail',
        manager_id: 'Reports to Senior Post',
        fte: 'FTE',
        grade: 'Grade (or equivalent)',
      },
    ],
    [
      'Northwind',
      ['employeeID', 'lastName', 'firstName', 'title', 'hireDate', 'city', 'reportsTo'],
      {
        employee_id: 'employeeID',
        name: 'firstName + lastName',
        title: 'title',
        hire_date: 'hireDate',
        location: 'city',
        manager_id: 'reportsTo',
      },
    ],
    [
      'Oracle HR',
      [
        'id',
        'parentId',
        'name',
        'lastName',
        'position',
        'email',
        'hire_date',
        'department_id',
        'department_name',
        'location_state',
      ],
      {
        employee_id: 'id',
        manager_id: 'parentId',
        name: 'name + lastName',
        title: 'position',
        email: 'email',
        hire_date: 'hire_date',
        department: 'department_name',
        location: 'location_state',
      },
    ],
    [
      'IBM attrition',
      [
        'EmployeeCount',
        'EmployeeNumber',
        'JobLevel',
        'JobRole',
        'Department',
        'PerformanceRating',
        'StandardHours',
        'YearsAtCompany',
        'YearsInCurrentRole',
        'YearsSinceLastPromotion',
      ],
      {
        employee_id: 'EmployeeNumber',
        title: 'JobRole',
        department: 'Department',
        performance_rating: 'PerformanceRating',
        fte: 'StandardHours',
        grade: 'JobLevel',
        hire_date: 'YearsAtCompany',
        role_start_date: 'YearsInCurrentRole',
        last_promotion_date: 'YearsSinceLastPromotion',
      },
    ],
    [
      'generic HR extract',
      [
        'Staff ID',
        'Full Name',
        'Position Title',
        'Supervisor ID',
        'Position Start Date',
        'Last Promotion Date',
        'Previous Job Title',
        'Rating',
        'Standard Hours',
      ],
      {
        employee_id: 'Staff ID',
        name: 'Full Name',
        title: 'Position Title',
        manager_id: 'Supervisor ID',
        role_start_date: 'Position Start Date',
        last_promotion_date: 'Last Promotion Date',
        previous_title: 'Previous Job Title',
        performance_rating: 'Rating',
        fte: 'Standard Hours',
      },
    ],
  ])('maps %s headers', (_, headers, expected) => {
    expect(headersByField(headers)).toEqual(expected);
  });

  it('says how each field was found and lists unmapped headers', () => {
    const { mapping } = plan(['EmployeeNumber', 'Mgr Emp No', 'Job Titel', 'Shoe Size', 'YearsInCurrentRole']);
    expect(mapping.fields.employee_id?.method).toBe('synonym');
    expect(mapping.fields.manager_id).toMatchObject({ header: 'Mgr Emp No', method: 'fuzzy' });
    expect(mapping.fields.title).toMatchObject({ header: 'Job Titel', method: 'fuzzy' });
    expect(mapping.fields.role_start_date).toMatchObject({
      method: 'derived',
      note: expect.stringContaining('as of 2024-06-30'),
    });
    expect(mapping.unmappedHeaders).toEqual(['Shoe Size']);
  });

  it('lets an explicit mapping override detection, by header or by position', () => {
    const { mapping, issues } = plan(['ID', 'Boss', 'Name', 'Role', 'Department'], {
      Boss: 'manager_id',
      '4': 'title',
      Department: 'ignore',
    });
    expect(mapping.fields.manager_id).toMatchObject({ header: 'Boss', method: 'explicit' });
    expect(mapping.fields.title).toMatchObject({ header: 'Role', method: 'explicit' });
    expect(mapping.fields.department).toBeUndefined();
    expect(mapping.unmappedHeaders).toEqual(['Department']);
    expect(issues.errors).toEqual([]);
  });

  it('reports explicit mappings to unknown columns or fields', () => {
    const { issues } = plan(['ID', 'Name'], { Missing: 'manager_id', Name: 'shoe_size' });
    expect(issues.errors.map((issue) => [issue.code, issue.column])).toEqual([
      ['BAD_MAPPING', 'Missing'],
      ['BAD_MAPPING', 'Name'],
    ]);
    expect(issues.errors[0].message).toContain('"ID", "Name"');
  });

  it('prefers a manager id column over manager e-mail and name columns', () => {
    const { mapping, managerHint } = plan(['ID', 'Name', 'Title', 'Manager Name', 'Manager Email', 'Supervisor ID']);
    expect(mapping.fields.manager_id?.header).toBe('Supervisor ID');
    expect(managerHint).toBe('employee_id');
    const byEmail = plan(['ID', 'Name', 'Title', 'Manager Email']);
    expect(byEmail.managerHint).toBe('email');
  });
});

describe('detectColumns', () => {
  it('gives each column to at most one field', () => {
    const issues = new IssueCollector('x.csv');
    const { columns } = detectColumns(
      ['Share %', 'Employee ID', 'Task', 'Level', 'Since'],
      RESPONSIBILITY_SYNONYMS,
      undefined,
      issues,
    );
    expect(columns.map((column) => `${column.target}=${column.header}`)).toEqual([
      'share=Share %',
      'employee_id=Employee ID',
      'responsibility=Task',
      'value_level=Level',
      'since=Since',
    ]);
  });
});
