/* aftercare-cli-assess.h: `aftercare --assess`: a JSON request in, the advisor's assessment out as JSON (DESIGN.md, "Command line"). */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "aftercare-advisor.h"

G_BEGIN_DECLS

#define AFTERCARE_CLI_ASSESS_ERROR (aftercare_cli_assess_error_quark ())
typedef enum {
  AFTERCARE_CLI_ASSESS_ERROR_READ,          /* the file cannot be read */
  AFTERCARE_CLI_ASSESS_ERROR_NOT_JSON,      /* not one JSON value */
  AFTERCARE_CLI_ASSESS_ERROR_MISSING,       /* a required field is absent */
  AFTERCARE_CLI_ASSESS_ERROR_WRONG_TYPE,    /* e.g. a string where a number belongs */
  AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_VALUE, /* e.g. "type": "shiatsu" */
  AFTERCARE_CLI_ASSESS_ERROR_UNKNOWN_FIELD, /* a member the request does not have */
  AFTERCARE_CLI_ASSESS_ERROR_OUT_OF_RANGE,  /* soreness outside 0–10 */
  AFTERCARE_CLI_ASSESS_ERROR_BAD_TIME,      /* not ISO 8601 with an offset */
  AFTERCARE_CLI_ASSESS_ERROR_TIME_ORDER,    /* a check-in before the end or after now */
} AftercareCliAssessError;
GQuark aftercare_cli_assess_error_quark (void);

/* A request, parsed and checked. checkins belong to session. */
typedef struct {
  AftercareSession    *session;
  GPtrArray           *checkins;    /* of AftercareCheckin, in the order given */
  AftercarePlannedRun  planned_run;
  GDateTime           *now;
} AftercareCliAssessRequest;

void aftercare_cli_assess_request_free (AftercareCliAssessRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AftercareCliAssessRequest, aftercare_cli_assess_request_free)

/* Parses a request (length -1: NUL-terminated). default_now stands in for
 * an absent "now". On failure the error's message is one line that starts
 * with the field it is about, e.g. "checkins[1].soreness: …". */
AftercareCliAssessRequest *aftercare_cli_assess_request_parse (const char  *data,
                                                               gssize       length,
                                                               GDateTime   *default_now,
                                                               GError     **error);

/* The response object: verdict, run_after, rules, reasons, phase,
 * recheck_at, in that order; times in UTC with "Z". */
JsonNode *aftercare_cli_assess_response_new  (AftercareAssessment *assessment);
/* The response as one line of JSON text, without a newline. */
char     *aftercare_cli_assess_response_to_string (AftercareAssessment *assessment);

/* The whole command: reads path ("-" for standard input), prints the
 * response on standard output and returns 0; or prints one line naming
 * the field on standard error, nothing on standard output, and returns 2.
 * default_now is the time to assess at when the request gives none. */
int aftercare_cli_assess_run (const char *path,
                              GDateTime  *default_now);

G_END_DECLS
