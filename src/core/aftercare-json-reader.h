/* aftercare-json-reader.h: one careful way to read a JSON document (the --assess request, the backup), with messages that name the field's full path. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "aftercare-json-stream.h"

G_BEGIN_DECLS

/* What went wrong; each reader maps these to its caller's own error codes. */
typedef enum {
  AFTERCARE_JSON_PROBLEM_NOT_JSON,      /* not one JSON value, too deep, empty */
  AFTERCARE_JSON_PROBLEM_MISSING,       /* a required member is absent or null */
  AFTERCARE_JSON_PROBLEM_WRONG_TYPE,    /* e.g. text where a number belongs */
  AFTERCARE_JSON_PROBLEM_UNKNOWN_VALUE, /* a key that is not one of the allowed ones */
  AFTERCARE_JSON_PROBLEM_UNKNOWN_FIELD, /* a member the format does not have */
  AFTERCARE_JSON_PROBLEM_OUT_OF_RANGE,  /* a number outside its range, or not whole */
  AFTERCARE_JSON_PROBLEM_BAD_TIME,      /* not a time with an offset */
  AFTERCARE_JSON_PROBLEM_OTHER,         /* the caller's own checks */
  AFTERCARE_JSON_N_PROBLEMS
} AftercareJsonProblem;

/* Deeper documents are refused before json-glib (which recurses) sees them. */
#define AFTERCARE_JSON_MAX_DEPTH 64

typedef struct _AftercareJsonReader AftercareJsonReader;

/* document: what the whole document is called in messages ("request").
 * Errors are in domain with codes[problem]. With with_lines, messages
 * start "Line 7, " (the line where the value in question ends). */
AftercareJsonReader *aftercare_json_reader_new  (const char  *document,
                                                 GQuark       domain,
                                                 const int    codes[AFTERCARE_JSON_N_PROBLEMS],
                                                 gboolean     with_lines);
void                 aftercare_json_reader_free (AftercareJsonReader *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AftercareJsonReader, aftercare_json_reader_free)

/* Parses UTF-8 text (a leading byte order mark is skipped) that must be
 * exactly one JSON object, at most AFTERCARE_JSON_MAX_DEPTH deep. Numbers
 * of 19 digits or more, which json-glib 1.6 reads as other numbers, are
 * read as too large. The object belongs to self. */
JsonObject *aftercare_json_reader_load (AftercareJsonReader  *self,
                                        const char           *data,
                                        gsize                 length,
                                        GError              **error);

/* Reading a document from a stream instead, a value at a time, so that
 * only what the caller keeps is held: each returns FALSE (NULL) with the
 * same errors as load() gives, or, when the stream could not be read, its
 * AFTERCARE_JSON_STREAM_ERROR_READ. */
gboolean    aftercare_json_reader_next_token (AftercareJsonReader  *self,
                                              AftercareJsonStream  *stream,
                                              AftercareJsonToken   *token,
                                              GError              **error);
/* A token that does not belong where it is. */
gboolean    aftercare_json_reader_unexpected (AftercareJsonReader  *self,
                                              AftercareJsonStream  *stream,
                                              AftercareJsonToken    token,
                                              GError              **error);
/* The value that starts with token (just read) as a new node, lines
 * remembered as load() does; depth is its nesting (the top object is 1). */
JsonNode   *aftercare_json_reader_read_value (AftercareJsonReader  *self,
                                              AftercareJsonStream  *stream,
                                              AftercareJsonToken    token,
                                              guint                 depth,
                                              GError              **error);
/* Reads a member's value itself, when it wants (*taken): token is the
 * value's first. FALSE with error stops the reading. */
typedef gboolean (*AftercareJsonMemberFunc) (const char          *name,
                                             AftercareJsonToken   token,
                                             gboolean            *taken,
                                             gpointer             data,
                                             GError             **error);
/* The members of an object after its "{" (of nesting depth), into object,
 * lines remembered; func (or NULL) may read some values itself. */
gboolean    aftercare_json_reader_read_members (AftercareJsonReader      *self,
                                                AftercareJsonStream      *stream,
                                                JsonObject               *object,
                                                guint                     depth,
                                                AftercareJsonMemberFunc   func,
                                                gpointer                  data,
                                                GError                  **error);
/* The same from a member whose name and ":" were read, token being its
 * value's first: the rest of the object, read the usual way once a
 * caller reading members on its own meets one it leaves to the reader. */
gboolean    aftercare_json_reader_read_members_from (AftercareJsonReader  *self,
                                                     AftercareJsonStream  *stream,
                                                     JsonObject           *object,
                                                     guint                 depth,
                                                     const char           *name,
                                                     AftercareJsonToken    token,
                                                     GError              **error);
/* The line a member of object ends on (name NULL: the object itself), for
 * members the caller read on its own. */
void        aftercare_json_reader_remember_line (AftercareJsonReader *self,
                                                 JsonObject          *object,
                                                 const char          *name,
                                                 guint                line);
/* Forgets the lines of every value but keep's own members, once the
 * values are gone. */
void        aftercare_json_reader_forget_lines (AftercareJsonReader *self,
                                                JsonObject          *keep);
/* Sets "document: message" (a whole document's problem) and returns FALSE. */
gboolean    aftercare_json_reader_fail_document (AftercareJsonReader   *self,
                                                 AftercareJsonProblem   problem,
                                                 const char            *message,
                                                 GError               **error);

/* Text that is not valid (bytes that are not UTF-8, a NUL, "\u0000", a
 * lone UTF-16 surrogate escape) is refused by the string member that
 * holds it, naming it. Call this after reading everything: it fails, naming
 * the line, when such text was somewhere no member read (a member's name). */
gboolean    aftercare_json_reader_check_text (AftercareJsonReader  *self,
                                              GError              **error);

/* Where a value is: the object holding it, that object's path ("" for
 * the top, "sessions[3]"), and the member's name. */
typedef struct {
  JsonObject *object;
  const char *path;
} AftercareJsonPlace;

/* Sets "[Line N, ]path.name: message" and returns FALSE. name may be NULL
 * for the object itself. */
gboolean aftercare_json_reader_fail (AftercareJsonReader      *self,
                                     const AftercareJsonPlace *place,
                                     const char               *name,
                                     AftercareJsonProblem      problem,
                                     GError                  **error,
                                     const char               *format,
                                     ...) G_GNUC_PRINTF (6, 7);

/* Rejects members that are not in allowed. */
gboolean aftercare_json_reader_check_members (AftercareJsonReader      *self,
                                              const AftercareJsonPlace *place,
                                              const char * const       *allowed,
                                              GError                  **error);

/* Typed members. A required member must be there and not null; an
 * optional one that is absent or null leaves *value untouched. */
gboolean aftercare_json_reader_string  (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, gboolean required,
                                        const char **value, GError **error);
gboolean aftercare_json_reader_boolean (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, gboolean required,
                                        gboolean *value, GError **error);
/* A JSON integer from 0 to max. */
gboolean aftercare_json_reader_number  (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, gboolean required, guint max,
                                        guint *value, GError **error);
/* A key of enum_type. */
gboolean aftercare_json_reader_enum    (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, gboolean required, GType enum_type,
                                        int *value, GError **error);
/* An array of keys of flags_type, as a set. */
gboolean aftercare_json_reader_flags   (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, gboolean required, GType flags_type,
                                        guint *value, GError **error);
/* An ISO 8601 time with an offset (aftercare_time_parse()); *value is new. */
gboolean aftercare_json_reader_time    (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, gboolean required,
                                        GDateTime **value, GError **error);
gboolean aftercare_json_reader_array   (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, gboolean required,
                                        JsonArray **value, GError **error);
gboolean aftercare_json_reader_object  (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, gboolean required,
                                        JsonObject **value, GError **error);
/* Whether node is a value the typed member of the same kind above takes
 * (text that is valid, a whole number from 0 to max, a list of
 * flags_type's keys), and that value; FALSE sets no error: the member is
 * then read the careful way, which says what is wrong. */
gboolean aftercare_json_reader_plain_string (AftercareJsonReader *self, JsonNode *node, const char **value);
gboolean aftercare_json_reader_plain_number (JsonNode *node, guint max, guint *value);
gboolean aftercare_json_reader_plain_flags  (AftercareJsonReader *self, JsonNode *node, GType flags_type,
                                             guint *value);
/* Element index of array (member name of place), which must be an object. */
gboolean aftercare_json_reader_element (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                        const char *name, JsonArray *array, guint index,
                                        JsonObject **object, GError **error);
/* The same for an element read from a stream (node), which ended on line. */
gboolean aftercare_json_reader_element_node (AftercareJsonReader *self, const AftercareJsonPlace *place,
                                             const char *name, guint index, JsonNode *node, guint line,
                                             JsonObject **object, GError **error);

/* The problem sentences, shared with the CSV reader so both say the same. */
char *aftercare_json_problem_time     (const char *text);
char *aftercare_json_problem_key      (GType type, const char *key);
char *aftercare_json_problem_number   (const char *text, guint max);
/* Text that is not valid UTF-8 (or holds a NUL), the same in every format. */
const char *aftercare_json_problem_bad_text (void);
/* text, shortened and with control characters escaped, to quote on one line. */
char *aftercare_json_echo             (const char *text);

G_END_DECLS
