/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: arbitrary bytes tagged as a stream, in small windows, fed in
 * pieces, once on one thread, entity by entity, once on two (where the
 * next window is tagged while the held one is delivered) a window at a time
 * (lextag_stream_new_windows), and once on five (more threads than a window
 * has stretches: windows tagged in groups), entity by entity.  The first byte picks the piece
 * size, the stretches per window and whether the callback stops the stream
 * (at the first or the fourth entity); the rest is the document.  Every
 * entity the callback receives is checked against the whole text: its
 * three offset units, the bytes it is handed, document order and no
 * overlap; once the stream is over, every ref names another entity it
 * delivered.  The three runs must deliver the same entities and end the
 * same way.  Stretches are lowered to 64 bytes so that short inputs cross many
 * window cuts.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lextag/lextag.h>

#include "invariants.h"
#include "stream.h"
#include "stretch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What a run delivered, per entity. */
typedef struct got {
    size_t byte_start, byte_end;
    long ref;
    uint64_t names; /* hash of its type, source and id */
} got;

typedef struct seen {
    const char *text;
    size_t len;
    const fuzz_offsets *off;
    size_t stop_at; /* stop at this entity (1-based); 0: never */
    got *v;
    size_t n, cap, last_end;
} seen;

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char) *s) * 1099511628211ull;
    return (h ^ 0xFF) * 1099511628211ull;
}

static int on_entity(void *arg, const lextag_entity *e, const char *slice)
{
    seen *s = arg;
    fuzz_check_entity(s->off, e, s->text, s->len);
    FUZZ_CHECK(memcmp(slice, s->text + e->byte_start, e->byte_end - e->byte_start) == 0);
    FUZZ_CHECK(e->byte_start >= s->last_end);
    s->last_end = e->byte_end;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->v = realloc(s->v, s->cap * sizeof(*s->v));
        FUZZ_CHECK(s->v != NULL);
    }
    uint64_t h = hash_str(hash_str(hash_str(1469598103934665603ull, e->type), e->source), e->id);
    s->v[s->n++] = (got){e->byte_start, e->byte_end, e->ref, h};
    return s->stop_at && s->n >= s->stop_at;
}

static int on_window(void *arg, const lextag_entity *v, size_t n, const char *text,
                     size_t text_start, unsigned threads)
{
    FUZZ_CHECK(threads >= 1);
    for (size_t i = 0; i < n; i++)
        if (on_entity(arg, &v[i], text + (v[i].byte_start - text_start)))
            return 1;
    return 0;
}

/* Streams text on `threads` threads into s (on two, a window at a time);
   returns the first failing call's code. */
static int run(seen *s, unsigned threads, size_t piece)
{
    lextag_tagger *tagger = fuzz_tagger();
    FUZZ_CHECK(lextag_tagger_set_threads(tagger, threads, NULL) == 0);
    lextag_error err;
    lextag_error_clear(&err);
    bool by_window = threads == 2;
    lextag_stream *st = by_window ? lextag_stream_new_windows(tagger, NULL, on_window, s, &err)
                                  : lextag_stream_new(tagger, NULL, on_entity, s, &err);
    FUZZ_CHECK(st != NULL);
    int rc = 0;
    for (size_t o = 0; o < s->len && !rc; o += piece)
        rc = lextag_stream_feed(st, s->text + o, s->len - o < piece ? s->len - o : piece, &err);
    if (!rc)
        rc = lextag_stream_finish(st, &err);
    /* the callback's refusal is the only way this stream can fail */
    FUZZ_CHECK(rc == 0 || (rc == LEXTAG_ERR_IO && s->stop_at && s->n == s->stop_at));
    /* a window the callback stopped is not counted as delivered */
    FUZZ_CHECK(by_window ? lextag_stream_count(st) <= s->n
                         : lextag_stream_count(st) == (rc ? s->n - 1 : s->n));
    if (!rc)
        for (size_t i = 0; i < s->n; i++)
            FUZZ_CHECK(s->v[i].ref >= -1 && s->v[i].ref < (long) s->n &&
                       s->v[i].ref != (long) i);
    lextag_stream_free(st);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lx_stretch_size = 64;
    if (size < 1)
        return 0;
    size_t piece = 1 + (data[0] & 31);
    lx_stream_stretches = 1 + (data[0] >> 5 & 1);
    size_t stop_at = (data[0] & 0x80) ? 1 + 3 * (data[0] >> 6 & 1) : 0;
    const char *text = (const char *) data + 1;
    size_t len = size - 1;
    fuzz_offsets *off = fuzz_offsets_new(text, len);
    seen one = {text, len, off, stop_at, NULL, 0, 0, 0};
    seen two = {text, len, off, stop_at, NULL, 0, 0, 0};
    seen five = {text, len, off, stop_at, NULL, 0, 0, 0};
    int rc1 = run(&one, 1, piece), rc2 = run(&two, 2, piece), rc5 = run(&five, 5, piece);
    /* the threads change neither what is delivered nor how the stream ends */
    FUZZ_CHECK(rc1 == rc2 && one.n == two.n && rc1 == rc5 && one.n == five.n);
    FUZZ_CHECK(one.n == 0 || memcmp(one.v, two.v, one.n * sizeof(*one.v)) == 0);
    FUZZ_CHECK(one.n == 0 || memcmp(one.v, five.v, one.n * sizeof(*one.v)) == 0);
    free(one.v);
    free(two.v);
    free(five.v);
    fuzz_offsets_free(off);
    return 0;
}
