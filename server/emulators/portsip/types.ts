/** Shapes the PortSIP emulator stores and serves, field for field as in the seed document (002). */

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export interface WireRange {
  from: string;
  to: string;
}
export type WireOfficeHours = Record<Weekday, { enabled: boolean; ranges: WireRange[] }>;

export interface WireEventHook {
  enabled: boolean;
  auth: string;
  username: string;
  password: string;
  token: string;
  url: string;
}

/** GET /api/tenant (002:L10-152). */
export interface WireTenant {
  id: string;
  name: string;
  domain: string;
  website: string;
  timezone: string;
  currency: string;
  region: string;
  enable_video_recording: boolean;
  enable_audio_recording: boolean;
  enable_dual_track_recording: boolean;
  enable_billing: boolean;
  enable_feature_billing: boolean;
  enable_feature_call_statistics: boolean;
  enable_feature_contact_center: boolean;
  enable_feature_message_channels: boolean;
  enable_feature_microsoft_teams: boolean;
  enable_feature_trunks: boolean;
  enable_feature_whats_app: boolean;
  enable_night_mode: boolean;
  enable_two_factor_authentication: boolean;
  custom_options: string;
  max_extensions: number;
  max_concurrent_calls: number;
  max_ring_groups: number;
  max_virtual_receptionists: number;
  max_call_queues: number;
  max_conference_rooms: number;
  disk_quota: string;
  used_disk_quota: string;
  im_disk_quota: string;
  extension_im_disk_quota: string;
  recording_retention: number;
  call_report_retention: number;
  log_retention: number;
  temp_file_retention: number;
  office_hours: WireOfficeHours;
  outbound_caller_ids: { provider_id: string; caller_id: string; description: string }[];
  e164: {
    enabled: boolean;
    international_code: string;
    country: string;
    area_code: string;
    national_code: string;
    prefix: string;
    remove_special_chars: boolean;
    remove_duplicate_countries: boolean;
    remove_duplicate_area_codes: boolean;
  };
  cdr_event: WireEventHook;
  extension_event: WireEventHook;
  contact_match_type: string;
  contact_match_length: number;
  contact_append_type: string;
  contact_update_interval: number;
  password_force_reset: boolean;
  avatar_file_name: string;
  avatar_file_size: number;
  avatar_file_url: string;
  stir_shaken_cert: string;
  stir_shaken_key: string;
}

/** A holiday entry (002:L493-508); every date/time part is an integer. */
export interface WireHoliday {
  id: string;
  name: string;
  region: string;
  consecutive: boolean;
  every_year: boolean;
  year_start: number;
  year_end: number;
  month_start: number;
  month_end: number;
  day_start: number;
  day_end: number;
  hour_start: number;
  hour_end: number;
  minute_start: number;
  minute_end: number;
}
