import { MapArgumentError, parseMapArgument, parseMapArguments } from './parse-map-argument';

describe('parseMapArgument', () => {
  it.each([
    ['Supervisor ID=manager_id', { header: 'Supervisor ID', field: 'manager_id' }],
    ['3=employee_id', { header: '3', field: 'employee_id' }],
    ['a=b=Manager ID', { header: 'a=b', field: 'manager_id' }],
    [' First =firstName', { header: 'First', field: 'first_name' }],
    ['Dept=ignore', { header: 'Dept', field: 'ignore' }],
  ])('parses %p', (argument, expected) => {
    expect(parseMapArgument(argument)).toEqual(expected);
  });

  it.each(['no-equals', '=manager_id', 'Header=', 'Header=shoe_size'])('rejects %p with a usable message', (argument) => {
    expect(() => parseMapArgument(argument)).toThrow(MapArgumentError);
    expect(() => parseMapArgument(argument)).toThrow(/--map|field/);
  });

  it('combines repeated arguments and rejects a header mapped two ways', () => {
    expect(parseMapArguments(['A=employee_id', 'B=manager_id'])).toEqual({ A: 'employee_id', B: 'manager_id' });
    expect(() => parseMapArguments(['A=employee_id', 'A=manager_id'])).toThrow(
      'Column "A" is mapped twice (to employee_id and manager_id).',
    );
  });
});
