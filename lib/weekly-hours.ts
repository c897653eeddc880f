/**
 * Weekdays and the per-day range check, without zod: the schedule editor renders these in the browser.
 * `lib/schemas/operation-times` re-exports them and runs `dayRangeProblems` inside its schema.
 */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** Minutes since midnight of an "HH:MM" time. */
export const minutesOfDay = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Reversed or overlapping ranges within one day, described for the user. Shared by the form and the action. */
export function dayRangeProblems(day: string, ranges: { from: string; to: string }[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  ranges.forEach((r, i) => {
    if (minutesOfDay(r.from) >= minutesOfDay(r.to)) problems.push({ index: i, message: `${day}: ${r.from}–${r.to} ends before it starts` });
  });
  const sorted = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => minutesOfDay(a.from) - minutesOfDay(b.from));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (minutesOfDay(cur.from) < minutesOfDay(prev.to))
      problems.push({ index: cur.i, message: `${day}: ${cur.from}–${cur.to} overlaps ${prev.from}–${prev.to}` });
  }
  return problems;
}
