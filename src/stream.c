/* SPDX-License-Identifier: MIT */
/*
 * Streams: the text fed is buffered until a window of lx_stream_stretches
 * stretches can be cut where the whole-document path would cut its
 * stretches (lx_stretch_end gives the same cut once more than a stretch and
 * a quarter follows it).  Each window is tagged as a document of its own,
 * with the carried state of carry.h; its entities are handed to the
 * callback with the window's offsets (bytes, code points, UTF-16 units)
 * added, and the window's text and result are dropped.
 *
 * With more than one thread, a tagged window is held until the next one is
 * cut: that one is tagged on the stream's side lane (a thread started once
 * and parked between windows) while this thread hands
 * the held window's entities to the callback, so writing them (about a
 * fourteenth of tagging's work, and a stage of its own) overlaps tagging.
 * A window callback (lextag_window_fn) receives them all at once, with the
 * tagger's thread count, and may format them side by side.
 *
 * A window's stretches keep at most lx_stream_stretches lanes busy, and a
 * window cannot grow with the threads (its size is part of the output: an
 * alias refers forward only inside its window).  With more threads than
 * that, the stream cuts a group of windows, enough for every lane, and
 * has them tagged together (lx_tagger_tag_windows): their first passes side
 * by side, then each window's document pass in order, each settled and
 * delivered before the next is finished.  The output is that of the
 * windows tagged one by one; the buffer holds the group's text.
 * A window dense with entities, or any window on one thread, is delivered
 * at once.  The carried state is settled before the next window starts:
 * each window's refs are made final, and the carry sealed, as soon as it is
 * tagged.  The buffer thus holds at most two windows and a stretch and a
 * half, and the output does not depend on how the text was split into
 * feeds or on the number of threads.
 */
#include "stream.h"

#include <stdlib.h>
#include <string.h>

#include "carry.h"
#include "error.h"
#include "lanes.h"
#include "result.h"
#include "stretch.h"
#include "tagger.h"
#include "timing.h"
#include "utf8.h"
#include "vec.h"

size_t lx_stream_stretches = LX_STREAM_STRETCHES;
size_t lx_stream_overlap_entities = LX_STREAM_OVERLAP_ENTITIES;

struct lextag_stream {
    lextag_tagger *t;
    lextag_entity_fn fn;     /* entity by entity, or */
    lextag_window_fn wfn;    /* a window at a time */
    void *arg;
    lextag_options opt;
    char *date, *types;      /* copies for opt */
    char *buf;               /* text fed and not yet delivered */
    size_t len, cap;
    size_t stretches;        /* per window */
    size_t cut_at, cut_k, cut_end; /* the window starting at document byte cut_at:
                                      its first cut_k stretches end at cut_end */
    size_t overlap_max;      /* entities of a window that may be held */
    size_t overlaps;         /* windows tagged while another was delivered */
    size_t grouped;          /* windows tagged in groups of more than one */
    size_t byte, cp, u16;    /* where buf starts in the document */
    size_t group;            /* windows tagged together (1: one at a time) */
    size_t *ends;            /* a group's window ends (group + 1 of them) */
    size_t n_cut;            /* of them, those cut so far (they stay until tagged) */
    lx_window_text *wins;    /* its windows */
    size_t group_n;          /* windows in the group being tagged */
    size_t group_off;        /* the group's text delivered so far (still in buf) */
    int group_io;            /* the callback stopped the stream inside a group */
    lextag_result *held;     /* the window at the start of buf: tagged, refs final */
    size_t held_len;         /* its bytes */
    size_t n_out;            /* entities of the windows tagged */
    size_t n_delivered;      /* entities handed to the callback */
    long *refs;              /* scratch for a window's final refs */
    size_t refs_cap;
    const char **limits;     /* rules cut off, borrowed from the model */
    size_t n_limits;
    int failed;              /* the first error: the stream is over */
    bool finished;
    lx_carry carry;
    lx_lanes *side;          /* its one thread tags a window while this one delivers */
};

static char *dup_opt(const char *s, bool *nomem)
{
    char *d = s ? strdup(s) : NULL;
    *nomem |= s && !d;
    return d;
}

static lextag_stream *make(lextag_tagger *t, const lextag_options *opt, lextag_entity_fn fn,
                           lextag_window_fn wfn, void *arg, lextag_error *err)
{
    if (!t || (!fn && !wfn)) {
        lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "a stream needs a tagger and a callback");
        return NULL;
    }
    lextag_stream *s = calloc(1, sizeof(*s));
    bool nomem = !s;
    if (s) {
        s->t = t;
        s->fn = fn;
        s->wfn = wfn;
        s->arg = arg;
        s->stretches = lx_stream_stretches ? lx_stream_stretches : 1;
        unsigned threads = lx_tagger_threads(t);
        s->group = threads > s->stretches ? (threads + s->stretches - 1) / s->stretches : 1;
        if (s->group > 1 && (!(s->ends = calloc(s->group + 1, sizeof(*s->ends))) ||
                             !(s->wins = calloc(s->group + 1, sizeof(*s->wins)))))
            nomem = true;
        s->overlap_max = lx_stream_overlap_entities;
        if (opt)
            s->opt = *opt;
        s->opt.all_candidates = false;
        s->opt.date = s->date = dup_opt(opt ? opt->date : NULL, &nomem);
        s->opt.types = s->types = dup_opt(opt ? opt->types : NULL, &nomem);
        lx_carry_init(&s->carry);
    }
    if (nomem) {
        lextag_stream_free(s);
        lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    return s;
}

lextag_stream *lextag_stream_new(lextag_tagger *t, const lextag_options *opt,
                                 lextag_entity_fn fn, void *arg, lextag_error *err)
{
    return make(t, opt, fn, NULL, arg, err);
}

lextag_stream *lextag_stream_new_windows(lextag_tagger *t, const lextag_options *opt,
                                         lextag_window_fn fn, void *arg, lextag_error *err)
{
    return make(t, opt, NULL, fn, arg, err);
}

void lextag_stream_free(lextag_stream *s)
{
    if (!s)
        return;
    lx_lanes_free(s->side);
    lx_carry_free(&s->carry);
    lextag_result_free(s->held);
    free(s->ends);
    free(s->wins);
    free(s->refs);
    free(s->buf);
    free(s->limits);
    free(s->date);
    free(s->types);
    free(s);
}

/* The clock of the tagger's timing sink, or 0 when there is none. */
static double clock_of(const lextag_stream *s)
{
    lextag_timing *tm = lx_tagger_timing(s->t);
    return tm ? lx_timing_clock(tm) : 0;
}

/* The stream's own work since *t0 goes to the sink's "stream". */
static void lap(const lextag_stream *s, double *t0)
{
    lextag_timing *tm = lx_tagger_timing(s->t);
    lx_timing_lap(tm, tm ? &tm->stream : NULL, t0);
}

/* Records the fault (the first one wins) and reports it to err. */
static int fail(lextag_stream *s, int rc, lextag_error *err, const char *why)
{
    if (!s->failed)
        s->failed = rc;
    return lx_error_set(err, rc, NULL, 0, 0, "%s", why);
}

/*
 * End of the window that starts at byte a of buf when it can be cut as the
 * whole document would cut its stretches, else 0 (more text is needed).
 */
static size_t window_end(lextag_stream *s, size_t a)
{
    size_t n = lx_stretch_size;
    /* a cut, once made, stays (see above): each feed goes on from the last */
    if (s->cut_at != s->byte + a || !s->cut_k) {
        s->cut_at = s->byte + a;
        s->cut_k = 0;
        s->cut_end = s->cut_at;
    }
    a = s->cut_end - s->byte;
    for (; s->cut_k < s->stretches; s->cut_k++) {
        if (s->len - a <= n + n / 4)
            return 0;
        a = lx_stretch_end(s->buf, s->len, a);
        s->cut_end = s->byte + a;
    }
    return a;
}

/* Code points and UTF-16 units of t[0..len), counted as the tagger does. */
static void count_text(const char *t, size_t len, size_t *cp, size_t *u16)
{
    size_t b = 0, l;
    while (b < len) {
        size_t ascii = lx_ascii_blocks(t + b, len - b);
        b += ascii;
        *cp += ascii;
        *u16 += ascii;
        if (b == len)
            break;
        if ((unsigned char) t[b] < 0x80) {
            b++;
            ++*cp;
            ++*u16;
            continue;
        }
        uint32_t c = lx_utf8_decode((const unsigned char *) t + b, len - b, &l);
        b += l;
        ++*cp;
        *u16 += lx_utf16_units(c);
    }
}

static int add_limits(lextag_stream *s, const lextag_result *r)
{
    for (size_t i = 0; i < r->n_limit; i++)
        if (lx_vec_add_name(&s->limits, &s->n_limits, r->limit_rules[i]))
            return LEXTAG_ERR_NOMEM;
    return 0;
}

/*
 * The window's refs made final (an index among all the entities of the
 * stream, as the callback sees them) and the carry sealed with it, before
 * the next window is tagged.
 */
static int settle(lextag_stream *s, lextag_result *r)
{
    double t0 = clock_of(s);
    int rc = add_limits(s, r);
    if (!rc && r->n > s->refs_cap) {
        long *v = realloc(s->refs, r->n * sizeof(*v));
        if (!v)
            return LEXTAG_ERR_NOMEM;
        s->refs = v;
        s->refs_cap = r->n;
    }
    if (rc)
        return rc;
    /* the carry answers for this window's refs until it is sealed */
    for (size_t i = 0; i < r->n; i++)
        s->refs[i] = r->ents[i].ref >= 0 ? r->ents[i].ref + (long) s->n_out
                                         : lx_carry_ref(&s->carry, &r->ents[i]);
    rc = lx_carry_seal(&s->carry, r->ents, r->n, s->n_out);
    for (size_t i = 0; i < r->n; i++)
        r->ents[i].ref = s->refs[i];
    s->n_out += r->n;
    lap(s, &t0);
    return rc;
}

/* Entity e of the window that starts where the stream's text does, with
   offsets in the whole document. */
static void place(const lextag_stream *s, lextag_entity *e)
{
    e->byte_start += s->byte;
    e->byte_end += s->byte;
    e->start += s->cp;
    e->end += s->cp;
    e->utf16_start += s->u16;
    e->utf16_end += s->u16;
}

/* Hands window r's entities, whose text starts at `at`, to the callback;
   returns 0 or LEXTAG_ERR_IO. */
static int deliver(lextag_stream *s, lextag_result *r, const char *at)
{
    if (s->wfn) {
        /* the window is dropped once delivered: its offsets change in place */
        for (size_t i = 0; i < r->n; i++)
            place(s, &r->ents[i]);
        if (s->wfn(s->arg, r->ents, r->n, at, s->byte, lx_tagger_threads(s->t)) != 0)
            return LEXTAG_ERR_IO;
        s->n_delivered += r->n;
        return 0;
    }
    for (size_t i = 0; i < r->n; i++) {
        lextag_entity e = r->ents[i];
        place(s, &e);
        if (s->fn(s->arg, &e, at + r->ents[i].byte_start) != 0)
            return LEXTAG_ERR_IO;
        s->n_delivered++;
    }
    return 0;
}

/* The stream's text now starts len bytes later, past text[0..len): the
   offsets of the next window count them. */
static void pass_text(lextag_stream *s, const char *text, size_t len)
{
    count_text(text, len, &s->cp, &s->u16);
    s->byte += len;
}

/* Drops the held window: its result, and its text from buf. */
static void drop_held(lextag_stream *s)
{
    double t0 = clock_of(s);
    size_t wlen = s->held_len;
    pass_text(s, s->buf, wlen);
    s->len -= wlen;
    if (s->len)
        memmove(s->buf, s->buf + wlen, s->len);
    lextag_result_free(s->held);
    s->held = NULL;
    s->held_len = 0;
    lap(s, &t0);
}

/* One window to tag: buf[off..off + len), tagged on whichever thread. */
typedef struct job {
    lextag_stream *s;
    size_t off, len;
    lextag_result *r;
    lextag_error err;
} job;

static void tag_job(job *j)
{
    lextag_stream *s = j->s;
    lextag_error_clear(&j->err);
    /* rules may read the text that follows the window */
    s->carry.avail = s->len - j->off;
    lx_tagger_set_carry(s->t, &s->carry);
    /* an empty document has no buffer, and NULL + 0 is no pointer */
    const char *text = s->buf ? s->buf + j->off : NULL;
    j->r = lextag_tagger_tag(s->t, text, j->len, &s->opt, &j->err);
    lx_tagger_set_carry(s->t, NULL);
}

/* Lane 0 (this thread) delivers the held window, lane 1 tags the next. */
typedef struct overlap {
    job *j;
    int io;
} overlap;

static void overlap_lane(void *ctx, unsigned lane)
{
    overlap *o = ctx;
    if (lane)
        tag_job(o->j);
    else
        o->io = deliver(o->j->s, o->j->s->held, o->j->s->buf);
}

/*
 * May window r be held while the next one is tagged?  Only when the tagger
 * may use more than one thread (--threads 1 means one) and r has few
 * enough entities: a window dense with them is delivered at once, so that
 * memory stays bounded by a single such window.
 */
static bool may_hold(const lextag_stream *s, const lextag_result *r)
{
    return r->n <= s->overlap_max && lx_tagger_threads(s->t) > 1;
}

/*
 * Tags the wlen bytes after the held window (if any) as the next window, on
 * a thread of its own while the held window is delivered on this one, and
 * drops the held window; then holds the new one, or delivers it at once
 * when it may not be held.
 */
static int next_window(lextag_stream *s, size_t wlen, lextag_error *err)
{
    job j = {s, s->held_len, wlen, NULL, {0}};
    overlap o = {&j, 0};
    if (s->held && !s->side)
        s->side = lx_lanes_new(); /* without it, the windows take turns */
    if (!s->held)
        tag_job(&j);
    else if (lx_lanes_run(s->side, 2, overlap_lane, &o) < 2)
        tag_job(&j); /* no side thread to be had: lane 0 delivered, this one tags */
    else
        s->overlaps++;
    int io = o.io;
    if (s->held)
        drop_held(s);
    if (!j.r) {
        /* a fault in either: the stream is over */
        return io ? fail(s, io, err, "the entity callback stopped the stream")
                  : fail(s, j.err.code, err, j.err.message);
    }
    int rc = io ? io : settle(s, j.r);
    if (rc) {
        lextag_result_free(j.r);
        return fail(s, rc, err, rc == LEXTAG_ERR_IO ? "the entity callback stopped the stream"
                                                    : "out of memory");
    }
    s->held = j.r;
    s->held_len = wlen;
    if (may_hold(s, j.r))
        return 0;
    io = deliver(s, s->held, s->buf);
    drop_held(s);
    return io ? fail(s, io, err, "the entity callback stopped the stream") : 0;
}

/*
 * Window i of a group, tagged: settled, then delivered at once (the tagger
 * goes on to the next window after this returns), so that a group holds
 * one window's entities at a time.  Its text stays in buf until the group
 * is done: the later windows of the group point into it.
 */
static int group_done(void *arg, size_t i, lextag_result *r)
{
    lextag_stream *s = arg;
    int rc = settle(s, r);
    if (!rc && !s->group_io) {
        size_t len = s->wins[i].len;
        const char *at = s->buf ? s->buf + s->group_off : NULL;
        s->group_io = deliver(s, r, at);
        double t0 = clock_of(s);
        pass_text(s, at, len);
        s->group_off += len;
        s->grouped += s->group_n > 1;
        lap(s, &t0);
    }
    lextag_result_free(r);
    return rc ? rc : s->group_io;
}

/*
 * Tags the group of windows that end at s->ends[0..n) (the last one at the
 * end of buf when the stream is finished) together, delivering each in
 * order as soon as it is tagged, then drops the group's text.
 */
static int tag_group(lextag_stream *s, size_t n, lextag_error *err)
{
    const size_t *ends = s->ends;
    lx_window_text *w = s->wins;
    /* an empty document has no buffer, and NULL + 0 is no pointer */
    for (size_t i = 0, a = 0; i < n; a = ends[i++])
        w[i] = (lx_window_text){s->buf ? s->buf + a : NULL, ends[i] - a, s->len - a};
    lextag_error tag_err;
    lextag_error_clear(&tag_err);
    s->group_n = n;
    s->group_off = 0;
    s->group_io = 0;
    lx_tagger_set_carry(s->t, &s->carry);
    int rc = lx_tagger_tag_windows(s->t, w, n, &s->opt, group_done, s, &tag_err);
    lx_tagger_set_carry(s->t, NULL);
    double t0 = clock_of(s);
    s->len -= s->group_off;
    if (s->group_off && s->len)
        memmove(s->buf, s->buf + s->group_off, s->len);
    lap(s, &t0);
    s->n_cut = 0; /* the cuts were made in the text now dropped */
    if (s->group_io)
        return fail(s, s->group_io, err, "the entity callback stopped the stream");
    if (rc)
        return fail(s, rc, err, tag_err.code ? tag_err.message : "out of memory");
    return 0;
}

/* Cuts the whole windows that can be cut from the start of buf, at most a
   group of them, into s->ends, going on from the last feed's; returns
   their number. */
static size_t cut_group(lextag_stream *s)
{
    size_t a = s->n_cut ? s->ends[s->n_cut - 1] : 0;
    for (size_t w; s->n_cut < s->group && (w = window_end(s, a)) != 0; a = w)
        s->ends[s->n_cut++] = w;
    return s->n_cut;
}

static int check(lextag_stream *s, lextag_error *err)
{
    if (!s)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no stream");
    if (s->failed || s->finished)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0,
                            s->failed ? "the stream stopped on an earlier error"
                                      : "the stream is finished");
    return 0;
}

int lextag_stream_feed(lextag_stream *s, const char *buf, size_t len, lextag_error *err)
{
    int rc = check(s, err);
    if (rc)
        return rc;
    if (!buf && len)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "NULL text with a length");
    double t0 = clock_of(s);
    if (s->len + len > s->cap) {
        size_t cap = s->cap ? s->cap : 1u << 16;
        while (cap < s->len + len)
            cap *= 2;
        char *b = realloc(s->buf, cap);
        if (!b)
            return fail(s, LEXTAG_ERR_NOMEM, err, "out of memory");
        s->buf = b;
        s->cap = cap;
    }
    if (len)
        memcpy(s->buf + s->len, buf, len);
    s->len += len;
    while (s->group > 1 && cut_group(s) == s->group) {
        lap(s, &t0);
        if ((rc = tag_group(s, s->group, err)))
            return rc;
        t0 = clock_of(s);
    }
    for (size_t w; s->group == 1 && (w = window_end(s, s->held_len)) != 0;) {
        lap(s, &t0);
        if ((rc = next_window(s, w - s->held_len, err)))
            return rc;
        t0 = clock_of(s); /* tagging and delivery are timed as their own */
    }
    lap(s, &t0);
    return 0;
}

int lextag_stream_finish(lextag_stream *s, lextag_error *err)
{
    int rc = check(s, err);
    if (rc)
        return rc;
    s->finished = true;
    if (s->group > 1) {
        /* the whole windows that are left, then the rest as one */
        size_t n = cut_group(s);
        s->ends[n++] = s->len;
        return tag_group(s, n, err);
    }
    /* the rest is one window, cut into stretches as the whole document is */
    rc = next_window(s, s->len - s->held_len, err);
    if (rc || !s->held)
        return rc;
    rc = deliver(s, s->held, s->buf);
    drop_held(s);
    return rc ? fail(s, rc, err, "the entity callback stopped the stream") : 0;
}

size_t lx_stream_overlaps(const lextag_stream *s)
{
    return s->overlaps;
}

size_t lx_stream_grouped(const lextag_stream *s)
{
    return s->grouped;
}

size_t lextag_stream_count(const lextag_stream *s)
{
    return s ? s->n_delivered : 0;
}

size_t lextag_stream_limit_hits(const lextag_stream *s)
{
    return s ? s->n_limits : 0;
}

const char *lextag_stream_limit_rule(const lextag_stream *s, size_t i)
{
    return s && i < s->n_limits ? s->limits[i] : NULL;
}
