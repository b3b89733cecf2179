/**
 * What the drawing code needs to know about the pass it runs in. The layout pass records where
 * each table-of-contents entry starts; the final pass prints those page numbers, reports
 * progress and waits for the output stream when it falls behind.
 */
export interface PdfPass {
  /** Page of a contents entry as laid out in the layout pass; null during that pass. */
  entryPage(index: number): number | null;
  /** Records the page an entry starts on. */
  startEntry(index: number, page: number): void;
  /**
   * How compactly a unit was laid out: the layout pass tries a role at growing compactness until
   * it fits its pages (null there); the final pass draws it as laid out.
   */
  fitOf(index: number): number | null;
  recordFit(index: number, fit: number): void;
  /** Called after each unit (role, leader, section) is drawn. */
  roleDone(): Promise<void>;
}
