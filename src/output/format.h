/* SPDX-License-Identifier: MIT */
/*
 * Output formats as a table of operations.  Each format is one file that
 * exports one lx_format; format.c lists them in a table indexed by
 * lextag_format and runs the public writers (lextag_result_write_doc and
 * the others) through it.  A new format is one file, its lextag_format
 * constant, its declaration below and its line in the table.
 */
#ifndef LX_FORMAT_H
#define LX_FORMAT_H

#include <stddef.h>
#include <stdio.h>

#include "lextag/lextag.h"

typedef struct lx_format {
    const char *name; /* as given to --format and lextag_format_from_name */
    /* Written before the first document; NULL: nothing. */
    void (*begin)(FILE *out);
    /*
     * Writes document doc (its number doc->index counts from 0 in output
     * order) with the arguments of lextag_result_write_ref.  The stream is locked (the
     * out_* helpers write unlocked).  Returns 0 or LEXTAG_ERR_NOMEM; write
     * errors are found by the caller with ferror.
     */
    int (*document)(FILE *out, const lextag_result *r, const lextag_doc_ref *doc,
                    const char *text, size_t len);
    /* Written after the last document; NULL: nothing. */
    void (*end)(FILE *out);
    /*
     * The record of document doc that could not be tagged (a JSONL line that
     * is no record), in the document's place, so that every input record
     * has its output record.  NULL: the format has none.
     */
    void (*error)(FILE *out, const lextag_doc_ref *doc, const char *message);
    /*
     * A document written as a stream delivers it (lextag_doc_writer): what
     * comes before its entities, entity i (text: its own bytes; *notes is
     * the format's count of extra records, 0 at the head), and what follows
     * them (NULL: nothing).  A format without entity needs the whole
     * document at once.
     */
    void (*head)(FILE *out, const lextag_doc_ref *doc);
    void (*entity)(FILE *out, const lextag_entity *e, size_t i, const char *text,
                   size_t *notes);
    void (*tail)(FILE *out, const char *const *limit_rules, size_t n_limits);
    /*
     * Entities v[0..n) of a window, numbered from `first` (the entities
     * written before them), whose bytes are text + (e->byte_start -
     * text_start): the bytes of entity() on each in turn, formatted on up to
     * `threads` threads (tm, when given, receives format_parallel).  NULL:
     * the format's entities depend on one another (brat numbers its notes),
     * and are written one by one.
     */
    void (*window)(FILE *out, const lextag_entity *v, size_t n, size_t first, const char *text,
                   size_t text_start, unsigned threads, lextag_timing *tm);
} lx_format;

/* The operations of a format, or NULL when it is unknown. */
const lx_format *lx_format_get(lextag_format format);

/* The JSON error record, which json and doccano share. */
void lx_json_error_record(FILE *out, const lextag_doc_ref *doc, const char *message);

extern const lx_format lx_format_json;
extern const lx_format lx_format_brat;
extern const lx_format lx_format_conll;
extern const lx_format lx_format_doccano;
extern const lx_format lx_format_labelstudio;
extern const lx_format lx_format_html;

#endif
