/* SPDX-License-Identifier: MIT */
/*
 * Streams: the text fed is buffered until a window of lx_stream_stretches
 * stretches can be cut where the whole-document path would cut its
 * stretches (lx_stretch_end gives the same cut once more than a stretch and
 * a quarter follows it).  Each window is tagged as a document of its own,
 * with the carried state of carry.h, its entities are handed to the
 * callback with the window's offsets (bytes, code points, UTF-16 units)
 * added, and the window's text and result are dropped.  The buffer thus
 * holds at most a window and a stretch and a half, and the output does not
 * depend on how the text was split into feeds.
 */
#include "stream.h"

#include <stdlib.h>
#include <string.h>

#include "carry.h"
#include "error.h"
#include "result.h"
#include "stretch.h"
#include "tagger.h"
#include "utf8.h"

size_t lx_stream_stretches = LX_STREAM_STRETCHES;

struct lextag_stream {
    lextag_tagger *t;
    lextag_entity_fn fn;
    void *arg;
    lextag_options opt;
    char *date, *types;      /* copies for opt */
    char *buf;               /* text fed and not yet tagged */
    size_t len, cap;
    size_t stretches;        /* per window */
    size_t byte, cp, u16;    /* where buf starts in the document */
    size_t n_out;            /* entities delivered */
    const char **limits;     /* rules cut off, borrowed from the model */
    size_t n_limits;
    int failed;              /* the first error: the stream is over */
    bool finished;
    lx_carry carry;
};

static char *dup_opt(const char *s, bool *nomem)
{
    char *d = s ? strdup(s) : NULL;
    *nomem |= s && !d;
    return d;
}

lextag_stream *lextag_stream_new(lextag_tagger *t, const lextag_options *opt,
                                 lextag_entity_fn fn, void *arg, lextag_error *err)
{
    if (!t || !fn) {
        lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "a stream needs a tagger and a callback");
        return NULL;
    }
    lextag_stream *s = calloc(1, sizeof(*s));
    bool nomem = !s;
    if (s) {
        s->t = t;
        s->fn = fn;
        s->arg = arg;
        s->stretches = lx_stream_stretches ? lx_stream_stretches : 1;
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

void lextag_stream_free(lextag_stream *s)
{
    if (!s)
        return;
    lx_carry_free(&s->carry);
    free(s->buf);
    free(s->limits);
    free(s->date);
    free(s->types);
    free(s);
}

/* Records the fault (the first one wins) and reports it to err. */
static int fail(lextag_stream *s, int rc, lextag_error *err, const char *why)
{
    if (!s->failed)
        s->failed = rc;
    return lx_error_set(err, rc, NULL, 0, 0, "%s", why);
}

/*
 * End of the next window when it can be cut as the whole document would cut
 * its stretches, else 0 (more text is needed).
 */
static size_t window_end(const lextag_stream *s)
{
    size_t n = lx_stretch_size, a = 0;
    for (size_t k = 0; k < s->stretches; k++) {
        if (s->len - a <= n + n / 4)
            return 0;
        a = lx_stretch_end(s->buf, s->len, a);
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
    for (size_t i = 0; i < r->n_limit; i++) {
        bool seen = false;
        for (size_t k = 0; k < s->n_limits; k++)
            seen |= s->limits[k] == r->limit_rules[i];
        if (seen)
            continue;
        const char **v = realloc(s->limits, (s->n_limits + 1) * sizeof(*v));
        if (!v)
            return LEXTAG_ERR_NOMEM;
        s->limits = v;
        v[s->n_limits++] = r->limit_rules[i];
    }
    return 0;
}

/* Hands the window's entities to the callback; returns 0 or LEXTAG_ERR_IO. */
static int deliver(lextag_stream *s, const lextag_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const lextag_entity *w = &r->ents[i];
        lextag_entity e = *w;
        e.byte_start += s->byte;
        e.byte_end += s->byte;
        e.start += s->cp;
        e.end += s->cp;
        e.utf16_start += s->u16;
        e.utf16_end += s->u16;
        e.ref = w->ref >= 0 ? w->ref + (long) s->n_out : lx_carry_ref(&s->carry, w);
        if (s->fn(s->arg, &e, s->buf + w->byte_start) != 0)
            return LEXTAG_ERR_IO;
    }
    return 0;
}

/* Tags buf[0..wlen) as one window, delivers it and drops it. */
static int tag_window(lextag_stream *s, size_t wlen, lextag_error *err)
{
    lextag_error e;
    lextag_error_clear(&e);
    s->carry.avail = s->len;
    lx_tagger_set_carry(s->t, &s->carry);
    lextag_result *r = lextag_tagger_tag(s->t, s->buf, wlen, &s->opt, &e);
    lx_tagger_set_carry(s->t, NULL);
    if (!r)
        return fail(s, e.code, err, e.message);
    int rc = add_limits(s, r);
    if (rc) {
        lextag_result_free(r);
        return fail(s, rc, err, "out of memory");
    }
    rc = deliver(s, r);
    if (!rc)
        rc = lx_carry_seal(&s->carry, r->ents, r->n, s->n_out);
    s->n_out += r->n;
    lextag_result_free(r);
    if (rc == LEXTAG_ERR_IO)
        return fail(s, rc, err, "the entity callback stopped the stream");
    if (rc)
        return fail(s, rc, err, "out of memory");
    count_text(s->buf, wlen, &s->cp, &s->u16);
    s->byte += wlen;
    s->len -= wlen;
    if (s->len)
        memmove(s->buf, s->buf + wlen, s->len);
    return 0;
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
    for (size_t w; (w = window_end(s)) != 0;)
        if ((rc = tag_window(s, w, err)))
            return rc;
    return 0;
}

int lextag_stream_finish(lextag_stream *s, lextag_error *err)
{
    int rc = check(s, err);
    if (rc)
        return rc;
    s->finished = true;
    /* the rest is one window, cut into stretches as the whole document is */
    return tag_window(s, s->len, err);
}

size_t lextag_stream_count(const lextag_stream *s)
{
    return s ? s->n_out : 0;
}

size_t lextag_stream_limit_hits(const lextag_stream *s)
{
    return s ? s->n_limits : 0;
}

const char *lextag_stream_limit_rule(const lextag_stream *s, size_t i)
{
    return s && i < s->n_limits ? s->limits[i] : NULL;
}
