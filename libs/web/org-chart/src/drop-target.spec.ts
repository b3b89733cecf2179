import { cardAt } from './drop-target';
import type { LaidOutNode } from './types';

const node = (id: string, x: number, y: number) => ({ id, x, y, level: 1, parentId: null }) as unknown as LaidOutNode;
const card = { width: 100, height: 50 };

describe('cardAt', () => {
  const nodes = [node('a', 0, 0), node('b', 200, 100)];

  it('finds the card whose box holds the point', () => {
    expect(cardAt(nodes, 180, 120, card, 'x')?.id).toBe('b');
    expect(cardAt(nodes, -50, 0, card, 'x')?.id).toBe('a');
  });

  it('skips the dragged card and empty space', () => {
    expect(cardAt(nodes, 10, 10, card, 'a')).toBeNull();
    expect(cardAt(nodes, 100, 75, card, 'x')).toBeNull();
  });
});

describe('cardAt without a dragged card', () => {
  it('finds any card (an outside drag has no card of its own)', () => {
    expect(cardAt([node('a', 0, 0)], 10, 10, card)?.id).toBe('a');
  });
});
