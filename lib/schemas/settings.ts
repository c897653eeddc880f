import { z } from 'zod';
import { fieldSpecSchema } from './form-spec';

/** Vendor tenant settings shown on a settings view (PortSIP password policy, voicemail server…). */
export const settingsSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  fields: z.array(fieldSpecSchema),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** false when the vendor only lets us write, not read (the form starts empty). */
  readable: z.boolean().default(true),
});
export type SettingsSection = z.infer<typeof settingsSectionSchema>;
