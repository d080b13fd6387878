/**
 * Dates and times as an office in China reads them, whatever the computer's time zone (CI
 * machines and cloud servers often run in UTC).
 */
export interface ChinaTimeParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The date and time in Asia/Shanghai, each part zero-padded: `{ year: '2026', month: '12', … }`. */
export function chinaTimeParts(date: Date): ChinaTimeParts {
  const part = Object.fromEntries(FORMAT.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: part.year!,
    month: part.month!,
    day: part.day!,
    hour: part.hour!,
    minute: part.minute!,
    second: part.second!,
  };
}
