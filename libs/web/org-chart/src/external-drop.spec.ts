import '@testing-library/jest-dom';
import { OrgChart } from './org-chart';
import { smallOrg } from './testing/small-org';
import type { OrgChartOptions } from './types';

const TYPE = 'application/x-rolemap-test';
const OPTIONS: OrgChartOptions = { width: 6000, height: 4000, animationMs: 0, overscan: 0, minimap: false };

let container: HTMLDivElement;
let chart: OrgChart | null = null;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(() => {
  chart?.destroy();
  chart = null;
  container.remove();
});

const card = (id: string) => container.querySelector<SVGGElement>(`g.rm-node[data-id="${id}"]`)!;
const svg = () => container.querySelector<SVGSVGElement>('svg.rm-svg')!;

/** A point inside a card, in client coordinates (jsdom puts the SVG at the page's origin). */
function pointIn(id: string, dx = 10, dy = 10): [number, number] {
  const [left, top] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(card(id).getAttribute('transform')!)!.slice(1).map(Number);
  const { x, y, k } = chart!.getTransform();
  return [(left + dx) * k + x, (top + dy) * k + y];
}

/** jsdom has no DragEvent or DataTransfer: a mouse event carrying a stand-in for both. */
function drag(type: 'dragover' | 'dragleave' | 'drop', [clientX, clientY]: [number, number], types = [TYPE], data = 'payload') {
  const event = new MouseEvent(type, { bubbles: true, cancelable: true, clientX, clientY });
  const dataTransfer = { types, dropEffect: 'none', getData: (asked: string) => (types.includes(asked) ? data : '') };
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
  const target = document.elementFromPoint?.(clientX, clientY) ?? svg();
  (svg().contains(target) ? target : svg()).dispatchEvent(event);
  return { event, dataTransfer };
}

describe('OrgChart.cardAtPoint', () => {
  it('finds the card under a client point, whatever the zoom and pan', () => {
    chart = new OrgChart(container, OPTIONS).setData(smallOrg()).render();
    expect(chart.cardAtPoint(...pointIn('vp2'))?.id).toBe('vp2');
    chart.destroy();
    // A small viewport: fitting the chart zooms out.
    chart = new OrgChart(container, { ...OPTIONS, width: 500, height: 300 }).setData(smallOrg()).render();
    chart.fit(false);
    expect(chart.getTransform().k).toBeLessThan(1);
    expect(chart.cardAtPoint(...pointIn('d3', 5, 5))?.id).toBe('d3');
    // Between two cards of a row, and outside the chart.
    const [x, y] = pointIn('d1');
    expect(chart.cardAtPoint(x - 30 * chart.getTransform().k, y)).toBeNull();
    expect(chart.cardAtPoint(-5, y)).toBeNull();
  });

  it('is null before there is data', () => {
    chart = new OrgChart(container, OPTIONS);
    expect(chart.cardAtPoint(10, 10)).toBeNull();
  });
});

describe('OrgChart external drops', () => {
  it('accepts the drag type over a card, rings that card, and reports the drop with its data', () => {
    const onExternalDrop = jest.fn();
    chart = new OrgChart(container, { ...OPTIONS, externalDropType: TYPE, onExternalDrop }).setData(smallOrg()).render();

    const over = drag('dragover', pointIn('d2'));
    expect(over.event.defaultPrevented).toBe(true);
    expect(over.dataTransfer.dropEffect).toBe('move');
    expect(card('d2')).toHaveClass('rm-node--drop-target');

    // On to another card: the ring follows.
    drag('dragover', pointIn('vp2'));
    expect(card('d2')).not.toHaveClass('rm-node--drop-target');
    expect(card('vp2')).toHaveClass('rm-node--drop-target');

    const dropped = drag('drop', pointIn('vp2'), [TYPE], '{"responsibility":"Hiring"}');
    expect(dropped.event.defaultPrevented).toBe(true);
    expect(onExternalDrop).toHaveBeenCalledWith('vp2', '{"responsibility":"Hiring"}');
    expect(container.querySelector('.rm-node--drop-target')).toBeNull();
  });

  it('refuses a drop over empty space and drags of other types (files, text)', () => {
    const onExternalDrop = jest.fn();
    chart = new OrgChart(container, { ...OPTIONS, externalDropType: TYPE, onExternalDrop }).setData(smallOrg()).render();
    const [x, y] = pointIn('d1');
    const gap: [number, number] = [x - 30, y];

    drag('dragover', pointIn('d1'));
    const space = drag('dragover', gap);
    expect(space.event.defaultPrevented).toBe(false);
    expect(container.querySelector('.rm-node--drop-target')).toBeNull();
    drag('drop', gap);

    const text = drag('dragover', pointIn('d1'), ['text/plain']);
    expect(text.event.defaultPrevented).toBe(false);
    drag('drop', pointIn('d1'), ['Files']);
    expect(card('d1')).not.toHaveClass('rm-node--drop-target');
    expect(onExternalDrop).not.toHaveBeenCalled();
  });

  it('drops the ring when the drag leaves the chart', () => {
    chart = new OrgChart(container, { ...OPTIONS, externalDropType: TYPE, onExternalDrop: jest.fn() })
      .setData(smallOrg())
      .render();
    drag('dragover', pointIn('d3'));
    expect(card('d3')).toHaveClass('rm-node--drop-target');
    drag('dragleave', pointIn('d3'));
    expect(card('d3')).not.toHaveClass('rm-node--drop-target');
  });

  it('is off unless onExternalDrop is given', () => {
    chart = new OrgChart(container, { ...OPTIONS, externalDropType: TYPE }).setData(smallOrg()).render();
    expect(drag('dragover', pointIn('d1')).event.defaultPrevented).toBe(false);
    expect(card('d1')).not.toHaveClass('rm-node--drop-target');
  });
});
