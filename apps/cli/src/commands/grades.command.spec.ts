import { parseAssignment } from './grades.command';

describe('rolemap grades set arguments', () => {
  it('reads GRADE=TIER, any case, the last "=" splitting', () => {
    expect(parseAssignment('SCS1=director')).toEqual({ grade: 'SCS1', tier: 'DIRECTOR' });
    expect(parseAssignment('Band 7 = MANAGER')).toEqual({ grade: 'Band 7', tier: 'MANAGER' });
    expect(parseAssignment('A=B=IC')).toEqual({ grade: 'A=B', tier: 'IC' });
  });

  it('reads "default" as taking the grade out of HR’s table', () => {
    expect(parseAssignment('G6=default')).toEqual({ grade: 'G6', tier: null });
  });

  it('refuses what is not GRADE=TIER, naming the argument', () => {
    expect(() => parseAssignment('SCS1')).toThrow('"SCS1" must look like GRADE=TIER');
    expect(() => parseAssignment('=MANAGER')).toThrow('must look like GRADE=TIER');
    expect(() => parseAssignment('SCS1=BOSS')).toThrow('tier must be IC, MANAGER, DIRECTOR, EXECUTIVE or default');
  });
});
