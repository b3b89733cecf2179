/** Look of every PDF report: A4, DejaVu Sans, a navy accent and the Okabe-Ito colour-blind-safe palette. */
export const PAGE = {
  size: 'A4' as const,
  width: 595.28,
  height: 841.89,
  marginTop: 68,
  marginBottom: 62,
  marginLeft: 56,
  marginRight: 56,
};
export const CONTENT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
export const CONTENT_BOTTOM = PAGE.height - PAGE.marginBottom;

export { FONT } from './pdf-fonts';

export const COLOR = {
  ink: '#1F2933',
  muted: '#52606D',
  faint: '#9AA5B1',
  rule: '#CBD2D9',
  hairline: '#E4E7EB',
  accent: '#1F3B57',
  accentTint: '#E6ECF2',
  zebra: '#F5F7FA',
  noteFill: '#FFF8E6',
  noteBar: '#E69F00',
  white: '#FFFFFF',
  // Okabe-Ito: told apart under every common colour-vision deficiency.
  expected: '#0072B2',
  actual: '#E69F00',
  outside: '#D55E00',
  within: '#009E73',
};

export const SEVERITY_COLOR: Record<'High' | 'Medium' | 'Low', string> = {
  High: '#D55E00',
  Medium: '#E69F00',
  Low: '#56B4E9',
};

/** "2026-11-01" → "1 November 2026". */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${Number(match[3])} ${months[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}
