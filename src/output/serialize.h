/* SPDX-License-Identifier: MIT */
/*
 * JSON Lines output.  Written straight to a buffered stream with a small
 * escaper instead of building a jansson tree per document: a document with
 * a million entities costs no more memory than its entity records.
 */
#ifndef LX_SERIALIZE_H
#define LX_SERIALIZE_H

#include <stdio.h>
#include <string.h>

#include "lextag/lextag.h"

/*
 * Output goes through the unlocked stdio calls: the public writers lock the
 * stream once per document (flockfile) instead of once per character.
 */
static inline void out_c(FILE *out, int c)
{
    putc_unlocked(c, out);
}

static inline void out_n(FILE *out, const char *s, size_t n)
{
    fwrite_unlocked(s, 1, n, out);
}

static inline void out_s(FILE *out, const char *s)
{
    out_n(out, s, strlen(s));
}

/*
 * Writes s[0..n) as a JSON string (with quotes).  Invalid UTF-8 bytes are
 * written as U+FFFD; control characters are escaped.
 */
void lx_json_string(FILE *out, const char *s, size_t n);

/* Writes one entity object. */
void lx_json_entity(FILE *out, const lextag_entity *e, const char *text);

/* The formats, one module each (serialize_<format>.c). */
void lx_write_brat(FILE *out, const lextag_result *r, const char *doc_id, const char *text);
int lx_write_conll(FILE *out, const lextag_result *r, const char *text, size_t len);
void lx_write_doccano(FILE *out, const lextag_result *r, const char *doc_id, const char *text,
                      size_t len);
void lx_write_labelstudio(FILE *out, const lextag_result *r, size_t index, const char *doc_id,
                          const char *text, size_t len);
void lx_write_html_begin(FILE *out);
void lx_write_html(FILE *out, const lextag_result *r, const char *doc_id, const char *text,
                   size_t len);
void lx_write_html_end(FILE *out);

/* Writes the JSON object of one document (no trailing newline). */
void lx_json_document(FILE *out, const lextag_result *r, const char *doc_id,
                      const char *date, const char *text);

#endif
