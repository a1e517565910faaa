/* SPDX-License-Identifier: MIT */
/*
 * The feature templates: for token i, its folded word and those of the two
 * tokens either side, word bigrams, shapes, case flags, prefixes and
 * suffixes, evidence bits (its own and its neighbours'), line kind,
 * candidate marks (its own and its neighbours'), document-level counts,
 * word-cluster prefixes, and for a sentence standing alone copies of the
 * broadest of them.  In explain mode every feature also gets a
 * readable name; names are only formatted then, so tagging pays nothing
 * for them.
 */
#include "templates.h"

#include <stdio.h>
#include <string.h>

#include "model.h"
#include "trie.h"

enum tmpl {
    T_BIAS = 1, T_W, T_WM1, T_WP1, T_WM2, T_WP2, T_BIL, T_BIR,
    T_SHAPE, T_SHAPEM1, T_SHAPEP1, T_SHAPE3, T_FLAGS, T_PRE, T_SUF = T_PRE + 8,
    T_BIT = T_SUF + 8, T_BITM1, T_BITP1, T_LINE, T_LINECASE, T_MARK, T_CM, T_CMM1, T_CMP1,
    T_DOC, T_CL, T_CLM1 = T_CL + 8, T_CLP1,
    T_BRIEF,
};

/* One multiply: the values are hashes already, or small codes the
   template id spreads.  The feature's id is the product's high half
   (fh()); a scoring sink finds its row from the product itself (row_at()). */
static inline uint64_t fh_product(uint32_t tpl, uint64_t v)
{
    return (v + (uint64_t) tpl * 0x9E3779B97F4A7C15ull) * 0xD6E8FEB86659FD93ull;
}

static inline uint32_t fh(uint32_t tpl, uint64_t v)
{
    return (uint32_t) (fh_product(tpl, v) >> 32);
}

/* A row is 16 bytes: the byte offset of a feature's row is its id, cut to
   the table, times 16, which is the product shifted by 28 and cut to the
   table's mask times 16, one shift fewer for every feature scored. */
_Static_assert(LX_WSTRIDE * sizeof(int16_t) == 16, "a row of weights is 16 bytes");
#define ROW_SHIFT 28
static inline uint64_t row_mask(uint32_t mask)
{
    return (uint64_t) mask << (32 - ROW_SHIFT);
}

static inline const void *row_at(const int16_t *rows, uint64_t bytes_mask, uint64_t product)
{
    return (const char *) rows + ((product >> ROW_SHIFT) & bytes_mask);
}

/* A token's features, at most: the bias; its word, four prefixes, four
   suffixes, its shape, one per evidence bit (EV_MASK below) and four
   cluster prefixes; its context (see context()). */
#define WORD_FEATS (1 + 4 + 4 + 1 + 23 + 4)
#define CONTEXT_FEATS (6 + 3 + 2 + (LX_FEAT_MARKS + 2) + 2 + 2 + 6)
_Static_assert(1 + WORD_FEATS + CONTEXT_FEATS <= LX_FEAT_MAX, "LX_FEAT_MAX too small");

#if defined(__SSE2__)
/*
 * A sink that scores (lx_feat_score_contexts()): each feature's weight row
 * is summed where the feature is made, and no id is stored.  Its ids are
 * NULL, which tells it from a sink that writes them; the templates, inlined
 * where it is made, know which it is, and the test drops out.
 */
typedef struct score_sink {
    lx_fsink f;          /* first: the templates are given &f */
    const int16_t *rows; /* the weights */
    uint64_t mask;       /* row_mask() of the weights' mask */
    const lx_feat_scratch *sc; /* its rows of the features of few values (PUT_FEW()) */
    __m128i sum;         /* rows since the last widening, in int16 */
    __m128i lo, hi;      /* labels 1-4 and 5-8, in int32 */
} score_sink;

#define SCORING(s) ((s)->ids == NULL)
/* Tells the compiler that a sink writes ids, which it cannot know of
   a pointer it was given: the test of each feature drops out. */
#define WRITING(s)                                                                      \
    do {                                                                                \
        if (SCORING(s))                                                                 \
            __builtin_unreachable();                                                    \
    } while (0)
#define SCORE_SINK(s) ((score_sink *) (void *) (s))
/* Adds the row at byte offset off of the weights to a scoring sink's sums. */
#define ADD_ROW_AT(s, off)                                                              \
    (SCORE_SINK(s)->sum = _mm_add_epi16(                                                \
         SCORE_SINK(s)->sum,                                                            \
         _mm_loadu_si128((const __m128i *) ((const char *) SCORE_SINK(s)->rows + (off)))))
/* Adds the row of the feature whose fh_product() is x to a scoring sink's
   int16 sums. */
#define ADD_ROW(s, x)                                                                   \
    (SCORE_SINK(s)->sum = _mm_add_epi16(                                                \
         SCORE_SINK(s)->sum,                                                            \
         _mm_loadu_si128((const __m128i *) row_at(SCORE_SINK(s)->rows,                  \
                                                  SCORE_SINK(s)->mask, (x)))))
/* Widens a scoring sink's int16 sums into its int32 ones: after every
   group of templates that give eight features at most (|w| <= LX_WMAX). */
#define WIDEN(s)                                                                        \
    do {                                                                                \
        if (SCORING(s)) {                                                               \
            lx_weights_widen_add(SCORE_SINK(s)->sum, &SCORE_SINK(s)->lo,                \
                                 &SCORE_SINK(s)->hi);                                   \
            SCORE_SINK(s)->sum = _mm_setzero_si128();                                   \
        }                                                                               \
    } while (0)
#else
#define SCORING(s) 0
#define WRITING(s) ((void) 0)
#define ADD_ROW(s, x) ((void) (x))
#define ADD_ROW_AT(s, off) ((void) (off))
#define WIDEN(s) ((void) 0)
#endif

/*
 * Declares the sink f that writes ids from `at` on, with a whole scoring
 * sink's room: the templates' scoring branch, which cannot run for it
 * (WRITING()), still names a scoring sink's fields, and a compiler that
 * checks array bounds through inlined code finds them there.
 */
#if defined(__SSE2__)
#define WRITING_SINK(f, at)                                                             \
    score_sink f##_room = {.f = {(at), 0, NULL}};                                       \
    lx_fsink *f = &f##_room.f
#else
#define WRITING_SINK(f, at)                                                             \
    lx_fsink f##_room = {(at), 0, NULL};                                                \
    lx_fsink *f = &f##_room
#endif

/* PUT() of a feature with few values, starting at `at` of the scratch's
   table few: a scoring sink reads its row's place there (see
   lx_feat_few_rows()). */
#if defined(__SSE2__)
#define PUT_FEW(s, at, tpl, val, ...)                                              \
    do {                                                                           \
        if (SCORING(s)) {                                                          \
            ADD_ROW_AT(s, SCORE_SINK(s)->sc->few[(at) + (val)]);                   \
            (s)->n++;                                                              \
        } else {                                                                   \
            PUT(s, tpl, val, __VA_ARGS__);                                         \
        }                                                                          \
    } while (0)
#else
#define PUT_FEW(s, at, tpl, val, ...) PUT(s, tpl, val, __VA_ARGS__)
#endif

#define PUT(s, tpl, val, ...)                                                      \
    do {                                                                           \
        uint64_t x_ = fh_product((tpl), (val));                                    \
        if (SCORING(s)) {                                                          \
            ADD_ROW(s, x_);                                                        \
        } else {                                                                   \
            (s)->ids[(s)->n] = (uint32_t) (x_ >> 32);                              \
            if ((s)->names)                                                        \
                snprintf((s)->names[(s)->n], LX_FEAT_NAME, __VA_ARGS__);           \
        }                                                                          \
        (s)->n++;                                                                  \
    } while (0)

uint64_t lx_tmpl_source_hash(const char *source)
{
    return lx_hash64(source, strlen(source));
}

uint64_t lx_tmpl_cand_value(const lx_cand *c, uint64_t source_hash)
{
    /* the priority tells a rule's guess from its firmer reading ("AAAI"
       alone, or after its long form) */
    uint64_t h = (source_hash * 31 + (uint64_t) c->type[0]) * 131 + (uint64_t) c->prio;
    return h ^ ((c->flags & LX_CAND_AMBIGUOUS) ? 0x9E37u : 0);
}

/*
 * Is token k in the stretch?  The context templates ask it of the two
 * tokens either side; "inside" says the caller knows they all are (every
 * token but the stretch's first and last two), and the test drops out.
 */
static inline bool in_stretch(const lx_toklist *tl, long k, bool inside)
{
    return inside || (k >= 0 && (size_t) k < tl->n);
}

/* Word hash of token k, or a fixed value outside the stretch. */
static inline uint64_t word(const lx_toklist *tl, long k, bool inside)
{
    return in_stretch(tl, k, inside) ? tl->v[k].hash : 0x2545F4914F6CDD1Dull;
}

static const char *wname(const lx_toklist *tl, long k)
{
    return k >= 0 && (size_t) k < tl->n ? lx_tok_fold(tl, &tl->v[k]) : "<none>";
}

/* Shape class of each byte: for ASCII 'X', 'x', 'd', or the byte itself;
   above it, SHAPE_NONE for a UTF-8 continuation byte, which has no class,
   and 'x' for a lead byte, a letter (shape_of() makes it 'X' first in a
   capitalized token). */
#define SHAPE_NONE 0xff
static const unsigned char shape_class[256] =
    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
    "\x20\x21\x22\x23\x24\x25\x26\x27\x28\x29\x2a\x2b\x2c\x2d\x2e\x2f"
    "\x64\x64\x64\x64\x64\x64\x64\x64\x64\x64\x3a\x3b\x3c\x3d\x3e\x3f"
    "\x40\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58"
    "\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x58\x5b\x5c\x5d\x5e\x5f"
    "\x60\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78"
    "\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x78\x7b\x7c\x7d\x7e\x7f"
    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
    "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
    "xxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxx";

/* Shape class of byte b of token t; SHAPE_NONE for a UTF-8 continuation
   byte, which has none. */
static inline int shape_of(const char *text, const lx_token *t, uint32_t b)
{
    unsigned char ch = (unsigned char) text[b];
    if (b == t->start && ch >= 0xC0 && (t->flags & LX_TF_CAP))
        return 'X';
    return shape_class[ch];
}

size_t lx_tmpl_shape(const char *text, const lx_toklist *tl, long k, char *buf)
{
    if (k < 0 || (size_t) k >= tl->n) {
        memcpy(buf, "<none>", 7);
        return 6;
    }
    const lx_token *t = &tl->v[k];
    size_t n = 0;
    char last = 0;
    for (uint32_t b = t->start; b < t->end && n < LX_SHAPE_MAX; b++) {
        int c = shape_of(text, t, b);
        if (c == SHAPE_NONE)
            continue;
        /* runs collapse without a branch: the byte is written, and kept
           when it opens a run */
        buf[n] = (char) c;
        n += (char) c != last;
        last = (char) c;
    }
    buf[n] = '\0';
    return n;
}

uint64_t lx_tmpl_shape_hash(const char *text, const lx_token *t)
{
    /* lx_hash64() of the shape, grown a byte at a time as runs open: most
       bytes go on a run ("Xxxxx" opens two), and cost no multiply.  Only
       the first byte asks shape_of(); the others' classes are the table's. */
    uint64_t h = 1469598103934665603ull;
    if (t->start == t->end)
        return h;
    size_t n = 0;
    int last = 0, c = shape_of(text, t, t->start);
    if (c != SHAPE_NONE && c != last) {
        h = (h ^ (unsigned char) c) * 1099511628211ull;
        last = c;
        n++;
    }
    const unsigned char *p = (const unsigned char *) text + t->start + 1;
    const unsigned char *end = (const unsigned char *) text + t->end;
    while (p < end) {
        /* the bytes that go on the run, most of them, in a loop of their
           own that only compares each byte's class */
        c = shape_class[*p];
        while (c == last && ++p < end)
            c = shape_class[*p];
        if (p == end)
            break;
        p++;
        if (c == SHAPE_NONE)
            continue;
        h = (h ^ (unsigned char) c) * 1099511628211ull;
        last = c;
        if (++n == LX_SHAPE_MAX)
            break;
    }
    return h;
}

/* Templates are inlined into the two callers below, once with names and
   once without (see lx_feat_context()). */
#define LX_ALWAYS_INLINE __attribute__((always_inline))

#define EV_MASK ((1u << 23) - 1)

/* The evidence bits of token k, one feature each. */
static inline LX_ALWAYS_INLINE void bits(const lx_fctx *c, long k, uint32_t tpl, lx_fsink *s)
{
    uint32_t b = c->tl->v[k].bits & EV_MASK;
    while (b) {
        uint32_t bit = b & -b;
        b &= b - 1;
        const char *nm = s->names ? lx_model_evidence_name(bit) : NULL;
        PUT(s, tpl, bit, "bit=%s", nm ? nm : "PLACE_PART");
    }
}

/* The token's own word: folded form, prefixes and suffixes. */
static inline LX_ALWAYS_INLINE void own_word(const lx_fctx *c, long i, lx_fsink *s)
{
    const lx_toklist *tl = c->tl;
    const lx_token *t = &tl->v[i];
    const char *f = lx_tok_fold(tl, t);
    PUT(s, T_W, t->hash, "word=%s", f);
    /* FNV-1a grown a byte at a time: prefix k's hash is step k's, and the
       suffixes' hashes are those of their bytes read from the end */
    uint64_t hp = 1469598103934665603ull, hs = hp;
    for (uint32_t k = 1; k <= 4 && k <= t->fold_len; k++) {
        hp = (hp ^ (unsigned char) f[k - 1]) * 1099511628211ull;
        hs = (hs ^ (unsigned char) f[t->fold_len - k]) * 1099511628211ull;
        PUT(s, T_PRE + k, hp, "prefix%u=%.*s", k, (int) k, f);
        PUT(s, T_SUF + k, hs, "suffix%u=%s", k, f + t->fold_len - k);
    }
}

/* The words around it. */
static inline LX_ALWAYS_INLINE void near_words(const lx_fctx *c, long i, lx_fsink *s, bool in)
{
    const lx_toklist *tl = c->tl;
    uint64_t w0 = word(tl, i, true), wm = word(tl, i - 1, in), wp = word(tl, i + 1, in);
    PUT(s, T_WM1, wm, "prev=%s", wname(tl, i - 1));
    PUT(s, T_WP1, wp, "next=%s", wname(tl, i + 1));
    PUT(s, T_WM2, word(tl, i - 2, in), "prev2=%s", wname(tl, i - 2));
    PUT(s, T_WP2, word(tl, i + 2, in), "next2=%s", wname(tl, i + 2));
    PUT(s, T_BIL, wm * 31 + w0, "prev+word=%s %s", wname(tl, i - 1), wname(tl, i));
    PUT(s, T_BIR, w0 * 31 + wp, "word+next=%s %s", wname(tl, i), wname(tl, i + 1));
}

/* The evidence bits of a neighbour, as one value. */
static inline LX_ALWAYS_INLINE void near_bits(const lx_fctx *c, long k, uint32_t tpl, lx_fsink *s,
                                              bool in)
{
    uint32_t b = in_stretch(c->tl, k, in) ? c->tl->v[k].bits & EV_MASK : 1u << 31;
    PUT(s, tpl, b, "%s:bits=%#x", tpl == T_BITM1 ? "prev" : "next", b);
}

static inline LX_ALWAYS_INLINE uint64_t shape_at(const lx_fctx *c, long k, bool in)
{
    return in_stretch(c->tl, k, in) ? c->sc->shp[k] : 0x7F4A7C15u;
}

static inline LX_ALWAYS_INLINE void shapes(const lx_fctx *c, long i, lx_fsink *s, bool in)
{
    char a[16] = "", d[16] = "";
    if (s->names) {
        lx_tmpl_shape(c->text, c->tl, i - 1, a);
        lx_tmpl_shape(c->text, c->tl, i + 1, d);
    }
    uint64_t ha = shape_at(c, i - 1, in), hd = shape_at(c, i + 1, in);
    const lx_token *t = &c->tl->v[i];
    PUT(s, T_SHAPEM1, ha, "prev:shape=%s", a);
    PUT(s, T_SHAPEP1, hd, "next:shape=%s", d);
    /* a wrapped line's break is a space: news lines are sentences, and a
       name at a line start is read as one opening a sentence */
    uint32_t drop = LX_TF_SPACE | ((c->sc->line[i] & LX_LINE_JOINED) ? LX_TF_NEWLINE : 0);
    uint32_t fl = t->kind | (uint32_t) (t->flags & ~drop) << 3;
    PUT_FEW(s, LX_FEW_FLAGS, T_FLAGS, fl, "case=%s%s%s",
            (t->flags & LX_TF_ALLCAPS) ? "CAPS" : (t->flags & LX_TF_CAP) ? "Cap" : "lower",
            (t->flags & LX_TF_SENT) ? " sentence-start" : "",
            (fl >> 3 & LX_TF_NEWLINE) ? " line-start" : "");
}

/* "B-PERSON I-ORG gazetteer-ORG": a candidate summary, for names. */
static const char *cm_name(uint8_t m, char *buf, size_t cap)
{
    static const char *const bit[] = {"B-PERSON", "I-PERSON", "B-ORG", "I-ORG",
                                      "gazetteer-PERSON", "gazetteer-ORG"};
    size_t o = 0;
    buf[0] = '\0';
    if (m == 0xFF)
        return "<none>";
    for (int k = 0; k < 6; k++)
        if (m & (1u << k))
            o += (size_t) snprintf(buf + o, o < cap ? cap - o : 0, "%s%s", o ? " " : "", bit[k]);
    return m ? buf : "no candidate";
}

static inline LX_ALWAYS_INLINE void marks(const lx_fctx *c, long i, lx_fsink *s, bool in)
{
    const lx_feat_scratch *sc = c->sc;
    char a[96], b[96], d[96];
    for (uint8_t k = 0; k < sc->n_marks[i]; k++)
        PUT(s, T_MARK, sc->mark_val[sc->marks[i * LX_FEAT_MARKS + k]], "candidate mark %u (see sources)", k + 1);
    PUT_FEW(s, LX_FEW_CM, T_CM, sc->cmask[i], "cands=%s", cm_name(sc->cmask[i], a, sizeof(a)));
    uint8_t pm = in_stretch(c->tl, i - 1, in) ? sc->cmask[i - 1] : 0xFF;
    uint8_t nm = in_stretch(c->tl, i + 1, in) ? sc->cmask[i + 1] : 0xFF;
    PUT(s, T_CMM1, pm << 8 | nm, "prev:cands=%s next:cands=%s", cm_name(pm, b, sizeof(b)),
        cm_name(nm, d, sizeof(d)));
}

static inline LX_ALWAYS_INLINE void line_doc(const lx_fctx *c, long i, lx_fsink *s)
{
    const lx_token *t = &c->tl->v[i];
    /* a wrapped line is running text: read as the text it continues (few
       annotated lines wrap, and their own weights would be a guess) */
    uint8_t lk = c->sc->line[i] & ~LX_LINE_JOINED;
    if (lk == LX_LINE_WRAP)
        lk = LX_LINE_TEXT;
    unsigned cs = (t->flags & LX_TF_ALLCAPS) ? 2 : (t->flags & LX_TF_CAP) ? 1 : 0;
    PUT_FEW(s, LX_FEW_LINECASE, T_LINECASE, lk * 4u + cs, "line=%u case=%u", lk, cs);
    /* scoring reads region tokens alone, whose slots were kept */
    const lx_dslot *d = SCORING(s) ? lx_feat_doc_of_region_token(c->sc, (size_t) i)
                                   : lx_feat_doc(c->sc, t->hash);
    if (!d)
        return;
    bool capmid = (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) && !(t->flags & LX_TF_SENT);
    unsigned own_per = (c->sc->cmask[i] & (LX_CM_BPER | LX_CM_IPER)) != 0;
    unsigned own_org = (c->sc->cmask[i] & (LX_CM_BORG | LX_CM_IORG)) != 0;
    unsigned v = (d->lower > 0) | (d->capmid > capmid) << 1 | (d->per > own_per) << 2 |
                 (d->org > own_org) << 3;
    PUT_FEW(s, LX_FEW_DOC, T_DOC, v * 4u + cs,
            "doc: lower=%u capitalized=%u person=%u org=%u case=%u", v & 1, v >> 1 & 1,
            v >> 2 & 1, v >> 3 & 1, cs);
}

static inline LX_ALWAYS_INLINE void own_cluster(const lx_fctx *c, long i, lx_fsink *s)
{
    static const unsigned len[] = {4, 6, 10, 20};
    uint32_t p = c->sc->clu[i];
    for (unsigned k = 0; p && k < 4; k++) {
        unsigned l = len[k] < (p >> 24) ? len[k] : p >> 24;
        uint32_t v = (p & 0xFFFFFF) >> (24 - l);
        PUT(s, T_CL + k, (uint64_t) l << 32 | v, "cluster%u=%u/%u", len[k], v, l);
    }
}

static inline LX_ALWAYS_INLINE void near_clusters(const lx_fctx *c, long i, lx_fsink *s, bool in)
{
    for (int d = -1; d <= 1; d += 2) {
        long k = i + d;
        uint32_t q = in_stretch(c->tl, k, in) ? c->sc->clu[k] : 0;
        if (q)
            PUT_FEW(s, d < 0 ? LX_FEW_CLM1 : LX_FEW_CLP1, d < 0 ? T_CLM1 : T_CLP1,
                    (q & 0xFFFFFF) >> 18, "%s:cluster6=%u", d < 0 ? "prev" : "next",
                    (q & 0xFFFFFF) >> 18);
    }
}

static inline LX_ALWAYS_INLINE void word_feats(const lx_fctx *c, size_t i, lx_fsink *s)
{
    long k = (long) i;
    char b[16] = "";
    if (s->names)
        lx_tmpl_shape(c->text, c->tl, k, b);
    own_word(c, k, s);
    PUT(s, T_SHAPE, c->sc->shp[i], "shape=%s", b);
    bits(c, k, T_BIT, s);
    own_cluster(c, k, s);
}

/* The features with their names (explain, training reports): out of line,
   so that the tagging path's frame and registers are its own. */
static __attribute__((noinline)) void word_named(const lx_fctx *c, size_t i, lx_fsink *s)
{
    word_feats(c, i, s);
}

void lx_feat_word(const lx_fctx *c, size_t i, lx_fsink *s)
{
    if (s->names) {
        word_named(c, i, s);
        return;
    }
    /* the sink from where this token's features start: each is then
       stored at a fixed offset from one pointer */
    WRITING_SINK(f, s->ids + s->n);
    WRITING(f);
    word_feats(c, i, f);
    s->n += f->n;
}

/*
 * A sentence standing alone (an encyclopedia's, a caption) reads unlike a
 * news story: with no story around it, an unknown capitalized phrase is as
 * likely a work, an event or a product as a company.  Copies of the
 * broadest features (bias, shape, case, candidates, coarse cluster), given
 * in brief stretches only and to tokens no list knows, let the weights keep
 * a prior of their own for such text (feature augmentation, as in Daume III
 * 2007).
 */
static inline LX_ALWAYS_INLINE void brief(const lx_fctx *c, long i, lx_fsink *s)
{
    const lx_feat_scratch *sc = c->sc;
    uint32_t fl = c->tl->v[i].flags & (LX_TF_CAP | LX_TF_ALLCAPS | LX_TF_LOWER | LX_TF_SENT);
    uint32_t pm = i > 0 ? sc->cmask[i - 1] : 0xFF;
    uint32_t nm = (size_t) i + 1 < c->tl->n ? sc->cmask[i + 1] : 0xFF;
    uint32_t cl = (sc->clu[i] & 0xFFFFFF) >> 20;
    char b[16] = "";
    if (s->names)
        lx_tmpl_shape(c->text, c->tl, i, b);
    PUT(s, T_BRIEF, 1, "brief");
    PUT(s, T_BRIEF + 1, sc->shp[i], "brief shape=%s", b);
    PUT(s, T_BRIEF + 2, fl, "brief case=%#x", fl);
    PUT(s, T_BRIEF + 3, sc->cmask[i], "brief cands=%#x", sc->cmask[i]);
    PUT(s, T_BRIEF + 4, pm << 8 | nm, "brief prev:cands=%#x next:cands=%#x", pm, nm);
    if (sc->clu[i])
        PUT(s, T_BRIEF + 5, cl, "brief cluster4=%u", cl);
}

static inline LX_ALWAYS_INLINE void context(const lx_fctx *c, size_t i, lx_fsink *s, bool in)
{
    long k = (long) i;
    /* first: the features whose rows are asked for ahead (feat.h); a
       scoring sink widens its sums after each group of eight at most */
    near_words(c, k, s, in);
    WIDEN(s);
    shapes(c, k, s, in);
    near_bits(c, k - 1, T_BITM1, s, in);
    near_bits(c, k + 1, T_BITP1, s, in);
    WIDEN(s);
    marks(c, k, s, in);
    WIDEN(s);
    line_doc(c, k, s);
    near_clusters(c, k, s, in);
    /* a list's entry ("Microsoft") reads the same in either kind of text */
    if (c->sc->brief && !(c->sc->cmask[i] & (LX_CM_GPER | LX_CM_GORG))) {
        WIDEN(s);
        brief(c, k, s);
    }
    WIDEN(s);
}

static __attribute__((noinline)) void context_named(const lx_fctx *c, size_t i, lx_fsink *s)
{
    context(c, i, s, false);
}

void lx_feat_context(const lx_fctx *c, size_t i, lx_fsink *s)
{
    if (s->names) {
        context_named(c, i, s);
        return;
    }
    /* tagging: with no names to format, every template is inlined into a
       copy of the sink the compiler keeps in registers, and the naming
       branches drop out; so do the bounds tests for a token with two
       neighbours either side.  The copy starts at this token's features,
       which are then stored at fixed offsets from one pointer. */
    WRITING_SINK(f, s->ids + s->n);
    WRITING(f);
    if (i >= 2 && i + 2 < c->tl->n)
        context(c, i, f, true);
    else
        context(c, i, f, false);
    s->n += f->n;
}

#if defined(__SSE2__)
/* lx_feat_score_contexts() with the same in (see context()) for all tokens. */
static inline LX_ALWAYS_INLINE void score_contexts(const lx_fctx *c, const lx_weights *w,
                                                   size_t s, size_t n, int32_t *em, bool in)
{
    for (size_t t = 0; t < n; t++) {
        int32_t *e = em + t * LX_NLABELS + 1;
        score_sink k = {{NULL, 0, NULL}, w->w, row_mask(w->mask), c->sc, _mm_setzero_si128(),
                        _mm_loadu_si128((const __m128i *) e),
                        _mm_loadu_si128((const __m128i *) (e + 4))};
        context(c, s + t, &k.f, in);
        _mm_storeu_si128((__m128i *) e, k.lo);
        _mm_storeu_si128((__m128i *) (e + 4), k.hi);
    }
}
#endif

void lx_feat_score_contexts(const lx_fctx *c, const lx_weights *w, size_t s, size_t n,
                            int32_t *em)
{
    /* as lx_feat_context() without names, in a loop around the inlined
       templates: a region's tokens cost no call and no test of names
       each, and whether they all have two neighbours either side (all
       but a stretch's first and last two do) is asked once.  Each
       feature's row is summed where its id is made: no id is stored in
       an array and loaded again, nor counted through a loop of sums. */
#if defined(__SSE2__)
    if (c->sc->few_ready && c->sc->few_mask == w->mask) {
        if (s >= 2 && s + n + 2 <= c->tl->n)
            score_contexts(c, w, s, n, em, true);
        else
            score_contexts(c, w, s, n, em, false);
        return;
    }
#endif
    /* without SSE2, or for weights the scratch holds no rows of the
       few-valued features for: the ids, then their rows */
    for (size_t t = 0; t < n; t++) {
        uint32_t ids[LX_FEAT_MAX];
        lx_fsink f = {ids, 0, NULL};
        lx_feat_context(c, s + t, &f);
        lx_weights_add(w, ids, f.n, em + t * LX_NLABELS + 1);
    }
}

void lx_feat_few_rows(lx_feat_scratch *sc, const lx_weights *w)
{
    uint64_t mask = row_mask(w->mask);
    for (uint32_t v = 0; v < 2048; v++)
        sc->few[LX_FEW_FLAGS + v] = (uint32_t) ((fh_product(T_FLAGS, v) >> ROW_SHIFT) & mask);
    for (uint32_t v = 0; v < 256; v++)
        sc->few[LX_FEW_CM + v] = (uint32_t) ((fh_product(T_CM, v) >> ROW_SHIFT) & mask);
    for (uint32_t v = 0; v < 512; v++)
        sc->few[LX_FEW_LINECASE + v] =
            (uint32_t) ((fh_product(T_LINECASE, v) >> ROW_SHIFT) & mask);
    for (uint32_t v = 0; v < 64; v++) {
        sc->few[LX_FEW_DOC + v] = (uint32_t) ((fh_product(T_DOC, v) >> ROW_SHIFT) & mask);
        sc->few[LX_FEW_CLM1 + v] = (uint32_t) ((fh_product(T_CLM1, v) >> ROW_SHIFT) & mask);
        sc->few[LX_FEW_CLP1 + v] = (uint32_t) ((fh_product(T_CLP1, v) >> ROW_SHIFT) & mask);
    }
    sc->few_mask = w->mask;
    sc->few_ready = true;
}

/* The row of the feature whose fh_product() is x asked for; mask is
   row_mask() of the weights'. */
static inline void prefetch_row(const int16_t *rows, uint64_t mask, uint64_t x)
{
    __builtin_prefetch(row_at(rows, mask, x));
}

/* lx_feat_prefetch_neighbours() with the same in for all tokens: the ids
   of near_words(), made again without a sink. */
static inline LX_ALWAYS_INLINE void prefetch_neighbours(const lx_fctx *c, const lx_weights *w,
                                                        size_t s, size_t n, bool in)
{
    const lx_toklist *tl = c->tl;
    const int16_t *rows = w->w;
    uint64_t mask = row_mask(w->mask);
    for (size_t t = 0; t < n; t++) {
        long i = (long) (s + t);
        uint64_t w0 = word(tl, i, true), wm = word(tl, i - 1, in), wp = word(tl, i + 1, in);
        prefetch_row(rows, mask, fh_product(T_WM1, wm));
        prefetch_row(rows, mask, fh_product(T_WP1, wp));
        prefetch_row(rows, mask, fh_product(T_WM2, word(tl, i - 2, in)));
        prefetch_row(rows, mask, fh_product(T_WP2, word(tl, i + 2, in)));
        prefetch_row(rows, mask, fh_product(T_BIL, wm * 31 + w0));
        prefetch_row(rows, mask, fh_product(T_BIR, w0 * 31 + wp));
    }
}

void lx_feat_prefetch_neighbours(const lx_fctx *c, const lx_weights *w, size_t s, size_t n)
{
    if (s >= 2 && s + n + 2 <= c->tl->n)
        prefetch_neighbours(c, w, s, n, true);
    else
        prefetch_neighbours(c, w, s, n, false);
}

void lx_feat_token(const lx_fctx *c, size_t i, lx_fsink *s)
{
    /* the bias is a feature in training; tagging finds it folded into the
       transitions (see lx_feat_bias()) */
    PUT(s, T_BIAS, 0, "bias");
    lx_feat_word(c, i, s);
    lx_feat_context(c, i, s);
}

uint32_t lx_feat_bias(void)
{
    return fh(T_BIAS, 0);
}
