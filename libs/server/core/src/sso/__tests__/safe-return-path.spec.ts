import { safeReturnPath } from '../single-sign-on.service';

describe('where a single sign-on returns to', () => {
  it('keeps paths of this app and drops anything that leaves it', () => {
    expect(safeReturnPath('/review?tab=mine')).toBe('/review?tab=mine');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'review', '', null, '/a\nb']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
