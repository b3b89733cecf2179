import type { CSSProperties } from 'react';
import {
  BADGES,
  BADGE_KINDS,
  CHART_VALUE_LEVELS,
  NO_DATA_COLOR,
  NO_DATA_TINT,
  TACTICAL_GAP_STOPS,
  VALUE_LEVEL_COLORS,
  VALUE_LEVEL_NAMES,
} from '@rolemap/org-chart-layout';

export type OrgChartLegendProps = {
  className?: string;
  style?: CSSProperties;
};

const sectionStyle: CSSProperties = { fontSize: 12, color: '#111827', display: 'grid', gap: 10 };
const rowStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 12,
  alignItems: 'center',
  margin: 0,
  padding: 0,
  listStyle: 'none',
};
const headingStyle: CSSProperties = { fontSize: 12, fontWeight: 600, margin: '0 0 4px' };

/** Explains card colours, bars and badges; uses the same constants as the chart so they cannot drift apart. */
export function OrgChartLegend({ className, style }: OrgChartLegendProps) {
  const gradient = `linear-gradient(to right, ${TACTICAL_GAP_STOPS.map(([stop, color]) => `${color} ${stop * 100}%`).join(', ')})`;
  return (
    <section aria-label="Chart legend" className={className} style={{ ...sectionStyle, ...style }}>
      <div>
        <h3 style={headingStyle}>Value-level mix</h3>
        <ul style={rowStyle}>
          {CHART_VALUE_LEVELS.map((level) => (
            <li key={level} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
              <span
                aria-hidden="true"
                style={{ width: 14, height: 10, background: VALUE_LEVEL_COLORS[level], display: 'inline-block' }}
              />
              {VALUE_LEVEL_NAMES[level]}
            </li>
          ))}
        </ul>
        <p style={{ margin: '4px 0 0', color: '#374151' }}>
          Thick bar: actual share of time. Thin bar under it: share expected for the tier.
        </p>
      </div>
      <div>
        <h3 style={headingStyle}>Tactical gap (card border and background)</h3>
        <div aria-hidden="true" style={{ height: 10, maxWidth: 240, background: gradient, borderRadius: 3 }} />
        <div style={{ display: 'flex', justifyContent: 'space-between', maxWidth: 240, color: '#374151' }}>
          <span>0%: works at level</span>
          <span>100%: far below level</span>
        </div>
        <p style={{ margin: '6px 0 0', color: '#374151', display: 'flex', alignItems: 'center', gap: 6 }}>
          <span
            aria-hidden="true"
            style={{
              width: 22,
              height: 12,
              background: NO_DATA_TINT,
              border: `2px solid ${NO_DATA_COLOR}`,
              borderRadius: 3,
              display: 'inline-block',
            }}
          />
          Grey, &ldquo;no data&rdquo;: no responsibilities recorded, so the work is unknown (not a gap of 0%). &ldquo;N no
          data&rdquo; beside +N: people below without any.
        </p>
      </div>
      <div>
        <h3 style={headingStyle}>Findings</h3>
        <ul style={{ ...rowStyle, display: 'grid', gap: 4 }}>
          {BADGE_KINDS.map((kind) => (
            <li key={kind} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <span
                style={{
                  background: BADGES[kind].color,
                  color: '#FFFFFF',
                  borderRadius: 7,
                  padding: '0 6px',
                  fontSize: 10,
                  fontWeight: 700,
                }}
              >
                {BADGES[kind].short}
              </span>
              <span>
                <strong>{BADGES[kind].label}</strong>: {BADGES[kind].description}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p style={{ margin: 0, color: '#374151' }}>
        Dashed border: vacant position. +N under a card: people hidden below it (click, or press + / − on a focused card).
      </p>
    </section>
  );
}
