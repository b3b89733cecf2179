// d3-drag ships without types and @types/d3-drag is not installed: the part the chart uses.
declare module 'd3-drag' {
  import type { Selection } from 'd3-selection';

  export interface D3DragEvent<Datum> {
    x: number;
    y: number;
    dx: number;
    dy: number;
    subject: { x: number; y: number };
    sourceEvent: Event;
    type: 'start' | 'drag' | 'end';
    datum?: Datum;
  }

  export interface DragBehavior<GElement extends Element, Datum> {
    (selection: Selection<GElement, Datum, any, any>): void;
    filter(filter: (this: GElement, event: any, d: Datum) => boolean): this;
    subject(subject: (this: GElement, event: any, d: Datum) => { x: number; y: number }): this;
    clickDistance(distance: number): this;
    on(typenames: string, listener: ((this: GElement, event: D3DragEvent<Datum>, d: Datum) => void) | null): this;
  }

  export function drag<GElement extends Element, Datum>(): DragBehavior<GElement, Datum>;
}
