/** "2025Q3": the only form of a date of service a report keeps. */
export function yearQuarter(year: number, quarter: number): string {
  return `${year}Q${quarter}`;
}

/** The calendar quarter (1-4) of a date, in UTC. */
export function quarterOf(date: Date): { year: number; quarter: number } {
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

/** True when year/quarter is after the quarter `today` falls in. */
export function isFutureQuarter(year: number, quarter: number, today: Date): boolean {
  const now = quarterOf(today);
  return year > now.year || (year === now.year && quarter > now.quarter);
}
