import { defaultTierForGrade, gradeKey } from './grade-tiers';

describe('defaultTierForGrade', () => {
  it.each([
    ['SCS1', 'DIRECTOR', 'UK Senior Civil Service'],
    ['SCS1A', 'DIRECTOR', 'UK Senior Civil Service'],
    ['SCS 2', 'DIRECTOR', 'UK Senior Civil Service'],
    ['SCS3', 'EXECUTIVE', 'UK Senior Civil Service'],
    ['scs4', 'EXECUTIVE', 'UK Senior Civil Service'],
    ['OF-6', 'DIRECTOR', 'NATO officer rank'],
    ['OF-8', 'EXECUTIVE', 'NATO officer rank'],
    ['1', 'IC', 'job level 1-5'],
    ['3', 'MANAGER', 'job level 1-5'],
    ['4', 'DIRECTOR', 'job level 1-5'],
    ['5', 'EXECUTIVE', 'job level 1-5'],
    ['Level 4', 'DIRECTOR', 'job level 1-5'],
    ['P4', 'IC', 'Radford professional/support level'],
    ['M2', 'MANAGER', 'Radford management level'],
    ['M4', 'DIRECTOR', 'Radford management level'],
    ['M5', 'EXECUTIVE', 'Radford management level'],
    ['E1', 'EXECUTIVE', 'Radford executive level'],
    ['Individual Contributor', 'IC', 'management level'],
    ['Manager', 'MANAGER', 'management level'],
    ['Senior_Manager', 'MANAGER', 'management level'],
    ['Director', 'DIRECTOR', 'management level'],
    ['5 - Vice President', 'EXECUTIVE', 'management level'],
    ['Executive Vice President', 'EXECUTIVE', 'management level'],
  ])('%s → %s (%s)', (grade, tier, scheme) => {
    expect(defaultTierForGrade(grade)).toEqual({ tier, scheme });
  });

  it('leaves grades of schemes it does not know to HR', () => {
    for (const grade of ['', 'G7', '7', 'Band Q', 'A1 (G6)', 'Grade 6']) expect(defaultTierForGrade(grade)).toBeNull();
  });

  it('compares grades without case, spaces or separators', () => {
    expect(gradeKey(' SCS-1 ')).toBe(gradeKey('scs1'));
    expect(gradeKey('Senior_Manager')).toBe('seniormanager');
  });
});
