/* SPDX-License-Identifier: MIT */
/*
 * JSON Lines output.  Written straight to a buffered stream with a small
 * escaper instead of building a jansson tree per document: a document with
 * a million entities costs no more memory than its entity records.
 */
#ifndef LX_SERIALIZE_H
#define LX_SERIALIZE_H

#include <stdio.h>

#include "lextag/lextag.h"

/*
 * Writes s[0..n) as a JSON string (with quotes).  Invalid UTF-8 bytes are
 * written as U+FFFD; control characters are escaped.
 */
void lx_json_string(FILE *out, const char *s, size_t n);

/* Writes one entity object. */
void lx_json_entity(FILE *out, const lextag_entity *e, const char *text);

/* Writes the JSON object of one document (no trailing newline). */
void lx_json_document(FILE *out, const lextag_result *r, const char *doc_id,
                      const char *date, const char *text);

#endif
