/**
 * Every PortSIP example, verbatim. The first five are the PortSIP blocks of vendor-matrix §3 (copied byte for
 * byte, fused page text included); the rest are the request/response samples of seed 002 that §3 does not
 * repeat (from the request line to the end of its JSON body). Tests pull the JSON bodies out with `jsonBodies`.
 */

/** PortSIP — cdr_event / extension_event inside GET/POST /api/tenant (§3.1, 002:L129-144) */
export const cdrEventFragment = `  "cdr_event": {
    "enabled": false,
    "auth": "DISABLE",
    "username": "text",
    "password": "text",
    "token": "text",
    "url": "text"
  },
  "extension_event": {
    "enabled": false,
    "auth": "DISABLE",
    "username": "text",
    "password": "text",
    "token": "text",
    "url": "text"
  },`;

/** PortSIP — GET /api/tenant/status (§3.2, 002:L327-351) */
export const tenantStatus = `Get status of current tenant.
OK
Error
GET /api/tenant/status HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Accept: */*
{
  "version": "text",
  "licensed_users": 1,
  "current_users": 1,
  "online_users": 1,
  "current_calls": 1,
  "current_queues": 1,
  "current_conference_rooms": 1,
  "current_ring_groups": 1,
  "current_ivrs": 1,
  "current_trunks": 1,
  "calls_in_24_hours": [
    {
      "time": "2017-07-21T17:32:28Z",
      "count": 1
    }
  ]
}Retrieve details of tenant password policy.`;

/** PortSIP — holidays CRUD (§3.5, 002:L477-627) */
export const holidaysCrud = `Retrieve a collection of holiday entries.
Use the filter query parameter to retrieve just a subset of a collection.
Use the search query parameter to restrict the results of a request to match a search criterion.
Use the orderby query parameter to specify the sort order of the items returned from server.
The default order is ascending order.
Use the skip query parameter to set the number of items to skip at the start of a collection.
0Use the top query parameter to specify the page size of the result set.
100OK
Error
GET /api/holidays HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Accept: */*
{
  "count": 100,
  "items": [
    {
      "id": "NzAwNTUxOTA5NzczMTQ4MTYw",
      "name": "text",
      "region": "text",
      "consecutive": true,
      "every_year": true,
      "year_start": 1,
      "year_end": 1,
      "month_start": 1,
      "month_end": 1,
      "day_start": 1,
      "day_end": 1,
      "hour_start": 1,
      "hour_end": 1,
      "minute_start": 1,
      "minute_end": 1
    }
  ]
}Create a new holiday
The name of the holiday.
A valid country code based on iso3166-1 alpha-3 standard. see: https://www.iso.org/iso-3166-country-codes.html
Whether the holiday consists of consecutive days.
Does the holiday take effect every year.
The start year of holiday.
The start year of holiday.
The start month of holiday.
The end month of holiday.
The start day of holiday.
The end day of holiday.
The start hour of holiday.
The end hour of holiday.
The start minute of holiday.
The end minute of holiday.
Created
Error
POST /api/holidays HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Content-Type: application/json
Accept: */*
Content-Length: 212
{
  "name": "text",
  "region": "text",
  "consecutive": true,
  "every_year": true,
  "year_start": 1,
  "year_end": 1,
  "month_start": 1,
  "month_end": 1,
  "day_start": 1,
  "day_end": 1,
  "hour_start": 1,
  "hour_end": 1,
  "minute_start": 1,
  "minute_end": 1
}{
  "id": "NzAwNTUxOTA5NzczMTQ4MTYw"
}The unique ID of holiday.
The unique ID of the resource.
NzAwNTUxOTA5NzczMTQ4MTYwOK
Error
GET /api/holidays/{id} HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Accept: */*
{
  "id": "NzAwNTUxOTA5NzczMTQ4MTYw",
  "name": "text",
  "region": "text",
  "consecutive": true,
  "every_year": true,
  "year_start": 1,
  "year_end": 1,
  "month_start": 1,
  "month_end": 1,
  "day_start": 1,
  "day_end": 1,
  "hour_start": 1,
  "hour_end": 1,
  "minute_start": 1,
  "minute_end": 1
}Update a holiday that already exists.
The unique ID of holiday.
The unique ID of the resource.
NzAwNTUxOTA5NzczMTQ4MTYwThe name of the holiday.
A valid country code based on iso3166-1 alpha-3 standard. see: https://www.iso.org/iso-3166-country-codes.html
Whether the holiday consists of consecutive days.
Does the holiday take effect every year.
The start year of holiday.
The start year of holiday.
The start month of holiday.
The end month of holiday.
The start day of holiday.
The end day of holiday.
The start hour of holiday.
The end hour of holiday.
The start minute of holiday.
The end minute of holiday.
OK
No content
Error
POST /api/holidays/{id} HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Content-Type: application/json
Accept: */*
Content-Length: 212
{
  "name": "text",
  "region": "text",
  "consecutive": true,
  "every_year": true,
  "year_start": 1,
  "year_end": 1,
  "month_start": 1,
  "month_end": 1,
  "day_start": 1,
  "day_end": 1,
  "hour_start": 1,
  "hour_end": 1,
  "minute_start": 1,
  "minute_end": 1
}No content
Destroy a certain holiday entry.
The unique ID of holiday.
The unique ID of the resource.
NzAwNTUxOTA5NzczMTQ4MTYwNo Content
No content
Invalid rule ID supplied.
POST /api/holidays/{id}/destroy HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Accept: */*
No content`;

/** PortSIP — office_hours inside GET /api/tenant (same shape in POST) (§3.5, 002:L46-110) */
export const officeHoursFragment = `  "office_hours": {
    "monday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "tuesday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "wednesday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "thursday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "friday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "saturday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "sunday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    }
  },`;

/** PortSIP — balance recharge (§3.5, 002:L397-410) */
export const balanceRecharge = `Recharge into the tenant's account.
User balance. Precision is five digits.
OK
No content
Error
POST /api/tenant/balance HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Content-Type: application/json
Accept: */*
Content-Length: 13
{
  "balance": 1
}No content`;

/** seed 002: GET /api/tenant HTTP/1.1 */
export const tenantGet = `GET /api/tenant HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Accept: */*
{
  "id": "NzAwNTUxOTA5NzczMTQ4MTYw",
  "name": "text",
  "domain": "text",
  "website": "text",
  "timezone": "text",
  "currency": "USD",
  "region": "text",
  "enable_video_recording": false,
  "enable_audio_recording": false,
  "enable_dual_track_recording": false,
  "enable_billing": false,
  "enable_feature_billing": false,
  "enable_feature_call_statistics": true,
  "enable_feature_contact_center": true,
  "enable_feature_message_channels": true,
  "enable_feature_microsoft_teams": true,
  "enable_feature_trunks": true,
  "enable_feature_whats_app": true,
  "enable_night_mode": false,
  "enable_two_factor_authentication": false,
  "custom_options": "text",
  "max_extensions": 1000,
  "max_concurrent_calls": 20,
  "max_ring_groups": 20,
  "max_virtual_receptionists": 20,
  "max_call_queues": 20,
  "max_conference_rooms": 20,
  "disk_quota": "",
  "used_disk_quota": "text",
  "im_disk_quota": "",
  "extension_im_disk_quota": "1GB",
  "recording_retention": 180,
  "call_report_retention": 30,
  "log_retention": 180,
  "temp_file_retention": 30,
  "office_hours": {
    "monday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "tuesday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "wednesday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "thursday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "friday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "saturday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "sunday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    }
  },
  "outbound_caller_ids": [
    {
      "provider_id": "NzAwNTUxOTA5NzczMTQ4MTYw",
      "caller_id": "text",
      "description": "text"
    }
  ],
  "e164": {
    "enabled": false,
    "international_code": "text",
    "country": "Angola(244)",
    "area_code": "text",
    "national_code": "text",
    "prefix": "text",
    "remove_special_chars": false,
    "remove_duplicate_countries": true,
    "remove_duplicate_area_codes": true
  },
  "cdr_event": {
    "enabled": false,
    "auth": "DISABLE",
    "username": "text",
    "password": "text",
    "token": "text",
    "url": "text"
  },
  "extension_event": {
    "enabled": false,
    "auth": "DISABLE",
    "username": "text",
    "password": "text",
    "token": "text",
    "url": "text"
  },
  "contact_match_type": "MATCH_EXACTLY",
  "contact_match_length": 1,
  "contact_append_type": "APPEND",
  "contact_update_interval": 720,
  "password_force_reset": false,
  "avatar_file_name": "text",
  "avatar_file_size": 0,
  "avatar_file_url": "/api/blobs/WexWdABcd5D4PDgzTKV3gAAAEu00WcK",
  "stir_shaken_cert": "text",
  "stir_shaken_key": "text"
}`;

/** seed 002: POST /api/tenant HTTP/1.1 */
export const tenantPost = `POST /api/tenant HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Content-Type: application/json
Accept: */*
Content-Length: 1727
{
  "name": "text",
  "domain": "text",
  "website": "text",
  "timezone": "text",
  "currency": "USD",
  "region": "text",
  "enable_video_recording": false,
  "enable_audio_recording": false,
  "enable_dual_track_recording": false,
  "enable_night_mode": false,
  "enable_two_factor_authentication": false,
  "custom_options": "text",
  "recording_retention": 180,
  "call_report_retention": 30,
  "log_retention": 180,
  "temp_file_retention": 30,
  "extension_im_disk_quota": "1GB",
  "office_hours": {
    "monday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "tuesday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "wednesday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "thursday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "friday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "saturday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    },
    "sunday": {
      "enabled": true,
      "ranges": [
        {
          "from": "09:00",
          "to": "17:00"
        }
      ]
    }
  },
  "outbound_caller_ids": [
    {
      "provider_id": "NzAwNTUxOTA5NzczMTQ4MTYw",
      "caller_id": "text",
      "description": "text"
    }
  ],
  "e164": {
    "enabled": false,
    "international_code": "text",
    "country": "Angola(244)",
    "area_code": "text",
    "national_code": "text",
    "prefix": "text",
    "remove_special_chars": false,
    "remove_duplicate_countries": true,
    "remove_duplicate_area_codes": true
  },
  "cdr_event": {
    "enabled": false,
    "auth": "DISABLE",
    "username": "text",
    "password": "text",
    "token": "text",
    "url": "text"
  },
  "extension_event": {
    "enabled": false,
    "auth": "DISABLE",
    "username": "text",
    "password": "text",
    "token": "text",
    "url": "text"
  },
  "contact_match_type": "MATCH_EXACTLY",
  "contact_match_length": 1,
  "contact_append_type": "APPEND",
  "contact_update_interval": 720,
  "password_force_reset": false,
  "avatar_file_id": "NzAwNTUxOTA5NzczMTQ4MTYw",
  "stir_shaken_cert": "text",
  "stir_shaken_key": "text"
}`;

/** seed 002: GET /api/tenant/password_policy HTTP/1.1 */
export const passwordPolicyGet = `GET /api/tenant/password_policy HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Accept: */*
{
  "min_length": 6,
  "max_length": 32,
  "contains_letters": true,
  "contains_numbers": true,
  "contains_special_letters": true,
  "disable_sequential_characters": true,
  "disable_repeating_characters": true,
  "disable_account_information": true
}`;

/** seed 002: POST /api/tenant/password_policy HTTP/1.1 */
export const passwordPolicyPost = `POST /api/tenant/password_policy HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Content-Type: application/json
Accept: */*
Content-Length: 220
{
  "min_length": 6,
  "max_length": 32,
  "contains_letters": true,
  "contains_numbers": true,
  "contains_special_letters": true,
  "disable_sequential_characters": true,
  "disable_repeating_characters": true,
  "disable_account_information": true
}`;

/** seed 002: GET /api/tenant/custom_headers HTTP/1.1 */
export const customHeadersGet = `GET /api/tenant/custom_headers HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Accept: */*
{
  "add": [
    {
      "name": "text",
      "value": "text",
      "scope": "TRUNK"
    }
  ],
  "relay": [
    {
      "name": "text",
      "scope": "TRUNK"
    }
  ]
}`;

/** seed 002: POST /api/tenant/custom_headers HTTP/1.1 */
export const customHeadersPost = `POST /api/tenant/custom_headers HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Content-Type: application/json
Accept: */*
Content-Length: 98
{
  "add": [
    {
      "name": "text",
      "value": "text",
      "scope": "TRUNK"
    }
  ],
  "relay": [
    {
      "name": "text",
      "scope": "TRUNK"
    }
  ]
}`;

/** seed 002: POST /api/voicemail HTTP/1.1 */
export const voicemailPost = `POST /api/voicemail HTTP/1.1
Host: HOSTNAME:8887
Authorization: Bearer YOUR_SECRET_TOKEN
Content-Type: application/json
Accept: */*
Content-Length: 60
{
  "extension_number": "text",
  "retain_days": 30,
  "min_seconds": 1
}`;
