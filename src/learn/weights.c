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

#if defined(__SSE2__)
#include <emmintrin.h>

void lx_weights_sum(const lx_weights *w, const uint32_t *f, size_t n, int32_t *acc)
{
    __m128i lo = _mm_loadu_si128((const __m128i *) acc);
    __m128i hi = _mm_loadu_si128((const __m128i *) (acc + 4));
    for (size_t k = 0; k < n;) {
        /* up to eight rows in int16 (|w| <= LX_WMAX), then widened */
        __m128i sum = _mm_setzero_si128();
        for (size_t end = k + 8 < n ? k + 8 : n; k < end; k++)
            sum = _mm_add_epi16(sum, _mm_loadu_si128((const __m128i *) (
                                         w->w + (size_t) (f[k] & w->mask) * LX_WSTRIDE)));
        /* sign-extend the eight int16 into two vectors of int32 */
        lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(sum, sum), 16));
        hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(sum, sum), 16));
    }
    _mm_storeu_si128((__m128i *) acc, lo);
    _mm_storeu_si128((__m128i *) (acc + 4), hi);
}
#else
void lx_weights_sum(const lx_weights *w, const uint32_t *f, size_t n, int32_t *acc)
{
    for (size_t k = 0; k < n; k++) {
        const int16_t *row = w->w + (size_t) (f[k] & w->mask) * LX_WSTRIDE;
        for (int l = 0; l < LX_WSTRIDE; l++)
            acc[l] += row[l];
    }
}
#endif

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
static int32_t best_before(const int32_t *cur, const int32_t *trans, int b, int *arg)
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
    for (int a = 1; a < LX_NLABELS; a++) {
        int32_t s = cur[a] + trans[a * LX_NLABELS + b];
        *arg = s > best ? a : *arg;
        best = s > best ? s : best;
    }
    return best;
}

#if defined(__SSE2__)
static inline __m128i pick(__m128i m, __m128i a, __m128i b)
{
    return _mm_or_si128(_mm_and_si128(m, a), _mm_andnot_si128(m, b));
}

/*
 * One step of Viterbi: cur becomes the scores after token em, relative to
 * the best.  O and the B labels (1, 3, 5, 7) may follow any label: labels
 * 0-7 are done four at a time over every predecessor, keeping the first of
 * the highest scores as the scalar loop does; the I labels, with their two
 * predecessors, are then done one at a time.
 */
static void viterbi_step(int32_t *cur, const int32_t *trans, const int32_t *em, uint8_t *back)
{
    __m128i blo = _mm_add_epi32(_mm_set1_epi32(cur[0]), _mm_loadu_si128((const __m128i *) trans));
    __m128i bhi = _mm_add_epi32(_mm_set1_epi32(cur[0]),
                                _mm_loadu_si128((const __m128i *) (trans + 4)));
    __m128i alo = _mm_setzero_si128(), ahi = _mm_setzero_si128();
    for (int a = 1; a < LX_NLABELS; a++) {
        const int32_t *row = trans + a * LX_NLABELS;
        __m128i c = _mm_set1_epi32(cur[a]), av = _mm_set1_epi32(a);
        __m128i slo = _mm_add_epi32(c, _mm_loadu_si128((const __m128i *) row));
        __m128i shi = _mm_add_epi32(c, _mm_loadu_si128((const __m128i *) (row + 4)));
        __m128i glo = _mm_cmpgt_epi32(slo, blo), ghi = _mm_cmpgt_epi32(shi, bhi);
        blo = pick(glo, slo, blo);
        bhi = pick(ghi, shi, bhi);
        alo = pick(glo, av, alo);
        ahi = pick(ghi, av, ahi);
    }
    int32_t nxt[LX_NLABELS], arg[LX_NLABELS];
    _mm_storeu_si128((__m128i *) nxt, _mm_add_epi32(blo, _mm_loadu_si128((const __m128i *) em)));
    _mm_storeu_si128((__m128i *) (nxt + 4),
                     _mm_add_epi32(bhi, _mm_loadu_si128((const __m128i *) (em + 4))));
    _mm_storeu_si128((__m128i *) arg, alo);
    _mm_storeu_si128((__m128i *) (arg + 4), ahi);
    for (int b = 2; b < LX_NLABELS; b += 2)
        nxt[b] = best_before(cur, trans, b, &arg[b]) + em[b];
    int32_t top = INT32_MIN;
    for (int b = 0; b < LX_NLABELS; b++) {
        top = nxt[b] > top ? nxt[b] : top;
        back[b] = (uint8_t) arg[b];
    }
    for (int b = 0; b < LX_NLABELS; b++)
        cur[b] = nxt[b] - top;
}
#else
static void viterbi_step(int32_t *cur, const int32_t *trans, const int32_t *em, uint8_t *back)
{
    int32_t nxt[LX_NLABELS], top = INT32_MIN;
    for (int b = 0; b < LX_NLABELS; b++) {
        int arg;
        nxt[b] = best_before(cur, trans, b, &arg) + em[b];
        top = nxt[b] > top ? nxt[b] : top;
        back[b] = (uint8_t) arg;
    }
    for (int b = 0; b < LX_NLABELS; b++)
        cur[b] = nxt[b] - top;
}
#endif

void lx_viterbi(const int32_t *em, const int32_t *trans, size_t n, uint8_t *back,
                uint8_t *out)
{
    int32_t cur[LX_NLABELS];
    if (!n)
        return;
    for (int l = 0; l < LX_NLABELS; l++)
        cur[l] = trans[LX_NLABELS * LX_NLABELS + l] + em[l];
    if (n == 1) {
        /* most regions are one word: start, emission, end */
        int arg = 0;
        int32_t best = cur[0] + trans[LX_L_O];
        for (int l = 1; l < LX_NLABELS; l++) {
            int32_t s = cur[l] + trans[l * LX_NLABELS + LX_L_O];
            arg = s > best ? l : arg;
            best = s > best ? s : best;
        }
        out[0] = (uint8_t) arg;
        return;
    }
    for (size_t i = 1; i < n; i++) {
        viterbi_step(cur, trans, em + i * LX_NLABELS, back + i * LX_NLABELS);
        /* scores stay relative to the best, so long regions cannot overflow
           (every label has an allowed predecessor: no score runs away) */
    }
    int32_t best = INT32_MIN;
    int arg = 0;
    for (int l = 0; l < LX_NLABELS; l++) {
        int32_t s = cur[l] + trans[l * LX_NLABELS + LX_L_O];
        if (s > best) {
            best = s;
            arg = l;
        }
    }
    for (size_t i = n; i-- > 0;) {
        out[i] = (uint8_t) arg;
        if (i)
            arg = back[i * LX_NLABELS + arg];
    }
}
