/* SPDX-License-Identifier: MIT */
/*
 * Weights blobs (see weights.h): checking, sealing, scoring and Viterbi.
 * Scores stay in integers from the table to the best path, so decoding is
 * the same on every machine.
 */
#include "weights.h"

#include <string.h>

#include "error.h"
#include "model.h"

#define MAGIC "LXNERW1"
#define MAX_BITS 24

typedef struct wheader {
    char magic[8];
    uint32_t version, n_labels, bits, pad;
    float scale;
    uint32_t pad2;
    uint64_t checksum;
} wheader;

#define TRANS_N ((LX_NLABELS + 1) * LX_NLABELS)
#define TRANS_BYTES ((TRANS_N * 2 + 7) & ~7)

size_t lx_weights_size(uint32_t bits)
{
    return sizeof(wheader) + TRANS_BYTES + ((size_t) 1 << bits) * LX_WSTRIDE * 2;
}

static uint64_t sum(const unsigned char *p, size_t n)
{
    uint64_t h = 0xCBF29CE484222325ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        h = (h ^ x) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001B3ull;
    return h;
}

int16_t *lx_weights_trans_mut(void *blob)
{
    return (int16_t *) ((unsigned char *) blob + sizeof(wheader));
}

int16_t *lx_weights_w_mut(void *blob)
{
    return (int16_t *) ((unsigned char *) blob + sizeof(wheader) + TRANS_BYTES);
}

void lx_weights_seal(void *blob, uint32_t bits, float scale)
{
    wheader h;
    memset(&h, 0, sizeof(h));
    memcpy(h.magic, MAGIC, 8);
    h.version = LX_FEATURE_VERSION;
    h.n_labels = LX_NLABELS;
    h.bits = bits;
    h.scale = scale;
    h.checksum = sum((const unsigned char *) blob + sizeof(h), lx_weights_size(bits) - sizeof(h));
    memcpy(blob, &h, sizeof(h));
}

int lx_weights_attach(lx_weights *w, const void *data, size_t len, const char *name,
                      bool verify, lextag_error *err)
{
    wheader h;
    memset(w, 0, sizeof(*w));
    if (len < sizeof(h))
        return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0, "weights: too short");
    memcpy(&h, data, sizeof(h));
    if (memcmp(h.magic, MAGIC, 8) != 0)
        return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0, "weights: wrong magic number");
    if (h.version != LX_FEATURE_VERSION || h.n_labels != LX_NLABELS)
        return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0,
                            "weights for feature set %u, this lextag computes set %u",
                            h.version, LX_FEATURE_VERSION);
    if (h.bits < 4 || h.bits > MAX_BITS || lx_weights_size(h.bits) != len)
        return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0, "weights: wrong size");
    if (verify && sum((const unsigned char *) data + sizeof(h), len - sizeof(h)) != h.checksum)
        return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0,
                            "weights: checksum mismatch (corrupted)");
    const unsigned char *b = data;
    w->trans = (const int16_t *) (b + sizeof(h));
    w->w = (const int16_t *) (b + sizeof(h) + TRANS_BYTES);
    w->bits = h.bits;
    w->mask = (1u << h.bits) - 1;
    w->scale = h.scale;
    return 0;
}

void lx_weights_sum(const lx_weights *w, const uint32_t *f, size_t n, int32_t *acc)
{
    lx_weights_add(w, f, n, acc);
}

void lx_weights_score(const lx_weights *w, const uint32_t *f, const uint32_t *off,
                      size_t n, int32_t *em)
{
    for (size_t i = 0; i < n; i++) {
        int32_t *e = em + i * LX_NLABELS;
        memset(e, 0, LX_NLABELS * sizeof(*e));
        lx_weights_sum(w, f + off[i], off[i + 1] - off[i], e + 1);
    }
}

void lx_trans_prepare(const int32_t *in, const int16_t *in16, int32_t *out)
{
    for (int a = 0; a <= LX_NLABELS; a++)
        for (int b = 0; b < LX_NLABELS; b++) {
            int k = a * LX_NLABELS + b;
            bool ok = lx_label_allowed(a == LX_NLABELS ? LX_L_O : a, b);
            out[k] = !ok ? LX_TRANS_NEVER : in ? in[k] : in16[k];
        }
}

/* Best predecessor of label b: the first of the highest scores. */
static inline __attribute__((always_inline)) int32_t best_before(const int32_t *cur,
                                                                 const int32_t *trans, int b,
                                                                 int *arg)
{
    int32_t best;
    if (lx_label_inside(b)) {
        /* I-X follows only B-X or I-X */
        int32_t sb = cur[b - 1] + trans[(b - 1) * LX_NLABELS + b];
        int32_t si = cur[b] + trans[b * LX_NLABELS + b];
        *arg = si > sb ? b : b - 1;
        return si > sb ? si : sb;
    }
    best = cur[0] + trans[b];
    *arg = 0;
    /* unrolled: the path is read back through here, and the loop's own
       count and test were a third of its instructions */
#pragma GCC unroll 8
    for (int a = 1; a < LX_NLABELS; a++) {
        int32_t s = cur[a] + trans[a * LX_NLABELS + b];
        *arg = s > best ? a : *arg;
        best = s > best ? s : best;
    }
    return best;
}

/* Score of label b after scores cur (its best predecessor's, without the
   emission). */
static inline __attribute__((always_inline)) int32_t best_score(const int32_t *cur,
                                                                const int32_t *trans, int b)
{
    int unused;
    return best_before(cur, trans, b, &unused);
}

#if defined(__SSE2__)
#include <emmintrin.h>

_Static_assert(LX_NLABELS == 9 && LX_L_BPER == 1 && LX_L_IMISC == 8,
               "the vector step splits labels into O, the four B-X and the four I-X");

static inline __m128i max_epi32(__m128i a, __m128i b)
{
    /* SSE2 has no pmaxsd */
    __m128i g = _mm_cmpgt_epi32(a, b);
    return _mm_or_si128(_mm_and_si128(g, a), _mm_andnot_si128(g, b));
}

/* Lanes 0, 2, 4 and 6 of a[0..7) and of the vector at a + 3, as one
   vector: from a row of nine labels at a + 1, its B-X (a = row) or its
   I-X (a = row + 2).  Reads no further than a[6]. */
static inline __m128i every_other(const int32_t *a)
{
    __m128 lo = _mm_castsi128_ps(_mm_loadu_si128((const __m128i *) a));
    __m128 hi = _mm_castsi128_ps(_mm_loadu_si128((const __m128i *) (a + 3)));
    return _mm_castps_si128(_mm_shuffle_ps(lo, hi, _MM_SHUFFLE(3, 1, 2, 0)));
}

/* The B-X of a row of nine labels (1, 3, 5, 7) and its I-X (2, 4, 6, 8). */
static inline __m128i b_lanes(const int32_t *row)
{
    return every_other(row + 1);
}

static inline __m128i i_lanes(const int32_t *row)
{
    return every_other(row + 2);
}

/* The transitions the vector step reads (weights.h). */
typedef lx_split_trans split_trans;

static void split_prepare(split_trans *t, const int32_t *trans)
{
    for (int a = 0; a < LX_NLABELS; a++)
        t->into_b[a] = b_lanes(trans + a * LX_NLABELS);
    const int32_t *T = trans;
    t->b_to_o = _mm_setr_epi32(T[1 * LX_NLABELS], T[3 * LX_NLABELS], T[5 * LX_NLABELS],
                               T[7 * LX_NLABELS]);
    t->i_to_o = _mm_setr_epi32(T[2 * LX_NLABELS], T[4 * LX_NLABELS], T[6 * LX_NLABELS],
                               T[8 * LX_NLABELS]);
    t->b_to_i = _mm_setr_epi32(T[1 * LX_NLABELS + 2], T[3 * LX_NLABELS + 4],
                               T[5 * LX_NLABELS + 6], T[7 * LX_NLABELS + 8]);
    t->i_to_i = _mm_setr_epi32(T[2 * LX_NLABELS + 2], T[4 * LX_NLABELS + 4],
                               T[6 * LX_NLABELS + 6], T[8 * LX_NLABELS + 8]);
    t->o_to_o = T[0];
    const int32_t *start = T + LX_NLABELS * LX_NLABELS;
    for (int h = 0; h < 2; h++) {
        const int32_t *row = T + (4 * h + 1) * LX_NLABELS;
        t->to_end[h] = _mm_setr_epi32(row[0], row[LX_NLABELS], row[2 * LX_NLABELS],
                                      row[3 * LX_NLABELS]);
        t->start_end[h] = _mm_add_epi32(t->to_end[h],
                                        _mm_loadu_si128((const __m128i *) (start + 4 * h + 1)));
    }
    t->start_end_o = start[0] + T[0];
    for (int b = 0; b < LX_NLABELS; b++)
        for (int h = 0; h < 2; h++) {
            const int32_t *col = T + (4 * h + 1) * LX_NLABELS + b;
            t->from[b][h] = _mm_setr_epi32(col[0], col[LX_NLABELS], col[2 * LX_NLABELS],
                                           col[3 * LX_NLABELS]);
        }
}

/*
 * The first label of the highest of the scores s0 (O) and lo, hi (labels
 * 1-4 and 5-8), as the scalar loop of best_last() took it: its compares
 * and moves for each of eight labels were most of a one-word region's
 * decoding.  The highest is found across the lanes, then its first lane.
 */
static inline int first_best(int32_t s0, __m128i lo, __m128i hi)
{
    __m128i m = max_epi32(lo, hi);
    m = max_epi32(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(1, 0, 3, 2)));
    m = max_epi32(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(2, 3, 0, 1)));
    int32_t top = _mm_cvtsi128_si32(m);
    if (s0 >= top)
        return 0;
    m = _mm_set1_epi32(top);
    unsigned eq = (unsigned) _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, m))) |
                  (unsigned) _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, m))) << 4;
    return 1 + __builtin_ctz(eq);
}

/* best_before()'s predecessor of label b after scores cur, an O's or a
   B-X's found across the lanes (see first_best()). */
static inline int best_before_split(const int32_t *cur, const split_trans *t,
                                    const int32_t *trans, int b)
{
    int arg;
    if (lx_label_inside(b)) {
        best_before(cur, trans, b, &arg);
        return arg;
    }
    return first_best(cur[0] + trans[b],
                      _mm_add_epi32(_mm_loadu_si128((const __m128i *) (cur + 1)), t->from[b][0]),
                      _mm_add_epi32(_mm_loadu_si128((const __m128i *) (cur + 5)), t->from[b][1]));
}

/* Scores in the split form into cur, O first (see lx_viterbi()). */
static inline void split_store(int32_t *cur, __m128i b, __m128i i)
{
    cur[0] = 0;
    _mm_storeu_si128((__m128i *) (cur + 1), _mm_unpacklo_epi32(b, i));
    _mm_storeu_si128((__m128i *) (cur + 5), _mm_unpackhi_epi32(b, i));
}

/*
 * One step of Viterbi, scores only, in the split form: b and i become the
 * scores of the B-X and I-X after token em, relative to the score of O,
 * which is 0 before the step and after it.  O and B-X may follow any label, I-X only B-X or
 * I-X: the step takes O over every predecessor, each B-X over every
 * predecessor (one broadcast each, for the four at once), and each I-X
 * over its two.  Scores relative to any one label stay bounded as well as
 * relative to the best (every label has an allowed predecessor), and a
 * constant taken off a token's scores changes no decision.  Which
 * predecessor won is found again, for the one label of the path, when the
 * path is read back: far less work than keeping it for every label.
 */
static inline __attribute__((always_inline)) void split_step(const split_trans *t, __m128i *b,
                                                             __m128i *i, const int32_t *em)
{
    __m128i B = *b, I = *i;
    __m128i vo = max_epi32(_mm_add_epi32(B, t->b_to_o), _mm_add_epi32(I, t->i_to_o));
    vo = max_epi32(vo, _mm_shuffle_epi32(vo, _MM_SHUFFLE(1, 0, 3, 2)));
    vo = max_epi32(vo, _mm_shuffle_epi32(vo, _MM_SHUFFLE(2, 3, 0, 1)));
    int32_t o = _mm_cvtsi128_si32(vo);
    o = (o > t->o_to_o ? o : t->o_to_o) + em[0];
    __m128i nb = t->into_b[0];
    nb = max_epi32(nb, _mm_add_epi32(_mm_shuffle_epi32(B, 0x00), t->into_b[1]));
    nb = max_epi32(nb, _mm_add_epi32(_mm_shuffle_epi32(I, 0x00), t->into_b[2]));
    nb = max_epi32(nb, _mm_add_epi32(_mm_shuffle_epi32(B, 0x55), t->into_b[3]));
    nb = max_epi32(nb, _mm_add_epi32(_mm_shuffle_epi32(I, 0x55), t->into_b[4]));
    nb = max_epi32(nb, _mm_add_epi32(_mm_shuffle_epi32(B, 0xAA), t->into_b[5]));
    nb = max_epi32(nb, _mm_add_epi32(_mm_shuffle_epi32(I, 0xAA), t->into_b[6]));
    nb = max_epi32(nb, _mm_add_epi32(_mm_shuffle_epi32(B, 0xFF), t->into_b[7]));
    nb = max_epi32(nb, _mm_add_epi32(_mm_shuffle_epi32(I, 0xFF), t->into_b[8]));
    __m128i ni = max_epi32(_mm_add_epi32(B, t->b_to_i), _mm_add_epi32(I, t->i_to_i));
    __m128i vz = _mm_set1_epi32(o);
    *b = _mm_sub_epi32(_mm_add_epi32(nb, b_lanes(em)), vz);
    *i = _mm_sub_epi32(_mm_add_epi32(ni, i_lanes(em)), vz);
}
#else
/* No vector step: viterbi() is given no split transitions. */
typedef struct lx_split_trans split_trans;

static void viterbi_step(int32_t *cur, const int32_t *trans, const int32_t *em)
{
    int32_t nxt[LX_NLABELS], top = INT32_MIN;
    for (int b = 0; b < LX_NLABELS; b++) {
        nxt[b] = best_score(cur, trans, b) + em[b];
        top = nxt[b] > top ? nxt[b] : top;
    }
    for (int b = 0; b < LX_NLABELS; b++)
        cur[b] = nxt[b] - top;
}
#endif

/* The last label of the best path, whose scores are cur: the first of
   the highest scores into the O after it.  Unrolled and without a branch:
   which label wins is as good as random. */
static inline int best_last(const int32_t *cur, const int32_t *trans)
{
    int arg = 0;
    int32_t best = cur[0] + trans[LX_L_O];
#pragma GCC unroll 8
    for (int l = 1; l < LX_NLABELS; l++) {
        int32_t s = cur[l] + trans[l * LX_NLABELS + LX_L_O];
        arg = s > best ? l : arg;
        best = s > best ? s : best;
    }
    return arg;
}

/*
 * Viterbi, with the split transitions t where the vector step reads them
 * (NULL: gathered here, for a sequence of two tokens or more).  Inline into
 * its two callers: a lane's are gathered once, where they were gathered
 * again for each region of more than one word.
 */
static inline __attribute__((always_inline)) void viterbi(const int32_t *em,
                                                          const int32_t *trans,
                                                          const split_trans *t, size_t n,
                                                          int32_t *hist, uint8_t *out)
{
    int32_t cur[LX_NLABELS];
    if (!n)
        return;
#if defined(__SSE2__)
    if (n == 1 && t) {
        /* most regions are one word: start, emission, end, with the
           start's and the end's transitions summed ahead */
        out[0] = (uint8_t) first_best(
            em[0] + t->start_end_o,
            _mm_add_epi32(_mm_loadu_si128((const __m128i *) (em + 1)), t->start_end[0]),
            _mm_add_epi32(_mm_loadu_si128((const __m128i *) (em + 5)), t->start_end[1]));
        return;
    }
#endif
#pragma GCC unroll 9
    for (int l = 0; l < LX_NLABELS; l++)
        cur[l] = trans[LX_NLABELS * LX_NLABELS + l] + em[l];
    if (n == 1) {
        out[0] = (uint8_t) best_last(cur, trans);
        return;
    }
#if defined(__SSE2__)
    split_trans own;
    if (!t) {
        split_prepare(&own, trans);
        t = &own;
    }
    __m128i o = _mm_set1_epi32(cur[0]);
    __m128i vb = _mm_sub_epi32(b_lanes(cur), o), vi = _mm_sub_epi32(i_lanes(cur), o);
    for (size_t k = 1; k < n; k++) {
        /* the scores before token k, to find the path's predecessors by */
        split_store(hist + (k - 1) * LX_NLABELS, vb, vi);
        split_step(t, &vb, &vi, em + k * LX_NLABELS);
    }
    /* the end, from the split form: O's score is 0 */
    int arg = first_best(trans[LX_L_O],
                         _mm_add_epi32(_mm_unpacklo_epi32(vb, vi), t->to_end[0]),
                         _mm_add_epi32(_mm_unpackhi_epi32(vb, vi), t->to_end[1]));
    /* back from the end: each label's predecessor is the first of the
       highest scores into it, as the forward pass took its maximum */
    for (size_t i = n; i-- > 0;) {
        out[i] = (uint8_t) arg;
        if (i)
            arg = best_before_split(hist + (i - 1) * LX_NLABELS, t, trans, arg);
    }
#else
    (void) t;
    for (size_t i = 1; i < n; i++) {
        /* the scores before token i, to find the path's predecessors by */
        memcpy(hist + (i - 1) * LX_NLABELS, cur, sizeof(cur));
        viterbi_step(cur, trans, em + i * LX_NLABELS);
        /* scores stay relative to the best, so long regions cannot overflow
           (every label has an allowed predecessor: no score runs away) */
    }
    int arg = best_last(cur, trans);
    for (size_t i = n; i-- > 0;) {
        out[i] = (uint8_t) arg;
        if (i)
            best_before(hist + (i - 1) * LX_NLABELS, trans, arg, &arg);
    }
#endif
}

void lx_viterbi(const int32_t *em, const int32_t *trans, size_t n, int32_t *hist,
                uint8_t *out)
{
    viterbi(em, trans, NULL, n, hist, out);
}

void lx_vtrans_prepare(lx_vtrans *vt, const int16_t *in16)
{
    lx_trans_prepare(NULL, in16, vt->t);
#if defined(__SSE2__)
    split_prepare(&vt->split, vt->t);
#endif
}

void lx_viterbi_prepared(const int32_t *em, const lx_vtrans *vt, size_t n, int32_t *hist,
                         uint8_t *out)
{
#if defined(__SSE2__)
    viterbi(em, vt->t, &vt->split, n, hist, out);
#else
    viterbi(em, vt->t, NULL, n, hist, out);
#endif
}
