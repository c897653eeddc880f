import { describe, expect, it } from 'vitest';
import { emptyWeek, operationTimesSchema } from './operation-times';

const base = () => ({ tenantId: '2', target: { type: 'tenant' as const, id: '2' }, weekly: emptyWeek(), closed: [] as unknown[] });
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe('operation times validation', () => {
  it('refuses reversed and overlapping open ranges, saying which', () => {
    const week = emptyWeek();
    week.monday = [
      { from: '09:00', to: '12:00' },
      { from: '11:30', to: '17:00' },
    ];
    week.tuesday = [{ from: '18:00', to: '08:00' }];
    const msgs = messages(operationTimesSchema.safeParse({ ...base(), weekly: week }));
    expect(msgs).toContain('Monday: 11:30–17:00 overlaps 09:00–12:00');
    expect(msgs).toContain('Tuesday: 18:00–08:00 ends before it starts');
  });
  it('refuses a holiday that ends before it starts and overlapping holidays', () => {
    const msgs = messages(
      operationTimesSchema.safeParse({
        ...base(),
        closed: [
          { name: 'Winter break', from: '2026-12-24', to: '2026-12-31' },
          { name: 'New Year', from: '2026-12-31', to: '2027-01-01' },
          { name: 'Typo', from: '2026-05-02', to: '2026-05-01' },
        ],
      }),
    );
    expect(msgs).toContain('New Year (2026-12-31…2027-01-01) overlaps Winter break (2026-12-24…2026-12-31)');
    expect(msgs).toContain('Typo: ends 2026-05-01, before it starts 2026-05-02');
  });
  it('accepts several ranges a day and a whole-day holiday', () => {
    const week = emptyWeek();
    week.friday = [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '24:00' },
    ];
    expect(operationTimesSchema.safeParse({ ...base(), weekly: week, closed: [{ name: 'Day off', from: '2026-06-01', to: '2026-06-01' }] }).success).toBe(true);
  });
});
