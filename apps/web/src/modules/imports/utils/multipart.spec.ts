import { multipartBody } from './multipart';

describe('multipartBody', () => {
  it('follows the GraphQL multipart request spec: operations with nulls, a map, then the files', () => {
    const people = new File(['employee_id,name\nA1,Ada'], 'people.csv', { type: 'text/csv' });
    const form = multipartBody('mutation M { x }', {
      organizationName: 'Acme',
      people,
      responsibilities: null,
      options: { asOf: '2026-01-01' },
    });
    expect(JSON.parse(form.get('operations') as string)).toEqual({
      query: 'mutation M { x }',
      variables: { organizationName: 'Acme', people: null, responsibilities: null, options: { asOf: '2026-01-01' } },
    });
    expect(JSON.parse(form.get('map') as string)).toEqual({ '0': ['variables.people'] });
    const part = form.get('0') as File;
    expect(part.name).toBe('people.csv');
    expect(part.size).toBe(people.size);
    expect([...form.keys()]).toEqual(['operations', 'map', '0']);
  });
});
