import type { CSSProperties } from 'react';
import type { OrgChartNode } from './types';

export type OrgChartBreadcrumbProps = {
  /** From the top of the org down to the selected node (OrgChart.ancestorsOf). */
  trail: readonly OrgChartNode[];
  onSelect?: (id: string) => void;
  className?: string;
  style?: CSSProperties;
};

const listStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 4,
  listStyle: 'none',
  margin: 0,
  padding: 0,
  fontSize: 13,
};
const buttonStyle: CSSProperties = {
  background: 'none',
  border: 'none',
  padding: '2px 4px',
  color: '#1D4ED8',
  textDecoration: 'underline',
  cursor: 'pointer',
  font: 'inherit',
};

export function OrgChartBreadcrumb({ trail, onSelect, className, style }: OrgChartBreadcrumbProps) {
  if (trail.length === 0) return null;
  return (
    <nav aria-label="Reporting line" className={className} style={style}>
      <ol style={listStyle}>
        {trail.map((node, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={node.id} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
              {last ? (
                <span aria-current="location" style={{ padding: '2px 4px', fontWeight: 600, color: '#111827' }}>
                  {node.name}
                </span>
              ) : (
                <button type="button" style={buttonStyle} onClick={() => onSelect?.(node.id)} title={node.title}>
                  {node.name}
                </button>
              )}
              {!last && (
                <span aria-hidden="true" style={{ color: '#6B7280' }}>
                  ›
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
