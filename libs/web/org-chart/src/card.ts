import type { ValueMix } from '@rolemap/domain';
import {
  BADGES,
  CHART_VALUE_LEVELS,
  HIGHLIGHT_COLOR,
  MUTED_TEXT_COLOR,
  NO_DATA_COLOR,
  NO_DATA_LABEL,
  NO_DATA_TINT,
  SELECTED_COLOR,
  TEXT_COLOR,
  TIER_NAMES,
  TIER_SHORT,
  VALUE_LEVEL_COLORS,
  VALUE_LEVEL_NAMES,
  hasDataOf,
  tierWithSource,
  tacticalGapColor,
  badgeCounts,
  tacticalGapTint,
} from '@rolemap/org-chart-layout';
import type { OrgChartNode, Size } from './types';

export { badgeCounts };

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Everything a card shows besides the data: computed by the chart, never measured. */
export interface CardState {
  selected: boolean;
  highlighted: boolean;
  /** Null for people without reports (no toggle). */
  expanded: boolean | null;
  /** People under this card that are currently hidden (shown on the + toggle). */
  hiddenCount: number;
  directReports: number;
  /** Open findings in the hidden part of the team, when the data says (lazy chart). */
  hiddenFindings?: number;
  /** People in the hidden part of the team with no responsibilities recorded, when the data says. */
  hiddenWithoutData?: number;
  /** The team is being fetched (lazy chart). */
  loading?: boolean;
}

type Attrs = Record<string, string | number>;

function el<K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attrs: Attrs, text?: string): SVGElementTagNameMap[K] {
  const node = parent.ownerDocument.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  for (const key in attrs) node.setAttribute(key, String(attrs[key]));
  if (text !== undefined) node.textContent = text;
  parent.appendChild(node);
  return node;
}

function title(parent: Element, text: string): void {
  el(parent, 'title', {}, text);
}

/** Cuts text to what fits, estimated from the font size: no measuring, so no layout thrash. */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  const maxChars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.56)));
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}\u2026`;
}

// The runtime's default locale is the browser's language: counts read as the rest of the app writes them.
const COUNT_FORMAT = new Intl.NumberFormat();

/** A count with the viewer's thousands separators. */
export function formatNumber(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** A count short enough for the toggle pill: 10k and above in thousands. */
export function formatCount(count: number): string {
  return count >= 10000 ? `${Math.round(count / 1000)}k` : formatNumber(count);
}

function mixSummary(mix: ValueMix): string {
  return CHART_VALUE_LEVELS.map((level) => `${VALUE_LEVEL_NAMES[level]} ${Math.round(mix[level] ?? 0)}%`).join(', ');
}

function drawMixBar(parent: Element, mix: ValueMix, x: number, y: number, width: number, height: number, label: string): void {
  const group = el(parent, 'g', { class: 'rm-mix' });
  title(group, `${label}: ${mixSummary(mix)}`);
  const total = CHART_VALUE_LEVELS.reduce((sum, level) => sum + Math.max(0, mix[level] ?? 0), 0);
  if (total <= 0) {
    el(group, 'rect', { x, y, width, height, fill: '#E5E7EB' });
    return;
  }
  let offset = x;
  for (const level of CHART_VALUE_LEVELS) {
    const share = (Math.max(0, mix[level] ?? 0) / total) * width;
    if (share <= 0) continue;
    el(group, 'rect', {
      x: offset.toFixed(1),
      y,
      width: share.toFixed(1),
      height,
      fill: VALUE_LEVEL_COLORS[level],
      'data-level': level,
    });
    offset += share;
  }
}

/**
 * Builds a card's static content (everything that depends only on the data) into `g`.
 * All styling is presentation attributes, so an exported copy is a standalone SVG.
 * `lod` draws only the coloured block, for far zoom levels.
 */
export function drawCard(g: SVGGElement, node: OrgChartNode, card: Size, lod: boolean): void {
  const { width: w, height: h } = card;
  const gap = node.tacticalGap;
  const hasData = hasDataOf(node);
  el(g, 'rect', {
    class: 'rm-ring',
    x: -5,
    y: -5,
    width: w + 10,
    height: h + 10,
    rx: 12,
    fill: 'none',
    'stroke-width': 4,
    stroke: 'none',
  });
  el(g, 'rect', {
    class: 'rm-card',
    width: w,
    height: h,
    rx: 8,
    fill: hasData ? tacticalGapTint(gap) : NO_DATA_TINT,
    stroke: hasData ? tacticalGapColor(gap) : NO_DATA_COLOR,
    'stroke-width': lod ? 6 : 2,
    ...(node.vacant ? { 'stroke-dasharray': '6 4' } : {}),
  });
  if (node.changed) g.setAttribute('data-changed', 'true');
  else g.removeAttribute('data-changed');
  if (lod) return;

  const pad = 12;
  const inner = w - pad * 2;
  const name = node.vacant ? `Vacant${node.name && node.name.toLowerCase() !== 'vacant' ? ` (${node.name})` : ''}` : node.name;
  el(
    g,
    'text',
    {
      class: 'rm-name',
      x: pad,
      y: 20,
      'font-size': 13,
      'font-weight': 600,
      fill: TEXT_COLOR,
      ...(node.vacant ? { 'font-style': 'italic' } : {}),
    },
    truncate(name, inner, 13),
  );
  el(g, 'text', { class: 'rm-title', x: pad, y: 35, 'font-size': 11, fill: MUTED_TEXT_COLOR }, truncate(node.title, inner, 11));
  const meta = [TIER_SHORT[node.tier] ?? node.tier, node.department].filter(Boolean).join(' \u00b7 ');
  const metaText = el(
    g,
    'text',
    { class: 'rm-meta', x: pad, y: 49, 'font-size': 10, fill: MUTED_TEXT_COLOR },
    truncate(meta, inner, 10),
  );
  title(metaText, `${tierWithSource(node.tier, node.tierSource)}${node.department ? `, ${node.department}` : ''}`);

  if (hasData) drawMixBar(g, node.actualMix, pad, 56, inner, 8, 'Actual time');
  else {
    const empty = el(g, 'g', { class: 'rm-mix rm-mix--no-data' });
    title(empty, 'Actual time: unknown, no responsibilities recorded');
    el(empty, 'rect', { x: pad, y: 56, width: inner, height: 8, fill: 'none', stroke: NO_DATA_COLOR, 'stroke-dasharray': '3 2' });
  }
  drawMixBar(g, node.expectedMix, pad, 66, inner, 3, `Expected for ${TIER_NAMES[node.tier] ?? node.tier}`);

  let bx = pad;
  const by = h - 22;
  for (const [kind, count] of badgeCounts(node.badges)) {
    const meta = BADGES[kind];
    const text = count > 1 ? `${meta.short}\u00d7${count}` : meta.short;
    const bw = 10 + text.length * 6;
    const badge = el(g, 'g', { class: 'rm-badge', 'data-kind': kind, transform: `translate(${bx},${by})` });
    title(badge, `${meta.label}${count > 1 ? ` (${count})` : ''}: ${meta.description}`);
    el(badge, 'rect', { width: bw, height: 14, rx: 7, fill: meta.color });
    el(badge, 'text', { x: bw / 2, y: 10.5, 'font-size': 9, 'font-weight': 700, 'text-anchor': 'middle', fill: '#FFFFFF' }, text);
    bx += bw + 4;
  }
  if (node.changed) {
    const mark = el(g, 'g', { class: 'rm-changed', transform: `translate(${w - 58},6)` });
    title(mark, 'Changed in this scenario');
    el(mark, 'rect', { width: 52, height: 14, rx: 7, fill: '#7C3AED' });
    el(mark, 'text', { x: 26, y: 10.5, 'font-size': 9, 'font-weight': 700, 'text-anchor': 'middle', fill: '#FFFFFF' }, 'CHANGED');
  }
  const gapText = el(
    g,
    'text',
    {
      class: hasData ? 'rm-gap' : 'rm-gap rm-gap--no-data',
      x: w - pad,
      y: h - 11,
      'font-size': 10,
      'text-anchor': 'end',
      fill: hasData ? TEXT_COLOR : MUTED_TEXT_COLOR,
      ...(hasData ? {} : { 'font-style': 'italic' }),
    },
    hasData ? `gap ${Math.round(Math.min(1, Math.max(0, gap || 0)) * 100)}%` : NO_DATA_LABEL,
  );
  title(
    gapText,
    hasData
      ? 'Tactical gap: how far the actual mix sits below the level expected for the tier'
      : 'No responsibilities recorded: the work is unknown, so there is no gap to show',
  );
}

/** Adds the expand/collapse pill under a card; its label is set by applyCardState. */
export function drawToggle(g: SVGGElement, card: Size): void {
  const toggle = el(g, 'g', {
    class: 'rm-toggle',
    transform: `translate(${card.width / 2},${card.height})`,
    'aria-hidden': 'true',
  });
  el(toggle, 'rect', { x: -24, y: -9, width: 48, height: 18, rx: 9, fill: '#374151', stroke: '#FFFFFF', 'stroke-width': 1.5 });
  el(toggle, 'text', { x: 0, y: 4, 'font-size': 10, 'font-weight': 700, 'text-anchor': 'middle', fill: '#FFFFFF' });
}

/**
 * A grey pill beside a collapsed card's toggle: how many of the hidden people have no data, so a
 * team without findings does not read as a healthy one when much of it was never described.
 */
function drawNoDataBelow(toggle: Element, count: number): void {
  const existing = toggle.querySelector(':scope > .rm-nodata-below');
  if (count <= 0) {
    existing?.remove();
    return;
  }
  const text = `${formatCount(count)} no data`;
  const width = 12 + text.length * 5.2;
  const pill = existing ?? el(toggle, 'g', { class: 'rm-nodata-below', transform: 'translate(28,-9)' });
  pill.replaceChildren();
  el(pill, 'rect', { width: width.toFixed(1), height: 18, rx: 9, fill: NO_DATA_TINT, stroke: NO_DATA_COLOR, 'stroke-width': 1 });
  el(pill, 'text', { x: 6, y: 13, 'font-size': 9, 'font-weight': 600, fill: MUTED_TEXT_COLOR }, text);
}

/** Updates the parts of a card that change with interaction (selection, highlight, expansion). */
export function applyCardState(g: SVGGElement, state: CardState): void {
  const ring = g.firstElementChild as SVGRectElement | null;
  if (ring) {
    const color = state.selected ? SELECTED_COLOR : state.highlighted ? HIGHLIGHT_COLOR : 'none';
    ring.setAttribute('stroke', color);
    if (state.highlighted && !state.selected) ring.setAttribute('stroke-dasharray', '8 4');
    else ring.removeAttribute('stroke-dasharray');
  }
  g.classList.toggle('rm-node--selected', state.selected);
  g.classList.toggle('rm-node--highlighted', state.highlighted);
  const toggle = g.querySelector(':scope > .rm-toggle');
  if (state.expanded === null) {
    toggle?.remove();
    return;
  }
  const label = toggle?.querySelector('text');
  if (label) label.textContent = state.loading ? '\u2026' : state.expanded ? '\u2212' : `+${formatCount(state.hiddenCount)}`;
  if (toggle) {
    const hint = state.expanded
      ? 'Collapse'
      : `${formatNumber(state.hiddenCount)} below` +
        (state.hiddenFindings ? `, ${formatNumber(state.hiddenFindings)} open findings among them` : '') +
        (state.hiddenWithoutData ? `, ${formatNumber(state.hiddenWithoutData)} with no data (not checked)` : '');
    const title = toggle.querySelector<SVGTitleElement>(':scope > title') ?? el(toggle, 'title', {});
    title.textContent = hint;
    drawNoDataBelow(toggle, state.expanded || state.loading ? 0 : (state.hiddenWithoutData ?? 0));
  }
  if (state.loading) g.setAttribute('aria-busy', 'true');
  else g.removeAttribute('aria-busy');
}
