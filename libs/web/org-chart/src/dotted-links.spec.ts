import { dottedLinksOf } from './dotted-links';
import { person } from './testing/small-org';
import type { LaidOutNode } from './types';

const CARD = { width: 200, height: 100 };

function placed(id: string, x: number, y: number, dottedLineManagerIds?: string[]): LaidOutNode {
  return { id, x, y, level: 1, parentId: null, data: person(id, null, id, 'Title', 'IC', { dottedLineManagerIds }) };
}

function linksOf(nodes: LaidOutNode[]) {
  return dottedLinksOf(nodes, new Map(nodes.map((node) => [node.id, node])), CARD);
}

describe('dottedLinksOf', () => {
  it('joins a report below its dotted-line manager bottom edge to top edge', () => {
    const [link] = linksOf([placed('m', 0, 0), placed('r', 300, 200, ['m'])]);
    expect(link).toEqual({
      key: 'r→m',
      reportId: 'r',
      managerId: 'm',
      d: 'M0,100C0,150 300,150 300,200',
      x0: 0,
      x1: 300,
      y0: 100,
      y1: 200,
    });
  });

  it('joins cards on the same row side to side, facing each other', () => {
    expect(linksOf([placed('m', 500, 0), placed('r', 0, 0, ['m'])])[0].d).toBe('M400,50C250,50 250,50 100,50');
    expect(linksOf([placed('m', 0, 0), placed('r', 500, 0, ['m'])])[0].d).toBe('M100,50C250,50 250,50 400,50');
  });

  it('leaves out lines whose other end is not laid out, and a card naming itself', () => {
    expect(linksOf([placed('r', 0, 0, ['elsewhere', 'r'])])).toEqual([]);
  });

  it('draws one line per manager', () => {
    const links = linksOf([placed('a', 0, 0), placed('b', 400, 0), placed('r', 200, 300, ['a', 'b'])]);
    expect(links.map((link) => link.key)).toEqual(['r→a', 'r→b']);
  });
});
