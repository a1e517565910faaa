/* SPDX-License-Identifier: MIT */
/*
 * Fast JSONL record reading: one pass over a line that validates it as a
 * JSON object and finds "id", "text" and "date" without building a tree,
 * then decodes those strings in place.  Anything unusual (an escaped key, an
 * id that is an array or an object, a record in error) is declined, and the
 * caller parses the line with jansson, so every record reads as
 * input_parse_jsonl() reads it (but for numbers: jansson cannot keep their
 * text, and reads no integer beyond 64 bits).
 */
#ifndef LEXTAG_CLI_JSONL_H
#define LEXTAG_CLI_JSONL_H

#include <stdbool.h>
#include <stddef.h>

/* A record parsed in place: the strings point into the line. */
typedef struct jsonl_view {
    const char *id;   /* NUL-terminated; NULL: no id (name it by line) */
    bool id_json;     /* id is a number, true or false, as written */
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
