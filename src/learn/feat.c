/* SPDX-License-Identifier: MIT */
/*
 * Preparing a stretch for the learned layer: line kinds, candidate marks,
 * the document table and the regions to decode (see feat.h).  The
 * templates themselves are in templates.c.
 */
#include "feat.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "templates.h"
#include "trie.h"
#include "vec.h"

/* Region seeds may sit this many connecting tokens apart and still share
   a region ("Bank of the West"). */
#define MAX_GAP 2

void lx_feat_scratch_free(lx_feat_scratch *sc)
{
    if (!sc)
        return;
    free(sc->line);
    free(sc->cmask);
    free(sc->n_marks);
    free(sc->marks);
    free(sc->mark_val);
    free(sc->mark_slot);
    free(sc->shp);
    free(sc->clu);
    free(sc->lowh);
    free(sc->tokix);
    free(sc->seeds);
    free(sc->caps);
    free(sc->reg);
    free(sc->doc);
    free(sc->dix);
    memset(sc, 0, sizeof(*sc));
}

static int grow(lx_feat_scratch *sc, size_t n)
{
    if (n <= sc->cap)
        return 0;
    size_t cap = sc->cap ? sc->cap : 256;
    while (cap < n)
        cap *= 2;
    /* cmask and caps are read 64 at a time by mark_seeds(), past the last token */
    uint8_t *line = realloc(sc->line, cap), *cm = realloc(sc->cmask, cap + 64);
    uint8_t *caps = realloc(sc->caps, cap + 64);
    if (caps)
        sc->caps = caps;
    if (line)
        sc->line = line;
    if (cm)
        sc->cmask = cm;
    uint8_t *nm = realloc(sc->n_marks, cap);
    if (nm)
        sc->n_marks = nm;
    uint16_t *mk = realloc(sc->marks, cap * LX_FEAT_MARKS * sizeof(*mk));
    if (mk)
        sc->marks = mk;
    uint64_t *shp = realloc(sc->shp, cap * sizeof(*shp));
    if (shp)
        sc->shp = shp;
    uint32_t *clu = realloc(sc->clu, cap * sizeof(*clu));
    if (clu)
        sc->clu = clu;
    uint64_t *lowh = realloc(sc->lowh, cap * sizeof(*lowh));
    if (lowh)
        sc->lowh = lowh;
    uint64_t *seeds = realloc(sc->seeds, (cap / 64 + 1) * sizeof(*seeds));
    if (seeds)
        sc->seeds = seeds;
    uint32_t *dix = realloc(sc->dix, cap * sizeof(*dix));
    if (dix)
        sc->dix = dix;
    if (!line || !cm || !caps || !nm || !mk || !shp || !clu || !lowh || !seeds || !dix)
        return LEXTAG_ERR_NOMEM;
    sc->cap = cap;
    return 0;
}

/* Room in the index of tokens by byte for a stretch of tokens tl. */
static int grow_tokix(lx_feat_scratch *sc, const lx_toklist *tl)
{
    size_t n = tl->v[tl->n - 1].start / LX_TOKIX_BLOCK + 1;
    if (n <= sc->tokix_cap)
        return 0;
    uint32_t *ix = realloc(sc->tokix, n * sizeof(*ix));
    if (!ix)
        return LEXTAG_ERR_NOMEM;
    sc->tokix = ix;
    sc->tokix_cap = n;
    return 0;
}

static bool is_word(const lx_token *t)
{
    return t->kind == LX_TOK_WORD || t->kind == LX_TOK_ABBREV;
}

/*
 * One pass over the tokens for what the stretch needs of each: its line's
 * kind, counted as it passes; the index of tokens by byte (see lx_feat_tok_at());
 * its flags, whole (mark_seeds() keeps the capitalization sixteen tokens at
 * a time, where each token's mask was an operation of this loop); and the
 * hashes of the lowercase words, which the document table counts once the
 * regions are known: read from this short array rather than from the token
 * array again, which is far larger than the cache.
 */
static void mark_lines(lx_feat_scratch *sc, const lx_toklist *tl, const char *text)
{
    size_t s = 0, nl = 0, q = 0, n = tl->n;
    /* the first byte of the first block the index has no entry for */
    size_t block = 0;
    lx_line_counts lc = {0};
    uint64_t packed = 0;
    /* the arrays in locals: a byte stored through sc->caps may alias any
       field of sc or tl, and each would be loaded again for every token */
    const lx_token *v = tl->v;
    const uint64_t *tab = sc->line_tab;
    uint8_t *caps = sc->caps;
    uint64_t *lowh = sc->lowh;
    uint32_t *tokix = sc->tokix;
    /* the packed counts are spilled every LX_LINE_CHUNK tokens, wherever
       the lines break: a line's end spills them too, so no word sums more
       tokens than that, and the loop over a chunk counts nothing else */
    for (size_t i = 0; i < n;) {
        size_t chunk_end = n - i > LX_LINE_CHUNK ? i + LX_LINE_CHUNK : n;
        for (; i < chunk_end; i++) {
            const lx_token *t = &v[i];
            if ((t->flags & LX_TF_NEWLINE) && i > s) {
                memset(sc->line + s, lx_line_kind(&lc, packed, tl, text, s, i), i - s);
                s = i;
                packed = 0;
            }
            uint64_t x = tab[lx_line_class(t)];
            packed += x;
            caps[i] = t->flags;
            lowh[nl] = t->hash;
            nl += (x & LX_LINE_LOWER_WORD) != 0;
            for (; block <= t->start; block += LX_TOKIX_BLOCK)
                tokix[q++] = (uint32_t) i;
        }
        if (i < n) {
            lx_line_spill(&lc, packed);
            packed = 0;
        }
    }
    memset(sc->line + s, lx_line_kind(&lc, packed, tl, text, s, n), n - s);
    sc->n_lowh = nl;
    sc->n_tokix = q;
}

static uint8_t cand_bits(const lx_cand *c, bool begin)
{
    bool per = c->type[0] == 'P';
    uint8_t b = begin ? (per ? LX_CM_BPER : LX_CM_BORG) : (per ? LX_CM_IPER : LX_CM_IORG);
    if (c->entry != LX_NONE)
        b |= per ? LX_CM_GPER : LX_CM_GORG;
    return b;
}

/* Sources seen in a stretch are few: their hashes are kept by pointer. */
#define SOURCE_CACHE 16
/* Mark values the table holds at most (ids are 16 bits); past half of it,
   a stretch starts the table afresh. */
#define MARK_VALUES 65535

static size_t mark_home(uint64_t v, size_t cap)
{
    return (size_t) (v ^ (v >> 29)) & (cap - 1);
}

/* The value of the marks on the tokens after a candidate's first, next
   to that of the mark on its first. */
#define MARK_INSIDE 0x5bd1e995u

/* Doubles the table of mark slots and places the values of first tokens
   again. */
static int grow_mark_slots(lx_feat_scratch *sc)
{
    size_t cap = sc->mark_slot_cap ? sc->mark_slot_cap * 2 : 256;
    uint16_t *slot = calloc(cap, sizeof(*slot));
    if (!slot)
        return LEXTAG_ERR_NOMEM;
    for (size_t id = 0; id < sc->n_mark_val; id += 2) {
        size_t h = mark_home(sc->mark_val[id], cap);
        while (slot[h])
            h = (h + 1) & (cap - 1);
        slot[h] = (uint16_t) (id + 1);
    }
    free(sc->mark_slot);
    sc->mark_slot = slot;
    sc->mark_slot_cap = cap;
    return 0;
}

/*
 * The id of the mark value v of a candidate's first token, added when new
 * with the value of its other tokens' marks (v ^ MARK_INSIDE), whose id is
 * the next: one look-up a candidate, where each value was looked up on its
 * own.  Only first tokens' values are in the slots.  -1 when out of memory
 * or ids.  (Inline: asked for every candidate, and most values are found
 * at their home slot, in fewer operations than a call's frame took.)
 */
static inline long mark_id(lx_feat_scratch *sc, uint64_t v)
{
    if ((sc->n_mark_val / 2 + 1) * 2 > sc->mark_slot_cap && grow_mark_slots(sc))
        return -1;
    size_t h = mark_home(v, sc->mark_slot_cap);
    for (; sc->mark_slot[h]; h = (h + 1) & (sc->mark_slot_cap - 1))
        if (sc->mark_val[sc->mark_slot[h] - 1] == v)
            return sc->mark_slot[h] - 1;
    if (sc->n_mark_val + 2 > MARK_VALUES ||
        lx_vec_reserve(&sc->mark_val, &sc->mark_val_cap, sc->n_mark_val + 2,
                       sizeof(*sc->mark_val), 64))
        return -1;
    sc->mark_val[sc->n_mark_val] = v;
    sc->mark_val[sc->n_mark_val + 1] = v ^ MARK_INSIDE;
    sc->mark_slot[h] = (uint16_t) (sc->n_mark_val + 1);
    sc->n_mark_val += 2;
    return (long) sc->n_mark_val - 2;
}

/*
 * Each candidate's marks on its tokens: the summary bits and up to
 * LX_FEAT_MARKS ids of mark values.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
static int mark_cands(lx_feat_scratch *sc, const lx_toklist *tl, size_t base,
                      const lx_candvec *cv)
{
    const char *src[SOURCE_CACHE] = {NULL};
    uint64_t src_hash[SOURCE_CACHE];
    memset(sc->cmask, 0, tl->n);
    memset(sc->n_marks, 0, tl->n);
    if (sc->n_mark_val > MARK_VALUES / 2) {
        sc->n_mark_val = 0;
        memset(sc->mark_slot, 0, sc->mark_slot_cap * sizeof(*sc->mark_slot));
    }
    for (size_t k = 0; k < cv->n; k++) {
        const lx_cand *c = &cv->v[k];
        if (!lx_feat_learned_type(c) || c->start < base)
            continue;
        size_t slot = ((uintptr_t) c->source >> 3) & (SOURCE_CACHE - 1);
        if (src[slot] != c->source) {
            src[slot] = c->source;
            src_hash[slot] = lx_tmpl_source_hash(c->source);
        }
        uint64_t h = lx_tmpl_cand_value(c, src_hash[slot]);
        long id_begin = mark_id(sc, h), id_inside = id_begin + 1;
        if (id_begin < 0)
            return LEXTAG_ERR_NOMEM;
        size_t i = lx_feat_tok_at(sc, tl, c->start - base);
        for (; i < tl->n && tl->v[i].start < c->end - base; i++) {
            bool begin = tl->v[i].start == c->start - base;
            sc->cmask[i] |= cand_bits(c, begin);
            if (sc->n_marks[i] < LX_FEAT_MARKS)
                sc->marks[i * LX_FEAT_MARKS + sc->n_marks[i]++] =
                    (uint16_t) (begin ? id_begin : id_inside);
        }
    }
    return 0;
}

static inline bool seed(const lx_feat_scratch *sc, const lx_toklist *tl, size_t i)
{
    const lx_token *t = &tl->v[i];
    if (sc->cmask[i])
        return true;
    if (!is_word(t) || !(t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
        return false;
    /* "The", "Officials" opening a sentence before a lowercase word, with no
       candidate over it: a common word, not a name */
    if ((t->flags & LX_TF_SENT) && (t->bits & (LX_EV_COMMON | LX_EV_WORD)) &&
        !(t->bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)) && i + 1 < tl->n &&
        !(tl->v[i + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
        return false;
    return true;
}

/* A token that may join two parts of a name: punctuation, a short
   lowercase word ("of", "de", "and") or a name particle ("van"). */
static bool connector(const lx_token *t)
{
    if (t->kind == LX_TOK_PUNCT || t->kind == LX_TOK_POSS)
        return true;
    return t->kind == LX_TOK_WORD && (t->fold_len <= 3 || (t->bits & LX_EV_PARTICLE));
}

/*
 * A word alone that is no name on its own and that no source proposed: a
 * nationality ("Iraqi"; a place may be a team), a month, a weekday, a
 * holiday ("NOT_NAME" evidence, but not its abbreviations: "AD" may be a
 * party), or a function word opening a sentence ("In", "But").  A region
 * of such words alone ("Thu, May 2") is left out: it costs no scoring
 * (weekdays alone are one region in ten of news text), and a date is never
 * a name.
 */
static bool never_alone(const lx_feat_scratch *sc, const lx_toklist *tl, size_t i)
{
    const lx_token *t = &tl->v[i];
    if (sc->cmask[i])
        return false;
    if ((t->bits & LX_EV_NATIONALITY) && !(t->bits & (LX_EV_PLACE | LX_EV_COUNTRY)) &&
        !(t->bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)))
        return true;
    return ((t->bits & LX_EV_NOT_NAME) && !(t->flags & LX_TF_ALLCAPS)) ||
           ((t->flags & LX_TF_SENT) && (t->bits & LX_EV_FUNCTION));
}

/* Is every capitalized word of tokens [s, e) such a word ("Thu, May 2")? */
static bool no_name_in(const lx_feat_scratch *sc, const lx_toklist *tl, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if ((sc->cmask[k] || (tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS))) &&
            !never_alone(sc, tl, k))
            return false;
    return true;
}

bool lx_feat_elided_particle(const char *text, const lx_token *t)
{
    const unsigned char *w = (const unsigned char *) text + t->start;
    size_t n = t->end - t->start;
    if (t->kind != LX_TOK_WORD || n < 4 || (w[0] != 'd' && w[0] != 'l'))
        return false;
    size_t k = w[1] == '\'' ? 2 : (n >= 6 && w[1] == 0xE2 && w[2] == 0x80 && w[3] == 0x99) ? 4 : 0;
    return k && k < n && ((w[k] >= 'A' && w[k] <= 'Z') || w[k] >= 0xC0);
}

/*
 * May a region go on across token k?  Always within a line; across a line
 * break only onto a wrapped continuation of the same sentence ("signed by
 * Marek / Nowak on Monday"), never across a headline, list or table line.
 * Such a token is marked LX_LINE_JOINED.
 */
static inline bool joins(lx_feat_scratch *sc, const lx_toklist *tl, const char *text, size_t k)
{
    const lx_token *t = &tl->v[k];
    if (!(t->flags & LX_TF_NEWLINE))
        return true;
    if ((t->flags & LX_TF_SENT) || !lx_tok_wrapped(tl, text, k))
        return false;
    sc->line[k] |= LX_LINE_JOINED;
    return true;
}

/* The slot of a word hash in the document table d, added when new. */
static size_t doc_slot(lx_dslot *d, size_t cap, uint64_t hash, size_t *used)
{
    size_t h = lx_feat_doc_probe(d, cap, hash);
    if (!d[h].key) {
        d[h].key = (uint32_t) (hash >> 32) | 1;
        ++*used;
    }
    return h;
}

/* A saturating count, without a branch: whether a count is full is
   as good as random. */
static void bump(uint8_t *x)
{
    *x = (uint8_t) (*x + (*x != 255));
}

static size_t filter_at(const lx_feat_scratch *sc, uint64_t hash)
{
    return (size_t) (hash >> 40) & sc->filter_mask;
}

static inline uint32_t cluster(lx_feat_scratch *sc, const lx_clusters *c, uint64_t h)
{
    lx_cslot *s = &sc->ccache[(h >> 48) & (LX_CLUSTER_CACHE - 1)];
    if (s->key != (h | 1)) {
        s->key = h | 1;
        s->path = lx_clusters_find(c, h);
    }
    return s->path;
}

/* Counts region token i into the document table; false once it is more
   than half full.  A word new to the table counts on its filter counter
   until it is seen in lowercase: here, when the token is a lowercase
   word (a region's "of"), or in count_lower().  Inline into its two
   callers, which the compiler no longer chose once it grew: asked of
   every region token, its call cost a fifth of its instructions. */
static inline __attribute__((always_inline)) bool doc_count(lx_feat_scratch *sc,
                                                            const lx_toklist *tl, size_t i)
{
    const lx_token *t = &tl->v[i];
    size_t used = sc->doc_used;
    size_t h = doc_slot(sc->doc, sc->doc_cap, t->hash, &sc->doc_used);
    if (sc->doc_used * 2 > sc->doc_cap)
        return false;
    /* kept for the templates, which read it for every region token (the
       table is filled again, and this set again, if it grows) */
    sc->dix[i] = (uint32_t) h;
    lx_dslot *d = &sc->doc[h];
    uint8_t *f = &sc->filter[filter_at(sc, t->hash)];
    if (sc->doc_used != used)
        bump(f);
    if (t->kind == LX_TOK_WORD && (t->flags & LX_TF_LOWER) && !d->lower) {
        d->lower = 1;
        *f = (uint8_t) (*f - (*f != 255));
    }
    if ((t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) && !(t->flags & LX_TF_SENT))
        bump(&d->capmid);
    if (sc->cmask[i] & (LX_CM_BPER | LX_CM_IPER))
        bump(&d->per);
    if (sc->cmask[i] & (LX_CM_BORG | LX_CM_IORG))
        bump(&d->org);
    return true;
}

/* Empties the document table, want slots. */
static int doc_reset(lx_feat_scratch *sc, size_t want)
{
    if (lx_vec_reserve(&sc->doc, &sc->doc_alloc, want, sizeof(*sc->doc), 64))
        return LEXTAG_ERR_NOMEM;
    memset(sc->doc, 0, want * sizeof(*sc->doc));
    /* a stretch of a few tokens (a JSONL record) clears a few words, not
       the whole filter */
    size_t counters = want * 8 < LX_DOC_FILTER ? want * 8 : LX_DOC_FILTER;
    sc->filter_mask = counters - 1;
    memset(sc->filter, 0, counters);
    sc->doc_cap = want;
    sc->doc_used = 0;
    sc->doc_full = false;
    return 0;
}

/*
 * A region [s, e) was found, its tokens still in cache: their shapes and
 * cluster paths, those of its neighbours (a neighbour's shape is its kind
 * and case: cheaper, and as telling; a neighbour that is a region's token
 * keeps that region's), and their counts in the document table.
 */
static void region_done(lx_feat_scratch *sc, const struct lextag_model *m, const char *text,
                        const lx_toklist *tl, size_t s, size_t e)
{
    bool after_region = sc->n_reg >= 2 && sc->reg[sc->n_reg - 2].e == s;
    size_t around[2] = {s && !after_region ? s - 1 : SIZE_MAX, e < tl->n ? e : SIZE_MAX};
    for (int k = 0; k < 2; k++)
        if (around[k] != SIZE_MAX) {
            const lx_token *t = &tl->v[around[k]];
            /* the break before a wrapped line's first word is a space */
            bool wrap = (sc->line[around[k]] & ~LX_LINE_JOINED) == LX_LINE_WRAP;
            uint32_t drop = LX_TF_SPACE | (wrap ? LX_TF_NEWLINE : 0);
            sc->shp[around[k]] = 0xF00Du + t->kind * 256u + (t->flags & ~drop);
            sc->clu[around[k]] = cluster(sc, &m->clusters, t->hash);
        }
    /* the stretch's bytes up to its last token's end may all be read */
    size_t limit = tl->v[tl->n - 1].end;
    for (size_t k = s; k < e; k++) {
        sc->shp[k] = lx_tmpl_shape_hash_within(text, limit, &tl->v[k]);
        sc->clu[k] = cluster(sc, &m->clusters, tl->v[k].hash);
        if (!sc->doc_full && !doc_count(sc, tl, k))
            sc->doc_full = true;
    }
}

/*
 * The bitmap of the tokens a region may start at: a capitalized word or a
 * token under a candidate.  Built from the two byte arrays sixteen tokens
 * at a time, once the candidates are marked.
 */
static void mark_seeds(lx_feat_scratch *sc, size_t n)
{
    size_t words = (n + 63) / 64;
    memset(sc->cmask + n, 0, words * 64 - n);
    memset(sc->caps + n, 0, words * 64 - n);
    for (size_t w = 0; w < words; w++) {
        const uint8_t *a = sc->caps + w * 64, *b = sc->cmask + w * 64;
        uint64_t bits = 0;
#if defined(__SSE2__)
        const __m128i cap = _mm_set1_epi8(LX_TF_CAP | LX_TF_ALLCAPS);
        for (int k = 0; k < 4; k++) {
            __m128i x = _mm_or_si128(
                _mm_and_si128(_mm_loadu_si128((const __m128i *) (a + 16 * k)), cap),
                _mm_loadu_si128((const __m128i *) (b + 16 * k)));
            unsigned zero = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128()));
            bits |= (uint64_t) (~zero & 0xFFFFu) << (16 * k);
        }
#else
        for (int k = 0; k < 64; k++)
            bits |= (uint64_t) (((a[k] & (LX_TF_CAP | LX_TF_ALLCAPS)) | b[k]) != 0) << k;
#endif
        sc->seeds[w] = bits;
    }
}

/*
 * The first token at or after i that a region may start at: a capitalized
 * word or a token under a candidate (tl->n when none is left).  Most
 * tokens are lowercase words no source proposed: the bitmap passes over
 * 64 of them at a time.
 */
static inline size_t next_seed(const lx_feat_scratch *sc, const lx_toklist *tl, size_t i)
{
    if (i >= tl->n)
        return tl->n;
    size_t w = i / 64, last = (tl->n - 1) / 64;
    uint64_t b = sc->seeds[w] & (~0ull << (i % 64));
    while (!b) {
        if (++w > last)
            return tl->n;
        b = sc->seeds[w];
    }
    return w * 64 + (size_t) __builtin_ctzll(b);
}

static int find_regions(lx_feat_scratch *sc, const struct lextag_model *m, const lx_toklist *tl,
                        const char *text)
{
    sc->n_reg = 0;
    size_t i = next_seed(sc, tl, 0);
    while (i < tl->n) {
        if (!seed(sc, tl, i)) {
            i = next_seed(sc, tl, i + 1);
            continue;
        }
        size_t s = i, e = i + 1;
        /* a region that opens a wrapped line goes on the sentence of the
           line before: its line break is a space too ("Analysts at /
           Gartner said") */
        if ((tl->v[s].flags & LX_TF_NEWLINE) && !(tl->v[s].flags & LX_TF_SENT) &&
            lx_tok_wrapped(tl, text, s))
            sc->line[s] |= LX_LINE_JOINED;
        for (size_t k = e; k < tl->n && k <= e + MAX_GAP && joins(sc, tl, text, k); k++) {
            if (seed(sc, tl, k))
                e = k + 1;
            else if (!connector(&tl->v[k]))
                break;
        }
        /* words written onto the region's last word stay with it: "Kim Dae-jung" */
        while (e < tl->n && e + 1 < tl->n && !(tl->v[e].flags & LX_TF_SPACE) &&
               tl->v[e].kind == LX_TOK_PUNCT && !(tl->v[e + 1].flags & LX_TF_SPACE) &&
               tl->v[e + 1].kind == LX_TOK_WORD)
            e += 2;
        /* and so does a surname after an elided particle: "Heinrich
           d'Arrest", "Valery Giscard d'Estaing" (its first letter asked
           here: most regions end before a lowercase word, few of them a
           particle) */
        if (e < tl->n && (tl->v[e].flags & LX_TF_LOWER) &&
            (text[tl->v[e].start] == 'd' || text[tl->v[e].start] == 'l') &&
            lx_feat_elided_particle(text, &tl->v[e]) && joins(sc, tl, text, e))
            e++;
        if (no_name_in(sc, tl, s, e)) {
            i = next_seed(sc, tl, e);
            continue;
        }
        if (lx_vec_reserve(&sc->reg, &sc->reg_cap, sc->n_reg + 1, sizeof(lx_region), 256))
            return LEXTAG_ERR_NOMEM;
        sc->reg[sc->n_reg++] = (lx_region){(uint32_t) s, (uint32_t) e};
        region_done(sc, m, text, tl, s, e);
        i = next_seed(sc, tl, e);
    }
    return 0;
}

/* The document table filled up: a larger one, filled again. */
static int refill_doc(lx_feat_scratch *sc, const lx_toklist *tl)
{
    for (size_t want = sc->doc_cap * 2;; want *= 2) {
        if (doc_reset(sc, want))
            return LEXTAG_ERR_NOMEM;
        for (size_t r = 0; r < sc->n_reg && !sc->doc_full; r++)
            for (size_t i = sc->reg[r].s; i < sc->reg[r].e && !sc->doc_full; i++)
                sc->doc_full = !doc_count(sc, tl, i);
        if (!sc->doc_full)
            return 0;
    }
}

/*
 * Whether each word of the regions is written in lowercase: the slot
 * takes a flag, which is all the templates read.  Most lowercase words
 * are none of the regions', or are words whose flag is set already (the
 * region's own "of", "the" found once): the filter, in cache, turns them
 * away, as a counter that holds no word of the table still to be seen
 * in lowercase; only the others probe the table.
 */
static void count_lower(lx_feat_scratch *sc)
{
    /* in locals: a store into the table or the filter may alias the
       fields of sc, which would be loaded again for every word */
    const uint64_t *lowh = sc->lowh;
    uint8_t *filter = sc->filter;
    size_t mask = sc->filter_mask, n = sc->n_lowh;
    lx_dslot *doc = sc->doc;
    size_t cap = sc->doc_cap;
    for (size_t i = 0; i < n; i++) {
        uint64_t h = lowh[i];
        uint8_t *f = &filter[(size_t) (h >> 40) & mask];
        if (!*f)
            continue;
        lx_dslot *d = &doc[lx_feat_doc_probe(doc, cap, h)];
        if (d->key && !d->lower) {
            d->lower = 1;
            *f = (uint8_t) (*f - (*f != 255));
        }
    }
}

int lx_feat_prepare(lx_feat_scratch *sc, const struct lextag_model *m, const char *text,
                    size_t base, const lx_toklist *tl, const lx_candvec *cands)
{
    sc->n_reg = 0;
    if (!tl->n)
        return 0;
    /* a stretch of news holds about one region word for 40 tokens: the
       table starts small enough for the cache and grows when half full */
    size_t want = 64;
    while (want < tl->n / 16)
        want *= 2;
    if (grow(sc, tl->n) || grow_tokix(sc, tl) || doc_reset(sc, want))
        return LEXTAG_ERR_NOMEM;
    if (!sc->line_tab_ready) {
        lx_line_tab_fill(sc->line_tab);
        sc->line_tab_ready = true;
    }
    if (!sc->few_ready || sc->few_mask != m->learn.mask)
        lx_feat_few_rows(sc, &m->learn);
    if (sc->ccache_of != &m->clusters) {
        memset(sc->ccache, 0, sizeof(sc->ccache));
        sc->ccache_of = &m->clusters;
    }
    mark_lines(sc, tl, text);
    sc->brief = tl->n <= LX_BRIEF_TOKENS && !memchr(text, '\n', tl->v[tl->n - 1].end);
    int rc = mark_cands(sc, tl, base, cands);
    if (rc)
        return rc;
    mark_seeds(sc, tl->n);
    rc = find_regions(sc, m, tl, text);
    if (!rc && sc->doc_full)
        rc = refill_doc(sc, tl);
    if (!rc)
        count_lower(sc);
    return rc;
}
