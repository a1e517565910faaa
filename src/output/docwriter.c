/* SPDX-License-Identifier: MIT */
/*
 * A document written entity by entity, for streams: the format's head,
 * entity and tail operations with the count of entities (and of the
 * format's extra records) kept between calls, so that the output equals
 * the whole-document writer's without holding the entities.
 */
#include <stdlib.h>

#include "error.h"
#include "format.h"
#include "timing.h"

struct lextag_doc_writer {
    const lx_format *f;
    FILE *out;
    size_t n, notes;    /* entities and extra records written */
    lextag_timing *tm;  /* formatting time goes here, when set */
};

bool lextag_format_streams(lextag_format format)
{
    const lx_format *f = lx_format_get(format);
    return f && f->entity;
}

lextag_doc_writer *lextag_doc_writer_new(lextag_format format, size_t index, const char *doc_id,
                                         const char *date, FILE *out, lextag_error *err)
{
    lextag_doc_ref doc = {.id = doc_id, .date = date, .index = index};
    return lextag_doc_writer_new_ref(format, &doc, out, err);
}

lextag_doc_writer *lextag_doc_writer_new_ref(lextag_format format, const lextag_doc_ref *doc,
                                             FILE *out, lextag_error *err)
{
    const lx_format *f = lx_format_get(format);
    if (!f || !f->entity || !out) {
        lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0,
                     "this output format cannot be written as a stream");
        return NULL;
    }
    lextag_doc_writer *w = calloc(1, sizeof(*w));
    if (!w) {
        lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    w->f = f;
    w->out = out;
    if (f->head) {
        flockfile(out);
        f->head(out, doc);
        funlockfile(out);
    }
    if (ferror(out)) {
        lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error");
        free(w);
        return NULL;
    }
    return w;
}

int lextag_doc_writer_entity(void *writer, const lextag_entity *e, const char *text)
{
    lextag_doc_writer *w = writer;
    flockfile(w->out);
    w->f->entity(w->out, e, w->n++, text, &w->notes);
    funlockfile(w->out);
    return ferror(w->out) ? 1 : 0;
}

int lextag_doc_writer_window(void *writer, const lextag_entity *v, size_t n, const char *text,
                             size_t text_start, unsigned threads)
{
    lextag_doc_writer *w = writer;
    double t0 = w->tm ? lx_timing_clock(w->tm) : 0;
    flockfile(w->out);
    if (w->f->window) {
        w->f->window(w->out, v, n, w->n, text, text_start, threads, w->tm);
        w->n += n;
    } else {
        for (size_t i = 0; i < n; i++)
            w->f->entity(w->out, &v[i], w->n++, text + (v[i].byte_start - text_start),
                         &w->notes);
    }
    funlockfile(w->out);
    if (w->tm)
        w->tm->format += lx_timing_clock(w->tm) - t0;
    return ferror(w->out) ? 1 : 0;
}

void lextag_doc_writer_set_timing(lextag_doc_writer *w, lextag_timing *sink)
{
    if (w)
        w->tm = sink;
}

int lextag_doc_writer_finish(lextag_doc_writer *w, const lextag_stream *s, lextag_error *err)
{
    if (!w)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no writer");
    size_t n = lextag_stream_limit_hits(s);
    const char **rules = n ? malloc(n * sizeof(*rules)) : NULL;
    if (n && !rules)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        rules[i] = lextag_stream_limit_rule(s, i);
    if (w->f->tail) {
        flockfile(w->out);
        w->f->tail(w->out, rules, n);
        funlockfile(w->out);
    }
    free(rules);
    return ferror(w->out) ? lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error") : 0;
}

void lextag_doc_writer_free(lextag_doc_writer *w)
{
    free(w);
}
