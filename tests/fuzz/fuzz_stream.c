/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: arbitrary bytes tagged as a stream, in small windows, fed in
 * pieces, on one thread or two (where the next window is tagged while the
 * held one is delivered).  The first byte picks the piece size, the
 * stretches per window and the threads; the rest is the document.  Every
 * entity the callback receives is checked against the whole text: its
 * three offset units, the bytes it is handed, document order and no
 * overlap; once the stream is finished, every ref names another entity it
 * delivered.  Stretches are lowered to 64
 * bytes so that short inputs cross many window cuts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lextag/lextag.h>

#include "invariants.h"
#include "stream.h"
#include "stretch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lextag_model *model;
static lextag_tagger *tagger;

static void cleanup(void)
{
    lextag_tagger_free(tagger);
    lextag_model_free(model);
}

typedef struct seen {
    const char *text;
    size_t len;
    const fuzz_offsets *off;
    size_t n, last_end;
    long *refs;
    size_t cap;
} seen;

static int on_entity(void *arg, const lextag_entity *e, const char *slice)
{
    seen *s = arg;
    fuzz_check_entity(s->off, e, s->text, s->len);
    FUZZ_CHECK(memcmp(slice, s->text + e->byte_start, e->byte_end - e->byte_start) == 0);
    FUZZ_CHECK(e->byte_start >= s->last_end);
    s->last_end = e->byte_end;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->refs = realloc(s->refs, s->cap * sizeof(*s->refs));
        FUZZ_CHECK(s->refs != NULL);
    }
    s->refs[s->n++] = e->ref;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model) {
        model = lextag_model_default(NULL);
        tagger = model ? lextag_tagger_new(model, NULL) : NULL;
        FUZZ_CHECK(model && tagger);
        atexit(cleanup);
        lx_stretch_size = 64;
    }
    if (size < 1)
        return 0;
    size_t piece = 1 + (data[0] & 31);
    lx_stream_stretches = 1 + (data[0] >> 5 & 1);
    FUZZ_CHECK(lextag_tagger_set_threads(tagger, 1 + (data[0] >> 6 & 1), NULL) == 0);
    const char *text = (const char *) data + 1;
    size_t len = size - 1;
    fuzz_offsets *off = fuzz_offsets_new(text, len);
    seen s = {text, len, off, 0, 0, NULL, 0};
    lextag_error err;
    lextag_error_clear(&err);
    lextag_stream *st = lextag_stream_new(tagger, NULL, on_entity, &s, &err);
    FUZZ_CHECK(st != NULL);
    for (size_t o = 0; o < len; o += piece)
        FUZZ_CHECK(lextag_stream_feed(st, text + o, len - o < piece ? len - o : piece, &err) == 0);
    FUZZ_CHECK(lextag_stream_finish(st, &err) == 0);
    FUZZ_CHECK(lextag_stream_count(st) == s.n);
    for (size_t i = 0; i < s.n; i++)
        FUZZ_CHECK(s.refs[i] >= -1 && s.refs[i] < (long) s.n && s.refs[i] != (long) i);
    free(s.refs);
    lextag_stream_free(st);
    fuzz_offsets_free(off);
    return 0;
}
