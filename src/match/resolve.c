/* SPDX-License-Identifier: MIT */
/*
 * Greedy resolution in priority order with a byte-occupancy bitmap: checking
 * and marking a span costs its length in bits, and the bitmap is reused from
 * document to document, so resolving is O(n log n) in the candidates plus
 * O(total accepted length) with no per-candidate allocation.
 *
 * The rank order is one 64-bit key per candidate (priority, length, start
 * in the batch) put in order by a stable radix sort, which keeps equal keys
 * in the order proposed: the order by_rank gives, without a comparison call
 * per step.  The winners, which never share a start, are put in start order
 * the same way.
 */
#define _GNU_SOURCE
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"

int lx_resolve_rank(const lx_cand *x, const lx_cand *y)
{
    if (x->prio != y->prio)
        return x->prio > y->prio ? -1 : 1;
    size_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Rank order of candidate indices; on a full tie, the one proposed first. */
static int by_rank(const void *a, const void *b, void *base)
{
    uint32_t i = *(const uint32_t *) a, j = *(const uint32_t *) b;
    int c = lx_resolve_rank(&((const lx_cand *) base)[i], &((const lx_cand *) base)[j]);
    return c ? c : i < j ? -1 : i > j;
}

static int by_start(const void *a, const void *b)
{
    const lx_cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return 0;
}

void lx_resolve_sort(lx_candvec *cv)
{
    /* lists merged from sorted stretches are usually sorted already */
    size_t i = 1;
    while (i < cv->n && by_start(&cv->v[i - 1], &cv->v[i]) <= 0)
        i++;
    if (i < cv->n)
        qsort(cv->v, cv->n, sizeof(lx_cand), by_start);
}

/*
 * A span's bits are tested and set a word at a time (a loop over the bits
 * cost a step per byte of every candidate): the mask of the first word
 * starts at bit s, the last word's ends at bit e - 1.
 */
static inline uint64_t first_mask(size_t s)
{
    return ~0ull << (s & 63);
}

static inline uint64_t last_mask(size_t e)
{
    return ~0ull >> (63 - ((e - 1) & 63));
}

static inline bool span_free(const uint64_t *bits, size_t s, size_t e)
{
    if (s >= e)
        return true;
    size_t w = s >> 6, last = (e - 1) >> 6;
    uint64_t m = first_mask(s);
    for (; w < last; w++, m = ~0ull)
        if (bits[w] & m)
            return false;
    return !(bits[last] & m & last_mask(e));
}

static inline void span_mark(uint64_t *bits, size_t s, size_t e, bool on)
{
    if (s >= e)
        return;
    size_t w = s >> 6, last = (e - 1) >> 6;
    uint64_t m = first_mask(s);
    for (; w < last; w++, m = ~0ull) {
        if (on)
            bits[w] |= m;
        else
            bits[w] &= ~m;
    }
    m &= last_mask(e);
    if (on)
        bits[last] |= m;
    else
        bits[last] &= ~m;
}

/* Candidates up to which a sort is by insertion. */
#define SMALL_SORT 32

/*
 * Stable LSD radix sort of key[0..n) with idx[0..n) alongside, one byte a
 * pass; a byte that is the same in every key costs no pass.  tk and ti are
 * scratch of n elements each.
 */
static void radix_sort(uint64_t *key, uint32_t *idx, uint64_t *tk, uint32_t *ti, size_t n)
{
    size_t count[8][256];
    if (n < 2)
        return;
    if (n <= SMALL_SORT) {
        /* a short record's few candidates: an insertion sort, as stable,
           rather than clearing 16 KiB of counts */
        for (size_t i = 1; i < n; i++) {
            uint64_t k = key[i];
            uint32_t x = idx[i];
            size_t j = i;
            for (; j > 0 && key[j - 1] > k; j--) {
                key[j] = key[j - 1];
                idx[j] = idx[j - 1];
            }
            key[j] = k;
            idx[j] = x;
        }
        return;
    }
    /* the bytes that differ somewhere: only they are counted and passed
       over (the priority, and the high bytes of lengths and offsets, are
       mostly the same in every key) */
    uint64_t differ = 0;
    for (size_t i = 1; i < n; i++)
        differ |= key[i] ^ key[0];
    unsigned pass[8], passes = 0;
    for (unsigned b = 0; b < 8; b++)
        if ((differ >> (8 * b)) & 255)
            pass[passes++] = b;
    for (unsigned p = 0; p < passes; p++)
        memset(count[p], 0, sizeof(count[p]));
    for (size_t i = 0; i < n; i++)
        for (unsigned p = 0; p < passes; p++)
            count[p][(key[i] >> (8 * pass[p])) & 255]++;
    uint64_t *k0 = key, *k1 = tk;
    uint32_t *i0 = idx, *i1 = ti;
    for (unsigned p = 0; p < passes; p++) {
        unsigned b = pass[p];
        size_t *c = count[p], sum = 0;
        for (unsigned d = 0; d < 256; d++) {
            size_t k = c[d];
            c[d] = sum;
            sum += k;
        }
        for (size_t i = 0; i < n; i++) {
            size_t o = c[(k0[i] >> (8 * b)) & 255]++;
            k1[o] = k0[i];
            i1[o] = i0[i];
        }
        uint64_t *kt = k0;
        uint32_t *it = i0;
        k0 = k1, i0 = i1, k1 = kt, i1 = it;
    }
    if (k0 != key) {
        memcpy(key, k0, n * sizeof(*key));
        memcpy(idx, i0, n * sizeof(*idx));
    }
}

/*
 * Rank keys of the candidates, lo being the batch's first byte: ascending
 * keys are by_rank's order.  False when a candidate does not fit a key
 * (then the caller sorts with by_rank).
 */
static bool rank_keys(const lx_candvec *cands, size_t lo, uint64_t *key)
{
    for (size_t i = 0; i < cands->n; i++) {
        const lx_cand *c = &cands->v[i];
        size_t span = c->end - c->start, at = c->start - lo;
        if (c->prio < 0 || c->prio > 255 || c->end < c->start || span > 0xFFFFFF ||
            at > UINT32_MAX)
            return false;
        key[i] = (uint64_t) (255 - c->prio) << 56 | (uint64_t) (0xFFFFFF - span) << 32 | at;
    }
    return true;
}

/* Room for n candidates' indices and keys, twice over (the sort's scratch). */
static int reserve_order(lx_resolver *rv, size_t n)
{
    if (n <= rv->order_cap)
        return 0;
    uint32_t *o = realloc(rv->order, 2 * n * sizeof(uint32_t));
    if (o)
        rv->order = o;
    uint64_t *k = o ? realloc(rv->keys, 2 * n * sizeof(uint64_t)) : NULL;
    if (!k)
        return LEXTAG_ERR_NOMEM;
    rv->keys = k;
    rv->order_cap = n;
    return 0;
}

/*
 * Appends the m winners win[0..m) in start order (keyed: by radix sort).
 * won, when not NULL, flags the winners among candidates proposed in start
 * order: read in index order they are in start order, with no sort.
 */
static int push_winners(lx_resolver *rv, const lx_candvec *cands, size_t lo, uint32_t *win,
                        size_t m, bool keyed, const unsigned char *won, lx_candvec *accepted)
{
    if (won) {
        m = 0;
        for (size_t i = 0; i < cands->n; i++)
            if (won[i])
                win[m++] = (uint32_t) i;
    } else if (keyed) {
        for (size_t i = 0; i < m; i++)
            rv->keys[i] = cands->v[win[i]].start - lo;
        radix_sort(rv->keys, win, rv->keys + rv->order_cap, rv->order, m);
    }
    if (lx_vec_reserve(&accepted->v, &accepted->cap, accepted->n + m, sizeof(lx_cand), 16))
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < m; i++)
        accepted->v[accepted->n++] = cands->v[win[i]];
    return 0;
}

int lx_resolve_add(lx_resolver *rv, const lx_candvec *cands, size_t len,
                   lx_candvec *accepted, lx_candvec *lost)
{
    /* with no candidates the order and key arrays may not exist yet: even
       their end pointers (NULL + 0) would be undefined */
    if (!cands->n)
        return 0;
    /* the bitmap covers only the span of this batch */
    size_t lo = SIZE_MAX, hi = 0, n0 = accepted->n;
    size_t prev = 0;
    bool by_start = true;
    for (size_t i = 0; i < cands->n; i++) {
        by_start &= cands->v[i].start >= prev;
        prev = cands->v[i].start;
        if (cands->v[i].start < lo)
            lo = cands->v[i].start;
        if (cands->v[i].end > hi && cands->v[i].end <= len)
            hi = cands->v[i].end;
    }
    if (lo >= hi)
        lo = hi = 0;
    size_t words = (hi - lo) / 64 + 1;
    if (lx_vec_reserve_zeroed(&rv->bits, &rv->bits_cap, words, sizeof(*rv->bits), 1))
        return LEXTAG_ERR_NOMEM;
    if (reserve_order(rv, cands->n))
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < cands->n; i++)
        rv->order[i] = (uint32_t) i;
    bool keyed = rank_keys(cands, lo, rv->keys);
    if (keyed)
        radix_sort(rv->keys, rv->order, rv->keys + rv->order_cap, rv->order + rv->order_cap,
                   cands->n);
    else
        qsort_r(rv->order, cands->n, sizeof(uint32_t), by_rank, cands->v);
    /* the winners' indices go to the second half of order; when the
       candidates came in start order (a model of lists proposes them so),
       they are flagged in the keys, which are read no more, and taken in
       index order instead of sorted */
    uint32_t *win = rv->order + rv->order_cap;
    unsigned char *won = keyed && by_start ? (unsigned char *) rv->keys : NULL;
    if (won)
        memset(won, 0, cands->n);
    size_t m = 0;
    for (size_t k = 0; k < cands->n; k++) {
        const lx_cand *c = &cands->v[rv->order[k]];
        if (c->end > c->start && c->end <= hi && span_free(rv->bits, c->start - lo, c->end - lo)) {
            span_mark(rv->bits, c->start - lo, c->end - lo, true);
            if (won)
                won[rv->order[k]] = 1;
            win[m++] = rv->order[k];
        } else if (lost) {
            lx_cand l = *c;
            l.flags |= LX_CAND_LOST;
            if (lx_candvec_push(lost, &l))
                return LEXTAG_ERR_NOMEM;
        }
    }
    if (m && push_winners(rv, cands, lo, win, m, keyed, won, accepted))
        return LEXTAG_ERR_NOMEM;
    /* clear only what was marked, so the bitmap is ready for the next call */
    for (size_t i = n0; i < accepted->n; i++)
        span_mark(rv->bits, accepted->v[i].start - lo, accepted->v[i].end - lo, false);
    return 0;
}

void lx_resolve_done(lx_resolver *rv, lx_candvec *accepted, lx_candvec *lost)
{
    (void) rv;
    lx_resolve_sort(accepted);
    if (lost)
        lx_resolve_sort(lost);
}

/*
 * Merges the sorted run v[n0..n) into the sorted run v[0..n0) in place,
 * from the back: linear, where sorting the whole document's entities again
 * was the longest serial step after the lanes.  Accepted candidates never
 * share a start, so the order is the one a sort gives.
 */
static int merge_tail(lx_candvec *cv, size_t n0)
{
    size_t k = cv->n - n0;
    if (!k || !n0 || by_start(&cv->v[n0 - 1], &cv->v[n0]) <= 0)
        return 0;
    lx_cand *tail = malloc(k * sizeof(*tail));
    if (!tail)
        return LEXTAG_ERR_NOMEM;
    memcpy(tail, cv->v + n0, k * sizeof(*tail));
    size_t i = n0, o = cv->n;
    while (k) {
        if (i && by_start(&cv->v[i - 1], &tail[k - 1]) > 0)
            cv->v[--o] = cv->v[--i];
        else
            cv->v[--o] = tail[--k];
    }
    free(tail);
    return 0;
}

int lx_resolve_fill(lx_candvec *accepted, lx_candvec *extra, lx_candvec *lost)
{
    size_t n0 = accepted->n;
    lx_resolve_sort(extra);
    for (size_t i = 0; i < extra->n; i++) {
        const lx_cand *c = &extra->v[i];
        size_t lo = lx_cands_ending_after(accepted->v, n0, c->start);
        bool clash = lo < n0 && accepted->v[lo].start < c->end;
        /* extras are sorted: only the last one added can overlap */
        if (!clash && accepted->n > n0)
            clash = accepted->v[accepted->n - 1].end > c->start;
        lx_cand l = *c;
        if (clash && (c->flags & LX_CAND_ALIAS)) {
            /* the same word already found by other evidence: link it */
            lx_cand *a = &accepted->v[lo];
            bool same = lo < n0 && a->start == c->start && a->end == c->end &&
                        a->ref == LX_NOREF && c->ref != a->start;
            /* a word guessed from one verb next to it ("Tanjug said") takes the
               type the document gave it elsewhere ("the news agency Tanjug") */
            if (same && strcmp(a->type, c->type) != 0 && a->prio < LX_PRIO_CONTEXT) {
                a->type = c->type;
                a->source = c->source;
                a->id = NULL;
            }
            if (same && strcmp(a->type, c->type) == 0) {
                /* the link is better evidence than a one-word guess */
                if (a->prio < LX_PRIO_CONTEXT)
                    a->source = c->source;
                a->ref = c->ref;
                if (!a->id)
                    a->id = c->id;
            }
            /* an alias inside the name it comes from is no candidate at all */
            continue;
        }
        if (clash)
            l.flags |= LX_CAND_LOST;
        if (lx_candvec_push(clash ? lost : accepted, &l))
            return LEXTAG_ERR_NOMEM;
    }
    lx_resolve_sort(lost);
    return merge_tail(accepted, n0);
}

void lx_resolver_free(lx_resolver *rv)
{
    if (!rv)
        return;
    free(rv->bits);
    free(rv->order);
    free(rv->keys);
    memset(rv, 0, sizeof(*rv));
}
