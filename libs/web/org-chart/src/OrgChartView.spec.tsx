import { act, fireEvent, render, screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { createRef } from 'react';
import { OrgChartLegend } from './OrgChartLegend';
import { OrgChartView, type OrgChartViewHandle } from './OrgChartView';
import { BADGES, VALUE_LEVEL_NAMES } from '@rolemap/org-chart-layout';
import { smallOrg } from './testing/small-org';

const OPTIONS = { width: 6000, height: 4000, animationMs: 0 };
const nodes = smallOrg();

const treeItems = () => screen.getAllByRole('treeitem');
const item = (name: RegExp) => screen.getByRole('treeitem', { name });

describe('OrgChartView', () => {
  it('renders the chart inside the element React owns', () => {
    render(<OrgChartView nodes={nodes} options={OPTIONS} />);
    const container = screen.getByTestId('org-chart-container');
    expect(within(container).getByRole('tree', { name: 'Organization chart' })).toBeInTheDocument();
    expect(treeItems()).toHaveLength(6);
  });

  it('calls onSelect when a card is clicked and shows the reporting line', () => {
    const onSelect = jest.fn();
    render(<OrgChartView nodes={nodes} options={OPTIONS} onSelect={onSelect} />);
    fireEvent.click(item(/^Ken Thompson/));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'd2' }));
    const crumbs = screen.getByRole('navigation', { name: 'Reporting line' });
    expect(
      within(crumbs)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace('›', '').trim()),
    ).toEqual(['Ada Lovelace', 'Grace Hopper', 'Ken Thompson']);
    fireEvent.click(within(crumbs).getByRole('button', { name: 'Grace Hopper' }));
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'vp1' }));
    expect(item(/^Grace Hopper/)).toHaveAttribute('aria-selected', 'true');
  });

  it('follows the controlled props: selectedId, highlightedIds, depth and searchQuery', () => {
    const onSelect = jest.fn();
    const { rerender } = render(
      <OrgChartView nodes={nodes} options={OPTIONS} selectedId="m3" highlightedIds={['vp2']} onSelect={onSelect} />,
    );
    expect(item(/^Tim Berners-Lee/)).toHaveAttribute('aria-selected', 'true');
    expect(item(/^Alan Turing/)).toHaveClass('rm-node--highlighted');
    // A controlled change is not echoed back through onSelect.
    expect(onSelect).not.toHaveBeenCalled();

    rerender(<OrgChartView nodes={nodes} options={OPTIONS} selectedId={null} depth={0} onSelect={onSelect} />);
    expect(treeItems()).toHaveLength(1);

    rerender(
      <OrgChartView nodes={nodes} options={OPTIONS} selectedId={null} depth={0} searchQuery="hamilton" onSelect={onSelect} />,
    );
    expect(item(/^Margaret Hamilton/)).toHaveClass('rm-node--highlighted');
    expect(screen.getAllByRole('treeitem').filter((el) => el.classList.contains('rm-node--highlighted'))).toHaveLength(1);
  });

  it('exposes fit, search, expandAll and exports through the ref', () => {
    const ref = createRef<OrgChartViewHandle>();
    render(<OrgChartView ref={ref} nodes={nodes} options={OPTIONS} />);
    act(() => ref.current!.expandAll());
    expect(treeItems()).toHaveLength(12);
    let matches: { id: string }[] = [];
    act(() => {
      matches = ref.current!.search('engineer');
    });
    expect(matches.map((m) => m.id)).toEqual(['vp1', 'm1', 'ic1', 'ic2', 'ic3']);
    act(() => ref.current!.fit());
    expect(ref.current!.chart()!.getTransform().k).toBeLessThanOrEqual(1);
    expect(ref.current!.exportSvg()).toContain('Edsger Dijkstra');
  });

  it('passes a drop from outside the chart (externalDrop) to the latest callback', () => {
    const ref = createRef<OrgChartViewHandle>();
    const first = jest.fn();
    const latest = jest.fn();
    const externalDrop = (onDrop: jest.Mock) => ({ type: 'application/x-rolemap-test', onDrop });
    const { rerender } = render(<OrgChartView ref={ref} nodes={nodes} options={OPTIONS} externalDrop={externalDrop(first)} />);
    rerender(<OrgChartView ref={ref} nodes={nodes} options={OPTIONS} externalDrop={externalDrop(latest)} />);
    const target = item(/^Ken Thompson/);
    const [left, top] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(target.getAttribute('transform')!)!.slice(1).map(Number);
    const { x, y, k } = ref.current!.chart()!.getTransform();
    // jsdom has no DragEvent: a mouse event with a stand-in DataTransfer; the SVG sits at the page's origin.
    const drop = new MouseEvent('drop', {
      bubbles: true,
      cancelable: true,
      clientX: (left + 10) * k + x,
      clientY: (top + 40) * k + y,
    });
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['application/x-rolemap-test'], getData: () => 'Hiring' } });
    target.dispatchEvent(drop);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledWith('d2', 'Hiring');
  });

  it('removes the chart on unmount', () => {
    const { unmount, container } = render(<OrgChartView nodes={nodes} options={OPTIONS} />);
    unmount();
    expect(container.querySelector('svg')).toBeNull();
  });
});

describe('OrgChartLegend', () => {
  it('explains the value levels, the gap colours and every badge', () => {
    render(<OrgChartLegend />);
    const legend = screen.getByRole('region', { name: 'Chart legend' });
    for (const name of Object.values(VALUE_LEVEL_NAMES)) expect(legend).toHaveTextContent(name);
    for (const badge of Object.values(BADGES)) {
      expect(within(legend).getByText(badge.short)).toBeInTheDocument();
      expect(legend).toHaveTextContent(badge.label);
    }
    expect(legend).toHaveTextContent(/far below level/);
  });
});
