/* SPDX-License-Identifier: MIT */
/*
 * Preparing a stretch for the learned layer: line kinds, candidate marks,
 * the document table and the regions to decode (see feat.h).  The
 * templates themselves are in templates.c.
 */
#include "feat.h"

#include <stdlib.h>
#include <string.h>

#include "templates.h"
#include "trie.h"
#include "vec.h"

/* Region seeds may sit this many connecting tokens apart and still share
   a region ("Bank of the West"). */
#define MAX_GAP 2

bool lx_feat_learned_type(const lx_cand *c)
{
    return (c->type[0] == 'P' && strcmp(c->type, "PERSON") == 0) ||
           (c->type[0] == 'O' && strcmp(c->type, "ORG") == 0);
}

void lx_feat_scratch_free(lx_feat_scratch *sc)
{
    if (!sc)
        return;
    free(sc->line);
    free(sc->cmask);
    free(sc->n_marks);
    free(sc->marks);
    free(sc->shp);
    free(sc->clu);
    free(sc->reg);
    free(sc->doc);
    memset(sc, 0, sizeof(*sc));
}

static int grow(lx_feat_scratch *sc, size_t n)
{
    if (n <= sc->cap)
        return 0;
    size_t cap = sc->cap ? sc->cap : 256;
    while (cap < n)
        cap *= 2;
    uint8_t *line = realloc(sc->line, cap), *cm = realloc(sc->cmask, cap);
    if (line)
        sc->line = line;
    if (cm)
        sc->cmask = cm;
    uint8_t *nm = realloc(sc->n_marks, cap);
    if (nm)
        sc->n_marks = nm;
    uint64_t *mk = realloc(sc->marks, cap * LX_FEAT_MARKS * sizeof(*mk));
    if (mk)
        sc->marks = mk;
    uint64_t *shp = realloc(sc->shp, cap * sizeof(*shp));
    if (shp)
        sc->shp = shp;
    uint32_t *clu = realloc(sc->clu, cap * sizeof(*clu));
    if (clu)
        sc->clu = clu;
    if (!line || !cm || !nm || !mk || !shp || !clu)
        return LEXTAG_ERR_NOMEM;
    sc->cap = cap;
    return 0;
}

static bool is_word(const lx_token *t)
{
    return t->kind == LX_TOK_WORD || t->kind == LX_TOK_ABBREV;
}

/* Kind of the line of tokens [s, e). */
static uint8_t line_kind(const lx_toklist *tl, const char *text, size_t s, size_t e)
{
    size_t words = 0, caps = 0, allcaps = 0, lower = 0, longlower = 0, nums = 0;
    for (size_t k = s; k < e; k++) {
        const lx_token *t = &tl->v[k];
        if (t->kind == LX_TOK_NUMBER || (t->flags & LX_TF_HASDIGIT)) {
            nums++;
        } else if (is_word(t)) {
            words++;
            if (lx_tok_capitals(t))
                allcaps++;
            else if (t->flags & LX_TF_CAP)
                caps++;
            else if (t->flags & LX_TF_LOWER) {
                lower++;
                longlower += t->end - t->start > 3;
            }
        }
    }
    const lx_token *first = &tl->v[s], *last = &tl->v[e - 1];
    char end_ch = text[last->end - 1];
    bool closed = end_ch == '.' || end_ch == '?' || end_ch == '!' || end_ch == '"' ||
                  end_ch == ':';
    if (nums >= 2 && nums * 2 >= words)
        return LX_LINE_TABLE;
    if (allcaps >= 2 && allcaps > caps + lower)
        return LX_LINE_CAPS;
    if (e - s <= 4 && !closed && !lower)
        return LX_LINE_SHORT;
    if (caps + allcaps >= 3 && !longlower && !closed)
        return LX_LINE_TITLE;
    if (s > 0 && !(first->flags & LX_TF_PARA) && (first->flags & LX_TF_LOWER))
        return LX_LINE_WRAP;
    if (e - s <= 6 && is_word(first) && first->fold_len == 2 &&
        memcmp(lx_tok_fold(tl, first), "by", 2) == 0)
        return LX_LINE_BYLINE;
    return LX_LINE_TEXT;
}

static void mark_lines(lx_feat_scratch *sc, const lx_toklist *tl, const char *text)
{
    size_t s = 0;
    for (size_t i = 1; i <= tl->n; i++) {
        if (i < tl->n && !(tl->v[i].flags & LX_TF_NEWLINE))
            continue;
        uint8_t k = line_kind(tl, text, s, i);
        memset(sc->line + s, k, i - s);
        s = i;
    }
}

/*
 * First token starting at or after byte b (relative).  Candidates come
 * mostly in text order: the search gallops on from the last answer, hint,
 * and the token array, far larger than the cache, is touched near it.
 */
static size_t tok_at(const lx_toklist *tl, size_t b, size_t hint)
{
    size_t lo = 0, hi = tl->n, step = 1;
    if (hint >= tl->n) {
        /* search it all */
    } else if (tl->v[hint].start < b) {
        lo = hint + 1;
        while (lo + step < tl->n && tl->v[lo + step].start < b) {
            lo += step + 1;
            step *= 2;
        }
        hi = lo + step < tl->n ? lo + step : tl->n;
    } else {
        hi = hint;
        while (hi >= step && tl->v[hi - step].start >= b) {
            hi -= step;
            step *= 2;
        }
        lo = hi >= step ? hi - step : 0;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tl->v[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
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

static void mark_cands(lx_feat_scratch *sc, const lx_toklist *tl, size_t base,
                       const lx_candvec *cv)
{
    const char *src[SOURCE_CACHE] = {NULL};
    size_t hint = 0;
    uint64_t src_hash[SOURCE_CACHE];
    memset(sc->cmask, 0, tl->n);
    memset(sc->n_marks, 0, tl->n);
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
        size_t i = hint = tok_at(tl, c->start - base, hint);
        for (; i < tl->n && tl->v[i].start < c->end - base; i++) {
            bool begin = tl->v[i].start == c->start - base;
            sc->cmask[i] |= cand_bits(c, begin);
            if (sc->n_marks[i] < LX_FEAT_MARKS)
                sc->marks[i * LX_FEAT_MARKS + sc->n_marks[i]++] = h ^ (begin ? 0 : 0x5bd1e995u);
        }
    }
}

static bool seed(const lx_feat_scratch *sc, const lx_toklist *tl, size_t i)
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

/*
 * May a region go on across token k?  Always within a line; across a line
 * break only onto a wrapped continuation of the same sentence ("signed by
 * Marek / Nowak on Monday"), never across a headline, list or table line.
 * Such a token is marked LX_LINE_JOINED.
 */
static bool joins(lx_feat_scratch *sc, const lx_toklist *tl, const char *text, size_t k)
{
    const lx_token *t = &tl->v[k];
    if (!(t->flags & LX_TF_NEWLINE))
        return true;
    if ((t->flags & LX_TF_SENT) || !lx_tok_wrapped(tl, text, k))
        return false;
    sc->line[k] |= LX_LINE_JOINED;
    return true;
}

static int find_regions(lx_feat_scratch *sc, const lx_toklist *tl, const char *text)
{
    sc->n_reg = 0;
    size_t i = 0;
    while (i < tl->n) {
        /* most tokens are lowercase words no source proposed: the first
           test turns them away before the call */
        if ((!sc->cmask[i] && !(tl->v[i].flags & (LX_TF_CAP | LX_TF_ALLCAPS))) ||
            !seed(sc, tl, i)) {
            i++;
            continue;
        }
        size_t s = i, e = i + 1;
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
        if (no_name_in(sc, tl, s, e)) {
            i = e;
            continue;
        }
        if (lx_vec_reserve(&sc->reg, &sc->reg_cap, sc->n_reg + 1, sizeof(lx_region), 256))
            return LEXTAG_ERR_NOMEM;
        sc->reg[sc->n_reg++] = (lx_region){(uint32_t) s, (uint32_t) e};
        i = e;
    }
    return 0;
}

static lx_dslot *doc_slot(lx_dslot *d, size_t cap, uint64_t hash, bool add)
{
    uint32_t key = (uint32_t) (hash >> 32) | 1;
    size_t h = (size_t) (hash ^ (hash >> 29)) & (cap - 1);
    while (d[h].key && d[h].key != key)
        h = (h + 1) & (cap - 1);
    if (!d[h].key) {
        if (!add)
            return NULL;
        d[h].key = key;
    }
    return &d[h];
}

static void bump(uint8_t *x)
{
    if (*x < 255)
        (*x)++;
}

static size_t filter_bit(uint64_t hash)
{
    return (size_t) (hash >> 40) & (LX_DOC_FILTER - 1);
}

/* How each word of the regions is written and proposed across the stretch. */
static int fill_doc(lx_feat_scratch *sc, const lx_toklist *tl)
{
    size_t want = 64, n = 0;
    for (size_t r = 0; r < sc->n_reg; r++)
        n += sc->reg[r].e - sc->reg[r].s;
    /* at most n words: a third of the slots stay empty, and words repeat */
    while (want < n + n / 2)
        want *= 2;
    if (want > sc->doc_alloc) {
        lx_dslot *d = realloc(sc->doc, want * sizeof(*d));
        if (!d)
            return LEXTAG_ERR_NOMEM;
        sc->doc = d;
        sc->doc_alloc = want;
    }
    memset(sc->doc, 0, want * sizeof(*sc->doc));
    memset(sc->filter, 0, sizeof(sc->filter));
    sc->doc_cap = want;
    for (size_t r = 0; r < sc->n_reg; r++)
        for (size_t i = sc->reg[r].s; i < sc->reg[r].e; i++) {
            const lx_token *t = &tl->v[i];
            size_t b = filter_bit(t->hash);
            sc->filter[b / 64] |= 1ull << (b % 64);
            lx_dslot *d = doc_slot(sc->doc, want, t->hash, true);
            if ((t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) && !(t->flags & LX_TF_SENT))
                bump(&d->capmid);
            if (sc->cmask[i] & (LX_CM_BPER | LX_CM_IPER))
                bump(&d->per);
            if (sc->cmask[i] & (LX_CM_BORG | LX_CM_IORG))
                bump(&d->org);
        }
    for (size_t i = 0; i < tl->n; i++) {
        const lx_token *t = &tl->v[i];
        if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_LOWER))
            continue;
        /* most lowercase words are none of the regions': the filter, in
           cache, answers them without a probe of the table */
        size_t b = filter_bit(t->hash);
        if (!(sc->filter[b / 64] & (1ull << (b % 64))))
            continue;
        lx_dslot *d = doc_slot(sc->doc, want, t->hash, false);
        if (d)
            bump(&d->lower);
    }
    return 0;
}

const lx_dslot *lx_feat_doc(const lx_feat_scratch *sc, uint64_t hash)
{
    return doc_slot(sc->doc, sc->doc_cap, hash, false);
}

static uint32_t cluster(lx_feat_scratch *sc, const lx_clusters *c, uint64_t h)
{
    lx_cslot *s = &sc->ccache[(h >> 48) & (LX_CLUSTER_CACHE - 1)];
    if (s->key != (h | 1)) {
        s->key = h | 1;
        s->path = lx_clusters_find(c, h);
    }
    return s->path;
}

/*
 * Shapes and cluster paths of the regions' tokens and of their neighbours.
 * A neighbour's shape is its kind and case: cheaper, and as telling.
 */
static void token_values(lx_feat_scratch *sc, const struct lextag_model *m, const char *text,
                         const lx_toklist *tl)
{
    if (sc->ccache_of != &m->clusters) {
        memset(sc->ccache, 0, sizeof(sc->ccache));
        sc->ccache_of = &m->clusters;
    }
    for (size_t r = 0; r < sc->n_reg; r++) {
        size_t s = sc->reg[r].s, e = sc->reg[r].e;
        size_t around[2] = {s ? s - 1 : SIZE_MAX, e < tl->n ? e : SIZE_MAX};
        for (int k = 0; k < 2; k++)
            if (around[k] != SIZE_MAX) {
                const lx_token *t = &tl->v[around[k]];
                sc->shp[around[k]] = 0xF00Du + t->kind * 256u + (t->flags & ~LX_TF_SPACE);
                sc->clu[around[k]] = cluster(sc, &m->clusters, t->hash);
            }
    }
    for (size_t r = 0; r < sc->n_reg; r++)
        for (size_t k = sc->reg[r].s; k < sc->reg[r].e; k++) {
            char buf[16];
            size_t n = lx_tmpl_shape(text, tl, (long) k, buf);
            sc->shp[k] = lx_hash64(buf, n);
            sc->clu[k] = cluster(sc, &m->clusters, tl->v[k].hash);
        }
}

int lx_feat_prepare(lx_feat_scratch *sc, const struct lextag_model *m, const char *text,
                    size_t base, const lx_toklist *tl, const lx_candvec *cands)
{
    sc->n_reg = 0;
    if (!tl->n)
        return 0;
    if (grow(sc, tl->n))
        return LEXTAG_ERR_NOMEM;
    mark_lines(sc, tl, text);
    sc->brief = tl->n <= LX_BRIEF_TOKENS && !memchr(text, '\n', tl->v[tl->n - 1].end);
    mark_cands(sc, tl, base, cands);
    int rc = find_regions(sc, tl, text);
    if (!rc)
        token_values(sc, m, text, tl);
    return rc ? rc : fill_doc(sc, tl);
}
