/**
 * Every PBXware example of vendor-matrix.md §3, copied verbatim (trailing spaces, trailing commas, missing commas
 * and broken fragments included), for `examples.test.ts`. Generated from the matrix; do not edit by hand.
 */

/** 004:L99-105 */
export const GENERIC_REQUEST = `GET /?apikey=my.secret.apikey&action=pbxware.did.list HTTP/1.0
Host: pbxware.local
User-Agent: Mozilla/5.0`;

/** 004:L5922-6141 */
export const CDR_DOWNLOAD_RESPONSE = `{  
    "success": "Success.",  
    "next_page": false,  
    "limit": 16,  
    "records": 2,  
    "header": [  
        "From",  
        "To",  
        "Date/Time",  
        "Total Duration",  
        "Rating Duration",  
        "Rating Cost",  
        "Status",  
        "Unique ID",  
        "Recording Path",  
        "Recording Available",  
        "Location Type",  
        "MOS"  
    ],  
    "csv": [  
        [  
            "Test (1000)",  
            "Test (1002)",  
            "1246462678",  
            "6",  
            "6",  
            "1.00000",  
            "Answered",  
            "1368458822.12",  
            "path/to/archived/recording/file.mp3",  
            "True",  
            "Remote",  
            4.4  
        ],  
        [  
            "107",  
            "Test (1000)",  
            "1246439020",  
            "6",  
            "6",  
            "1.00000",  
            "Answered",  
            "1368458822.12",  
            "path/to/archived/recording/file.mp3",  
            "True",  
            "Remote",  
            4.4  
        ]  
    ]  
}`;

/** 004:L5922-6141 */
export const CDR_DOWNLOAD_FRAGMENT = `        "1",
        "1.00000",
        "Answered",
        "1368458765.9",
        "path/to/archived/recording/file.mp3",
        "True",
        "Remote",
        4.4
    ]
}
}`;

/** 004:L6143-6160 */
export const CDR_BILLAMOUNT_RESPONSE = `{
  "billamount": 8
}`;

/** 004:L9245-9279 */
export const MONITOR_LIVE_CALLS_RESPONSE = `{  
    "1675644925.2": {  
        "from": "User1 (203)",  
        "to": "User2 (210)",  
        "timestamp": "12334",  
    }  
}`;

/** 004:L445-481 */
export const DASHBOARD_CALLS_RESPONSE = `{  
    "now": 0,  
    "last hour": 6,  
    "today": 6,  
    "answared calls": 6  
}`;

/** 004:L9189-9243 */
export const MONITOR_LIST_RESPONSE = `{  
  "123": {  
    "name": "User 530",  
    "ext": "530",  
    "ip": "192.168.1.2",  
    "status": "online",  
    "ua": "Yealink T41",  
    "dnd": "false",  
    "on_call": "true",  
  }  
}`;

/** 004:L351-441 */
export const DASHBOARD_EXT_ONLINE_RESPONSE = `{  
    "type": "Extensions Online",  
    "count": 1,  
}`;

/** 004:L351-441 */
export const DASHBOARD_SERVICES_RESPONSE = `{  
    "PBXware": "running",  
    "PBXware service": "running",  
    "PBXware proxy": "running",  
    "Push notification": "running",  
    "Chat server": "running",  
    "Memcached": "running"  
}`;

/** 004:L351-441 */
export const DASHBOARD_SIP_REGISTRATIONS_RESPONSE = `{  
    "SIP Registrations": {  
        "success": 4,  
        "failed": 0,  
        "lagged": 0  
    }  `;

/** 004:L1563-1615 */
export const EXT_ADD_RESPONSE = `{  
    "success": "Extension ID: 10",  
    "id": "10",  
    "ext": 100  
}`;

/** 004:L1563-1615 */
export const EXT_EDIT_RESPONSE = `{  
    "success": "Extension ID: 10",  
    "id": "10",  
    "ext": 100  
}`;

/** 004:L1563-1615 */
export const EXT_DELETE_RESPONSE = `{  
    "success": "Deleted Extension ID 10 successfully."  
}`;

/** 004:L818-858 */
export const EXT_LIST_RESPONSE = `
{
  "1": {
    "name": "User 530",
    "email": "name@provider.com",
    "protocol": "sip",
    "ext": "530",
    "location": "local",
    "ua_id": "50",
    "ua_name": "generic_sip",
    "ua_fullname": "Generic SIP",
    "status": "enabled",
    "macaddress": "",
      "sn": "",
    "linenum": "10",
      "user_location": "Location",
      "department": "4,6"
  },
  "53": {
    "name": "User 100",
    "email": "name1@provider.com",
    "protocol": "iax",
    "ext": "100",
    "location": "local",
    "ua_id": "52",
    "ua_name": "custom_generic_iax",
    "ua_fullname": "Generic IAX",
    "status": "enabled",
    "macaddress": "123456789abc",
      "sn": "123ab789cdef",
    "linenum": "15",
      "user_location": "Location"
      "department": "1"
  }
}
`;

/** 004:L955-1031 */
export const EXT_CONFIGURATION_RESPONSE = `{  
    "1": {  
        "name": "User 530",  
        "pin": "1234",  
        "protocol": "sip",  
        "ext": "530",  
        "location": "local",  
        "user_language": "en",  
        "ua_id": "50",  
        "ua_name": "generic_sip",  
        "ua_fullname": "Generic SIP",  
        "status": "enabled",  
        "linenum": "10",  
        "smuser": "0",  
        "options": {  
            "type": "friend",  
            "dtmfmode": "rfc2833",  
            "context": "t-344",  
            "canreinvite": "0",  
            "qualify": "8000",  
            "host": "dynamic",  
            "cid_enable": "yes",  
            "callerid": "User 530 <530>",  
            "voicemail": "1",  
            "incominglimit": "1",  
            "outgoinglimit": "2",  
            "username": "344530",  
            "secret": "530",  
            "disallow": "all",  
            "allow": [  
                "ulaw",  
                "alaw"  
            ],  
            "recordcalls": "0",  
            "mac": "",  
            "autoprovisiong": "0",  
            "ringtime": "32",  
            "incoming_dialoptions": "tr",  
            "page_header": "6",  
            "dtmfmode": "rfc2833",  
            "context": "t-344",  
            "canreinvite": "0",  
            "qualify": "8000",  
            "host": "dynamic",  
            "cid_enable": "yes",  
            "callerid": "User 530 <530>",  
            "voicemail": "1",  
            "incominglimit": "1",  
            "outgoinglimit": "2",  
            "username": "344530",  
            "secret": "530",  
            "disallow": "all",  
            "allow": [  
                "ulaw",  
                "alaw"  
            ]  
        }  
    }  
}`;

/** 004:L955-1031 */
export const EXT_CONFIGURATION_FRAGMENT = `        "vmailsend": "1",
        "vmailattach": "0",
        "vmaildelete": "0",
        "uad_sipheaders": "x-TN-Mobility,P-Early-Media"
    },
    "options_raw": "",
    "ua_autoprov": "",
    "additional_macaddress": "",
    "additional_config": ""
}
}`;

/** 004:L4943-5070 */
export const IVR_LIST_RESPONSE = `{  
    "280": {  
        "name": "TestIVR",  
        "type": "0",  
        "ext": "103",  
        "keymap": {  
            "type": "Extension",  
            "value": "100"  
        },  
        "status": "enabled",  
        "operator": ""  
    }  
}`;

/** 004:L5071-5229 */
export const IVR_ADD_RESPONSE = `{  
    "success": "IVR ID: 100.",  
    "id": 100  
}`;

/** 004:L5071-5229 */
export const IVR_EDIT_RESPONSE = `{  
    "success": "IVR ID: 100.",  
    "id": 100  
}`;

/** 004:L5071-5229 */
export const IVR_DELETE_RESPONSE = `{  
    "success": "Deleted IVR ID 10 successfully."  
}`;

/** 004:L6489-6828 */
export const OTIMES_ACTION_DID = `action=pbxware.otimes.did`;

/** 004:L6489-6828 */
export const OTIMES_ACTION_IVR = `action=pbxware.otimes.ivr`;

/** 004:L6489-6828 */
export const OTIMES_ACTION_DIAL_GROUP = `action=pbxware.otimes.dial_group`;

/** 004:L6489-6828 */
export const OTIMES_ACTION_SERVERS = `action=pbxware.otimes.servers`;

/** 004:L6489-6828 */
export const OTIMES_LIST_REQUEST = `http://pbxware.lan/?  
apikey=yf2gV1sTzWmhUwI6V5quzKBv9FA0VbzW&action=pbxware.otimes.erg.list&id=12451`;

/** 004:L6489-6828 */
export const OTIMES_LIST_RESPONSE = `{  
  "12451":  
  {  
    "status": "on",  
    "greeting": "greeting-Mar-27-2013-15-15-44",  
    "default_dest_ext": "103",  
    "default_dest_is_vm": "yes",  
    "closed_dates":  
    [  
      {  
        "description": "Closed #1",  
        "destination": "100",  
        "date_from": "2022-05-05",  
        "date_to": "2022-05-06",  
        "time_from": "00:00",  
        "time_to": "06:00"  
      }  
    ],  
    "custom_destinations":  
    [  
      {  
        "destination": "104",  
        "is_open_range": "yes",  
        "days": "1,2,3,4,5",  
        "time_from": "08:00",  
        "time_to": "17:00"  
      }  
    ],  
    "open_days":  
    [  
      {  
        "description": "Open1",  
        "days": "1,2,6",  
        "time_from": "01:01",  
        "time_to": "21:56"  
      }  
    ]  
  }  
}`;

/** 004:L6489-6828 */
export const OTIMES_LIST_FRAGMENT = `    }  
}`;

/** 004:L6489-6828 */
export const OTIMES_SET_REQUEST = `http://pbxware.lan/?  
apikey=yf2gV1sTzWmhUwI6V5quzKBv9FA0VbzW&action=pbxware.otimes.erg.s  
et&id=174&server=3&status=on&default_dest_ext=123&greeting=greeting  
-Mar-27-2013-15-15-  
44&pin=668&open_days_desc[ ]=TheOpen1&open_days[ ]=1,2,6&open_days_ti  
me_from[ ]=08:00&open_days_time_to[ ]=16:30&open_days_desc[ ]=TheOpen2  
&open_days[ ]=3,4&open_days_time_from[ ]=08:30&open_days_time_to[ ]=17  
:00`;

/** 004:L6489-6828 */
export const OTIMES_SET_RESPONSE = `{  
    "success": "Edited Operation Times successfully."  
}`;

/** 004:L1617-1660 */
export const EXT_BALANCE_RESPONSE = `{  
    "success": "Updated balance for Extension ID '34923'  
    successfully."  
}`;

/** 004:L1748-1793 */
export const EXT_BILLING_INFO_RESPONSE = `{
  "1": {
    "account_balance": "100.00000",
    "available_funds": "15.00000",
    "inclusive_minutes": "No Inclusives spent."
  }
}`;

/** 004:L5068, inline in the ivr.add argument list */
export const IVR_KEYMAP_EXAMPLE = `keymap[*][type]=aa&keymap[*][destination]=103`;
/** 004:L6520-6530: the other three otimes actions, plain lines in the original (no code block). */
export const OTIMES_ACTION_ROUTES = `action=pbxware.otimes.routes`;
export const OTIMES_ACTION_QUEUES = `action=pbxware.otimes.queues`;
export const OTIMES_ACTION_ERG = `action=pbxware.otimes.erg`;
