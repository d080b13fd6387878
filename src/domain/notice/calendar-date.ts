/**
 * Calendar dates as the disclosure pages show them: `YYYY-MM-DD`, no time, no zone.
 * Kept as strings end to end so that no time-zone shift can move a 发布日期 by a day.
 */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date in `YYYY-MM-DD` form: `2024-02-29` yes, `2022-02-30` no. */
export function isCalendarDate(value: string): value is CalendarDate {
  const match = SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** True when the text has the `YYYY-MM-DD` shape, real date or not. */
export function hasDateShape(value: string): boolean {
  return SHAPE.test(value);
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/**
 * YAML parsers outside our control (Astro's uses js-yaml) turn unquoted dates into
 * `Date` objects; bring them back to `YYYY-MM-DD` (UTC, as js-yaml reads them).
 */
export function toDateText(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

/** `2024年3月1日`, the way Chinese disclosure pages write dates in prose. */
export function formatChineseDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
