import { spreadsheetSafe } from './spreadsheet-safe';

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://x.example","click")', `'=HYPERLINK("http://x.example","click")`],
    ['+SUM(A1:A9)', `'+SUM(A1:A9)`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(1,2)', `'@SUM(1,2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['- follow up with sales', `'- follow up with sales`],
  ])('neutralises %j', (input, expected) => {
    expect(spreadsheetSafe(input)).toBe(expected);
  });

  it.each(['Review pull requests', 'Plan Q3 = budget', 'a+b', '', ' =not first'])('leaves ordinary text %j as it is', (input) => {
    expect(spreadsheetSafe(input)).toBe(input);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(spreadsheetSafe(-12.5)).toBe(-12.5);
    expect(spreadsheetSafe(0)).toBe(0);
    expect(spreadsheetSafe(null)).toBeNull();
  });

  it.each(['-12', '+3.5', '-0.25', '-1e3', '.5'])('leaves the number literal %j alone', (input) => {
    expect(spreadsheetSafe(input)).toBe(input);
  });

  it('does not mistake a number followed by a formula for a number', () => {
    expect(spreadsheetSafe('-1+HYPERLINK("x")')).toBe(`'-1+HYPERLINK("x")`);
    expect(spreadsheetSafe('-12\n=1')).toBe(`'-12\n=1`);
  });
});
