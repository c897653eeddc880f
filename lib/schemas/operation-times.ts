import { z } from 'zod';
import { dateSchema, extrasSchema, timeOfDaySchema } from './common';
import { destinationSchema } from './destination';
import { dayRangeProblems, minutesOfDay as minutes, weekdays, type Weekday } from '../weekly-hours';

// Kept in a zod-free module so the schedule editor can render days and check ranges without bundling zod.
export { dayRangeProblems, weekdays, type Weekday } from '../weekly-hours';

/** What the schedule belongs to: PBXware has otimes per tenant, DID, IVR, queue, ring group…; PortSIP per tenant. */
export const scheduleTargetTypes = ['tenant', 'did', 'ivr', 'queue', 'ring_group', 'erg', 'route', 'condition'] as const;
export const scheduleTargetSchema = z.object({
  type: z.enum(scheduleTargetTypes),
  id: z.string(),
  label: z.string().optional(),
});
export type ScheduleTarget = z.infer<typeof scheduleTargetSchema>;

export const timeRangeSchema = z.object({ from: timeOfDaySchema, to: timeOfDaySchema });
export type TimeRange = z.infer<typeof timeRangeSchema>;

export const weeklyScheduleSchema = z
  .object(Object.fromEntries(weekdays.map((d) => [d, z.array(timeRangeSchema)])) as Record<Weekday, z.ZodArray<typeof timeRangeSchema>>)
  .superRefine((week, ctx) => {
    for (const d of weekdays) {
      for (const p of dayRangeProblems(d[0]!.toUpperCase() + d.slice(1), week[d])) {
        ctx.addIssue({ code: 'custom', path: [d, p.index], message: p.message });
      }
    }
  });
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

export const closedPeriodSchema = z
  .object({
    /** Vendor ID where the vendor stores holidays as objects (PortSIP). */
    id: z.string().optional(),
    name: z.string().trim().min(1, 'enter a name').max(80, 'at most 80 characters'),
    from: dateSchema,
    to: dateSchema,
    /** Part of the day only; whole days when absent. */
    timeFrom: timeOfDaySchema.optional(),
    timeTo: timeOfDaySchema.optional(),
    everyYear: z.boolean().default(false),
    /** Where calls go while closed for this period (PBXware). */
    destination: destinationSchema.optional(),
    /** Vendor fields kept for round trips (PortSIP `region`, `consecutive`). */
    extras: extrasSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.to < c.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `${c.name || 'closed period'}: ends ${c.to}, before it starts ${c.from}` });
    if ((c.timeFrom === undefined) !== (c.timeTo === undefined))
      ctx.addIssue({ code: 'custom', path: ['timeTo'], message: 'give both a start and an end time, or neither' });
    if (c.timeFrom && c.timeTo && c.from === c.to && minutes(c.timeFrom) >= minutes(c.timeTo))
      ctx.addIssue({ code: 'custom', path: ['timeTo'], message: `${c.name || 'closed period'}: ${c.timeFrom}–${c.timeTo} ends before it starts` });
  });
export type ClosedPeriod = z.infer<typeof closedPeriodSchema>;

export const operationTimesSchema = z
  .object({
    tenantId: z.string(),
    target: scheduleTargetSchema,
    /** PBXware: on / off / inherit (from the tenant). */
    status: z.enum(['on', 'off', 'inherit']).default('on'),
    timezone: z.string().optional(),
    weekly: weeklyScheduleSchema,
    closed: z.array(closedPeriodSchema),
    /** Where calls go outside open hours. */
    closedDestination: destinationSchema.optional(),
    greeting: z.string().optional(),
    /** Whether the vendor lets us write this schedule (MiRTA conditions are read-only). */
    writable: z.boolean().default(true),
    extras: extrasSchema.default({}),
  })
  .superRefine((o, ctx) => {
    // Two holidays covering the same days would leave it unclear which destination wins.
    const sorted = o.closed.map((c, i) => ({ c, i })).sort((a, b) => a.c.from.localeCompare(b.c.from));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!.c;
      const cur = sorted[k]!;
      if (!cur.c.timeFrom && !prev.timeFrom && cur.c.from <= prev.to)
        ctx.addIssue({ code: 'custom', path: ['closed', cur.i, 'from'], message: `${cur.c.name} (${cur.c.from}…${cur.c.to}) overlaps ${prev.name} (${prev.from}…${prev.to})` });
    }
  });
export type OperationTimes = z.infer<typeof operationTimesSchema>;

export const emptyWeek = (): WeeklySchedule => ({ monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] });
