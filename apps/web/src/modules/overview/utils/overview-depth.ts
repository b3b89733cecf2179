/** Levels of the chart the overview opens with. */
export const OVERVIEW_DEPTH = 2;
