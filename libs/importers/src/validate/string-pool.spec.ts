import { StringPool } from './string-pool';

describe('StringPool', () => {
  it('keeps one entry per distinct value and gives back equal text', () => {
    const pool = new StringPool();
    const file = 'Plan the week’s tasks with the team,Plan the week’s tasks with the team,Zoë Ångström-Łukasz';
    const [first, second, name] = file.split(',');
    expect(pool.intern(first)).toBe(first);
    expect(pool.intern(second)).toBe(first);
    expect(pool.intern(name)).toBe('Zoë Ångström-Łukasz');
    expect(pool.intern('E1')).toBe('E1');
    expect(pool.intern('Software Engineer, Payments'.slice(0, 17))).toBe('Software Engineer');
    expect(pool.size).toBe(4);
  });
});
