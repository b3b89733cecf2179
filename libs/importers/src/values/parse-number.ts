/**
 * Reads a number as spreadsheets and European CSVs write it: "4", "4.5", "4,5"
 * (decimal comma), "1,234.5" (thousands). Returns null when it is not a number.
 */
export function parseNumber(text: string): number | null {
  const value = text.trim().replace(/\s+/g, '');
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return Number(value);
  if (/^[-+]?\d+,\d+$/.test(value)) return Number(value.replace(',', '.'));
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) return Number(value.replace(/,/g, ''));
  if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(value)) return Number(value.replace(/\./g, '').replace(',', '.'));
  return null;
}

/** "25%" → 25 percent; "25" stays 25. `percent` says whether a % sign was there. */
export function parsePercentOrNumber(text: string): { value: number; percent: boolean } | null {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = parseNumber(percent ? trimmed.slice(0, -1) : trimmed);
  return value === null ? null : { value, percent };
}

/**
 * A duration in years: "3", "2.5", or Workday's "3 year(s), 2 month(s)".
 * Returns null when it is not a duration.
 */
export function parseYears(text: string): number | null {
  const plain = parseNumber(text);
  if (plain !== null) return plain;
  const match =
    /^\s*(?:(\d+)\s*(?:years?|yrs?|year\(s\)|y))?[\s,]*(?:(\d+)\s*(?:months?|mos?|month\(s\)|m))?[\s,]*(?:(\d+)\s*(?:days?|day\(s\)|d))?\s*$/i.exec(
      text,
    );
  if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) return null;
  return Number(match[1] ?? 0) + Number(match[2] ?? 0) / 12 + Number(match[3] ?? 0) / 365.25;
}
