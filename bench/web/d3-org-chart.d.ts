// d3-org-chart ships no types; the bench only drives its chainable setters.
declare module 'd3-org-chart' {
  export class OrgChart {
    [setter: string]: any;
  }
}
