/* SPDX-License-Identifier: MIT */
/*
 * Fast JSONL record reading: one pass over a line that validates it as a
 * JSON object and finds "id", "text" and "date" without building a tree,
 * then decodes those strings in place.  Anything unusual (an escaped key, a
 * number jansson might reject, an id that is not a string or an integer, a
 * record in error) is declined, and the caller parses the line with jansson,
 * so every record reads exactly as input_parse_jsonl() reads it.
 */
#ifndef LEXTAG_CLI_JSONL_H
#define LEXTAG_CLI_JSONL_H

#include <stddef.h>

/* A record parsed in place: the strings point into the line. */
typedef struct jsonl_view {
    const char *id;   /* NUL-terminated; NULL: no id (name it by line) */
    const char *text; /* NUL-terminated, len bytes (may hold NUL) */
    size_t len;
    const char *date; /* NUL-terminated or NULL */
} jsonl_view;

/*
 * Parses line[0..len) in place (the line is modified only on success).
 * Returns 0 on success, -1 when the line must be parsed by jansson instead.
 */
int jsonl_parse_fast(char *line, size_t len, jsonl_view *v);

#endif
