/**
 * Every example response of seed 003 (`../shared/seeds/003_cce7d36a3878a886.txt`), copied verbatim, doc
 * syntax errors included (trailing commas, `{ {`, `] } }`; quirk 61). Keyed "<path> success|error" in
 * document order. vendor-matrix §3 quotes a subset of these (extension/bytenant, extension/updatebyid,
 * ivr/bytenant, destination/all, condition/bytenant, cdr/getCallHistory).
 */
export const MIRTA_DOC_EXAMPLES: Record<string, string> = {
  '/user/login success': `{
          "status": "success",
          "data": {
              "user_id": "579"
          }
      }`,
  '/user/login error': `{
          "status": "failed",
          "message": "Unauthorized Access"
      }`,
  '/user/get success': `{
          "status": "success",
          "data": [
              {
                  "us_id": "97",
                  "us_username": "admin"
              },
              {
                  "us_id": "134",
                  "us_username": "advicewise"
              },
              {
                  "us_id": "124",
                  "us_username": "Airlord"
              },
            ]
      }`,
  '/user/get error': `{
          "status": "failed",
          "message": "Unauthorized Access"
      }`,
  '/user/tenants success': `{
          "status": "success",
          "data": {
              "user_id": "134",
              "tenants": [
                  {
                      "te_id": "80",
                      "te_name": "Advice Wise Solicitors"
                  }
              ]
          }
      }`,
  '/user/tenants error': `{
          "status": "failed",
          "message": "Unauthorized Access"
      }`,
  '/destination/all success': `{
          {
              "status": "success",
              "data": [
                  {
                      "de_id": "156",
                      "de_type_src": "CONDITION",
                      "de_type_dst": "DISA",
                      "de_ord": "1"
                  },
                  {
                      "de_id": "157",
                      "de_type_src": "NOTCONDITION",
                      "de_type_dst": "CONDITION",
                      "de_ord": "1"
                  },
              ]
          }
      }`,
  '/destination/all error': `{
          "status": "failed",
          "message": "Unauthorized Access"
      }`,
  '/extension/bytenant success': `{
          "status": "success",
          "data": [
              {
                  "ex_id": "11",
                  "ex_name": "Chris Latremoille",
                  "ex_number": "221",
                  "ex_cidnum": "15146339933",
                  "ex_cidname": "Uniglobe Dorval",
                  "ex_callwaiting": ""
              },
              {
                  "ex_id": "12",
                  "ex_name": "Francine Girard",
                  "ex_number": "222",
                  "ex_cidnum": "15146339933",
                  "ex_cidname": "Uniglobe Dorval",
                  "ex_callwaiting": ""
              },
                  ]
          }
      }`,
  '/extension/byid success': `{
          "status": "success",
          "data": [
              {
                  "ex_id": "240",
                  "ex_name": "Test",
                  "ex_number": "251",
                  "ex_cidnum": "",
                  "ex_cidname": "Test",
                  "ex_callwaiting": ""
              }
          ]
      }`,
  '/extension/user success': `{
          "status": "success",
          "data": [
              {
                  "name": "251-UniglobeDorval",
                  "host": "dynamic",
                  "secret": "$50jLkuPLypGxqBmyftPV51AM91."
              }
          ]
      }`,
  '/extension/usersecret success': `{
          "status": "success",
          "data": "$aLRMruPLypGxqBmyftPV5FPJ3I."
      }`,
  '/extension/getCidNumber success': `{
          "status": "success",
          "data": "15146339933"
      }`,
  '/extension/getCidNumberList success': `{
          "status": "success",
          "data": [
              {
                  "ex_cidnum": "15146339933"
              },
              {
                  "ex_cidnum": "15146339933"
              },
              {
                  "ex_cidnum": "15146339933"
              },
              {
                  "ex_cidnum": "15146339933"
              },
          ]
      }`,
  '/extension/GetFMFCallerId success': `{
          "status": "success",
          "data": "15146339933"
      }`,
  '/extension/GetFMFCallerIdList success': `{
          "status": "success",
          "data": [
              {
                  "GetFMFCallerId": "15146339933"
              },
              {
                  "GetFMFCallerId": "15146339933"
              },
              {
                  "GetFMFCallerId": "15146339933"
              },
              {
                  "GetFMFCallerId": "15146339933"
              },
          ]
      }`,
  '/did/bytenant success': `{
          "status": "success",
          "data": [
              {
                  "di_id": "2",
                  "di_country": "",
                  "di_area": "",
                  "di_number": "15146001434",
                  "di_comment": ""
              },
              {
                  "di_id": "3",
                  "di_country": "",
                  "di_area": "",
                  "di_number": "14388197387",
                  "di_comment": ""
              },
              {
                  "di_id": "30",
                  "di_country": "",
                  "di_area": "",
                  "di_number": "15146339933",
                  "di_comment": "Uniglobe Dorval - Main"
              }
          ]
      }`,
  '/did/byid success': `{
         "status": "success",
         "data": [
             {
                 "di_te_id": "2",
                 "di_country": "",
                 "di_area": "",
                 "di_number": "12894701289",
                 "di_comment": "OnSwitch - Canada - Ontario - Newmarket",
                 "di_recording": "yes",
                 "di_fax": "no",
                 "di_didprefix": "",
                 "di_didnameprefix": ""
             }
         ]
     }`,
  '/hunt/bytenant success': `{
          "status": "success",
          "data": [
              {
                  "hu_id": "3",
                  "hu_number": "501",
                  "hu_name": "Franchise Opportunities",
                  "hu_type": "RINGALL",
                  "hu_ringtime": "60"
              },
              {
                  "hu_id": "4",
                  "hu_number": "502",
                  "hu_name": "General Inquriies",
                  "hu_type": "RINGALL",
                  "hu_ringtime": "60"
              }
          ]
      }`,
  '/hunt/byid success': `{
         "status": "success",
         "data": [
             {
                 "hu_id": "4",
                 "hu_number": "502",
                 "hu_name": "General Inquriies",
                 "hu_type": "RINGALL",
                 "hu_ringtime": "60",
                 "hu_checkinuse": ""
             }
         ]
     }`,
  '/hunt/deletebyid success': `{
         "status": "success",
         "data": "Record Deleted Successfully."
     }`,
  '/hunt/deletebyid error': `{
         "status": "failed",
         "message": "Record Not Found."
     }`,
  '/phone/bytenant success': `{
         "status": "success",
         "data": [
             {
                 "ph_id": "1",
                 "ph_name": "asdas",
                 "ph_te_id": "1",
                 "ph_pm_id": "1",
                 "ph_mac": "asd",
                 "ph_filename": "asdasd"
             }
         ]
     }`,
  '/phone/deletebyid success': `{
         "status": "success",
         "data": "Record Deleted Successfully."
     }`,
  '/phone/deletebyid error': `{
         "status": "failed",
         "message": "Record Not Found."
     }`,
  '/phone/AddNewPhone success': `{
         "status": "success",
         "data": {
             "msg": "Record Inserted Successfully.",
             "PhoneID": "4"
         }
     }`,
  '/phone/AddNewPhone error': `{
        "status": "failed",
        "message": "Please Enter Required Fields."
    }`,
  '/hunt/updatebyid success': `{
         "status": "success",
         "data": {
             "msg": "Record Updated Successfully."
         }
     }`,
  '/hunt/updatebyid error': `{
        "status": "failed",
        "message": "Record Not Found."
    }`,
  '/did/updatebyid success': `{
         "status": "success",
         "data": {
             "msg": "Record Updated Successfully."
         }
     }`,
  '/did/updatebyid error': `{
        "status": "failed",
        "message": "Record Not Found."
    }`,
  '/voicemail/bytenant success': `{
        "status": "success",
        "data": [
            {
                "uniqueid": "55",
                "context": "EscapeGamesCanada",
                "fullname": "General Delivery Voicemail",
                "email": "info@escapegames.ca"
            }
        ]
    }`,
  '/user/updatebyid success': `{
        "status": "success",
        "data": {
            "msg": "Record Updated Successfully."
        }
    }`,
  '/user/updatebyid error': `{
    "status": "failed",
    "message": "Record Not Found."
}`,
  '/condition/bytenant success': `{
        "status": "success",
        "data": [
            {
                "co_id": "2",
                "co_name": "Chris Latremoille DISA (END OF CHAIN)",
                "co_type": "CALLERID",
                "co_timezone": "",
                "co_param1": "5146349955",
                "co_param2": "5149239933",
                "co_param3": "",
                "co_param4": "",
                "co_param5": "",
                "co_param6": "",
                "co_param7": "",
                "co_param8": "",
                "co_param9": "",
                "co_param10": "",
                "co_param11": "",
                "co_param12": ""
            },
            {
                "co_id": "3",
                "co_name": "Francine Girard DISA",
                "co_type": "CALLERID",
                "co_timezone": "",
                "co_param1": "5148273211",
                "co_param2": "",
                "co_param3": "",
                "co_param4": "",
                "co_param5": "",
                "co_param6": "",
                "co_param7": "",
                "co_param8": "",
                "co_param9": "",
                "co_param10": "",
                "co_param11": "",
                "co_param12": ""
            }
        ]
    }`,
  '/ivr/bytenant success': `{
        "status": "success",
        "data": [
            {
                "iv_id": "1",
                "iv_name": "Main Menu - FR"
            },
            {
                "iv_id": "4",
                "iv_name": "Main Menu - EN"
            }
        ]
    }`,
  '/custom/bytenant success': `{
        "status": "success",
        "data": [
            {
                "cu_id": "2",
                "cu_name": "Vickie Kyriakakos Mobile",
                "cu_ct_id": "1",
                "ct_name": "FORWARD",
                "ct_description": "<t>Forward call to</t>"
            }
        ]
    }`,
  '/extension/updatebyid success': `{
         "status": "success",
         "data": {
             "msg": "Record Updated Successfully."
         }
     }`,
  '/extension/updatebyid error': `{
        "status": "failed",
        "message": "Record Not Found."
    }`,
  '/cdr/getCallHistory error': `{
          "status": "failed",
          "message": "Unauthorized Access"
      }`,
};
