/* SPDX-License-Identifier: MIT */
/*
 * Decoding a stretch with the learned layer and putting its spans in place
 * of the rules' PERSON and ORG candidates (see learned.h).
 */
#include "learned.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attrs.h"
#include "dateline.h"
#include "evidence.h"
#include "explain.h"
#include "firms.h"
#include "gazetteer.h"
#include "party.h"
#include "templates.h"
#include "terms.h"
#include "words.h"

void lx_learn_lane_free(lx_learn_lane *L)
{
    if (!L)
        return;
    lx_feat_scratch_free(&L->sc);
    free(L->feats);
    free(L->off);
    free(L->em);
    free(L->hist);
    free(L->lab);
    lx_candvec_free(&L->spans);
    free(L->misc_words);
    free(L->miscs);
    free(L->quiet);
    free(L->things);
    free(L->titled);
    lx_candvec_free(&L->near);
    lx_candvec_free(&L->sort_scratch);
    free(L->near_ix);
    free(L->wc);
    free(L->read);
    free(L->eponym_prefix);
    memset(L, 0, sizeof(*L));
}

/* Grows the per-token scratch to hold n tokens of one region. */
static int grow(lx_learn_lane *L, size_t n)
{
    size_t cap = L->cap ? L->cap : 64;
    while (cap < n)
        cap *= 2;
    uint32_t *f = realloc(L->feats, cap * LX_FEAT_MAX * sizeof(*f));
    if (f)
        L->feats = f;
    uint32_t *o = realloc(L->off, (cap + 1) * sizeof(*o));
    if (o)
        L->off = o;
    int32_t *em = realloc(L->em, cap * LX_NLABELS * sizeof(*em));
    if (em)
        L->em = em;
    int32_t *hist = realloc(L->hist, cap * LX_NLABELS * sizeof(*hist));
    if (hist)
        L->hist = hist;
    uint8_t *l = realloc(L->lab, cap);
    if (l)
        L->lab = l;
    if (!f || !o || !em || !hist || !l)
        return LEXTAG_ERR_NOMEM;
    L->cap = cap;
    return 0;
}

/* Makes room for n tokens of one region (inline: asked for every region,
   it grows the scratch only for the longest).  0 or LEXTAG_ERR_NOMEM. */
static inline int reserve(lx_learn_lane *L, size_t n)
{
    return n <= L->cap ? 0 : grow(L, n);
}

bool lx_learn_rule_kept(const lx_cand *c)
{
    if (c->source[0] != 'c')
        return false;
    if (strcmp(c->source, "context:byline") == 0 || strcmp(c->source, "context:speaker") == 0)
        return true;
    /* an acronym's definition ("Long Name (LN)") is kept; a lone acronym
       the rules merely guess is an ORG ("AAAI", but also "SVM", "NLP") is
       a feature the learned layer weighs like any other */
    return c->prio >= LX_PRIO_CONTEXT && strcmp(c->source, "context:acronym") == 0;
}

typedef void feat_fn(const lx_fctx *c, size_t i, lx_fsink *s);

/*
 * The features fn gives tokens [s, s + n) into ids, at most LX_FEAT_MAX
 * each: token k's start at off[k], and off[n] their end.  Returns their
 * number.
 */
static size_t extract(const lx_fctx *c, size_t s, size_t n, feat_fn *fn, uint32_t *ids,
                      uint32_t *off)
{
    lx_fsink k = {ids, 0, NULL};
    for (size_t t = 0; t < n; t++) {
        off[t] = (uint32_t) k.n;
        fn(c, s + t, &k);
    }
    off[n] = (uint32_t) k.n;
    return k.n;
}

int lx_learn_extract(lx_learn_lane *L, const lx_fctx *c, size_t r)
{
    const lx_region *g = &c->sc->reg[r];
    size_t n = g->e - g->s;
    if (reserve(L, n))
        return LEXTAG_ERR_NOMEM;
    extract(c, g->s, n, lx_feat_token, L->feats, L->off);
    return 0;
}

/*
 * Context features of the tokens of region r (at most LX_AHEAD) into a,
 * and the weight rows of their neighbours' words asked for: they are
 * scattered over a table larger than the cache, and are summed a region
 * later (see LX_FEAT_NEIGHBOUR_WORDS).
 */
static void extract_ahead(const lx_fctx *c, const lx_weights *w, size_t r, lx_ahead *a)
{
    size_t s = c->sc->reg[r].s, n = c->sc->reg[r].e - s;
    extract(c, s, n, lx_feat_context, a->ids, a->off);
    const int16_t *rows = w->w;
    uint32_t mask = w->mask;
    for (size_t t = 0; t < n; t++) {
        const uint32_t *ids = a->ids + a->off[t];
#pragma GCC unroll 6
        for (size_t j = 0; j < LX_FEAT_NEIGHBOUR_WORDS; j++)
            __builtin_prefetch(rows + (size_t) (ids[j] & mask) * LX_WSTRIDE);
    }
    a->r = r;
}

/*
 * Emissions of token i into e from its context features ids[0..n): its
 * word's own features come from the cache when the word was scored before
 * (names repeat).
 */
static void score_token(lx_learn_lane *L, const lx_fctx *c, const lx_weights *w, size_t i,
                        const uint32_t *ids, size_t n, int32_t *e)
{
    uint32_t wids[LX_FEAT_MAX];
    uint64_t key = lx_feat_word_key(c, i);
    lx_wcache *slot = &L->wc[(key >> 40) & (LX_WORD_CACHE - 1)];
    e[0] = 0;
    if (slot->key == key) {
        memcpy(e + 1, slot->sum, sizeof(slot->sum));
    } else {
        lx_fsink ws = {wids, 0, NULL};
        lx_feat_word(c, i, &ws);
        memset(e + 1, 0, sizeof(slot->sum));
        lx_weights_sum(w, wids, ws.n, e + 1);
        slot->key = key;
        memcpy(slot->sum, e + 1, sizeof(slot->sum));
    }
    lx_weights_sum(w, ids, n, e + 1);
}

int lx_learn_region(lx_learn_lane *L, const lx_fctx *c, const lx_weights *w, size_t r)
{
    size_t s = c->sc->reg[r].s, n = c->sc->reg[r].e - s;
    if (reserve(L, n))
        return LEXTAG_ERR_NOMEM;
    if (L->tw != w) {
        if (!L->wc && !(L->wc = malloc(LX_WORD_CACHE * sizeof(*L->wc))))
            return LEXTAG_ERR_NOMEM;
        memset(L->wc, 0, LX_WORD_CACHE * sizeof(*L->wc));
        lx_trans_prepare(NULL, w->trans, L->trans);
        L->tw = w;
        L->ahead[0].r = L->ahead[1].r = SIZE_MAX;
    }
    const uint32_t *ids = L->feats, *off = L->off;
    lx_ahead *a = &L->ahead[r & 1];
    if (n <= LX_AHEAD) {
        if (a->r != r)
            extract_ahead(c, w, r, a);
        ids = a->ids;
        off = a->off;
    } else {
        extract(c, s, n, lx_feat_context, L->feats, L->off);
    }
    for (size_t k = 0; k < n; k++)
        score_token(L, c, w, s + k, ids + off[k], off[k + 1] - off[k], L->em + k * LX_NLABELS);
    lx_viterbi(L->em, L->trans, n, L->hist, L->lab);
    return 0;
}

/* A bill, a law or a citation: never inside a learned name. */
static bool legislation(const lx_cand *c)
{
    return lx_cand_type_is(c, "BILL") || lx_cand_type_is(c, "LAW") ||
           lx_cand_type_is(c, "CITATION");
}

/* May no learned span overlap c? */
static bool blocks(const lx_cand *c)
{
    return legislation(c) || (lx_feat_learned_type(c) && lx_learn_rule_kept(c));
}

/*
 * Indexes L->near by byte: for each LX_NEAR_BLOCK bytes of the stretch
 * [base, base + len), its first candidate starting there or later.  Every
 * decoded span looks up its neighbours: a binary search over a stretch's
 * thousands of entries was a chain of misses each time.
 */
static int index_near(lx_learn_lane *L, size_t base, size_t len)
{
    size_t blocks = len / LX_NEAR_BLOCK + 1;
    if (blocks > L->near_ix_cap) {
        uint32_t *ix = realloc(L->near_ix, blocks * sizeof(*ix));
        if (!ix)
            return LEXTAG_ERR_NOMEM;
        L->near_ix = ix;
        L->near_ix_cap = blocks;
    }
    size_t k = 0;
    for (size_t q = 0; q < blocks; q++) {
        while (k < L->near.n && L->near.v[k].start < base + q * LX_NEAR_BLOCK)
            k++;
        L->near_ix[q] = (uint32_t) k;
    }
    L->near_blocks = blocks;
    L->near_base = base;
    return 0;
}

/*
 * The candidates a learned span is compared with: PERSON and ORG gazetteer
 * entries (for their ids), the spans the rules keep and legislation,
 * sorted by start and indexed by byte.
 */
static int collect_near(lx_learn_lane *L, const lx_candvec *cands, size_t base, size_t len)
{
    L->near.n = 0;
    for (size_t k = 0; k < cands->n; k++) {
        const lx_cand *c = &cands->v[k];
        if (((lx_feat_learned_type(c) && (c->entry != LX_NONE || c->id)) || blocks(c)) &&
            lx_candvec_push(&L->near, c))
            return LEXTAG_ERR_NOMEM;
    }
    /* each source's candidates come in order: their runs are merged */
    if (lx_cands_sort(&L->near, &L->sort_scratch))
        return LEXTAG_ERR_NOMEM;
    return index_near(L, base, len);
}

/* Index of the first of L->near starting at or after byte s. */
static size_t near_from(const lx_learn_lane *L, size_t s)
{
    size_t k = 0;
    if (s > L->near_base) {
        size_t q = (s - L->near_base) / LX_NEAR_BLOCK;
        k = L->near_ix[q < L->near_blocks ? q : L->near_blocks - 1];
    }
    while (k < L->near.n && L->near.v[k].start < s)
        k++;
    return k;
}

/* The candidate with an id (a gazetteer entry, a rule's id) of type `type`
   over exactly [s, e), or NULL. */
static const lx_cand *entry_over(const lx_learn_lane *L, size_t s, size_t e, const char *type)
{
    for (size_t k = near_from(L, s); k < L->near.n && L->near.v[k].start == s; k++) {
        const lx_cand *c = &L->near.v[k];
        if (c->end == e && (c->entry != LX_NONE || c->id) && lx_cand_type_is(c, type))
            return c;
    }
    return NULL;
}

/* The tokens [*a, *b) of tl that candidate c covers; tl starts at byte base. */
static void tokens_of(const lx_toklist *tl, size_t base, const lx_cand *c, size_t *a, size_t *b)
{
    *a = lx_tok_at(tl, c->start - base);
    *b = lx_tok_at(tl, c->end - base);
}

/* Is token k a place's head word that also heads bodies ("Center",
   "Memorial", "Garden": "the Kennedy Center", "Sloan Kettering Memorial")? */
static bool place_word_heads_body(const lx_toklist *tl, size_t k)
{
    static const char *const bodies[] = {"center", "centre", "memorial", "garden", "gardens",
                                         "county", "palace", "cathedral", NULL};
    return lx_tok_in(tl, k, bodies);
}

/* Is [a, b) a first name and a surname ("Mickey Rivers")? */
static bool full_name(const lx_toklist *tl, size_t a, size_t b)
{
    return (tl->v[a].bits & LX_EV_FIRSTNAME) && (tl->v[b - 1].bits & LX_EV_SURNAME);
}

/* Does x overlap a span the rules keep or legislation?  (No entity is
   longer than the limit.) */
static bool overlaps_kept(const lx_learn_lane *L, const lx_cand *x)
{
    size_t from = x->start > LX_MAX_ENTITY_BYTES ? x->start - LX_MAX_ENTITY_BYTES : 0;
    for (size_t k = near_from(L, from); k < L->near.n && L->near.v[k].start < x->end; k++)
        if (L->near.v[k].end > x->start && blocks(&L->near.v[k]))
            return true;
    return false;
}

/*
 * The list's entry for the organization [a, b) without the designator that
 * ends it ("Tesla Inc.", "Volkswagen AG", "Toyota Motor Corp.": the lists
 * know "Tesla", "Volkswagen", "Toyota Motor"), or NULL.  The designator
 * settles what a name alone may leave open ("Apple Inc." is the company).
 */
static const lx_cand *entry_before_designator(const lx_learn_lane *L, const lx_toklist *tl,
                                              size_t base, size_t a, size_t b)
{
    size_t k = b;
    if (k > a + 1 && lx_tok_is(tl, k - 1, "."))
        k--;
    if (k <= a + 1 || !(tl->v[k - 1].bits & LX_EV_DESIGNATOR))
        return NULL;
    k--;
    if (k > a + 1 && lx_tok_is(tl, k - 1, ","))
        k--;
    return entry_over(L, base + tl->v[a].start, base + tl->v[k - 1].end, "ORG");
}

/* "learned+SOURCE", made once per source and stretch. */
static const char *learned_source(lx_learn_lane *L, const char *source, lx_arena *arena)
{
    for (size_t k = 0; k < L->n_src; k++)
        if (L->src[k][0] == source)
            return L->src[k][1];
    const char *s = lx_arena_printf(arena, "learned+%s", source);
    if (s && L->n_src < LX_LEARN_SOURCES) {
        L->src[L->n_src][0] = source;
        L->src[L->n_src++][1] = s;
    }
    return s;
}

/* The entity type of a learned class, LX_C_PER or LX_C_ORG. */
static const char *class_type(int cls)
{
    return cls == LX_C_PER ? "PERSON" : "ORG";
}

/*
 * Learned span x reads list entry g: it takes g's id, entry, attributes
 * and "learned+SOURCE" source, and keeps the explanation it has.  0 or
 * LEXTAG_ERR_NOMEM.
 */
static int take_entry(lx_learn_lane *L, lx_cand *x, const lx_cand *g, lx_arena *arena)
{
    const lextag_explain *why = x->attrs ? x->attrs->explain : NULL;
    x->id = g->id;
    x->entry = g->entry;
    x->attrs = g->attrs;
    if (why) {
        struct lextag_attrs *a = lx_attrs_new(arena, g->attrs);
        if (!a)
            return LEXTAG_ERR_NOMEM;
        a->explain = why;
        x->attrs = a;
    }
    return (x->source = learned_source(L, g->source, arena)) ? 0 : LEXTAG_ERR_NOMEM;
}

/* The learned span x names something else than the list entry it took:
   it loses the entry's id and attributes, and keeps its explanation. */
static int drop_entry(lx_cand *x, lx_arena *arena)
{
    const lextag_explain *why = x->attrs ? x->attrs->explain : NULL;
    x->id = NULL;
    x->entry = LX_NONE;
    x->source = LX_SOURCE_LEARNED;
    x->attrs = NULL;
    if (why) {
        struct lextag_attrs *na = lx_attrs_new(arena, NULL);
        if (!na)
            return LEXTAG_ERR_NOMEM;
        na->explain = why;
        x->attrs = na;
    }
    return 0;
}

/* Adds the span [a, b) of class cls, decoded in region r, to L->spans. */
static int emit(lx_learn_lane *L, const lx_fctx *c, size_t base, const lx_candvec *cands,
                size_t r, int cls, size_t a, size_t b, bool explain, lx_arena *arena)
{
    const lx_toklist *tl = c->tl;
    size_t s0 = c->sc->reg[r].s;
    const char *type = class_type(cls);
    lx_cand out = {base + tl->v[a].start, base + tl->v[b - 1].end, type, LX_SOURCE_LEARNED,
                   NULL, NULL, LX_PRIO_GAZETTEER, 0, LX_NONE, LX_NOREF};
    /* "al-Jazeera": a region starts at a capitalized word */
    out.start -= lx_tok_article_before(tl, a);
    if (out.end - out.start > LX_MAX_ENTITY_BYTES)
        return 0;
    const lx_cand *g = entry_over(L, out.start, out.end, type);
    if (!g && cls == LX_C_ORG)
        g = entry_before_designator(L, tl, base, a, b);
    if (g && take_entry(L, &out, g, arena))
        return LEXTAG_ERR_NOMEM;
    if (explain) {
        /* the rules may widen a span past its region ("Ben & Jerry's"): the
           tokens past it were never decoded, and explain none of it */
        size_t e0 = c->sc->reg[r].e, eb = b < e0 ? b : e0;
        struct lextag_attrs *x = lx_attrs_new(arena, g ? g->attrs : NULL);
        if (!x || !(x->explain = lx_explain_span(c, L->lab + (a - s0),
                                                 L->em + (a - s0) * LX_NLABELS, a, eb, cands,
                                                 base, arena)))
            return LEXTAG_ERR_NOMEM;
        out.attrs = x;
    }
    return lx_candvec_push(&L->spans, &out);
}

/* Does the sentence holding token a end in a question mark? */
static bool question(const lx_fctx *c, size_t a)
{
    const lx_toklist *tl = c->tl;
    size_t k = a + 1;
    while (k < tl->n && !(tl->v[k].flags & LX_TF_SENT))
        k++;
    return c->text[tl->v[k - 1].start] == '?';
}

/* Is token k's word, as written, an entry of the word list of set s? */
static bool written_as(const lx_fctx *c, size_t k, const lx_wordset *s)
{
    return lx_wordset_has(s, c->tl, c->text, k);
}

/*
 * The words of group_cue()'s cues before a group's name (after "the",
 * which it passes over): a verb of joining, forming or leaving it, or a
 * preposition after a contract, a tour, a membership or a post.
 */
static const char *const group_verbs[] = {
    "joined", "joining", "rejoined", "formed", "forming", "co-founded", "cofounded",
    "fronted", "fronting", "left", "leaving", "quit", NULL};
static const char *const group_prepositions[] = {"to", "with", "for", "at", "of", NULL};
static const char *const group_deals[] = {"signed", "signing", "toured", "touring", "opened",
                                          "opening", NULL};
static const char *const memberships[] = {"member",  "members",  "co-founder", "cofounder",
                                          "founder", "founders", "lineup",     NULL};
static const char *const workers[] = {
    "researcher", "researchers", "scientist", "scientists", "professor", "professors",
    "lecturer",   "lecturers",   "student",   "students",   "postdoc",   "fellow",
    "lab",        "laboratory",  "faculty",   "physicist",  "physicists", "chemist",
    "chemists",   "biologist",   "biologists", "engineer",  "engineers", "economist",
    "economists", "analyst",     "analysts",  NULL};
/* The verbs after a group's name as their subject. */
static const char *const plural_verbs[] = {"were", "are", "have", NULL};

/* The bit of a word hash in a filter of 64 (see verb_bits). */
static inline uint64_t hash_bit(uint64_t h)
{
    return 1ull << (h >> 58);
}

/* The filter of the words of list, in lowercase. */
static uint64_t word_bits(const char *const *list)
{
    uint64_t bits = 0;
    for (size_t i = 0; list[i]; i++)
        bits |= hash_bit(lx_hash64(list[i], strlen(list[i])));
    return bits;
}

int lx_learn_wordsets(lx_learn_lane *L)
{
    if (L->wordsets_ready)
        return 0;
    lx_toklist scratch = {0};
    int rc = lx_wordset_init(&L->storms, lx_words_storms, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->work_nouns, lx_words_work_nouns, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->portfolio_titles, lx_words_portfolio_titles, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->org_kinds, lx_words_org_kinds, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->person_kinds, lx_words_person_kinds, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->award_words, lx_words_award_words, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->eponym_heads, lx_words_eponym_heads, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->gatherings, lx_words_gatherings, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->place_heads, lx_words_place_heads, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->sky_objects, lx_words_sky_objects, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->sky_kinds, lx_words_sky_kinds, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->degree_words, lx_words_degree_words, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->term_acronyms, lx_words_term_acronyms, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->music_works, lx_words_music_works, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->thing_nouns, lx_words_thing_nouns, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->civic_words, lx_words_civic_words, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->state_codes, lx_words_state_codes, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->plural_titles, lx_words_plural_titles, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->part_words, lx_words_part_words, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->member_nouns, lx_words_member_nouns, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->group_verbs, group_verbs, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->group_prepositions, group_prepositions, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->group_deals, group_deals, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->memberships, memberships, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->workers, workers, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->plural_verbs, plural_verbs, &scratch);
    L->the_hash = lx_hash64("the", 3);
    L->their_hash = lx_hash64("their", 5);
    L->verb_bits = word_bits(group_verbs);
    L->preposition_bits = word_bits(group_prepositions);
    L->closer_bits = word_bits(plural_verbs) | word_bits(lx_words_member_nouns);
    lx_toklist_free(&scratch);
    L->wordsets_ready = !rc;
    return rc;
}

/* Does token k join two names, "and" or "&" ("Marks and Spencer")? */
static bool conjunction(const lx_toklist *tl, size_t k)
{
    return lx_tok_is(tl, k, "and") || lx_tok_is(tl, k, "&");
}

/*
 * An organization right before a title of office ("Information Minister",
 * "EU Trade Commissioner") loses the capitalized common words at its end,
 * and the "and" between them: they name the office's remit.  A name with
 * "of" or "for" in it ("Department of Health and Human Services") is the
 * organization's full name and stays whole, as does a word that heads
 * organizations ("Army Secretary").  A list's party named with a common
 * word ("Justice") goes too: before a title it is the remit.
 */
static void drop_portfolio(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                           size_t *b)
{
    const lx_toklist *tl = c->tl;
    if (*b >= tl->n || !(tl->v[*b].flags & LX_TF_SPACE) ||
        !written_as(c, *b, &L->portfolio_titles))
        return;
    /* a list's name of two words or more is whole ("Amnesty International
       Secretary General") */
    if (*b - a >= 2 && entry_over(L, base + tl->v[a].start, base + tl->v[*b - 1].end, "ORG"))
        return;
    for (size_t k = a; k < *b; k++)
        if (lx_tok_is(tl, k, "of") || lx_tok_is(tl, k, "for"))
            return;
    size_t e = *b;
    while (e > a) {
        const lx_token *t = &tl->v[e - 1];
        bool remit = t->kind == LX_TOK_WORD && (t->flags & LX_TF_CAP) &&
                     (t->bits & (LX_EV_WORD | LX_EV_COMMON)) &&
                     !(t->bits & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD));
        /* "Health and Human Services": the "and" goes with the words before it */
        bool joining = e - 1 > a && e < *b && conjunction(tl, e - 1);
        if (!remit && !joining)
            break;
        e--;
    }
    /* a joining word is never left at the end */
    while (e > a && conjunction(tl, e - 1))
        e--;
    *b = e;
}

/*
 * Does the span ending before token b end in a short abbreviation written
 * against its period, with a number after it ("Sec. 2", "Rept. 116-101")?
 * Designators and name suffixes ("Corp. 2020", "Jr. 23") do not count.
 */
static bool numbered_part(const lx_fctx *c, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (b == 0 || b + 1 >= tl->n)
        return false;
    const lx_token *w = &tl->v[b - 1], *dot = &tl->v[b], *num = &tl->v[b + 1];
    size_t n = w->end - w->start;
    return w->kind == LX_TOK_WORD && n >= 2 && n <= 5 &&
           (w->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           !(w->bits & (LX_EV_DESIGNATOR | LX_EV_SUFFIX | LX_EV_ORG_SUFFIX)) &&
           !(dot->flags & LX_TF_SPACE) && lx_tok_is(tl, b, ".") && (num->flags & LX_TF_SPACE) &&
           !(num->flags & LX_TF_NEWLINE) && c->text[num->start] >= '0' &&
           c->text[num->start] <= '9';
}

/* Is token k an arithmetic operator: "+", "=", "<", ">", or a sign of
   Unicode's ("×", "÷", "−", "≤", "≥"); "/" and "*" only before a
   parenthesis ("AC/DC" is a name, "PAVN / VC" two)? */
static bool operator_at(const lx_fctx *c, size_t k)
{
    static const char *const signs[] = {"+", "=", "<", ">", "\xc3\x97", "\xc3\xb7",
                                        "\xe2\x88\x92", "\xe2\x89\xa4", "\xe2\x89\xa5", NULL};
    static const char *const dividing[] = {"/", "*", NULL};
    const lx_toklist *tl = c->tl;
    if (k >= tl->n || (tl->v[k].kind != LX_TOK_PUNCT && tl->v[k].kind != LX_TOK_SYMBOL))
        return false;
    return lx_tok_in(tl, k, signs) || (lx_tok_in(tl, k, dividing) && lx_tok_is(tl, k + 1, "("));
}

/*
 * Is the capitalized word [a, a + 1) a variable of a formula, with an
 * operator before or after it, across a parenthesis ("TP / (TP + FP)")?
 */
static bool in_formula(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    const lx_token *t = &tl->v[a];
    if (b != a + 1 || !(t->flags & LX_TF_ALLCAPS) || t->end - t->start > 5)
        return false;
    size_t p = a, n = b;
    while (p > 0 && lx_tok_is(tl, p - 1, "("))
        p--;
    while (n < tl->n && lx_tok_is(tl, n, ")"))
        n++;
    return (p > 0 && operator_at(c, p - 1)) || operator_at(c, n);
}

/*
 * Is token k, capitalized, the plural of a common English word that no
 * list knows as a name: "Historians", "Witnesses" (news may write the
 * plural too seldom for the list of words to hold it)?  A surname or a
 * first name in "s" ("Williams", "Banks") is no plural, nor a list's
 * entry; a rule's guess ("Historians say": a speech verb) is overruled.
 */
static bool common_plural(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    const uint32_t names = LX_EV_FIRSTNAME | LX_EV_SURNAME;
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
        (t->bits & names) || t->fold_len < 5 || (c->sc->cmask[k] & (LX_CM_GPER | LX_CM_GORG)))
        return false;
    const char *f = lx_tok_fold(c->tl, t);
    size_t n = t->fold_len;
    if (f[n - 1] != 's' || f[n - 2] == 's')
        return false;
    for (size_t cut = 1; cut <= 2; cut++) {
        if (cut == 2 && f[n - 2] != 'e')
            break;
        uint32_t v = lx_trie_vocab(&c->m->trie, f, n - cut);
        uint32_t bits = v != LX_NONE ? c->m->trie.voc[v].bits : 0;
        if ((bits & (LX_EV_WORD | LX_EV_COMMON)) && !(bits & names))
            return true;
    }
    return false;
}

/*
 * Is the span [a, b) a title set off by commas after one work ("their
 * second album, Glass Harbour, in 1994")?  Not after a plural, where a
 * list goes on ("comic books, TV Guide, ..."), nor where the name opens a
 * clause of its own ("an entertaining movie, Variety said").
 */
static bool in_apposition_to_work(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    static const char *const ends[] = {",", "(", ".", ";", NULL};
    const lx_toklist *tl = c->tl;
    if (a < 2 || !(tl->v[a].flags & LX_TF_SPACE) || !lx_tok_is(tl, a - 1, ",") ||
        (tl->v[a - 1].flags & LX_TF_SPACE) || !written_as(c, a - 2, &L->work_nouns))
        return false;
    const lx_token *noun = &tl->v[a - 2];
    if (lx_tok_fold(tl, noun)[noun->fold_len - 1] == 's')
        return false;
    return b >= tl->n || lx_tok_in(tl, b, ends);
}

/* Is token k "is", "was", "are" or "were"? */
static bool copula(const lx_toklist *tl, size_t k)
{
    static const char *const forms[] = {"is", "was", "are", "were", NULL};
    return lx_tok_in(tl, k, forms);
}

/*
 * Is the name ending before token b defined as a work: "X is the third
 * studio album by", "X was a 1962 novel by", "X is a song from"?  After
 * the copula and the article come at most five words (years, ordinals,
 * adjectives), then a noun naming a work, and then no noun that makes it
 * a kind of person or organization ("is a film director", "a book
 * publisher"): the phrase ends there, at punctuation, a function word or
 * a verb telling how the work was made.
 */
static bool defined_as_work(const lx_learn_lane *L, const lx_fctx *c, size_t b)
{
    static const char *const articles[] = {"a", "an", "the", NULL};
    static const char *const made[] = {"directed", "written", "released", "recorded",
                                       "produced", "published", "composed", "performed",
                                       "starring", NULL};
    const lx_toklist *tl = c->tl;
    if (b + 2 >= tl->n || (tl->v[b].flags & LX_TF_SENT) || !copula(tl, b) ||
        !lx_tok_in(tl, b + 1, articles))
        return false;
    for (size_t k = b + 2; k < tl->n && k < b + 8; k++) {
        const lx_token *t = &tl->v[k];
        if ((t->flags & LX_TF_SENT) || (t->kind != LX_TOK_WORD && t->kind != LX_TOK_NUMBER &&
                                         !lx_tok_is(tl, k, "-")))
            return false;
        if (t->kind != LX_TOK_WORD || !written_as(c, k, &L->work_nouns))
            continue;
        if (k + 1 >= tl->n || (tl->v[k + 1].flags & LX_TF_SENT))
            return true;
        const lx_token *next = &tl->v[k + 1];
        return next->kind == LX_TOK_PUNCT || (next->bits & LX_EV_FUNCTION) ||
               lx_tok_in(tl, k + 1, made);
    }
    return false;
}

/*
 * Is the span [a, b) part of an award's name: does it hold an award word
 * that no organization's head word follows among the capitalized words
 * right after it ("Lyric Guild Award for Best Debut", "Medal of Honor", but
 * "Prize Foundation"), does one follow the span within three capitalized
 * words on its line ("Harbor Times Book Prize"), or is the organization
 * cls names what one is for ("Award for First Fiction", "Prize in
 * Literature"; a person there is one: "Award for Arthur Miller's play"),
 * or the second thing one is for ("Prize in Physiology or Medicine")?
 */
static bool names_award(const lx_learn_lane *L, const lx_fctx *c, int cls, size_t a, size_t b)
{
    static const char *const subject[] = {"for", "in", "of", NULL};
    const lx_toklist *tl = c->tl;
    if (cls == LX_C_ORG && a >= 2 && lx_tok_in(tl, a - 1, subject) &&
        written_as(c, a - 2, &L->award_words))
        return true;
    /* the second of two subjects: "the Nobel Prize in Physiology or Medicine" */
    if (a >= 4 && (lx_tok_is(tl, a - 1, "or") || lx_tok_is(tl, a - 1, "and")) &&
        (tl->v[a - 2].flags & LX_TF_CAP) && lx_tok_in(tl, a - 3, subject) &&
        written_as(c, a - 4, &L->award_words))
        return true;
    for (size_t k = a; k < b; k++) {
        if (!written_as(c, k, &L->award_words))
            continue;
        for (size_t j = k + 1; j < b && (tl->v[j].flags & LX_TF_CAP); j++)
            if (tl->v[j].bits & LX_EV_ORG_SUFFIX)
                return false;
        return true;
    }
    for (size_t k = b; k < b + 3 && k < tl->n; k++) {
        const lx_token *t = &tl->v[k];
        if (!(t->flags & LX_TF_SPACE) || (t->flags & (LX_TF_NEWLINE | LX_TF_SENT)) ||
            t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP))
            return false;
        if (written_as(c, k, &L->award_words))
            return true;
    }
    return false;
}

/* Is token b, on the same line, a noun of eponym-heads.txt ("filter",
   "algorithm"): one that makes the word before it part of a thing's name? */
static bool eponym_head_at(const lx_learn_lane *L, const lx_fctx *c, size_t b)
{
    const lx_toklist *tl = c->tl;
    return b < tl->n && (tl->v[b].flags & LX_TF_SPACE) && !(tl->v[b].flags & LX_TF_NEWLINE) &&
           written_as(c, b, &L->eponym_heads);
}

/*
 * Is the person's name [a, b) one word (a surname, hyphens and all) that
 * a noun naming a thing after the person follows: "Kalman filter", "Huber
 * loss", "Cholesky decomposition"?
 */
static bool eponym(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (tl->v[a].flags & LX_TF_ALLCAPS)
        return false;
    for (size_t k = a + 1; k < b; k++)
        if (tl->v[k].flags & LX_TF_SPACE)
            return false;
    return eponym_head_at(L, c, b);
}

/*
 * Is the organization [a, b) one word that no list knows, before a noun
 * naming a method, a device or a craft: "the EM algorithm", "a HOG
 * descriptor", "the Cassini spacecraft"?  The name of a thing, as an
 * eponym is a person's.
 */
static bool named_thing(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    return b == a + 1 && (c->tl->v[a].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           !(c->sc->cmask[a] & (LX_CM_GPER | LX_CM_GORG)) && eponym_head_at(L, c, b);
}

/* Is token k a capitalized "The" inside a sentence, a title's first word? */
static bool title_article(const lx_toklist *tl, size_t k)
{
    return (tl->v[k].flags & LX_TF_CAP) && !(tl->v[k].flags & LX_TF_SENT) &&
           lx_tok_is(tl, k, "the");
}

/* Is token k the indefinite article, "a" or "an"? */
static bool indefinite_article(const lx_toklist *tl, size_t k)
{
    return lx_tok_is(tl, k, "a") || lx_tok_is(tl, k, "an");
}

/*
 * Does token k open a sentence: so the tokenizer found, or it is a
 * capitalized "The" after a period the tokenizer took for an initial's
 * ("the Emperor Charles V. The Society of Jesus"), or a capitalized "A" or
 * "An" there before a lowercase word ("Meta, Google and X. A federal
 * judge")?  No name holds ". The" or ". A judge".
 */
static bool opens_sentence_at(const lx_toklist *tl, size_t k)
{
    if (tl->v[k].flags & LX_TF_SENT)
        return true;
    if (k == 0 || !lx_tok_is(tl, k - 1, ".") || !(tl->v[k].flags & LX_TF_CAP))
        return false;
    return title_article(tl, k) ||
           (indefinite_article(tl, k) && k + 1 < tl->n &&
            tl->v[k + 1].kind == LX_TOK_WORD && (tl->v[k + 1].flags & LX_TF_LOWER));
}

/*
 * Is token k a lowercase word a name before it modifies ("the ABC News
 * poll"), rather than a verb or a function word ("The Daily Ledger
 * reports", "... said")?
 */
static bool modified_noun(const lx_toklist *tl, size_t k)
{
    if (k >= tl->n || tl->v[k].kind != LX_TOK_WORD || !(tl->v[k].flags & LX_TF_LOWER))
        return false;
    return !(tl->v[k].bits & (LX_EV_GRAMMAR | LX_EV_SPEECH | LX_EV_ACTION_VERB |
                              LX_EV_PERSON_VERB));
}

/*
 * Is the organization [a, b), not a list's over every word, the title its
 * maker's verb takes ("Spinrad wrote The Iron Dream in 1972", "she
 * directed Broadcast Dreams", "the band recorded Harbour Lights")?  A work,
 * not a body.  A capitalized "The" the model left out may stand between; a
 * lowercase noun after the name ("directed Acme engineers") makes it a
 * modifier, which a body may be.
 */
static bool made_work(const lx_fctx *c, size_t a, size_t b)
{
    static const char *const verbs[] = {"wrote", "written", "published", "directed",
                                        "composed", "authored", "penned", "filmed",
                                        "painted", "recorded", "released", "sang",
                                        "performed", NULL};
    const lx_toklist *tl = c->tl;
    size_t listed = 0;
    for (size_t k = a; k < b; k++)
        listed += (c->sc->cmask[k] & LX_CM_GORG) != 0;
    if (listed == b - a)
        return false;
    if (b < tl->n && (tl->v[b].flags & LX_TF_LOWER) && !(tl->v[b].bits & LX_EV_GRAMMAR))
        return false;
    size_t v = a > 0 && title_article(tl, a - 1) ? a - 1 : a;
    return v > 0 && lx_tok_in(tl, v - 1, verbs);
}

/* Evidence that a word is an organization's own: its head ("University"),
   its opener ("Department"), its designator ("Inc"), a paper's head
   ("Times"). */
#define ORG_OWN_WORDS (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR | LX_EV_MEDIA_HEAD)

/* Is token k a double quotation mark that opens (open) or closes a
   quotation: straight, or curly the right way round? */
static bool quote_mark(const lx_toklist *tl, size_t k, bool open)
{
    return k < tl->n && tl->v[k].kind == LX_TOK_PUNCT &&
           (lx_tok_is(tl, k, "\"") || lx_tok_is(tl, k, open ? "\u201c" : "\u201d"));
}

/*
 * Is [a, b) the whole of a quotation, marks right against it ("the single
 * \"Tin Roof\"", "a film, \"Michael Collins,\" that")?  Running text
 * quotes a title, a nickname or a slogan far more often than a person's
 * or an organization's name: such a name is kept only where it says what
 * it names, an organization by a word of its own ("the \"Army of the
 * Nation\"") or a noun next to it ("the newspaper \"Janakantha\"", "the
 * \"Janakantha\" newspaper", "a group called \"...\""), a person by a title
 * or a role ("Commander \"Vicente\"").
 */
static bool quoted_title(const lx_fctx *c, int cls, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (a == 0 || !quote_mark(tl, a - 1, true) || tl->v[a - 1].end != tl->v[a].start)
        return false;
    size_t q = b;
    if (q < tl->n && (lx_tok_is(tl, q, ",") || lx_tok_is(tl, q, ".")) &&
        tl->v[q - 1].end == tl->v[q].start)
        q++;
    if (q >= tl->n || !quote_mark(tl, q, false) || tl->v[q - 1].end != tl->v[q].start)
        return false;
    /* a nickname: "also known as \"Nino\"", "dubbed the \"Iron Lady\"" */
    static const char *const naming_person[] = {"dubbed", "nicknamed", NULL};
    size_t n = a >= 2 && lx_tok_is(tl, a - 2, "the") ? a - 1 : a;
    if (cls == LX_C_PER && n >= 2 &&
        (lx_tok_in(tl, n - 2, naming_person) ||
         (n >= 3 && lx_tok_is(tl, n - 2, "as") && lx_tok_is(tl, n - 3, "known"))))
        return false;
    uint32_t said = cls == LX_C_ORG ? LX_EV_ORG_NOUN : LX_EV_TITLE | LX_EV_ROLE;
    if ((a >= 2 && (tl->v[a - 2].bits & said)) ||
        (cls == LX_C_ORG && q + 1 < tl->n && (tl->v[q + 1].bits & LX_EV_ORG_NOUN)))
        return false;
    /* "a group called \"Swift Boat Veterans for Truth\"", "a group calling
       itself \"...\"" */
    static const char *const naming[] = {"called", "named", "calling", "itself", NULL};
    size_t w = a - 1;
    while (cls == LX_C_ORG && w > 0 && w + 3 > a - 1 && lx_tok_in(tl, w - 1, naming))
        w--;
    if (cls == LX_C_ORG && w < a - 1 && w > 0 && (tl->v[w - 1].bits & LX_EV_ORG_NOUN))
        return false;
    for (size_t k = a; k < b && cls == LX_C_ORG; k++)
        if (tl->v[k].bits & ORG_OWN_WORDS)
            return false;
    /* a name the lists know, or that a source proposes as such elsewhere
       in the text, is that name, quoted or not ("the \"Osama bin Laden\" of
       Latin America") */
    const lx_dslot *d = lx_feat_doc(c->sc, tl->v[b - 1].hash);
    if (d && (cls == LX_C_ORG ? d->org : d->per) >= 2)
        return false;
    uint8_t listed = cls == LX_C_ORG ? LX_CM_GORG : LX_CM_GPER;
    for (size_t k = a; k < b; k++)
        if (!(c->sc->cmask[k] & listed))
            return true;
    return false;
}

/*
 * Is the organization [a, b) a title of the shape "X of Y" ("Twilight of
 * the Idols", "Songs of Innocence", "The Canon of Medicine")?  An
 * organization so named says what it is before its "of": a word that
 * heads organizations ("Bank of", "Party of", "University of", and the
 * plurals and heads the evidence lists lack: "Ministries of", "Embassy
 * of") or the members it gathers ("Sons of", "Friends of", "Knights of").
 * Nothing before the "of" says so here, no list knows the name, and it is
 * not a team on a score or table line, or before its score, or an item
 * inside a list of names.
 */
static bool titled_x_of_y(const lx_fctx *c, size_t a, size_t b)
{
    static const char *const members[] = {
        "sons", "daughters", "friends", "knights", "veterans", "brothers", "sisters",
        "missionaries", "servants", "soldiers", "citizens", "workers", "writers", "women",
        "mothers", "fathers", "children", "people", "tigers", "allies", "dames", "forces",
        "movement", "front", "students", "nation", "community", "embassy", "embassies",
        "ministries", "committees", "departments", "councils", NULL};
    const lx_toklist *tl = c->tl;
    /* a team in a score or table line ("Queen of the South 2 Dumbarton 1") */
    if (b - a < 3 || (c->sc->line[a] & ~LX_LINE_JOINED) == LX_LINE_TABLE ||
        (b < tl->n && tl->v[b].kind == LX_TOK_NUMBER))
        return false;
    /* an item inside a list of names, whose type the list decides ("the
       Copper Saints, Lanterns of Orm and Gideon Marsh") */
    if (a > 0 && lx_tok_is(tl, a - 1, ",") && (lx_tok_is(tl, b, ",") || lx_tok_is(tl, b, "and")))
        return false;
    size_t of = a + 1;
    while (of + 1 < b && !lx_tok_is(tl, of, "of"))
        of++;
    if (of + 1 >= b || lx_tok_in(tl, of - 1, members))
        return false;
    for (size_t k = a; k < b; k++)
        if ((tl->v[k].bits & (ORG_OWN_WORDS | LX_EV_ORG_NOUN)) || (c->sc->cmask[k] & LX_CM_GORG))
            return false;
    return true;
}

/*
 * Is the one-word person [a, b) the model of a product numbered before it,
 * "its 737 Max jets", "the Model 3 Performance"?  A number that is no year
 * ("in 2008 Obama won") and a space are all that stand between them, and
 * the word is no surname alone (a first name may be a model's: "Max") and
 * no person the lists know ("15,000 Putin supporters").
 */
static bool model_name(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    /* not the last number of a figure ("10-0-59-1 Muralitharan") */
    if (a > 2 && !(tl->v[a - 1].flags & LX_TF_SPACE) && tl->v[a - 2].kind == LX_TOK_PUNCT &&
        tl->v[a - 3].kind == LX_TOK_NUMBER)
        return false;
    return b == a + 1 && a > 0 && tl->v[a - 1].kind == LX_TOK_NUMBER &&
           (tl->v[a].bits & (LX_EV_SURNAME | LX_EV_FIRSTNAME)) != LX_EV_SURNAME &&
           !(c->sc->cmask[a] & LX_CM_GPER) &&
           (tl->v[a].flags & LX_TF_SPACE) && !(tl->v[a].flags & (LX_TF_NEWLINE | LX_TF_SENT)) &&
           !(tl->v[a - 1].end - tl->v[a - 1].start == 4);
}

/*
 * Is [a, b) an event's name, or a part of one: "the Napoleonic Wars", "the
 * Glorious Revolution", "the Treaty of Westbrook", "the Battle of
 * Hastings" (read whole, or only its place)?  A war or a revolution
 * closes the name, unless the name holds "of", "for" or a word that heads
 * organizations ("Ministry of War", "Islamic Revolution Party"); a
 * treaty, a battle or a siege opens it, with "of" after it.
 */
static bool event_name(const lx_toklist *tl, size_t a, size_t b)
{
    static const char *const closers[] = {"war", "wars", "revolution", "rebellion", "uprising",
                                          "crusade", "crusades", NULL};
    static const char *const openers[] = {"treaty", "battle", "siege", "edict", "sack", NULL};
    const lx_token *last = &tl->v[b - 1];
    if (b - a >= 2 && (last->flags & LX_TF_CAP) && lx_tok_in(tl, b - 1, closers)) {
        /* "Party of the Democratic Revolution", "Veterans of Foreign Wars":
           an organization's name with the war in it */
        bool named = false;
        for (size_t k = a; k + 1 < b; k++)
            named |= lx_tok_is(tl, k, "of") || lx_tok_is(tl, k, "for") ||
                     (tl->v[k].bits & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX));
        if (!named)
            return true;
    }
    /* the opener is the name's first word, or the word before its "of" */
    size_t k = SIZE_MAX;
    if (a + 1 < b && lx_tok_is(tl, a + 1, "of"))
        k = a;
    else if (a >= 2 && lx_tok_is(tl, a - 1, "of"))
        k = a - 2;
    return k != SIZE_MAX && (tl->v[k].flags & LX_TF_CAP) && lx_tok_in(tl, k, openers);
}

/* Is token k a year, four digits? */
static bool year_at(const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    return t->kind == LX_TOK_NUMBER && t->end - t->start == 4;
}

/*
 * Is [a, b) the place of a dateline ("MILAN 1996-08-30")?  Not when a list
 * knows it as the name the layer read ("UNITED NATIONS 1996-08-30").
 */
static bool dateline_place(const lx_learn_lane *L, const lx_fctx *c, size_t base, int cls,
                           size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (a > 0 && !(tl->v[a].flags & LX_TF_NEWLINE))
        return false;
    return lx_dateline_place(tl, a) >= b &&
           !entry_over(L, base + tl->v[a].start, base + tl->v[b - 1].end, class_type(cls));
}

/*
 * Does the organization's name [a, b) hold a gathering "on" a subject, an
 * event ("Conference on Disarmament", "the annual Conference on Neural
 * Information Processing Systems", which the layer may cut short at
 * "Conference")?  Not when a list knows the name.
 */
static bool gathering_on(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                         size_t b)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = a; k < b; k++)
        if (lx_tok_is(tl, k + 1, "on") && written_as(c, k, &L->gatherings))
            return !entry_over(L, base + tl->v[a].start, base + tl->v[b - 1].end, "ORG");
    return false;
}

/*
 * Is the organization's name [a, b) a work's title, dated in parentheses
 * as encyclopedias date books, films and albums: "The Rebel Angels
 * (1981)", "House of Rue (1980; reprinted ...)"?  Not when a word of it
 * says organization ("Institute", "Press", "Inc."): "Gnome Press (1948)".
 */
static bool dated_work(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (b + 2 >= tl->n || !lx_tok_is(tl, b, "(") || (tl->v[b + 1].flags & LX_TF_SPACE) ||
        !year_at(tl, b + 1) ||
        (!lx_tok_is(tl, b + 2, ")") && !lx_tok_is(tl, b + 2, ";") && !lx_tok_is(tl, b + 2, ",")))
        return false;
    const uint32_t org_words = LX_EV_ORG_SUFFIX | LX_EV_DESIGNATOR;
    for (size_t k = a; k < b; k++)
        if (tl->v[k].bits & org_words)
            return false;
    return true;
}

/* Is token k a plural acronym, capitals and an "s" ("GPUs", "MPs")? */
static bool plural_acronym(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    if (t->kind != LX_TOK_WORD || t->end - t->start < 3 || c->text[t->end - 1] != 's')
        return false;
    for (size_t p = t->start; p + 1 < t->end; p++)
        if (c->text[p] < 'A' || c->text[p] > 'Z')
            return false;
    return true;
}

/* Does the word at k end as a Latin species name does ("coli", "sapiens",
   "elegans", "thaliana", "musculus")? */
static bool latin_ending(const lx_fctx *c, size_t k)
{
    static const char *const endings[] = {"us", "um", "a", "ae", "is", "i", "ans", "ens",
                                          "ium", "ix", NULL};
    const lx_token *t = &c->tl->v[k];
    size_t n = t->end - t->start;
    for (size_t p = t->start; p < t->end; p++)
        if (c->text[p] < 'a' || c->text[p] > 'z')
            return false;
    for (int e = 0; endings[e]; e++) {
        size_t m = strlen(endings[e]);
        if (n > m + 2 && !memcmp(c->text + t->end - m, endings[e], m))
            return true;
    }
    return false;
}

/*
 * Is the one-word name [a, b) a genus before its species, a lowercase word
 * in Latin that no list knows ("Escherichia coli", "Homo sapiens")?  A
 * binomial names a living thing.
 */
static bool genus(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    return b == a + 1 && b < tl->n && (tl->v[a].flags & LX_TF_CAP) &&
           !(tl->v[a].flags & LX_TF_ALLCAPS) && tl->v[b].kind == LX_TOK_WORD &&
           (tl->v[b].flags & LX_TF_LOWER) && (tl->v[b].flags & LX_TF_SPACE) &&
           !(tl->v[b].flags & (LX_TF_NEWLINE | LX_TF_SENT)) && tl->v[b].bits == 0 &&
           !(c->sc->cmask[a] & (LX_CM_GPER | LX_CM_GORG)) && latin_ending(c, b) &&
           /* "Springbok scrum-half" */
           !(b + 1 < tl->n && !(tl->v[b + 1].flags & LX_TF_SPACE) && lx_tok_is(tl, b + 1, "-"));
}

/* Do the bytes of text before `end` end with the word w, after a space or at base? */
static bool bytes_end_with(const lx_fctx *c, size_t end, const char *w)
{
    size_t n = strlen(w);
    if (end < n || memcmp(c->text + end - n, w, n) != 0)
        return false;
    return end == n || c->text[end - n - 1] == ' ' || c->text[end - n - 1] == '\n';
}

/*
 * "a PhD in Astronomy", "a bachelor's in Law", "Professor of Linguistics
 * at Yale": the capitalized words after a degree or a chair and "in" or
 * "of" are a field of study.  A name holding an organization's head word
 * is left alone ("a degree in Law from Harvard Law School" reads the
 * school from "Harvard" on; "master of the Royal Mint" has its "the").
 */
static bool field_of_study(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (a < 2 || !(tl->v[a - 1].flags & LX_TF_LOWER) ||
        !(lx_tok_is(tl, a - 1, "in") || lx_tok_is(tl, a - 1, "of")))
        return false;
    size_t k = a - 2;
    /* "master's": the tokenizer's possessive after the degree */
    if (k >= 1 && tl->v[k].kind == LX_TOK_POSS)
        k--;
    if (!written_as(c, k, &L->degree_words) &&
        !(lx_tok_is(tl, k, ".") && (bytes_end_with(c, tl->v[k].end, "Ph.D.") ||
                                    bytes_end_with(c, tl->v[k].end, "D.Phil."))))
        return false;
    for (size_t i = a; i < b; i++)
        if (tl->v[i].bits & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR))
            return false;
    return true;
}

/* Is token k a capital letter joined by a hyphen to a lowercase word or a
   number, the first part of a word ("X-ray", "X-1", "A-list")?  (An
   initial is followed by a period or a space.) */
static bool letter_compound(const lx_toklist *tl, size_t k)
{
    const lx_token *x = &tl->v[k];
    if (k + 2 >= tl->n || x->end - x->start != 1 || !(x->flags & LX_TF_CAP) ||
        (tl->v[k + 1].flags & LX_TF_SPACE) || (tl->v[k + 2].flags & LX_TF_SPACE) ||
        !lx_tok_is(tl, k + 1, "-"))
        return false;
    const lx_token *y = &tl->v[k + 2];
    return (y->kind == LX_TOK_WORD && (y->flags & LX_TF_LOWER)) || y->kind == LX_TOK_NUMBER;
}

/* The word right before token a, past an abbreviation's period written
   onto it ("St.", "Mt.": the period is a token of its own); SIZE_MAX when
   a opens the text. */
static size_t word_before(const lx_toklist *tl, size_t a)
{
    if (a > 1 && lx_tok_is(tl, a - 1, ".") && !(tl->v[a - 1].flags & LX_TF_SPACE))
        a--;
    return a > 0 ? a - 1 : SIZE_MAX;
}

/* Is "St", "St." or "Saint" right before token a? */
static bool saint_before(const lx_toklist *tl, size_t a)
{
    size_t k = word_before(tl, a);
    return k != SIZE_MAX && (lx_tok_is(tl, k, "st") || lx_tok_is(tl, k, "saint"));
}

/*
 * The first token of a place's prefix ("Mount", "St.", "Fort") written
 * right before token a, on its line, or a when there is none.  An
 * organization named for a place keeps the place whole: "Mount Palomar
 * Observatory", "Saint Petersburg University", "St. Louis University".
 */
static size_t place_prefix_before(const lx_toklist *tl, size_t a)
{
    static const char *const prefixes[] = {"mount", "mt", "saint", "st", "fort", "ft", "port",
                                           "lake", "cape", "san", "santa", "los", "las", NULL};
    size_t k = word_before(tl, a);
    if (k == SIZE_MAX || (tl->v[a].flags & LX_TF_NEWLINE) || !(tl->v[a].flags & LX_TF_SPACE))
        return a;
    const lx_token *t = &tl->v[k];
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
        !lx_tok_in(tl, k, prefixes))
        return a;
    return k;
}

/* Is every byte of token t one of the letters of `set` ("IVX")?  (memchr()
   over the set's length: a NUL in the text matches none.) */
static bool only_letters_of(const lx_fctx *c, const lx_token *t, const char *set)
{
    size_t n = strlen(set);
    for (size_t p = t->start; p < t->end; p++)
        if (!memchr(set, c->text[p], n))
            return false;
    return true;
}

/* Is token k a Roman numeral of two letters or more ("II", "XXVI")? */
static bool roman_numeral(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    return t->kind == LX_TOK_WORD && t->end - t->start >= 2 && t->end - t->start <= 7 &&
           only_letters_of(c, t, "IVXLC");
}

/* Are the two capitals of token k, in parentheses, the initials of the two
   capitalized words before them, an acronym's definition ("New Democracy
   (ND)", "the Palestinian Authority's (PA)") rather than a state's code? */
static bool initials_before(const lx_fctx *c, size_t k)
{
    const lx_toklist *tl = c->tl;
    size_t j = k - 1; /* the "(" */
    if (j >= 1 && tl->v[j - 1].kind == LX_TOK_POSS)
        j--;
    if (j < 2 || !(tl->v[j - 1].flags & LX_TF_CAP) || !(tl->v[j - 2].flags & LX_TF_CAP))
        return false;
    const char *w = c->text + tl->v[k].start;
    return c->text[tl->v[j - 2].start] == w[0] && c->text[tl->v[j - 1].start] == w[1];
}

/* Is token k a fiscal year written as one word ("FY2017", "FY17")? */
static bool fiscal_year(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    size_t n = t->end - t->start;
    const char *w = c->text + t->start;
    if ((n != 4 && n != 6) || w[0] != 'F' || w[1] != 'Y')
        return false;
    for (size_t p = 2; p < n; p++)
        if (w[p] < '0' || w[p] > '9')
            return false;
    return true;
}

/* Is the name ending at token b cut at "Volume", "Issue" or "Number"
   before a number ("Congressional Record Volume 143")? */
static bool numbered_volume(const lx_fctx *c, size_t b)
{
    static const char *const parts[] = {"volume", "vol", "issue", "number", NULL};
    const lx_toklist *tl = c->tl;
    return b < tl->n && (tl->v[b - 1].flags & LX_TF_CAP) && tl->v[b].kind == LX_TOK_NUMBER &&
           (tl->v[b].flags & LX_TF_SPACE) && !(tl->v[b].flags & LX_TF_NEWLINE) &&
           lx_tok_in(tl, b - 1, parts);
}

/* Does token a follow a short parenthetical that opens its sentence, as
   the verb of a bill's summary follows its section ("(Sec. 422) Prohibits
   funds from ...")? */
static bool after_opening_parenthetical(const lx_toklist *tl, size_t a)
{
    if (a < 3 || !lx_tok_is(tl, a - 1, ")") || !(tl->v[a].flags & LX_TF_SPACE))
        return false;
    size_t lo = a > 6 ? a - 6 : 0;
    for (size_t k = a - 2; k-- > lo;)
        if (lx_tok_is(tl, k, "("))
            return (tl->v[k].flags & LX_TF_SENT) != 0;
    return false;
}

/*
 * Is the person's or organization's name [a, b) a word or two that name no
 * one?  "a GPU", "DNA tests" (a common term's acronym); "the Nation's
 * economy" (a word government writing capitalizes); "Smith (TX)" (a
 * member's state); "FY2017"; "Subparagraph (A)", "rule XXVI", "TITLE
 * III" (parts of a text); "the Chairman Pro Tempore".  A list's name
 * stays one.  The byte and flag tests come first: asked of every span.
 */
static bool names_no_one(const lx_learn_lane *L, const lx_fctx *c, int cls, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    const lx_token *t = &tl->v[a];
    if ((cls != LX_C_PER && cls != LX_C_ORG) || b - a > 2)
        return false;
    if (b - a == 2)
        return (lx_wordset_has_folded(&L->part_words, tl, a) && roman_numeral(c, a + 1)) ||
               (cls == LX_C_PER && lx_tok_is(tl, a, "pro") && lx_tok_is(tl, a + 1, "tempore"));
    if (fiscal_year(c, a))
        return true;
    if (a > 0 && (tl->v[a - 1].flags & LX_TF_LOWER) && roman_numeral(c, a) &&
        (lx_tok_is(tl, a - 1, "rule") || lx_wordset_has_folded(&L->part_words, tl, a - 1)))
        return true;
    if (!(t->flags & LX_TF_LOWER) && lx_wordset_has_folded(&L->part_words, tl, a))
        return true;
    if (a > 0 && b < tl->n && t->end - t->start == 2 && lx_tok_is(tl, b, ")") &&
        (lx_tok_is(tl, a - 1, "(") || lx_tok_is(tl, a - 1, "-")) &&
        written_as(c, a, &L->state_codes) && !initials_before(c, a))
        return true;
    return (written_as(c, a, &L->term_acronyms) || written_as(c, a, &L->civic_words)) &&
           !(c->sc->cmask[a] & (LX_CM_GPER | LX_CM_GORG));
}

/*
 * Narrows the decoded span [*a, *b) of class cls where the rules know
 * better; false when it is no name.  Leading punctuation and a leading
 * lowercase article or conjunction go.  A
 * person's or an organization's name right after a storm word, or opening
 * with one, is the storm's ("Hurricane Katrina"; "Storm" is also a first
 * name); one right after a noun naming a work is the work's title, and
 * one in an award's name the award's; a surname before a noun naming a
 * thing after the person is part of that thing's name ("Kalman filter");
 * an organization's name dated in parentheses is a work's ("The Rebel
 * Angels (1981)"); one ending in an abbreviation before a number is a
 * part of a text ("Sec. 2").  An auxiliary opening a question is no first
 * name ("Will Trump sign?"), nor is a word opening a sentence before a
 * first name ("Starring Harrison Ford"); an abbreviated title ("Rep.",
 * "Sen.") opens a name and never ends one ("H.R. Rep. No. 1" is a report).
 * A field of study, a word cut at a letter compound ("X-ray"), a piece of
 * music, a body in the sky and the words names_no_one() knows are no
 * names either.
 */
static bool narrow(const lx_learn_lane *L, const lx_fctx *c, int cls, size_t *a, size_t *b)
{
    const lx_toklist *tl = c->tl;
    /* no name opens with punctuation: "Ms. Rice" read from its period on
       is "Rice" */
    while (*a < *b && tl->v[*a].kind == LX_TOK_PUNCT)
        ++*a;
    /* nor with a lowercase article or conjunction: "and the Society for
       the Prevention of Cruelty to Animals" read from "the" on.  One word
       after "a" is one of a kind ("a Swede", "a Goose and a Swan"), and
       one after "of the" the end of a longer name ("the Great Hall of the
       People") */
    static const char *const openers[] = {"the", "a", "an", "and", "or", NULL};
    bool one_of_kind = false;
    while (*a + 1 < *b && (tl->v[*a].flags & LX_TF_LOWER) && lx_tok_in(tl, *a, openers)) {
        one_of_kind = indefinite_article(tl, *a) ||
                      (lx_tok_is(tl, *a, "the") && *a > 0 && lx_tok_is(tl, *a - 1, "of"));
        ++*a;
    }
    /* "two Nvidia GPUs": a plural acronym after a name is a kind of thing
       and no part of the name */
    while (*b - *a >= 2 && plural_acronym(c, *b - 1))
        --*b;
    /* "... Charles V. The Society of Jesus": a sentence's "The" stays out */
    if (*a + 1 < *b && !(tl->v[*a].flags & LX_TF_SENT) && opens_sentence_at(tl, *a))
        ++*a;
    if (*a == *b || (one_of_kind && *b == *a + 1))
        return false;
    /* "subpart B. See also": a part's letter is no initial, and the
       common word after it no name */
    if (*a > 0 && *a + 2 < *b && (tl->v[*a - 1].flags & LX_TF_LOWER) &&
        lx_wordset_has_folded(&L->part_words, tl, *a - 1) &&
        tl->v[*a].end - tl->v[*a].start == 1 && lx_tok_is(tl, *a + 1, ".")) {
        *a += 2;
        if (*b == *a + 1 && (tl->v[*a].bits & (LX_EV_COMMON | LX_EV_WORD)) &&
            !(tl->v[*a].bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)))
            return false;
    }
    /* "a Dane, a Swede and a Pole": one word after "a" that no noun
       follows is one of a kind too ("an Arafat adviser" is a person) */
    if (cls == LX_C_PER && *b == *a + 1 && *a > 0 && indefinite_article(tl, *a - 1) &&
        (*b == tl->n || tl->v[*b].kind == LX_TOK_PUNCT || lx_tok_is(tl, *b, "and") ||
         lx_tok_is(tl, *b, "or")))
        return false;
    const lx_token *first = &tl->v[*a], *last = &tl->v[*b - 1];
    if ((cls == LX_C_PER || cls == LX_C_ORG) &&
        ((*a > 0 && written_as(c, *a - 1, &L->storms)) ||
         (*b - *a >= 2 && !(first->bits & LX_EV_FIRSTNAME) &&
          written_as(c, *a, &L->storms))))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && field_of_study(L, c, *a, *b))
        return false;
    /* "a red Ferrari F-430", "the Navy P-3 Orion": a name read into such a
       word ends before it; "the Chandra X-ray Observatory": a person's name
       before one names the thing ("a NASA X-ray telescope" keeps NASA) */
    if (*b - *a >= 2 && letter_compound(tl, *b - 1)) {
        if (cls != LX_C_ORG)
            return false;
        --*b;
    }
    if (cls == LX_C_PER && *b < tl->n && letter_compound(tl, *b))
        return false;
    if (names_no_one(L, c, cls, *a, *b))
        return false;
    /* "15 degrees Celsius": a scale, though a list knows a firm by its name */
    if (*b == *a + 1 && *a > 0 && (tl->v[*a - 1].flags & LX_TF_LOWER) &&
        (lx_tok_is(tl, *a - 1, "degrees") || lx_tok_is(tl, *a - 1, "degree")))
        return false;
    /* "Congressional Record Volume 143": the part and its number follow the name */
    if (*b - *a >= 2 && numbered_volume(c, *b))
        --*b;
    /* "Brahms's Violin Concerto", "the St Matthew Passion": a piece of music
       ("Abdullah Sonata", a first name and a surname, is a person) */
    if (cls == LX_C_PER && *b - *a >= 2 && written_as(c, *b - 1, &L->music_works) &&
        (!(first->bits & LX_EV_FIRSTNAME) || saint_before(tl, *a)))
        return false;
    /* "Comet Hale-Bopp": a body in the sky, named with its kind */
    if ((cls == LX_C_PER || cls == LX_C_ORG) && *b > *a + 1 && written_as(c, *a, &L->sky_kinds))
        return false;
    /* "Sec. 2", "H. Rept. 116-101", "No. 5": an abbreviation before a
       number is a reference to a part of a text, not a name */
    if (numbered_part(c, *b))
        return false;
    /* "the EP Harmattan", "their second LP Winter Harbour": a record's
       format in capitals before its title (alone, "EP" may be the European
       Parliament) */
    if (*b > *a + 1 && lx_tok_capitals(first) && first->end - first->start == 2 &&
        (lx_tok_is(tl, *a, "ep") || lx_tok_is(tl, *a, "lp")))
        return false;
    /* "Historians say": the plural of a common word opening a sentence */
    if ((cls == LX_C_PER || cls == LX_C_ORG) && *b == *a + 1 &&
        ((first->flags & LX_TF_SENT) || after_opening_parenthetical(tl, *a)) &&
        common_plural(c, *a))
        return false;
    /* "the album Northern Lights", "his novel Dune", "the film The House
       of Mirth" (its "The" left out): a work's title */
    if (*a > 0 && (first->flags & LX_TF_SPACE) &&
        (written_as(c, *a - 1, &L->work_nouns) ||
         (*a > 1 && title_article(tl, *a - 1) && written_as(c, *a - 2, &L->work_nouns))))
        return false;
    if (in_apposition_to_work(L, c, *a, *b) || defined_as_work(L, c, *b) ||
        names_award(L, c, cls, *a, *b))
        return false;
    if (cls == LX_C_PER && eponym(L, c, *a, *b))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && event_name(tl, *a, *b))
        return false;
    if (cls == LX_C_PER && model_name(c, *a, *b))
        return false;
    if (cls == LX_C_ORG && titled_x_of_y(c, *a, *b))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && quoted_title(c, cls, *a, *b))
        return false;
    if ((cls == LX_C_PER || cls == LX_C_ORG) && genus(c, *a, *b))
        return false;
    /* "orbited Saturn", "the moons Io and Europa": a body in the sky,
       unless a list knows the name ("Mercury" the label) */
    if ((cls == LX_C_PER || cls == LX_C_ORG) && *b == *a + 1 &&
        written_as(c, *a, &L->sky_objects) && !(c->sc->cmask[*a] & (LX_CM_GPER | LX_CM_GORG)))
        return false;
    /* "Madison Square Garden", "Wembley Stadium": a place's name; an
       organization's too where the word is never a body's head ("the
       Emirates Stadium"; "Kennedy Space Center" and "Memorial Sloan
       Kettering" are bodies), unless a list knows the name */
    if ((cls == LX_C_PER || (cls == LX_C_ORG && !place_word_heads_body(c->tl, *b - 1) &&
                             !(c->sc->cmask[*b - 1] & LX_CM_GORG))) &&
        *b - *a >= 2 && written_as(c, *b - 1, &L->place_heads))
        return false;
    if (cls == LX_C_ORG && (dated_work(c, *a, *b) || named_thing(L, c, *a, *b) ||
                            made_work(c, *a, *b)))
        return false;
    if (*b - *a >= 2 && (first->flags & LX_TF_SENT) && (first->bits & LX_EV_AUXILIARY) &&
        question(c, *a))
        ++*a;
    if (cls == LX_C_PER && *b - *a >= 3 && (first->flags & LX_TF_SENT) &&
        (first->bits & (LX_EV_WORD | LX_EV_COMMON)) && !(first->bits & LX_EV_FIRSTNAME) &&
        (tl->v[*a + 1].bits & LX_EV_FIRSTNAME))
        ++*a;
    return !(*b < tl->n && (last->bits & LX_EV_TITLE) && !(tl->v[*b].flags & LX_TF_SPACE) &&
             lx_tok_is(tl, *b, "."));
}

/*
 * The start of the person's name [a, b) past a courtesy title that opens it
 * ("the Senator from South Dakota, Mr. Thune"): annotation leaves "Mr."
 * out.  (Encyclopedic annotation keeps "Dr." in: "Dr. John Dee".)
 */
static size_t after_title(const lx_toklist *tl, size_t a, size_t b)
{
    if (a + 2 < b && lx_courtesy_title(tl, a) && lx_tok_is(tl, a + 1, ".") &&
        tl->v[a].end == tl->v[a + 1].start)
        return a + 2;
    return a;
}

/*
 * The end of the person's name [a, b) of region r, widened where the model
 * stopped short: over name particles the model left out and the
 * capitalized words after them, whatever it read them as ("Pedro Calderón
 * de la Barca", "Rogier van der Weyden").  (A suffix's period stays out:
 * news annotation leaves it out of "John Hinckley Jr.", encyclopedic
 * annotation keeps it in.)
 */
static size_t person_end(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t b)
{
    const lx_toklist *tl = c->tl;
    size_t s = c->sc->reg[r].s, e = c->sc->reg[r].e;
    size_t k = b;
    while (k < tl->n && k < b + 2 && tl->v[k].kind == LX_TOK_WORD &&
           (tl->v[k].flags & LX_TF_LOWER) && (tl->v[k].bits & LX_EV_PARTICLE) &&
           (tl->v[k].flags & LX_TF_SPACE) && !(tl->v[k].flags & LX_TF_NEWLINE))
        k++;
    size_t j = k;
    while (k > b && j < tl->n && tl->v[j].kind == LX_TOK_WORD && (tl->v[j].flags & LX_TF_CAP) &&
           !(tl->v[j].flags & (LX_TF_ALLCAPS | LX_TF_SENT | LX_TF_NEWLINE)) &&
           (tl->v[j].flags & LX_TF_SPACE))
        j++;
    if (k == b || j == k)
        return b;
    for (size_t i = b; i < k && i < e; i++)
        if (L->lab[i - s] != LX_L_O)
            return b;
    return j;
}

/*
 * "Anti-Masonic Party", "Austro-Hungarian Army": a capitalized word the
 * model left out, written onto an organization's first word by a hyphen,
 * opens the name.  (A word in capitals is a headline's topic: "FOOTBALL-RANDALL
 * CUNNINGHAM".)  Returns the span's new first token, in region r.
 */
static size_t hyphen_prefix(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t a)
{
    const lx_toklist *tl = c->tl;
    size_t s = c->sc->reg[r].s;
    while (a >= s + 2 && !(tl->v[a].flags & LX_TF_SPACE) && lx_tok_is(tl, a - 1, "-") &&
           !(tl->v[a - 1].flags & LX_TF_SPACE) && tl->v[a - 2].kind == LX_TOK_WORD &&
           (tl->v[a - 2].flags & LX_TF_CAP) && !(tl->v[a - 2].flags & LX_TF_ALLCAPS) &&
           L->lab[a - 1 - s] == LX_L_O &&
           L->lab[a - 2 - s] == LX_L_O)
        a -= 2;
    return a;
}

/*
 * Does a preposition come right before token a ("the party of X", "founded
 * by X")?  A definition after the name is then one of the phrase it ends.
 */
static bool object_of_preposition(const lx_toklist *tl, size_t a)
{
    static const char *const prepositions[] = {"of", "for", "by", "with", "from", "in", "on",
                                               "at", "to", "under", "as", NULL};
    return a > 0 && lx_tok_in(tl, a - 1, prepositions);
}

/*
 * Does the name [a, b) name a group, as what a verb of founding makes
 * ("formed Nirvana", "co-founded the Lantern Guild"), what one joins
 * ("joined Led Zeppelin") or what members are of ("members of Carver
 * Stone")?  A band, a party or a company is formed, joined and has
 * members; a person seldom.
 */
static bool names_a_group(const lx_toklist *tl, size_t a, size_t b)
{
    static const char *const verbs[] = {"formed", "founded", "cofounded", NULL};
    static const char *const joins[] = {"joined", "join", "joining", NULL};
    static const char *const members[] = {"member", "members", NULL};
    size_t first = a;
    if (a > 1 && lx_tok_is(tl, a - 1, "the"))
        a--;
    if (a == 0 || !(tl->v[a - 1].flags & LX_TF_LOWER))
        return false;
    if (lx_tok_in(tl, a - 1, verbs))
        return true;
    /* one joins a band or a firm, or a person whose name says so ("joined
       Mickey Rivers as the only players") */
    if (lx_tok_in(tl, a - 1, joins))
        return !full_name(tl, first, b);
    if (a >= 2 && lx_tok_is(tl, a - 1, "of") && lx_tok_in(tl, a - 2, members))
        return true;
    /* "co-founded": the tokenizer cuts it at the hyphen */
    return a >= 3 && lx_tok_is(tl, a - 1, "founded") && lx_tok_is(tl, a - 2, "-") &&
           lx_tok_is(tl, a - 3, "co");
}

/*
 * Does the name ending before token b name a person's group rather than
 * a group of its own: a possessive ("members of Suu Kyi's party") or a
 * noun of a person's following ("the newly formed Karzai government", "a
 * member of the Kennedy family")?
 */
static bool persons_group(const lx_toklist *tl, size_t b)
{
    static const char *const followings[] = {"government", "administration", "cabinet",
                                             "family", "campaign", "camp", "faction", "regime",
                                             "era", "dynasty", "clan", "household", NULL};
    return b < tl->n && (tl->v[b].kind == LX_TOK_POSS || lx_tok_in(tl, b, followings));
}

/*
 * Is the one-word person [a, b) the subject of a plural verb, opening its
 * sentence alone or after one word ("Nice have been unable", "But
 * Deportivo were")?  A person is singular: such a name is a team or a
 * firm, written as its people, as British English writes them; or, in
 * -s, a plural ("Frames were cut", "Yazidis are"), no person's name at
 * all.  A name joined to another ("Adams and Platt are") is not alone.
 */
static int plural_subject(const lx_fctx *c, size_t a, size_t b)
{
    static const char *const verbs[] = {"were", "are", "have", NULL};
    const lx_toklist *tl = c->tl;
    if (b != a + 1 || b >= tl->n || !lx_tok_in(tl, b, verbs) ||
        !((tl->v[a].flags & LX_TF_SENT) || (a > 0 && (tl->v[a - 1].flags & LX_TF_SENT))))
        return LX_C_PER;
    return c->text[tl->v[a].end - 1] == 's' ? LX_C_NONE : LX_C_ORG;
}

/* Is token k a king's or a pope's number, a Roman numeral ("I", "VIII",
   "XIV")? */
static bool regnal_numeral(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    return t->kind == LX_TOK_WORD && t->end - t->start <= 5 && !letter_compound(c->tl, k) &&
           only_letters_of(c, t, "IVX");
}

/*
 * Does the name [a, *b) end in a first name and a Roman numeral, a king's,
 * a queen's or a pope's ("Henry VIII", "Elizabeth I", "Clement VII")?
 * Such a name is a person's, its numeral included: the model read some as
 * organizations and left the numeral out of others ("James I of
 * England").  "I" after a name is the numeral only where no verb can
 * follow it (before "of", a comma, a stop, "and"), or after a monarch's
 * title.
 */
static bool regnal_name(const lx_fctx *c, size_t a, size_t *b, size_t e)
{
    const lx_toklist *tl = c->tl;
    if (*b - a >= 2 && regnal_numeral(c, *b - 1) && (tl->v[*b - 2].bits & LX_EV_FIRSTNAME))
        return true;
    size_t k = *b;
    if (k >= e || !(tl->v[k - 1].bits & LX_EV_FIRSTNAME) || !(tl->v[k].flags & LX_TF_SPACE) ||
        (tl->v[k].flags & (LX_TF_SENT | LX_TF_NEWLINE)) || !regnal_numeral(c, k))
        return false;
    /* after a monarch's or a pope's title, "I" is the numeral before a
       verb too ("Queen Elizabeth I closed the Steelyard") */
    static const char *const monarchs[] = {"king", "queen", "pope", "emperor", "empress",
                                           "tsar", "czar", "tsarina", "sultan", "shah",
                                           "pharaoh", "kaiser", NULL};
    if (tl->v[k].end - tl->v[k].start == 1 && c->text[tl->v[k].start] == 'I' && k + 1 < tl->n &&
        !lx_tok_is(tl, k + 1, "of") && !lx_tok_is(tl, k + 1, ",") &&
        !lx_tok_is(tl, k + 1, ".") && !lx_tok_is(tl, k + 1, "and") &&
        !((a > 0 && lx_tok_in(tl, a - 1, monarchs)) || lx_tok_in(tl, a, monarchs)))
        return false;
    *b = k + 1;
    return true;
}

/*
 * Does an appositive's noun phrase end before token k: at punctuation, at
 * the sentence's or the line's end, or before a word that says more of
 * what it names ("a startup founded by", "a band from"; not "of": "X, a
 * member of Y" lists what a person was)?
 */
static bool appositive_end(const lx_toklist *tl, size_t k)
{
    static const char *const more[] = {"founded", "formed", "based", "headquartered",
                                       "owned", "run", "led", "that", "which", "who",
                                       "whose", "with", "from", "in", "and", NULL};
    return k >= tl->n || (tl->v[k].flags & (LX_TF_SENT | LX_TF_NEWLINE)) ||
           tl->v[k].kind == LX_TOK_PUNCT || lx_tok_in(tl, k, more);
}

/*
 * The class a definition right after the name ending before token b gives
 * it: "X is an American rock band" (ORG), "X (born 1945) was a Canadian
 * politician" (PER), "X, a startup founded in 2019," (ORG).  After the
 * article, the noun phrase runs over words and hyphens up to punctuation,
 * a function word or a sentence's end; its head, the last of the kinds of
 * organization and person it names in a row ("a party politician", "a
 * record label"), decides.  LX_C_NONE when no such definition follows;
 * else *end_at is the token after the phrase.
 */
static int defined_class(const lx_learn_lane *L, const lx_fctx *c, size_t b, size_t *end_at)
{
    const lx_toklist *tl = c->tl;
    size_t k = b;
    *end_at = b;
    if (lx_tok_is(tl, k, "(")) { /* "(born 1945)", a pronunciation */
        while (++k < tl->n && k < b + 40 && !lx_tok_is(tl, k, ")") &&
               !(tl->v[k].flags & LX_TF_SENT))
            ;
        if (!lx_tok_is(tl, k, ")"))
            return LX_C_NONE;
        k++;
    }
    /* or the definition stands in apposition: "Quantix, a startup founded
       by", "Arbor Vale, the Welsh folk duo," (after a copula, "the" names a
       role, not a kind: "X is the party's candidate") */
    bool apposition = k == b && lx_tok_is(tl, k, ",");
    if (k + 2 >= tl->n || (!copula(tl, k) && !apposition) ||
        !(indefinite_article(tl, k + 1) || (apposition && lx_tok_is(tl, k + 1, "the"))))
        return LX_C_NONE;
    int cls = LX_C_NONE;
    size_t i = k + 2;
    /* "the" before a name is the name's: "Rene Arno, the United Nations and
       other parties" lists three; only words of nations and places are
       capitalized in a kind ("the French duo", "the Northern Ireland-born
       actor") */
    bool definite = lx_tok_is(tl, k + 1, "the");
    for (size_t end = k + 8; i < tl->n && i < end; i++) {
        const lx_token *t = &tl->v[i];
        if (t->flags & LX_TF_SENT)
            break;
        if (definite && (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
            !(t->bits & (LX_EV_NATIONALITY | LX_EV_COUNTRY | LX_EV_PLACE | LX_EV_PLACE_TAIL |
                         LX_EV_COMPASS)))
            return LX_C_NONE;
        if (t->kind == LX_TOK_PUNCT && !(t->flags & LX_TF_SPACE) && lx_tok_is(tl, i, "-"))
            continue; /* "British-American", "singer-songwriter" */
        /* "a commercial and defensive confederation": modifiers joined
           before the head */
        if (!cls && conjunction(tl, i) && i > k + 2)
            continue;
        if (t->kind != LX_TOK_WORD || (t->bits & LX_EV_FUNCTION))
            break;
        int kind = written_as(c, i, &L->org_kinds)      ? LX_C_ORG
                   : written_as(c, i, &L->person_kinds) ? LX_C_PER
                                                              : LX_C_NONE;
        if (kind)
            cls = kind;
        else if (cls)
            break; /* the phrase ended at its head: "a rock band formed in" */
    }
    /* in apposition, the phrase must end at its head: "Ann Lee, a company
       spokeswoman" is no company */
    if (apposition && cls && !appositive_end(tl, i))
        return LX_C_NONE;
    *end_at = i;
    return cls;
}

/* Is [a, e) a name of the type the lists know, or, for an organization, one
   word that heads organizations ("House", "Army")? */
static bool known_part(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                       size_t e, const char *type, bool head)
{
    const lx_toklist *tl = c->tl;
    if (entry_over(L, base + tl->v[a].start, base + tl->v[e - 1].end, type))
        return true;
    return head && e == a + 1 && type[0] == 'O' && tl->v[a].kind == LX_TOK_WORD &&
           (tl->v[a].bits & (LX_EV_ORG_PREFIX | LX_EV_ORG_SUFFIX));
}

/*
 * The token joining two names that make up the decoded span [a, b): both
 * known to the lists as names of the span's type ("Microsoft and Google"),
 * or one known and the other a word that heads organizations ("the House
 * and Senate"), or the second opening with its own "The": the span is two
 * names.  So is an organization's possessive before another name ("NASA's
 * Jet Propulsion Laboratory").  b when there is none, and when the lists
 * know the whole span ("Marks and Spencer").  (A name with "and" inside,
 * "Procter and Gamble", is neither.)
 */
static size_t joined_entries(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                             size_t b, const char *type);

/* Is [a, b) names the lists know joined by "and" ("Amazon and Microsoft
   Corp."), or one of them? */
static bool known_names(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                        size_t b, const char *type)
{
    if (known_part(L, c, base, a, b, type, false))
        return true;
    size_t k = joined_entries(L, c, base, a, b, type);
    return k < b && known_part(L, c, base, a, k, type, false) &&
           known_names(L, c, base, k + 1, b, type);
}

/* Does an organization's head word end [a, e) ("Amal Movement") or, with
   "of" after it, name it ("Communist Party of Sri Lanka")? */
static bool headed_body(const lx_toklist *tl, size_t a, size_t e)
{
    for (size_t k = a + 1; k < e; k++)
        if ((tl->v[k].bits & LX_EV_ORG_SUFFIX) && (k + 1 == e || lx_tok_is(tl, k + 1, "of")))
            return true;
    return false;
}

/*
 * Is [a, e), capitalized words (and an "of" or "the"), a name on its own?
 * It takes words that only names are made of: an acronym, or a word no
 * list knows or a place ("Communist Party of Sri Lanka"); with a head word
 * ("Amal Movement", "Azerbaijani Popular Front Party") one such word or a
 * nationality will do, without one it takes two ("China Unicom").  A
 * single word must be an acronym ("LSSP"): a word no list knows may be an
 * English one all the same ("Bobsled and Skeleton Federation"), and
 * "Social Democratic", with one such word and no head, is no name of its
 * own.
 */
static bool body_name(const lx_toklist *tl, size_t a, size_t e, bool headed)
{
    const uint32_t place = LX_EV_PLACE | LX_EV_PLACE_HEAD | LX_EV_PLACE_TAIL |
                           (headed ? LX_EV_NATIONALITY : 0);
    size_t proper = 0;
    for (size_t k = a; k < e; k++) {
        const lx_token *t = &tl->v[k];
        uint32_t bits = t->bits & ~(uint32_t) LX_VOC_LOWER_START;
        if (k > a && (lx_tok_is(tl, k, "of") || lx_tok_is(tl, k, "the")))
            continue;
        if (t->kind != LX_TOK_WORD || !(t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
            return false;
        proper += lx_tok_capitals(t) || (e > a + 1 && (!bits || (bits & place)));
    }
    return proper >= (e == a + 1 || headed ? 1u : 2u);
}

/*
 * Is "and" at k the joint of two organizations the lists do not know, each
 * a name on its own and one of them headed ("Shia Hezbollah and Amal
 * Movement", "LSSP and Communist Party of Sri Lanka")?  A left one with a
 * lowercase word is the name's start: in "Department of Health and Human
 * Services" or "Society for Optics and Photonics Technology" the "and"
 * joins what the name is of; nor is a part of English words and heads a
 * name on its own ("Social Democratic and Labour Party", "Minnesota
 * Tuberculosis and Health Association").
 */
static bool two_bodies(const lx_toklist *tl, size_t a, size_t k, size_t b)
{
    if (k == a || k + 1 == b || !lx_tok_is(tl, k, "and"))
        return false;
    for (size_t i = a; i < k; i++)
        if (!(tl->v[i].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
            return false;
    bool left = headed_body(tl, a, k), right = headed_body(tl, k + 1, b);
    return (left || right) && body_name(tl, a, k, left) && body_name(tl, k + 1, b, right);
}

static size_t joined_entries(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a,
                             size_t b, const char *type)
{
    const lx_toklist *tl = c->tl;
    if (entry_over(L, base + tl->v[a].start, base + tl->v[b - 1].end, type))
        return b; /* "Marks and Spencer" */
    for (size_t k = a + 1; k + 1 < b; k++) {
        if (!conjunction(tl, k))
            continue;
        /* "The Washington Post and The Copper Gazette": a title's own "The"
           opens a name of its own */
        if (title_article(tl, k + 1))
            return k;
        /* the part after the joint may itself be names joined so ("Google
           and Amazon and Microsoft Corp.") */
        bool left = known_part(L, c, base, a, k, type, false),
             right = left ? known_names(L, c, base, k + 1, b, type)
                          : known_part(L, c, base, k + 1, b, type, false);
        if ((left && right) || (left && known_part(L, c, base, k + 1, b, type, true)) ||
            (right && known_part(L, c, base, a, k, type, true)))
            return k;
        if (type[0] == 'O' && two_bodies(tl, a, k, b))
            return k;
    }
    /* "NASA's Jet Propulsion Laboratory", "AMR Corp's American Airlines",
       "the European Southern Observatory's Very Large Telescope": an
       organization the lists know, an acronym or a name with its head
       word, and the one it owns (more than a head word: "New People's
       Army" is one) */
    for (size_t k = a + 1; type[0] == 'O' && k + 1 < b; k++)
        if (tl->v[k].kind == LX_TOK_POSS && (tl->v[k + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
            !(k + 2 == b && (tl->v[k + 1].bits & ORG_OWN_WORDS)) &&
            (known_part(L, c, base, a, k, type, false) ||
             (k >= a + 2 && (tl->v[k - 1].bits & LX_EV_ORG_SUFFIX) &&
              (tl->v[k - 1].flags & LX_TF_CAP)) ||
             (k == a + 1 && (tl->v[a].flags & LX_TF_ALLCAPS) && tl->v[a].kind == LX_TOK_WORD &&
              tl->v[a].end - tl->v[a].start >= 2)))
            return k;
    return b;
}

/*
 * Emits the span [a, b) that a definition typed, and remembers it for
 * type_as_defined() if it was emitted (emit() leaves out one too long).
 */
static int emit_defined(lx_learn_lane *L, const lx_fctx *c, size_t base,
                        const lx_candvec *cands, size_t r, int cls, size_t a, size_t b,
                        bool explain, lx_arena *arena)
{
    size_t before = L->spans.n;
    int rc = emit(L, c, base, cands, r, cls, a, b, explain, arena);
    if (!rc && L->spans.n > before && L->n_defined < LX_DEFINED_MAX)
        L->defined[L->n_defined++] = (uint32_t) (L->spans.n - 1);
    return rc;
}

/* Does token a open its sentence, alone or after a "The"?  (Flags first:
   asked of many tokens.) */
static bool opens_sentence(const lx_toklist *tl, size_t a)
{
    return a == 0 || (tl->v[a].flags & LX_TF_SENT) ||
           ((a == 1 || (tl->v[a - 1].flags & LX_TF_SENT)) && lx_tok_is(tl, a - 1, "the"));
}

/*
 * A name opening its sentence that the layer read as a place, as another
 * kind of name or as no name, and that a definition types as a person or an
 * organization: "Coldplay are a British rock band", "Black Sabbath were an
 * English rock band" (the layer took it for a place).  The name is its
 * sentence's first capitalized words (after a "The"), or the place or other
 * name decoded there, up to the copula; a group "of" something ("a group
 * of islands") is no organization.  Token a opens its sentence (opener) or
 * a capitalized run within it, where only an apposition will do ("produced
 * by Kestrel, a German band"), and is capitalized or decoded as a name
 * (spans_of() asks only of such tokens).  Returns the class and sets *b,
 * the name's end, or LX_C_NONE.
 */
static int defined_opener(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t a,
                          bool opener, size_t *b)
{
    const lx_toklist *tl = c->tl;
    size_t s = c->sc->reg[r].s, e = c->sc->reg[r].e;
    int l = L->lab[a - s];
    size_t j = a + 1;
    if (l) {
        while (j < e && L->lab[j - s] == l + 1)
            j++;
    } else {
        for (j = a; j < e && j < a + 4; j++) {
            const lx_token *t = &tl->v[j];
            if (L->lab[j - s] || t->kind != LX_TOK_WORD ||
                !(t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) ||
                (t->bits & (LX_EV_FUNCTION | LX_EV_COMMON)))
                break;
        }
        if (j == a)
            return LX_C_NONE;
    }
    /* a copula ("is", "were") or a parenthesis ("(born 1945)") follows; an
       apposition only after a name the layer read ("Elsewhere, a ...") or
       within the sentence, where it is all that may follow ("produced by
       Kestrel, a German band") */
    if (j >= tl->n || tl->v[j].fold_len > 4 || tl->v[j].kind == LX_TOK_NUMBER ||
        (opener && !l && lx_tok_is(tl, j, ",")) || (!opener && !lx_tok_is(tl, j, ",")))
        return LX_C_NONE;
    size_t head_end;
    int cls = defined_class(L, c, j, &head_end);
    /* "a group of islands" names what it holds; "a confederation of
       merchant guilds" is one */
    static const char *const holders[] = {"group", "groups", "band", "bands", "party",
                                          "parties", "company", "companies", "team",
                                          "teams", "club", "clubs", NULL};
    if (!cls || (lx_tok_is(tl, head_end, "of") && lx_tok_in(tl, head_end - 1, holders)))
        return LX_C_NONE;
    /* a place is no person ("Turkey is an official candidate"), and a
       place a list knows is what the layer read ("Nigeria is a major
       producer") */
    if (lx_label_class(l) == LX_C_LOC &&
        (cls != LX_C_ORG || lx_gazetteer_country(c->m, tl, a, j) ||
         (tl->v[j - 1].bits & (LX_EV_PLACE | LX_EV_PLACE_TAIL))))
        return LX_C_NONE;
    *b = j;
    return cls;
}

/*
 * A name the layer read as no person's or organization's before a noun for
 * a band's member or a team's player and the person's name ("Coldplay
 * frontman Chris Martin", "Former Mudhoney guitarist Steve Turner", "Galway
 * midfielder Sean Keane") is the band's or the team's.  kind_named() retypes
 * such a name read as a person's; this one finds it where no span was.  The
 * name is up to four capitalized words from token a (past a sentence's
 * capitalized common word), none of them a nationality; a town is a
 * musician's home ("Seattle guitarist"), where it names a team.  Returns
 * the name's first token and sets *b, its end, or returns SIZE_MAX.
 */
static size_t member_named(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t a,
                           bool opener, size_t *b)
{
    static const char *const band_roles[] = {"guitarist", "bassist",  "drummer",  "keyboardist",
                                             "frontman",  "frontwoman", "vocalist", NULL};
    const lx_toklist *tl = c->tl;
    size_t s = c->sc->reg[r].s, e = c->sc->reg[r].e;
    /* the region ends before the lowercase noun: the person's name is the
       next region's, not decoded yet, and known by its first name (the
       tokens first: most regions end otherwise) */
    if (e + 1 >= tl->n || e > a + 5 || !(tl->v[e].flags & LX_TF_LOWER) ||
        (tl->v[e].flags & LX_TF_NEWLINE) || !(tl->v[e + 1].flags & LX_TF_CAP) ||
        !(tl->v[e + 1].bits & LX_EV_FIRSTNAME) ||
        (tl->v[e + 1].flags & (LX_TF_SENT | LX_TF_NEWLINE)) ||
        !lx_wordset_has_folded(&L->member_nouns, tl, e))
        return SIZE_MAX;
    if (opener && a + 1 < e && (tl->v[a].bits & (LX_EV_COMMON | LX_EV_FUNCTION)) &&
        !L->lab[a - s])
        a++;
    size_t j = a;
    bool place = false;
    for (; j < e && j < a + 4; j++) {
        const lx_token *t = &tl->v[j];
        int cls = lx_label_class(L->lab[j - s]);
        if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_NEWLINE) ||
            cls == LX_C_PER || cls == LX_C_ORG || (j == a && (t->bits & LX_EV_FUNCTION)) ||
            (t->bits & (LX_EV_NATIONALITY | LX_EV_COUNTRY)))
            break;
        place = place || (t->bits & (LX_EV_PLACE | LX_EV_PLACE_TAIL));
    }
    if (j == a || j != e || (place && lx_tok_in(tl, j, band_roles)))
        return SIZE_MAX;
    *b = j;
    return a;
}

/*
 * Is token k the stop that ends a sentence after a word ("for The Guardian.
 * Her novel", "the RAND Corporation." at the end)?  It is no part of the
 * name before it.  The stop of a suffix or a designator cut short that
 * ends a sentence ("Vance Jr.", "Acme Co.") is theirs ("Corporation." has
 * none), and an initial has none of its own.
 */
static bool sentence_stop(const lx_toklist *tl, size_t k)
{
    if (k == 0 || !lx_tok_is(tl, k, ".") || (k + 1 < tl->n && !(tl->v[k + 1].flags & LX_TF_SENT)))
        return false;
    const lx_token *w = &tl->v[k - 1];
    return w->end == tl->v[k].start && w->fold_len >= 3 &&
           (!(w->bits & (LX_EV_SUFFIX | LX_EV_DESIGNATOR)) || w->fold_len > 4);
}

/*
 * Is the name [a, b), which the layer read as a thing (MISC), exactly a
 * government body of the lists, of three words or more ("U.S. Immigration
 * and Customs Enforcement", "U.S. Army Corps of Engineers")?  Such a name
 * is the body; but one after a year, or before "election" or "race" (or a
 * word and one of them), names the election ("the 1992 United States
 * Senate special election").
 */
static bool agency_read_as_thing(const lx_learn_lane *L, const lx_fctx *c, size_t base,
                                 size_t a, size_t b)
{
    static const char *const contests[] = {"election", "elections", "race", "seat", "campaign",
                                           "primary", "by-election", NULL};
    const lx_toklist *tl = c->tl;
    if (b - a < 3 || lx_tok_in(tl, b, contests) || lx_tok_in(tl, b + 1, contests) ||
        (a > 0 && year_at(tl, a - 1)))
        return false;
    const lx_cand *g = entry_over(L, base + tl->v[a].start, base + tl->v[b - 1].end, "ORG");
    return g && g->id && !(g->flags & LX_CAND_AMBIGUOUS) &&
           strcmp(g->source, "gazetteer:orgs-government") == 0;
}

/*
 * Is the name [a, b), which the layer read as a place or a thing, a
 * school, a laboratory or an observatory ("Saint Petersburg University",
 * "Los Alamos National Laboratory", "the European Southern Observatory",
 * which a nation's adjective opens)?  Those head words never end a place's
 * name, where "Bank", "Union" or "Hospital" may, nor a thing's.
 */
static bool school_named(const lx_fctx *c, size_t a, size_t b)
{
    /* each a head word of bodies (ORG_SUFFIX), asked first */
    static const char *const schools[] = {"university",  "college",      "institute",
                                          "academy",     "conservatory", "laboratory",
                                          "laboratories", "observatory", NULL};
    const lx_toklist *tl = c->tl;
    return b - a >= 2 && (tl->v[b - 1].flags & LX_TF_CAP) &&
           (tl->v[b - 1].bits & LX_EV_ORG_SUFFIX) && lx_tok_in(tl, b - 1, schools);
}

/*
 * The end of the name of class cls that opens at token i of the region
 * [s, e): the tokens after it labelled inside that class, up to the next
 * sentence, which opens a name of its own.
 */
static size_t label_run_end(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e,
                            size_t i, int cls)
{
    size_t j = i + 1;
    while (j < e && lx_label_inside(L->lab[j - s]) && lx_label_class(L->lab[j - s]) == cls &&
           !opens_sentence_at(c->tl, j))
        j++;
    return j;
}

/* The first token of the name of the region [s, ...) that token k is
   labelled in: back over the tokens labelled inside a name. */
static size_t label_run_start(const lx_learn_lane *L, size_t s, size_t k)
{
    while (k > s && lx_label_inside(L->lab[k - s]))
        k--;
    return k;
}

/* Labels the tokens [a, b) of the region [s, ...) one name of class cls. */
static void label_run(lx_learn_lane *L, size_t s, size_t a, size_t b, int cls)
{
    int begin = cls == LX_C_PER ? LX_L_BPER : LX_L_BORG;
    L->lab[a - s] = (uint8_t) begin;
    for (size_t j = a + 1; j < b; j++)
        L->lab[j - s] = (uint8_t) (begin + 1);
}

/* Is token k a quotation mark that opens a quotation: a space (or the
   text's start) before it and none after it? */
static bool opening_quote(const lx_toklist *tl, size_t k)
{
    return k + 1 < tl->n && quote_mark(tl, k, true) &&
           (k == 0 || (tl->v[k].flags & LX_TF_SPACE)) && !(tl->v[k + 1].flags & LX_TF_SPACE);
}

/*
 * A nickname in quotation marks between a person's names, "Hector
 * \"Macho\" Camacho", "Roberto \"Hands of Stone\" Duran": the model reads
 * the names on either side as names of their own, or one of them with a
 * quotation mark.  When the word before the opening mark is read as a
 * person's (or is a first name, and the nickname or the word after is read
 * as a person's, or that word is a surname) and a capitalized word follows
 * the closing one, all of it is one person's name, marks and nickname
 * included (news annotation writes it so).
 */
static void join_nicknames(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t i = s; i + 3 < e; i++) {
        if (!(tl->v[i].flags & LX_TF_CAP) || !opening_quote(tl, i + 1))
            continue;
        /* the name before is read as a person's, or is a first name with a
           nickname or a surname read as a person's after it */
        bool per = lx_label_class(L->lab[i - s]) == LX_C_PER;
        if (!per && !(tl->v[i].bits & LX_EV_FIRSTNAME))
            continue;
        size_t q = i + 2;
        while (q < e && q < i + 7 && !quote_mark(tl, q, false) &&
               !(tl->v[q].flags & (LX_TF_NEWLINE | LX_TF_SENT)))
            q++;
        if (q + 1 >= e || !quote_mark(tl, q, false) || (tl->v[q].flags & LX_TF_SPACE) ||
            !(tl->v[q + 1].flags & LX_TF_SPACE) || !(tl->v[q + 1].flags & LX_TF_CAP) ||
            !(tl->v[i + 2].flags & LX_TF_CAP))
            continue;
        if (!per && lx_label_class(L->lab[i + 2 - s]) != LX_C_PER &&
            lx_label_class(L->lab[q + 1 - s]) != LX_C_PER && !(tl->v[q + 1].bits & LX_EV_SURNAME))
            continue;
        if (!per)
            L->lab[i - s] = LX_L_BPER;
        size_t k = i + 1;
        for (; k <= q + 1; k++)
            L->lab[k - s] = LX_L_IPER;
        for (; k < e && lx_label_inside(L->lab[k - s]) && !(tl->v[k].flags & LX_TF_SENT); k++)
            L->lab[k - s] = LX_L_IPER;
        i = q;
    }
}

/*
 * A name with a middle initial inside an organization's, "IBM Thomas J.
 * Watson Research Center", "Lyndon B. Johnson Space Center": the model
 * reads the words before the initial's period and those after it as two
 * names.  When the initial (one capital, its period right after it) ends a
 * person's or an organization's name and a capitalized word after it opens
 * one, they are one name, of the class of the part after the initial (its
 * head word decides).
 */
static void join_initials(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s; k + 2 < e; k++) {
        const lx_token *t = &tl->v[k];
        int before = lx_label_class(L->lab[k - s]), after = lx_label_class(L->lab[k + 2 - s]);
        /* before an organization's head, the words before the initial
           need not have been read as a name ("the Thomas J. Watson
           Research Center") */
        if (t->kind != LX_TOK_WORD || t->end - t->start != 1 || !(t->flags & LX_TF_CAP) ||
            (before != LX_C_PER && before != LX_C_ORG && after != LX_C_ORG) ||
            (after != LX_C_PER && after != LX_C_ORG) || lx_label_inside(L->lab[k + 2 - s]) ||
            !lx_tok_is(tl, k + 1, ".") || tl->v[k + 1].start != t->end ||
            !(tl->v[k + 2].flags & LX_TF_SPACE) || !(tl->v[k + 2].flags & LX_TF_CAP) ||
            (tl->v[k + 2].flags & (LX_TF_SENT | LX_TF_NEWLINE)))
            continue;
        size_t a = k;
        if (before == LX_C_PER || before == LX_C_ORG)
            a = label_run_start(L, s, k);
        else
            while (a > s && !(tl->v[a].flags & LX_TF_SENT) && tl->v[a - 1].kind == LX_TOK_WORD &&
                   (tl->v[a - 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
                a--;
        label_run(L, s, a, k + 3, after);
    }
}

/*
 * A hyphenated name the model split in two, "Yo-Yo Ma" read as an
 * organization "Yo" and a person "Yo Ma": when the words either side of a
 * hyphen, no space around it, are both read as names, they are one, of
 * the class of the longer part ("Hewlett-Packard", "Rolls-Royce": one
 * class, one name).  Two one-word people are two ("the Trump-Putin
 * summit"), as are two names the lists know apart; two parts of two
 * classes and one length are left apart.  A first name, or a word no list
 * knows, before the hyphen that the model read as no name joins the person
 * of two words or more after it ("Fei-Fei Li").
 */
static void join_hyphenated(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    for (size_t k = s + 1; k + 1 < e; k++) {
        /* a hyphen with no space on either side (a line break sets the
           space flag too) */
        if (tl->v[k].kind != LX_TOK_PUNCT || !lx_tok_is(tl, k, "-") ||
            (tl->v[k].flags & LX_TF_SPACE) || (tl->v[k + 1].flags & LX_TF_SPACE))
            continue;
        int before = lx_label_class(L->lab[k - 1 - s]), after = lx_label_class(L->lab[k + 1 - s]);
        /* "Fei-Fei Li" read as "Fei Li": a first name's first part, glued to
           it, left out of a person's name of two words or more */
        if (before != LX_C_PER && before != LX_C_ORG && !lx_label_inside(L->lab[k - 1 - s]) &&
            after == LX_C_PER && !lx_label_inside(L->lab[k + 1 - s]) &&
            tl->v[k - 1].kind == LX_TOK_WORD &&
            (tl->v[k - 1].flags & LX_TF_CAP) && !(tl->v[k - 1].flags & LX_TF_ALLCAPS) &&
            ((tl->v[k - 1].bits & LX_EV_FIRSTNAME) || !tl->v[k - 1].bits) &&
            !(tl->v[k - 1].bits & LX_EV_COMMON) &&
            k + 2 < e && L->lab[k + 2 - s] == LX_L_IPER) {
            size_t b = k + 2;
            while (b < e && L->lab[b - s] == LX_L_IPER)
                b++;
            label_run(L, s, k - 1, b, LX_C_PER);
            k = b - 1;
            continue;
        }
        if ((before != LX_C_PER && before != LX_C_ORG) ||
            (after != LX_C_PER && after != LX_C_ORG) || lx_label_inside(L->lab[k - s]) ||
            !(tl->v[k + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
            continue;
        size_t a = label_run_start(L, s, k - 1), b = k + 2;
        while (b < e && lx_label_inside(L->lab[b - s]) && !(tl->v[b].flags & LX_TF_SENT))
            b++;
        size_t n_before = k - a, n_after = b - k - 1;
        /* "the Trump-Putin summit", "the Clinton-Gore ticket": two people;
           two one-word names of two classes ("Boxing-Bruno"): no telling;
           two names the lists know, no entry over the hyphen ("a
           U.N.-African Union force"): two */
        const uint8_t listed = LX_CM_GPER | LX_CM_GORG;
        const uint8_t *cm = c->sc->cmask;
        if ((before == LX_C_PER && after == LX_C_PER && n_before == 1 && n_after == 1) ||
            (before != after && n_before == n_after) ||
            ((cm[a] & listed) && (cm[k + 1] & listed) && !(cm[k] & listed))) {
            k = b - 1;
            continue;
        }
        label_run(L, s, a, b, n_before > n_after ? before : after);
        k = b - 1;
    }
}

/*
 * A person's name [a, b) with a lone quotation mark in it ("Mike\" Tyson"
 * of "\"Iron Mike\" Tyson"): the name is the part after the last mark, or
 * else the part before the first.  False when neither holds a word.
 */
static bool balance_quotes(const lx_toklist *tl, size_t *a, size_t *b)
{
    size_t first = SIZE_MAX, last = 0, n = 0;
    for (size_t k = *a; k < *b; k++)
        if (quote_mark(tl, k, true) || quote_mark(tl, k, false)) {
            first = first == SIZE_MAX ? k : first;
            last = k;
            n++;
        }
    if (n % 2 == 0)
        return true;
    if (last + 1 < *b)
        *a = last + 1;
    else
        *b = first;
    return *a < *b;
}

/*
 * The organizations among the spans that go on with a head word of a
 * body named for a person ("the Iris Murdoch Society"): each as its index
 * and the length of the part before the head word's space, into
 * L->eponym_prefix.  A test on the bytes comes first (a word after a
 * space or a control byte, in any case): most stretches name no such
 * body, and few spans of those that do hold such a word.
 * Returns 0 or LEXTAG_ERR_NOMEM.
 */
static int memorial_prefixes(lx_learn_lane *L, const lx_toklist *tl, const char *doc,
                             size_t base, const char *const *words)
{
    L->n_eponym_prefix = 0;
    size_t near = 0; /* the spans come in text order, or nearly */
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *x = &L->spans.v[i];
        if (x->start < base || !lx_cand_type_is(x, "ORG"))
            continue;
        for (size_t p = x->start + 2; p < x->end; p++) {
            if ((unsigned char) doc[p - 1] > ' ')
                continue;
            bool head = false;
            /* the word lies within the span: the text may end right after it */
            for (size_t w = 0; words[w] && !head; w++) {
                size_t n = strlen(words[w]);
                head = (doc[p] | 0x20) == words[w][0] && p + n <= x->end &&
                       strncasecmp(doc + p, words[w], n) == 0;
            }
            if (!head)
                continue;
            /* a word of its own, after a byte that is no token's */
            size_t h = lx_tok_at_near(tl, p - base, &near);
            if (h == tl->n || tl->v[h].start != p - base || !lx_tok_in(tl, h, words) ||
                (h > 0 && tl->v[h - 1].start >= tl->v[h].start - 1))
                continue;
            if (lx_vec_reserve(&L->eponym_prefix, &L->eponym_prefix_cap,
                               L->n_eponym_prefix + 1, sizeof(*L->eponym_prefix), 16))
                return LEXTAG_ERR_NOMEM;
            L->eponym_prefix[L->n_eponym_prefix++] =
                (lx_eponym_prefix){(uint32_t) i, (uint32_t) (p - 1 - x->start)};
        }
    }
    return 0;
}

/*
 * A person's name read as an organization's because an organization is
 * named for the person in the same text ("Iris Murdoch" beside "the Iris
 * Murdoch Society"): an organization that is a first name and a surname,
 * that no list gave its id, and that opens another organization's name
 * right before a head word of such a body ("Society", "Foundation",
 * "School", ...), is the person.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
static int eponyms_of_bodies(lx_learn_lane *L, const lx_fctx *c, const char *doc, size_t base)
{
    /* heads of bodies named for a person; not a firm's ("Piper Jaffray
       Companies" is the firm "Piper Jaffray") */
    static const char *const memorials[] = {"society", "foundation", "institute", "center",
                                            "centre", "school", "college", "university",
                                            "museum", "library", "memorial", NULL};
    const lx_toklist *tl = c->tl;
    int rc = memorial_prefixes(L, tl, doc, base, memorials);
    if (rc || !L->n_eponym_prefix)
        return rc;
    size_t near = 0;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        if (y->id || y->start < base || !lx_cand_type_is(y, "ORG"))
            continue;
        size_t len = y->end - y->start;
        const lx_eponym_prefix *body = NULL;
        for (size_t j = 0; j < L->n_eponym_prefix && !body; j++) {
            const lx_eponym_prefix *e = &L->eponym_prefix[j];
            if (e->len == len && e->span != i &&
                memcmp(doc + L->spans.v[e->span].start, doc + y->start, len) == 0)
                body = e;
        }
        if (!body)
            continue;
        size_t a = lx_tok_at_near(tl, y->start - base, &near);
        size_t b = lx_tok_at_near(tl, y->end - base, &near);
        if (b == a + 2 && full_name(tl, a, b) && !(tl->v[a].bits & ORG_OWN_WORDS) &&
            !(tl->v[a + 1].bits & ORG_OWN_WORDS))
            y->type = class_type(LX_C_PER);
    }
    return 0;
}

/*
 * Is token k the "'s" of a firm named for its founder ("Ben & Jerry's,
 * and", "Sotheby's sold")?  It is, glued to the name, where the phrase ends
 * after it: a sentence's end, a comma, a colon, "and", "or", or a verb the
 * lists know (not one in -ed: "Gencor's increased stake").  Before a noun,
 * a parenthesis or anything else it is a possessive ("the EU's (European
 * Union) budget"), and after an acronym always.
 */
static bool firm_possessive(const lx_toklist *tl, size_t k)
{
    /* an acronym's "'s" is an elided noun ("a cut in OPEC's, the ...") */
    if (k == 0 || k >= tl->n || tl->v[k].kind != LX_TOK_POSS || (tl->v[k].flags & LX_TF_SPACE) ||
        (tl->v[k - 1].flags & LX_TF_ALLCAPS))
        return false;
    if (k + 1 == tl->n || (tl->v[k + 1].flags & LX_TF_SENT))
        return true;
    const lx_token *t = &tl->v[k + 1];
    if (t->kind == LX_TOK_PUNCT)
        return lx_tok_is(tl, k + 1, ",") || lx_tok_is(tl, k + 1, ".") ||
               lx_tok_is(tl, k + 1, ";") || lx_tok_is(tl, k + 1, ":");
    return t->kind == LX_TOK_WORD && (t->flags & LX_TF_LOWER) &&
           (lx_tok_is(tl, k + 1, "and") || lx_tok_is(tl, k + 1, "or") ||
            (t->bits & (LX_EV_AUXILIARY | LX_EV_SPEECH | LX_EV_ACTION_VERB)));
}

/*
 * Does token k stand where the name before it ends its noun phrase: a
 * sentence's end, punctuation, a function word, an auxiliary or a verb
 * after it ("calls on Congress to", "Congress is", "Congress passed"),
 * rather than a word the name modifies ("Senate seat", "Congress members")
 * or one that goes on with it ("Senate Majority Leader")?  A verb is one
 * the evidence lists know, or a word in -ed.
 */
static bool phrase_ends(const lx_toklist *tl, size_t k)
{
    if (k >= tl->n || (tl->v[k].flags & LX_TF_SENT))
        return true;
    const lx_token *t = &tl->v[k];
    if (t->kind == LX_TOK_PUNCT)
        return !lx_tok_is(tl, k, "-") && !lx_tok_is(tl, k, "'");
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_LOWER))
        return false;
    const char *f = lx_tok_fold(tl, t);
    return (t->bits & (LX_EV_FUNCTION | LX_EV_AUXILIARY | LX_EV_PERSON_AUX | LX_EV_SPEECH |
                       LX_EV_PERSON_VERB | LX_EV_ACTION_VERB)) ||
           (t->fold_len > 3 && f[t->fold_len - 2] == 'e' && f[t->fold_len - 1] == 'd');
}

/* Does a list know a name over a token of text[s..e)? */
static bool listed_in(const lx_fctx *c, size_t s, size_t e)
{
    for (size_t k = lx_tok_at(c->tl, s); k < c->tl->n && c->tl->v[k].start < e; k++)
        if (c->sc->cmask[k] & (LX_CM_GPER | LX_CM_GORG))
            return true;
    return false;
}

/*
 * "the protein TERT", "the asteroid Vesta": a name right after a noun for a
 * kind of thing (thing-nouns.txt) is that thing's, unless a list knows it.
 */
static bool thing_named(const lx_learn_lane *L, const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    if (a == 0 || !(tl->v[a].flags & LX_TF_SPACE) || (tl->v[a].flags & LX_TF_NEWLINE) ||
        !(tl->v[a - 1].flags & LX_TF_LOWER) || !written_as(c, a - 1, &L->thing_nouns))
        return false;
    return !listed_in(c, tl->v[a].start, tl->v[b - 1].end);
}

/* May token i go on the name item [s, i) of a list ("John McCain",
   "Moseley-Braun", "Christopher S. Bond")? */
static bool item_goes_on(const lx_toklist *tl, size_t s, size_t i)
{
    const lx_token *t = &tl->v[i];
    if (i > s && (t->flags & LX_TF_NEWLINE))
        return false;
    if (t->kind == LX_TOK_WORD)
        return (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) && (i == s || (t->flags & LX_TF_SPACE) ||
                                                            lx_tok_is(tl, i - 1, "-"));
    /* a hyphen inside a name, a period after an initial */
    return i > s && !(t->flags & LX_TF_SPACE) && i + 1 < tl->n &&
           ((lx_tok_is(tl, i, "-") && !(tl->v[i + 1].flags & LX_TF_SPACE)) ||
            (lx_tok_is(tl, i, ".") && tl->v[i - 1].end - tl->v[i - 1].start == 1));
}

/* Keeps the items of the list a plural title at token k heads, if it is
   one ("Senators Roth, Chafee and Baucus"); returns the first token past
   the list, or k + 1. */
static size_t titled_list_at(lx_learn_lane *L, const lx_fctx *c, size_t k, int *rc)
{
    const lx_toklist *tl = c->tl;
    const lx_token *t = &tl->v[k];
    /* "the House of Representatives" names no one */
    if (t->end - t->start < 3 || !written_as(c, k, &L->plural_titles) ||
        (k > 0 && lx_tok_is(tl, k - 1, "of")))
        return k + 1;
    size_t i = k + 1;
    if (lx_tok_is(tl, i, ".") && !(tl->v[i].flags & LX_TF_SPACE))
        i++;
    for (size_t n = 0; n < 32 && i < tl->n && !(tl->v[i].flags & LX_TF_SENT); n++) {
        size_t s = i;
        while (i < tl->n && item_goes_on(tl, s, i))
            i++;
        /* a common word ends the list ("Governors Meet ..." in a headline) */
        const uint32_t common = LX_EV_WORD | LX_EV_COMMON;
        if (i == s || tl->v[i - 1].kind != LX_TOK_WORD ||
            ((tl->v[i - 1].bits & common) && !(tl->v[i - 1].bits & LX_EV_SURNAME)))
            break;
        if (lx_vec_reserve(&L->titled, &L->titled_cap, L->n_titled + 1, sizeof(*L->titled), 16)) {
            *rc = LEXTAG_ERR_NOMEM;
            return tl->n;
        }
        L->titled[L->n_titled++] = (lx_region){(uint32_t) s, (uint32_t) i};
        /* "(Chairman)" after a name */
        if (i + 2 < tl->n && lx_tok_is(tl, i, "(")) {
            size_t j = i + 1;
            while (j < tl->n && j < i + 5 && !lx_tok_is(tl, j, ")"))
                j++;
            if (j < tl->n && lx_tok_is(tl, j, ")"))
                i = j + 1;
        }
        bool comma = i < tl->n && lx_tok_is(tl, i, ",");
        i += comma;
        if (i < tl->n && (lx_tok_is(tl, i, "and") || lx_tok_is(tl, i, "or")))
            i++;
        else if (!comma)
            break;
    }
    return i > k + 1 ? i : k + 1;
}

/*
 * Finds the lists of names a plural title heads ("Senators Roth, Chafee,
 * Grassley, and Baucus", "Reps. Lee and Ortiz", "Senators Burns
 * (Chairman), Hutchison and Reid") and keeps their items in L->titled.  A
 * title is capitalized, so it lies in a region: only their tokens are
 * asked.
 */
static int find_titled_lists(lx_learn_lane *L, const lx_fctx *c)
{
    const lx_feat_scratch *sc = c->sc;
    int rc = 0;
    L->n_titled = L->titled_at = 0;
    for (size_t r = 0, k = 0; r < sc->n_reg && !rc; r++) {
        if (k < sc->reg[r].s)
            k = sc->reg[r].s;
        for (; k < sc->reg[r].e && k + 1 < c->tl->n && !rc; k++) {
            /* every title in the list is capitalized and ends in "s" */
            const lx_token *t = &c->tl->v[k];
            if ((t->flags & LX_TF_CAP) && c->text[t->end - 1] == 's')
                k = titled_list_at(L, c, k, &rc) - 1;
        }
    }
    return rc;
}

/* Does a list item of L->titled start at token i (the regions come in
   order)?  Then *b is its end. */
static bool titled_item_at(lx_learn_lane *L, size_t i, size_t *b)
{
    while (L->titled_at < L->n_titled && L->titled[L->titled_at].s < i)
        L->titled_at++;
    if (L->titled_at == L->n_titled || L->titled[L->titled_at].s != i)
        return false;
    *b = L->titled[L->titled_at].e;
    return true;
}

/* Appends the document bytes [start, end) to the array *v of *n ranges. */
static int add_range(lx_byte_range **v, size_t *n, size_t *cap, size_t start, size_t end)
{
    if (lx_vec_reserve(v, cap, *n + 1, sizeof(**v), 16))
        return LEXTAG_ERR_NOMEM;
    (*v)[(*n)++] = (lx_byte_range){start, end};
    return 0;
}

/* Is token k a lowercase word? */
static bool lower_word(const lx_toklist *tl, size_t k)
{
    return k < tl->n && tl->v[k].kind == LX_TOK_WORD && (tl->v[k].flags & LX_TF_LOWER);
}

/* Is token k a lowercase word that reads as a verb's past ("released")? */
static bool past_verb(const lx_toklist *tl, size_t k)
{
    return lower_word(tl, k) && tl->v[k].fold_len > 3 &&
           memcmp(lx_tok_fold(tl, &tl->v[k]) + tl->v[k].fold_len - 2, "ed", 2) == 0;
}

/* The word before the name at token a, past a lowercase "the" ("left the
   Police"); SIZE_MAX when a opens the stretch. */
static size_t word_before_group(const lx_learn_lane *L, const lx_toklist *tl, size_t a)
{
    if (a == 0)
        return SIZE_MAX;
    size_t p = a - 1;
    if (p > 0 && tl->v[p].hash == L->the_hash && (tl->v[p].flags & LX_TF_LOWER))
        p--;
    return p;
}

/*
 * Does the text around [a, b) name a group: a band, a label, a team?  Cues
 * that no person's name takes: a verb of joining, forming or leaving
 * before it ("joined Kraftwerk", "after leaving Genesis"), a contract with
 * it ("signed to Motown", "signed with the Lakers") or a tour ("toured
 * with Radiohead"), a member of it ("the drummer of Nirvana", "members of
 * the Sugarcubes") or one who works at it ("researchers at Genentech"), a
 * plural verb after it as the subject ("Radiohead were formed"), its
 * member's noun after it ("Nirvana's drummer", "the Oasis guitarist"), or
 * a past verb and "their" ("Kraftwerk released their fifth album").
 */
static bool group_cue(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t a, size_t b)
{
    static const char *const leaving[] = {"left", "leaving", "quit", NULL};
    static const char *const prepositions[] = {"of", "in", "at", "on", "by", "from", "with",
                                               "to", "for", "into", "than", NULL};
    const lx_toklist *tl = c->tl;
    int cls = lx_label_class(L->lab[a - s]);
    /* "members of the Maoist rebel group": a kind's modifier */
    if (b < tl->n && lower_word(tl, b) &&
        (written_as(c, b, &L->org_kinds) ||
         (b + 1 < tl->n && written_as(c, b + 1, &L->org_kinds))))
        return false;
    /* the name ends its phrase: "left the Georgian city" names a place */
    bool phrase_end = b == tl->n || tl->v[b].kind == LX_TOK_PUNCT ||
                      tl->v[b].kind == LX_TOK_POSS ||
                      (tl->v[b].bits & (LX_EV_FUNCTION | LX_EV_AUXILIARY | LX_EV_SPEECH |
                                        LX_EV_PERSON_VERB | LX_EV_ACTION_VERB));
    size_t p = word_before_group(L, tl, a);
    if (p != SIZE_MAX && phrase_end && lower_word(tl, p)) {
        /* one leaves a place too ("leaving Krajina vacant") */
        if (cls != LX_C_LOC ? written_as(c, p, &L->group_verbs)
                            : written_as(c, p, &L->group_verbs) && !lx_tok_in(tl, p, leaving))
            return true;
        /* a contract, or a bill shared: "signed to Motown", "toured with the
           Cure", "opened for Pearl Jam" */
        if (p > 0 && (lx_tok_is(tl, p, "to") || lx_tok_is(tl, p, "with")) &&
            (lx_tok_is(tl, p - 1, "signed") || lx_tok_is(tl, p - 1, "signing")))
            return true;
        if (p > 0 && lx_tok_is(tl, p, "with") &&
            (lx_tok_is(tl, p - 1, "toured") || lx_tok_is(tl, p - 1, "touring")))
            return true;
        if (p > 0 && lx_tok_is(tl, p, "for") &&
            (lx_tok_is(tl, p - 1, "opened") || lx_tok_is(tl, p - 1, "opening")))
            return true;
        /* a school, a laboratory or a firm one works at: "researchers at
           Genentech", "a professor at Caltech", "analysts at Barclays" */
        if (p > 0 && lx_tok_is(tl, p, "at") && lower_word(tl, p - 1) &&
            written_as(c, p - 1, &L->workers))
            return true;
        if (p > 0 && lx_tok_is(tl, p, "of") && lower_word(tl, p - 1) &&
            (written_as(c, p - 1, &L->memberships) || written_as(c, p - 1, &L->member_nouns)))
            return true;
    }
    if (b + 1 >= tl->n || (tl->v[b].flags & LX_TF_NEWLINE))
        return false;
    /* the subject of a plural verb, alone and opening its clause ("the
       Franciscans were banned"; not "Smith and Jones were", "influenced by
       Schopenhauer were", "in Jhansi are") */
    bool listed = (a > 0 && (conjunction(tl, a - 1) || lx_tok_is(tl, a - 1, "or") ||
                             lx_tok_is(tl, a - 1, ","))) ||
                  lx_tok_is(tl, b, "and") || lx_tok_is(tl, b, "or");
    bool subject = !listed && ((tl->v[a].flags & LX_TF_SENT) ||
                               (a > 0 && lx_tok_is(tl, a - 1, "the") &&
                                ((tl->v[a - 1].flags & LX_TF_SENT) ||
                                 (a > 1 && !lx_tok_in(tl, a - 2, prepositions)))));
    /* (a people is no group: "the Bedouins were moved", "Yazidis are";
       read as a person's name, a word that is no plural is) */
    const lx_token *last = &tl->v[b - 1];
    if (subject && cls == LX_C_PER && lower_word(tl, b) && written_as(c, b, &L->plural_verbs) &&
        c->text[last->end - 1] != 's')
        return true;
    size_t q = b + (tl->v[b].kind == LX_TOK_POSS);
    if (lower_word(tl, q) &&
        (written_as(c, q, &L->member_nouns) || (q > b && written_as(c, q, &L->memberships))))
        return true;
    return subject && past_verb(tl, b) && lx_tok_is(tl, b + 1, "their");
}

/*
 * May a cue of group_cue() stand before token a (after "the"), or after
 * token b - 1: a possessive, a plural verb, a member's noun or a word and
 * "their"?  By word hashes alone: it is asked of every region, of which
 * few have one.
 */
static bool cue_before(const lx_learn_lane *L, const lx_toklist *tl, size_t a)
{
    size_t p = word_before_group(L, tl, a);
    if (p == SIZE_MAX || !(tl->v[p].flags & LX_TF_LOWER))
        return false;
    uint64_t bit = hash_bit(tl->v[p].hash);
    if (L->verb_bits & bit)
        return lx_wordset_hashed(&L->group_verbs, &tl->v[p]);
    /* "signed to", "members of", "researchers at" */
    if (p == 0 || !(L->preposition_bits & bit) ||
        !lx_wordset_hashed(&L->group_prepositions, &tl->v[p]))
        return false;
    const lx_token *w = &tl->v[p - 1];
    return lx_wordset_hashed(&L->group_deals, w) || lx_wordset_hashed(&L->memberships, w) ||
           lx_wordset_hashed(&L->workers, w) || lx_wordset_hashed(&L->member_nouns, w);
}

static bool cue_after(const lx_learn_lane *L, const lx_toklist *tl, size_t b)
{
    if (b + 1 >= tl->n)
        return false;
    const lx_token *t = &tl->v[b];
    return t->kind == LX_TOK_POSS || tl->v[b + 1].hash == L->their_hash ||
           ((L->closer_bits & hash_bit(t->hash)) && (t->flags & LX_TF_LOWER) &&
            (lx_wordset_hashed(&L->plural_verbs, t) || lx_wordset_hashed(&L->member_nouns, t)));
}

/*
 * Capitalized words the layer read as no organization's (a person's, a
 * place's, a thing's or none) that a cue names a group (group_cue()) are
 * an organization's name: "signed with Sub Pop", "after leaving Genesis".
 * Encyclopedic writing about music names its bands with one word, which
 * the layer, taught by news, reads as a person's.  Up to four words, none
 * a known person's part (a title, or a first name with a surname; one
 * first name alone names no one in such writing: "joined Nirvana"), a
 * place's or a nation's, and none a word the document gives a person
 * elsewhere ("Coltrane" after "John Coltrane").  (Out of line: inlined
 * into spans_of(), it slowed that function's loop by more than it costs.)
 */
__attribute__((noinline)) static void group_by_cue(lx_learn_lane *L, const lx_fctx *c,
                                                   size_t s, size_t e)
{
    const lx_toklist *tl = c->tl;
    /* the words of a cue are none of a region's (they are lowercase, and
       no connector), so they stand before its first name or after its
       last (a possessive inside, "Nirvana's Nevermind", has a name after
       it, no member's noun) */
    bool before = cue_before(L, tl, s), after = cue_after(L, tl, e);
    if (!before && !after)
        return;
    const uint32_t no_group = LX_EV_TITLE | LX_EV_PLACE | LX_EV_PLACE_TAIL | LX_EV_COUNTRY |
                              LX_EV_NATIONALITY | LX_EV_NOT_NAME | LX_EV_FUNCTION;
    for (size_t a = s; a < e; a++) {
        const lx_token *t = &tl->v[a];
        /* a sentence's first word only where the layer read a name */
        if (t->kind != LX_TOK_WORD || !(t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) ||
            ((t->flags & LX_TF_SENT) && !L->lab[a - s]) ||
            (a > 0 && tl->v[a - 1].kind == LX_TOK_WORD && (tl->v[a - 1].flags & LX_TF_CAP)) ||
            lx_label_inside(L->lab[a - s]))
            continue;
        /* "The Smiths were": the article is no part of the band's name */
        size_t the = SIZE_MAX;
        if (t->hash == L->the_hash && a + 1 < e && tl->v[a + 1].kind == LX_TOK_WORD &&
            (tl->v[a + 1].flags & LX_TF_CAP) && !(tl->v[a + 1].flags & LX_TF_NEWLINE) &&
            (!lx_label_inside(L->lab[a + 1 - s]) || L->lab[a + 1 - s] == L->lab[a - s] + 1))
            the = a++;
        size_t b = a;
        bool known = false, first = false, surname = false;
        while (b < e && b < a + 4 && tl->v[b].kind == LX_TOK_WORD &&
               (tl->v[b].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
               (b == a || !(tl->v[b].flags & (LX_TF_SENT | LX_TF_NEWLINE)))) {
            known = known || (tl->v[b].bits & no_group) ||
                    (c->sc->cmask[b] & (LX_CM_GPER | LX_CM_GORG));
            first = first || (tl->v[b].bits & LX_EV_FIRSTNAME);
            surname = surname || (tl->v[b].bits & LX_EV_SURNAME);
            b++;
        }
        /* only the region's first name has the cue before it, its last the
           one after */
        if (!(before && a == (the == SIZE_MAX ? s : the)) && !(after && b == e))
            continue;
        /* where the layer read no name, none of the words an English one
           ("We have") */
        if (!L->lab[a - s])
            for (size_t k = a; k < b; k++)
                known = known || (tl->v[k].bits & (LX_EV_COMMON | LX_EV_WORD));
        if (known || (first && surname) || (surname && b == a + 1) ||
            (b < e && lx_label_inside(L->lab[b - s])) ||
            (L->lab[a - s] == LX_L_BORG && (b == a + 1 || L->lab[b - 1 - s] == LX_L_IORG)))
            continue;
        const lx_dslot *d = lx_feat_doc(c->sc, tl->v[a].hash);
        if ((d && d->per > ((c->sc->cmask[a] & (LX_CM_BPER | LX_CM_IPER)) != 0)) ||
            !group_cue(L, c, s, a, b))
            continue;
        if (the != SIZE_MAX)
            L->lab[the - s] = LX_L_O;
        L->lab[a - s] = LX_L_BORG;
        for (size_t k = a + 1; k < b; k++)
            L->lab[k - s] = LX_L_IORG;
        a = b - 1;
    }
}

/* Spans of PER and ORG labels in region r. */
static int spans_of(lx_learn_lane *L, const lx_fctx *c, size_t base, const lx_candvec *cands,
                    size_t r, bool explain, lx_arena *arena)
{
    size_t s = c->sc->reg[r].s, e = c->sc->reg[r].e;
    join_nicknames(L, c, s, e);
    join_initials(L, c, s, e);
    join_hyphenated(L, c, s, e);
    group_by_cue(L, c, s, e);
    for (size_t i = s; i < e;) {
        int l = L->lab[i - s], cls = lx_label_class(l);
        /* a name never runs on into the next sentence ("signed by Merkel.
           Sarkozy agreed"): a sentence's first word opens a name of its own */
        if (lx_label_inside(l) && opens_sentence_at(c->tl, i))
            l--;
        if (l == LX_L_BMISC && (i + 1 == e || L->lab[i + 1 - s] != LX_L_IMISC)) {
            if (lx_vec_reserve(&L->misc_words, &L->misc_words_cap, L->n_misc_words + 1,
                               sizeof(*L->misc_words), 64))
                return LEXTAG_ERR_NOMEM;
            L->misc_words[L->n_misc_words++] = (uint32_t) i;
        }
        if (cls == LX_C_MISC && !lx_label_inside(l)) {
            size_t j = label_run_end(L, c, s, e, i, cls);
            if (add_range(&L->miscs, &L->n_miscs, &L->miscs_cap, base + c->tl->v[i].start,
                          base + c->tl->v[j - 1].end))
                return LEXTAG_ERR_NOMEM;
            if (agency_read_as_thing(L, c, base, i, j) || school_named(c, i, j)) {
                int rc = emit(L, c, base, cands, r, LX_C_ORG, i, j, explain, arena);
                if (rc)
                    return rc;
                i = j;
                continue;
            }
        }
        /* a place of two words or more */
        if (cls == LX_C_LOC && !lx_label_inside(l) && i + 1 < e && L->lab[i + 1 - s] == l + 1) {
            size_t j = label_run_end(L, c, s, e, i, cls);
            if (school_named(c, i, j)) {
                int rc = emit(L, c, base, cands, r, LX_C_ORG, i, j, explain, arena);
                if (rc)
                    return rc;
                i = j;
                continue;
            }
        }
        if (!l || lx_label_inside(l) || (cls != LX_C_PER && cls != LX_C_ORG)) {
            /* most such tokens are neither capitalized nor at a sentence's
               start: the call is made for the few that are */
            bool may = !lx_label_inside(l) &&
                       (l || (c->tl->v[i].flags & (LX_TF_CAP | LX_TF_ALLCAPS)));
            bool opener = may && opens_sentence(c->tl, i);
            /* within a sentence, the first capitalized word of a run */
            may = may && (opener || (c->tl->v[i - 1].flags & LX_TF_LOWER));
            size_t b;
            int defined = may ? defined_opener(L, c, r, i, opener, &b) : LX_C_NONE;
            /* "Henry VIII broke with Rome", read as no name or a place's;
               "the Holy Roman Emperor Ferdinand III", read inside an event's
               or a place's name after the title */
            if (!defined && (c->tl->v[i].flags & LX_TF_CAP) &&
                !(c->tl->v[i].flags & LX_TF_ALLCAPS) && /* "ENGLAND V PAKISTAN" */
                (!lx_label_inside(l) || (i > s && (c->tl->v[i - 1].bits & LX_EV_TITLE)))) {
                b = i + 1;
                if (regnal_name(c, i, &b, e) && b == i + 2)
                    defined = LX_C_PER;
            }
            /* a first name after the region's end: rare, asked first */
            if (!defined && may && !lx_label_inside(l) && e + 1 < c->tl->n &&
                (c->tl->v[e + 1].bits & LX_EV_FIRSTNAME)) {
                size_t m = member_named(L, c, r, i, opener, &b);
                if (m != SIZE_MAX) {
                    i = m;
                    defined = LX_C_ORG;
                }
            }
            /* "Senators Roth, Chafee and Baucus": an item of a list a plural
               title heads */
            if (!defined && L->n_titled && !lx_label_inside(l) && titled_item_at(L, i, &b) &&
                b <= e)
                defined = LX_C_PER;
            if (!defined) {
                i++;
                continue;
            }
            int rc = emit_defined(L, c, base, cands, r, defined, i, b, explain, arena);
            if (rc)
                return rc;
            i = b;
            continue;
        }
        size_t j = label_run_end(L, c, s, e, i, cls);
        if (j < e && j > i + 1 && opens_sentence_at(c->tl, j) &&
            lx_label_inside(L->lab[j - s]) && c->tl->v[j - 1].kind == LX_TOK_PUNCT)
            j--; /* the sentence's last stop */
        /* "Harold Vance, Jr.": a name suffix after a comma ("Jr", its period
           a token of its own), which the model reads as a person of its own,
           ends the name before it (but "V." is an initial in "N. Mongia,
           V. Prasad") */
        if (cls == LX_C_PER && j + 1 < e && c->text[c->tl->v[j].start] == ',' &&
            (c->tl->v[j + 1].bits & LX_EV_SUFFIX) && L->lab[j + 1 - s] == LX_L_BPER) {
            size_t k = j + 2;
            if (k < e && L->lab[k - s] == LX_L_IPER && lx_tok_is(c->tl, k, "."))
                k++;
            if (k == e || L->lab[k - s] != LX_L_IPER)
                j = k;
        }
        if (j > i + 1 && sentence_stop(c->tl, j - 1))
            j--;
        size_t a = i, b = j;
        int rc = 0;
        if (cls == LX_C_ORG) {
            a = hyphen_prefix(L, c, r, a);
        } else {
            b = person_end(L, c, r, b);
            a = after_title(c->tl, a, b);
        }
        size_t a0 = a, b0 = b;
        bool thing = a < b && (cls == LX_C_PER || cls == LX_C_ORG) && thing_named(L, c, a, b);
        if (thing) {
            if (add_range(&L->things, &L->n_things, &L->things_cap, base + c->tl->v[a].start,
                          base + c->tl->v[b - 1].end))
                return LEXTAG_ERR_NOMEM;
        }
        bool named = !thing && (cls != LX_C_PER || balance_quotes(c->tl, &a, &b)) &&
                     narrow(L, c, cls, &a, &b);
        if (!named && a0 < b0) {
            if (add_range(&L->quiet, &L->n_quiet, &L->quiet_cap, base + c->tl->v[a0].start,
                          base + c->tl->v[b0 - 1].end))
                return LEXTAG_ERR_NOMEM;
        }
        bool keep = named && !dateline_place(L, c, base, cls, a, b) &&
                    !lx_party_tag(c->tl, c->text, a, b);
        /* "TP / (TP + FP)": the variables of a formula, unless a list knows
           the word ("IBM + Red Hat") */
        if (keep && in_formula(c, a, b) &&
            !entry_over(L, base + c->tl->v[a].start, base + c->tl->v[a].end, class_type(cls)))
            keep = false;
        if (keep && cls == LX_C_ORG) {
            drop_portfolio(L, c, base, a, &b);
            keep = a < b && !gathering_on(L, c, base, a, b);
            /* "Ben & Jerry's, and", "Sotheby's sold": a firm named for its
               founder keeps the "'s" that ends its phrase (before a noun it
               is a possessive: "Microsoft's phone") */
            if (keep && firm_possessive(c->tl, b))
                b++;
        }
        /* "The Copper Gazette": a paper's or a magazine's "The" is its name's,
           unless it goes with a noun the name modifies ("The ABC News poll") */
        if (keep && cls == LX_C_ORG && a > s && (c->tl->v[a - 1].flags & LX_TF_CAP) &&
            lx_tok_is(c->tl, a - 1, "the") && (c->tl->v[b - 1].bits & LX_EV_MEDIA_HEAD) &&
            !modified_noun(c->tl, b))
            a--;
        if (keep && cls == LX_C_ORG && a > s && (c->tl->v[b - 1].bits & LX_EV_ORG_SUFFIX)) {
            size_t prefix = place_prefix_before(c->tl, a);
            if (prefix >= s)
                a = prefix;
        }
        if (keep && (cls == LX_C_PER || cls == LX_C_ORG) && regnal_name(c, a, &b, e))
            cls = LX_C_PER;
        else if (keep && cls == LX_C_PER) {
            cls = plural_subject(c, a, b);
            keep = cls != LX_C_NONE;
        }
        if (keep) {
            /* "Nirvana was an American rock band" */
            size_t unused;
            int defined = defined_class(L, c, b, &unused);
            /* an apposition names the preposition's object, but "the
               leader of X, a singer" names the leader */
            if (defined && object_of_preposition(c->tl, a) &&
                !(lx_tok_is(c->tl, b, ",") && !lx_tok_is(c->tl, a - 1, "of")))
                defined = LX_C_NONE;
            /* a list that knows the name as what the layer read outweighs
               an apposition's kind of two readings ("Chevron, the largest
               producer"; "Dupont was a member of" is a person) */
            if (defined && defined != cls && lx_tok_is(c->tl, b + 1, "the") &&
                entry_over(L, base + c->tl->v[a].start, base + c->tl->v[b - 1].end,
                           class_type(cls)))
                defined = LX_C_NONE;
            if (defined)
                cls = defined;
            else if (cls == LX_C_PER && names_a_group(c->tl, a, b) && !persons_group(c->tl, b))
                cls = LX_C_ORG;
            /* names joined by "and" are each a span of their own */
            size_t from = a, k;
            while (!rc && (k = joined_entries(L, c, base, from, b, class_type(cls))) < b) {
                rc = emit(L, c, base, cands, r, cls, from, k, explain, arena);
                from = k + 1;
            }
            if (!rc)
                rc = defined ? emit_defined(L, c, base, cands, r, cls, from, b, explain, arena)
                             : emit(L, c, base, cands, r, cls, from, b, explain, arena);
            if (b > j)
                j = b; /* the words it took in are no name of their own */
        }
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

/* Index of the first learned span starting at or after byte s (they come
   in text order). */
static size_t spans_from(const lx_learn_lane *L, size_t s)
{
    size_t lo = 0, hi = L->spans.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (L->spans.v[mid].start < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/*
 * Does a learned span (PERSON or ORG) overlap c?  They come in text order
 * and never overlap one another: only the last one starting before c's end
 * may.
 */
static bool learned_over(const lx_learn_lane *L, const lx_cand *c)
{
    size_t k = spans_from(L, c->end);
    return k > 0 && L->spans.v[k - 1].end > c->start;
}

/* A kept acronym definition? */
static bool kept_acronym(const lx_cand *c)
{
    return c->source[0] == 'c' && c->prio >= LX_PRIO_CONTEXT && lx_feat_learned_type(c) &&
           strcmp(c->source, "context:acronym") == 0;
}

/*
 * Does the long form [a, b) of an acronym's definition say it names a body,
 * with a kind of organization as its head ("Palestinian Liberation
 * Organization", "Association for Computing Machinery")?
 */
static bool names_a_body(const lx_learn_lane *L, const lx_toklist *tl, size_t a, size_t b)
{
    for (size_t k = a + 1; k < b; k++)
        if ((tl->v[k].flags & LX_TF_CAP) && lx_wordset_has_folded(&L->org_kinds, tl, k) &&
            (k + 1 == b || lx_tok_is(tl, k + 1, "of") || lx_tok_is(tl, k + 1, "for")))
            return true;
    return false;
}

/*
 * An acronym definition stays rule-driven only where the learned layer,
 * which weighs it with everything else, also reads a name there: "Mean
 * Reciprocal Rank (MRR)" spells its initials but names a measure.  One
 * whose long form names a body stays anyway: the layer reads "Palestinian"
 * in "Palestinian Liberation Organization (PLO)" as it reads the word
 * elsewhere.  A vetoed one gets a priority below a kept one's, in cands and
 * in L->near (which holds copies), and is left to the learned spans.  tl
 * holds the stretch's tokens, which start at byte base.
 */
static void veto_acronyms(lx_learn_lane *L, lx_candvec *cands, const lx_toklist *tl,
                          size_t base)
{
    for (size_t i = 0; i < cands->n; i++) {
        lx_cand *c = &cands->v[i];
        if (!kept_acronym(c) || learned_over(L, c))
            continue;
        size_t a, b;
        tokens_of(tl, base, c, &a, &b);
        if (names_a_body(L, tl, a, b))
            continue;
        for (size_t k = near_from(L, c->start); k < L->near.n && L->near.v[k].start == c->start;
             k++)
            if (L->near.v[k].end == c->end && L->near.v[k].source == c->source)
                L->near.v[k].prio = LX_PRIO_CONTEXT - 1;
        c->prio = LX_PRIO_CONTEXT - 1;
    }
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Do the bytes doc[a..b) join two items of a list: a comma, "and", "or"
   or ", and" between spaces or a line break?  *word says whether a word
   ("and", "or") does. */
static bool list_joint(const char *doc, size_t a, size_t b, bool *word)
{
    while (a < b && blank(doc[a]))
        a++;
    bool comma = a < b && doc[a] == ',';
    a += comma;
    while (a < b && blank(doc[a]))
        a++;
    while (b > a && blank(doc[b - 1]))
        b--;
    size_t n = b - a;
    *word = (n == 3 && memcmp(doc + a, "and", 3) == 0) || (n == 2 && memcmp(doc + a, "or", 2) == 0);
    return *word || (n == 0 && comma);
}

/*
 * Does a capitalized word follow the name ending at byte e (relative to the
 * stretch) on its line, right after it or after a short lowercase word
 * other than "and" or "or" ("Ford" in "Ford Field", "Unite" in "Unite the
 * Left")?  The name is then the start of a longer one.
 */
static bool opens_longer_name(const lx_toklist *tl, size_t e)
{
    size_t lo = lx_tok_at(tl, e);
    for (size_t k = lo; k < tl->n && k <= lo + 1; k++) {
        const lx_token *t = &tl->v[k];
        if (t->flags & LX_TF_NEWLINE)
            return false;
        if (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS))
            return t->kind == LX_TOK_WORD;
        if (t->kind != LX_TOK_WORD || t->fold_len > 3 || lx_tok_is(tl, k, "and") ||
            lx_tok_is(tl, k, "or"))
            return false;
    }
    return false;
}

/*
 * Is the list entry c under one of the first n learned spans?  *i moves on
 * to the first of them that ends after c's start: the entries of L->near
 * and the spans both go by start, and spans never overlap, so *i only moves
 * on as c does.
 */
static bool under_span(const lx_learn_lane *L, size_t n, size_t *i, const lx_cand *c)
{
    while (*i < n && L->spans.v[*i].end <= c->start)
        ++*i;
    return *i < n && L->spans.v[*i].start < c->end;
}

/* Puts L->spans back in order after entries were added past its first n. */
static int sort_added(lx_learn_lane *L, size_t n)
{
    return L->spans.n > n ? lx_cands_sort(&L->spans, &L->sort_scratch) : 0;
}

/*
 * The items of a list share a type: a list's entry (a gazetteer's, with its
 * id) that the learned layer left out is one of them, as the rules read it,
 * when it stands between two learned names of its type joined by commas,
 * "and" or "or" ("Google, Amazon and Oracle Corp."), or next to one joined
 * by "and" or "or" ("Microsoft and Google").  Alone, "Amazon" is as likely
 * the river.
 */
static int list_items(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const char *doc = fc->text - base; /* spans hold offsets in the document */
    size_t n = L->spans.n, i = 0;
    for (size_t k = 0; k < L->near.n; k++) {
        const lx_cand *c = &L->near.v[k];
        if (c->entry == LX_NONE || c->start < base || !lx_feat_learned_type(c) ||
            lx_learn_rule_kept(c) || under_span(L, n, &i, c))
            continue;
        /* the learned spans around it */
        const lx_cand *p = i > 0 ? &L->spans.v[i - 1] : NULL, *q = i < n ? &L->spans.v[i] : NULL;
        bool pw = false, qw = false;
        bool before = p && lx_cand_type_is(p, c->type) && list_joint(doc, p->end, c->start, &pw);
        bool after = q && lx_cand_type_is(q, c->type) && list_joint(doc, c->end, q->start, &qw);
        const lx_cand *last = L->spans.n > n ? &L->spans.v[L->spans.n - 1] : NULL;
        if (!((before && after) || (before && pw) || (after && qw)) ||
            (last && last->start == c->start) || /* an entry of two lists */
            opens_longer_name(fc->tl, c->end - base))
            continue;
        if (lx_candvec_push(&L->spans, c))
            return LEXTAG_ERR_NOMEM;
    }
    return sort_added(L, n);
}

/* Do doc[a..b) join two items of a list, the second perhaps opening with
   its "the" (", and the Pet Shop Boys")? */
static bool item_joint(const char *doc, size_t a, size_t b)
{
    bool word;
    while (b > a && blank(doc[b - 1]))
        b--;
    if (b - a >= 4 && (doc[b - 3] == 't' || doc[b - 3] == 'T') &&
        memcmp(doc + b - 2, "he", 2) == 0 && blank(doc[b - 4]))
        b -= 3;
    return list_joint(doc, a, b, &word);
}

/*
 * May the learned span x, an item of a list whose other items are mostly
 * of the other type, take theirs?  Not when a list knows it, nor when its
 * own words say what it is: an organization's head word ("Scottish
 * National Party" among politicians) or acronym ("HOK Sport" among firms
 * read as people), a person's first name and surname
 * ("Nike, Adidas and Serena Williams").
 */
static bool may_retype(const lx_fctx *fc, size_t base, const lx_cand *x)
{
    const lx_toklist *tl = fc->tl;
    if (x->id || x->entry != LX_NONE)
        return false;
    size_t a, b;
    tokens_of(tl, base, x, &a, &b);
    if (a >= b)
        return false;
    if (lx_cand_type_is(x, "ORG")) {
        for (size_t k = a; k < b; k++) /* an acronym: "HOK Sport" */
            if (lx_tok_capitals(&tl->v[k]))
                return false;
        return !(tl->v[b - 1].bits & (LX_EV_ORG_NOUN | LX_EV_ORG_SUFFIX | LX_EV_DESIGNATOR |
                                      LX_EV_MEDIA_HEAD));
    }
    /* a title before a person says who it is: "General Michel Aoun", "Gen. Aoun" */
    size_t t = a > 1 && lx_tok_is(tl, a - 1, ".") ? a - 2 : a - 1;
    if (a > 0 && (tl->v[t].bits & LX_EV_TITLE))
        return false;
    return b == a + 1 || !full_name(tl, a, b);
}

/*
 * The items of a list share a type: in a list of three names or more,
 * joined by commas, "and" or "or", where two thirds or more are of one type
 * (people or organizations), the others take that type, unless may_retype()
 * says no ("Kraftwerk influenced Depeche Mode, New Order and the Pet Shop
 * Boys": a band read as a person).
 */
static int list_types(lx_learn_lane *L, const lx_fctx *fc, size_t base, lx_arena *arena)
{
    const char *doc = fc->text - base; /* spans hold offsets in the document */
    lx_cand *v = L->spans.v;
    size_t n = L->spans.n;
    for (size_t i = 0, j; i < n; i = j) {
        size_t per = lx_cand_type_is(&v[i], "PERSON");
        /* ", and the " is the longest joint */
        for (j = i + 1; j < n && v[j].start - v[j - 1].end <= 12 &&
                        item_joint(doc, v[j - 1].end, v[j].start);
             j++)
            per += lx_cand_type_is(&v[j], "PERSON");
        size_t len = j - i, org = len - per;
        if (len < 3 || !per || !org || (per * 3 < len * 2 && org * 3 < len * 2))
            continue;
        const char *type = per > org ? "PERSON" : "ORG";
        for (size_t k = i; k < j; k++) {
            if (lx_cand_type_is(&v[k], type) || !may_retype(fc, base, &v[k]))
                continue;
            v[k].type = type;
            const lx_cand *g = entry_over(L, v[k].start, v[k].end, type);
            if (g && take_entry(L, &v[k], g, arena))
                return LEXTAG_ERR_NOMEM;
        }
    }
    return 0;
}

/* Removes the learned spans a pass emptied (end set to start). */
static void drop_emptied(lx_learn_lane *L)
{
    size_t k = 0;
    for (size_t i = 0; i < L->spans.n; i++)
        if (L->spans.v[i].end > L->spans.v[i].start)
            L->spans.v[k++] = L->spans.v[i];
    L->spans.n = k;
}

/* Learned span i takes in span i + 1, which goes. */
static void absorb_next(lx_learn_lane *L, size_t i)
{
    lx_cand *x = &L->spans.v[i];
    x->end = x[1].end;
    memmove(x + 1, x + 2, (L->spans.n - i - 2) * sizeof(*x));
    L->spans.n--;
}

/* Learned span i ends at byte cut; a copy of it from byte rest on goes
   right after it (absorb_next() undone). */
static int split_span(lx_learn_lane *L, size_t i, size_t cut, size_t rest)
{
    lx_cand y = L->spans.v[i];
    y.start = rest;
    if (lx_candvec_push(&L->spans, &y))
        return LEXTAG_ERR_NOMEM;
    lx_cand *x = &L->spans.v[i];
    memmove(x + 2, x + 1, (L->spans.n - i - 2) * sizeof(*x));
    x->end = cut;
    x[1] = y;
    return 0;
}

/*
 * "Warner Bros. Records", "Acme Co. Music": an organization's head word
 * that the layer read as a name of its own right after an abbreviation
 * that ends an organization's name makes one name with it, a body of its
 * own that the first name's list entry is not.  (The tokenizer may have
 * taken the period for a sentence's end; a head word alone names nothing.)
 */
static int head_after_abbreviation(lx_learn_lane *L, const lx_fctx *fc, size_t base,
                                   lx_arena *arena)
{
    const lx_toklist *tl = fc->tl;
    const char *doc = fc->text - base;
    for (size_t i = 0; i + 1 < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i], *y = x + 1;
        if (x->start < base || y->start != x->end + 2 || doc[x->end] != '.' ||
            doc[x->end + 1] != ' ' ||
            y->entry != LX_NONE || !lx_cand_type_is(x, "ORG") || !lx_cand_type_is(y, "ORG"))
            continue;
        size_t a, b;
        tokens_of(tl, base, y, &a, &b);
        if (b != a + 1 || !(tl->v[a].bits & LX_EV_ORG_SUFFIX))
            continue;
        absorb_next(L, i);
        if (x->entry != LX_NONE && drop_entry(x, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

/*
 * "the Journal of the American Chemical Society", "the University of the
 * Punjab Press": a head word that names nothing alone, read as an
 * organization of its own, then "of" (and "the") and an organization, is
 * one name: the journal or the body "of" the other.  A word that opens
 * names ("Journal", "Institute") joins the organization after it even where
 * a list knows the word alone (a paper called "Journal"); the joined name,
 * another body, keeps neither list entry.
 */
static int head_of_body(lx_learn_lane *L, const lx_fctx *fc, size_t base, lx_arena *arena)
{
    const lx_toklist *tl = fc->tl;
    const char *doc = fc->text - base;
    for (size_t i = 0; i + 1 < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i], *y = x + 1;
        size_t gap = y->start - x->end;
        if (x->start < base || (gap != 4 && gap != 8) ||
            memcmp(doc + x->end, gap == 4 ? " of " : " of the ", gap) != 0 ||
            !lx_cand_type_is(x, "ORG") || !lx_cand_type_is(y, "ORG"))
            continue;
        size_t a, b;
        tokens_of(tl, base, x, &a, &b);
        if (b != a + 1 || !(tl->v[a].flags & LX_TF_CAP) ||
            !(tl->v[a].bits & (LX_EV_MEDIA_HEAD | LX_EV_ORG_PREFIX)))
            continue;
        absorb_next(L, i);
        if (drop_entry(x, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

/*
 * "Banc One and First Chicago", "Harlow University and Dunmore College": two
 * organizations joined by "and" that the layer read as one.  The first ends
 * in a body's head word ("University", "Party") or is a list's name, and
 * the second is two words or more opening with a capitalized word that is
 * no company's designator ("Morgan Stanley and Co Inc" is one).  One name
 * holds "and" where the words before it are not a name of their own
 * ("Securities and Exchange Commission", "Social Democratic and Labour
 * Party"), or where one word follows it ("Procter and Gamble").
 */
static int split_joined_bodies(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    const char *doc = fc->text - base;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i];
        if (x->start < base || x->entry != LX_NONE || !lx_cand_type_is(x, "ORG"))
            continue;
        const char *p = doc + x->start, *end = doc + x->end;
        for (; (p = memchr(p, ' ', (size_t) (end - p))) && end - p > 5; p++) {
            if (memcmp(p, " and ", 5) != 0)
                continue;
            size_t cut = (size_t) (p - doc), rest = cut + 5;
            size_t k = lx_tok_at(tl, cut - base) - 1, m = lx_tok_at(tl, rest - base);
            const lx_token *before = &tl->v[k], *after = &tl->v[m];
            /* a head word or a common word alone names no body, even where
               a list knows it ("Justice and Equality Movement") */
            bool alone = before->start == x->start - base;
            bool body = alone ? !(before->bits & (LX_EV_COMMON | LX_EV_WORD | LX_EV_ORG_SUFFIX |
                                                  LX_EV_ORG_PREFIX | LX_EV_TITLE)) &&
                                    entry_over(L, x->start, cut, "ORG")
                              : (before->bits & LX_EV_ORG_SUFFIX) ||
                                    entry_over(L, x->start, cut, "ORG");
            /* "National Union of Petroleum and Gas Workers": "and" joins
               what the body is "of" or "for"; "British Securities and
               Investments Board", "Health Resources and Services
               Administration": common words and a head word are no name
               of their own */
            bool named = false;
            for (size_t j = lx_tok_at(tl, x->start - base); body && j < k; j++) {
                body = !(tl->v[j].flags & LX_TF_LOWER) ||
                       !(lx_tok_is(tl, j, "of") || lx_tok_is(tl, j, "for"));
                named = named || !(tl->v[j].bits & (LX_EV_NATIONALITY | LX_EV_COUNTRY |
                                                    LX_EV_COMMON | LX_EV_WORD |
                                                    LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX |
                                                    LX_EV_FUNCTION));
            }
            body = body && (alone || named);
            if (body && m + 1 < tl->n && tl->v[m + 1].end <= x->end - base &&
                after->kind == LX_TOK_WORD && (after->flags & LX_TF_CAP) &&
                !(after->bits & (LX_EV_DESIGNATOR | LX_EV_FUNCTION))) {
                if (split_span(L, i, cut, rest))
                    return LEXTAG_ERR_NOMEM;
                break;
            }
        }
    }
    return 0;
}

/* Do doc[a..b) join two items of a list of works, perhaps after the first
   one's year ("Elidor (1965), The Owl Service")? */
static bool work_joint(const char *doc, size_t a, size_t b)
{
    while (a < b && blank(doc[a]))
        a++;
    if (a + 6 <= b && doc[a] == '(' && doc[a + 1] >= '0' && doc[a + 1] <= '9') {
        size_t k = a + 1;
        while (k < b && k < a + 12 && doc[k] != ')')
            k++;
        if (k < b && doc[k] == ')')
            a = k + 1;
    }
    return item_joint(doc, a, b);
}

/*
 * May the learned span x, an item of a list of works, be one?  Not when
 * may_retype() says no, nor when any of its words heads organizations
 * ("the League of Women Voters, Rock the Vote and Vote.org"), nor when it
 * owns what follows ("Desiré, Graelent, and Guingamor, and Chrétien de
 * Troyes's romance": an author).
 */
static bool may_be_work(const lx_fctx *fc, size_t base, const lx_cand *x)
{
    const lx_toklist *tl = fc->tl;
    if (!may_retype(fc, base, x))
        return false;
    size_t a, b;
    tokens_of(tl, base, x, &a, &b);
    for (size_t k = a; k < b; k++)
        if (tl->v[k].bits & (LX_EV_ORG_NOUN | LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX |
                             LX_EV_DESIGNATOR | LX_EV_MEDIA_HEAD))
            return false;
    return !(b < tl->n && tl->v[b].kind == LX_TOK_POSS);
}

/*
 * A name read as a person's or an organization's among works: in a list of
 * three items or more, joined by commas, "and" or "or", where two thirds or
 * more are names the layer read as titles or events ("Gone with the Wind,
 * Great Expectations, Lonesome Dove and Catch-22"), the others are titles
 * too, unless may_be_work() says no.  Such a name is dropped.
 */
static void works_lists(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    if (L->n_miscs < 2)
        return;
    const char *doc = fc->text - base; /* spans hold offsets in the document */
    lx_cand *v = L->spans.v;
    size_t n = L->spans.n;
    bool dropped = false;
    /* the items in text order, merged from the two ordered arrays: the
       spans (v[i]) and the MISC names (L->miscs[k]) */
    size_t i = 0, k = 0;
    while (i < n || k < L->n_miscs) {
        size_t first_i = i, len = 0, works = 0, prev_end = 0;
        for (;;) {
            bool span = i < n && (k >= L->n_miscs || v[i].start < L->miscs[k].start);
            if (!span && k >= L->n_miscs)
                break;
            size_t s = span ? v[i].start : L->miscs[k].start;
            if (len && (s < prev_end || s - prev_end > 20 || !work_joint(doc, prev_end, s)))
                break;
            prev_end = span ? v[i].end : L->miscs[k].end;
            works += !span;
            len++;
            span ? i++ : k++;
        }
        if (len >= 3 && works * 3 >= len * 2)
            for (size_t j = first_i; j < i; j++)
                if (may_be_work(fc, base, &v[j])) {
                    v[j].end = v[j].start;
                    dropped = true;
                }
        /* the item that broke the chain opens the next */
    }
    if (dropped)
        drop_emptied(L);
}

/* Does token k join a name to what comes before it ("Delgado of Paul, ...")? */
static bool connector(const lx_toklist *tl, size_t k)
{
    static const char *const words[] = {"of", "at", "for", "from", "with", "and", ",", NULL};
    return lx_tok_in(tl, k, words);
}

/*
 * A firm named for its partners (firms.h: "Paul, Weiss, Rifkind, Wharton &
 * Garrison LLP") that the layer read in part ("Wharton & Garrison LLP", with
 * "Maria Delgado of Paul" a person) is one organization: the learned
 * organization over its ampersand takes the whole name, the spans over the
 * other partners go ("Marsh" too, which a list knows as a company), and one
 * that runs into it from before ends before it, unless a list knows that
 * one.
 */
static void firm_names(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    lx_cand *v = L->spans.v;
    size_t n = L->spans.n;
    bool dropped = false;
    for (size_t i = 0; i < n; i++) {
        lx_cand *x = &v[i];
        size_t xa, xb, fa = 0, fb = 0, amp = 0;
        if (!lx_cand_type_is(x, "ORG") || x->entry != LX_NONE)
            continue;
        tokens_of(tl, base, x, &xa, &xb);
        for (amp = xa + 1; amp + 1 < xb; amp++)
            if (lx_tok_is(tl, amp, "&") && lx_firm_name(tl, amp, &fa, &fb))
                break;
        if (amp + 1 >= xb || fa >= xa)
            continue;
        size_t s = base + tl->v[fa].start, e = base + tl->v[fb - 1].end;
        size_t j = i;
        while (j > 0 && v[j - 1].end > s)
            j--;
        if (j < i && v[j].start < s && v[j].entry != LX_NONE)
            continue; /* a name a list knows runs into it */
        for (; j < i; j++) {
            size_t ja, jb, q = fa;
            tokens_of(tl, base, &v[j], &ja, &jb);
            while (q > ja && connector(tl, q - 1))
                q--;
            if (v[j].start >= s || q <= ja) {
                v[j].end = v[j].start; /* dropped below */
                dropped = true;
            } else {
                v[j].end = base + tl->v[q - 1].end;
            }
        }
        x->start = s;
        if (e > x->end && (i + 1 == n || v[i + 1].start >= e))
            x->end = e;
    }
    if (dropped)
        drop_emptied(L);
}

/* Is the learned span x one unlisted acronym ("SVM", "RDF")? */
static bool lone_acronym(const lx_learn_lane *L, const lx_fctx *fc, size_t base,
                         const lx_cand *x)
{
    const lx_toklist *tl = fc->tl;
    size_t a = lx_tok_at(tl, x->start - base);
    return a < tl->n && tl->v[a].end + base == x->end && lx_tok_capitals(&tl->v[a]) &&
           x->entry == LX_NONE && !x->id && !entry_over(L, x->start, x->end, "ORG");
}

/*
 * Does the text say the acronym at token a is a body: "the" before it
 * ("the ACL"), a preposition a body follows ("a member of ASEAN", "at
 * UCSD", "held by KAIST"), its own possessive ("CMU's new program"), or
 * the parentheses of a definition ("Liberty Korea Party (GNP)", "(SDI; a
 * party led by")?
 */
static bool acronym_as_body(const lx_toklist *tl, size_t a)
{
    static const char *const before[] = {"the", "at", "by", "for", "of", "from", "with", "(",
                                         NULL};
    if (a > 0 && lx_tok_in(tl, a - 1, before))
        return true;
    return a + 1 < tl->n && (tl->v[a + 1].kind == LX_TOK_POSS || lx_tok_is(tl, a + 1, ")") ||
                             lx_tok_is(tl, a + 1, ";"));
}

enum list_neighbour { NO_ORG, ACRONYM_ORG, OTHER_ORG };

/* What learned span j, next to span i, is as an item of i's list: an
   organization that is a lone acronym, another one, or neither. */
static enum list_neighbour list_neighbour(const lx_learn_lane *L, const lx_fctx *fc,
                                          size_t base, size_t i, size_t j)
{
    const lx_cand *v = L->spans.v;
    const char *doc = fc->text - base;
    if (j >= L->spans.n || !lx_cand_type_is(&v[j], "ORG")) /* i - 1 wraps for i == 0 */
        return NO_ORG;
    size_t from = j < i ? v[j].end : v[i].end, to = j < i ? v[i].start : v[j].start;
    if (!item_joint(doc, from, to))
        return NO_ORG;
    return lone_acronym(L, fc, base, &v[j]) ? ACRONYM_ORG : OTHER_ORG;
}

/*
 * In a sentence standing alone (an encyclopedia's), a lone acronym that no
 * list knows, in a list of such acronyms ("SGML, RDF, RDFS", "TER, METEOR")
 * or defined as a thing that is neither a body nor a person ("SVM is a
 * supervised learning model"), is a format, a method or a metric rather
 * than the organization the layer read.  It stays one where the text says
 * it is a body (acronym_as_body()), or where it is an item of a list with
 * an organization that is no acronym ("FRELIMO, RENAMO and the Democratic
 * Movement of Mozambique").  Alone and with no such word around it, it is
 * left to the layer: a band or a label ("ABBA toured", "released on RCA")
 * is written so too.  News text, where such an acronym is mostly an
 * organization, keeps the layer's reading.
 */
static void drop_technical_acronyms(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    if (!fc->sc->brief)
        return;
    lx_cand *v = L->spans.v;
    size_t n = L->spans.n, k = 0;
    for (size_t i = 0; i < n; i++) {
        bool drop = lx_cand_type_is(&v[i], "ORG") && lone_acronym(L, fc, base, &v[i]);
        if (drop) {
            size_t a = lx_tok_at(fc->tl, v[i].start - base), head_end;
            bool thing = defined_class(L, fc, a + 1, &head_end) == LX_C_NONE && head_end > a + 3;
            enum list_neighbour left = list_neighbour(L, fc, base, i, i - 1),
                                right = list_neighbour(L, fc, base, i, i + 1);
            bool listed = left == ACRONYM_ORG || right == ACRONYM_ORG;
            drop = (thing || listed) && !acronym_as_body(fc->tl, a) && left != OTHER_ORG &&
                   right != OTHER_ORG;
        }
        if (!drop)
            v[k++] = v[i];
    }
    L->spans.n = k;
}

/* Are the n bytes at s those of text[start..end)? */
static bool same_bytes(const char *text, size_t start, size_t end, const char *s, size_t n)
{
    return end - start == n && memcmp(text + start, s, n) == 0;
}

/*
 * Drops the learned spans that are a term's acronym or the phrase that
 * spells it out in the stretch ("support vector machine (SVM)", terms.h),
 * or a name a noun for a kind of thing introduced ("the protein TERT",
 * thing_named()), written as there; a name a list gave its id stays.
 */
static void drop_terms(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const char *text = c->text;
    const lx_toklist *tl = c->tl;
    if (!L->spans.n)
        return;
    lx_term terms[LX_TERMS_MAX];
    size_t n = lx_terms_find(text, tl->v[tl->n - 1].end, tl, terms), m = 0;
    /* a phrase a list knows is a name's long form ("World Food Program") */
    for (size_t j = 0; j < n; j++)
        if (!listed_in(c, terms[j].long_start, terms[j].long_end))
            terms[m++] = terms[j];
    if (!(n = m) && !L->n_things)
        return;
    size_t k = 0;
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *x = &L->spans.v[i];
        const char *s = text + (x->start - base);
        size_t len = x->end - x->start;
        bool term = false;
        for (size_t j = 0; j < n && !term; j++)
            term = same_bytes(text, terms[j].start, terms[j].end, s, len) ||
                   same_bytes(text, terms[j].long_start, terms[j].long_end, s, len);
        for (size_t j = 0; j < L->n_things && !term && !x->id; j++)
            term = same_bytes(text - base, L->things[j].start, L->things[j].end, s, len);
        if (!term)
            L->spans.v[k++] = *x;
    }
    L->spans.n = k;
}

/*
 * A name a definition typed ("Velvet Compass was an English rock band") is
 * of that type wherever else the stretch writes it the same way, unless a
 * list gave that mention its id.
 */
static void type_as_defined(lx_learn_lane *L, const char *doc)
{
    for (size_t d = 0; d < L->n_defined; d++) {
        const lx_cand *x = &L->spans.v[L->defined[d]];
        size_t len = x->end - x->start;
        for (size_t i = 0; i < L->spans.n; i++) {
            lx_cand *y = &L->spans.v[i];
            if (y->end - y->start == len && doc[y->start] == doc[x->start] && !y->id &&
                !lx_cand_type_is(y, x->type) && memcmp(doc + y->start, doc + x->start, len) == 0)
                y->type = x->type;
        }
    }
}

/*
 * The token before the "known as" (or "also known as", "known simply as",
 * "better known as") that ends right before token k, at a comma or a
 * parenthesis that follows a name; SIZE_MAX when there is none.
 */
static size_t known_as_before(const lx_toklist *tl, size_t k)
{
    static const char *const adverbs[] = {"also", "simply", "better", "professionally",
                                          "widely", "commonly", NULL};
    if (k < 4 || !lx_tok_is(tl, k - 1, "as"))
        return SIZE_MAX;
    size_t j = k - 2;
    if (lx_tok_in(tl, j, adverbs))
        j--;
    if (!lx_tok_is(tl, j, "known") || j < 2)
        return SIZE_MAX;
    j--;
    if (lx_tok_in(tl, j, adverbs) && j > 1)
        j--;
    if (!lx_tok_is(tl, j, ",") && !lx_tok_is(tl, j, "("))
        return SIZE_MAX;
    return j - 1;
}

/*
 * Can the word before byte b of text be "as"?  A test on the bytes, before
 * the token lookup that known_as_before() needs: most names come after
 * something else.  Past spaces and control bytes back, an "as" that ends
 * no longer word, or a byte of a character beyond ASCII (a space of
 * another script), may be it.
 */
static bool after_as(const char *text, size_t b)
{
    while (b > 0 && (unsigned char) text[b - 1] <= ' ')
        b--;
    if (b > 0 && (unsigned char) text[b - 1] >= 0x80)
        return true;
    /* "as" on its own, not the end of "was" or "has" */
    return b >= 2 && (text[b - 1] | 0x20) == 's' && (text[b - 2] | 0x20) == 'a' &&
           !(b >= 3 && ((text[b - 3] | 0x20) >= 'a' && (text[b - 3] | 0x20) <= 'z'));
}

/*
 * A name given as what another goes by ("Marta Vieira da Silva, known as
 * Marta"; "the Hudson Valley Players (also known as the Players)") is of
 * the other's type, unless a list gave it its id.
 */
static void type_as_known(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    size_t near = 0; /* the spans come in text order, or nearly */
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        if (y->id || y->start < base || !after_as(c->text, y->start - base))
            continue;
        size_t k = known_as_before(tl, lx_tok_at_near(tl, y->start - base, &near));
        if (k == SIZE_MAX)
            continue;
        /* rare enough to look through all the spans */
        for (size_t j = 0; j < L->spans.n; j++)
            if (L->spans.v[j].end == base + tl->v[k].end) {
                y->type = L->spans.v[j].type;
                break;
            }
    }
}

/*
 * Is learned span i of the stretch (which starts at byte base) one of type
 * `type` that no list gave an id?  Then its tokens are [*a, *b), looked up
 * from *near (the spans come in text order, or nearly).
 */
static bool unlisted_span(const lx_learn_lane *L, const lx_toklist *tl, size_t base, size_t i,
                          const char *type, size_t *near, size_t *a, size_t *b)
{
    const lx_cand *y = &L->spans.v[i];
    if (y->id || y->start < base || !lx_cand_type_is(y, type))
        return false;
    *a = lx_tok_at_near(tl, y->start - base, near);
    *b = lx_tok_at_near(tl, y->end - base, near);
    return *a < *b && *b <= tl->n;
}

/*
 * A name the layer read as a person's that a noun for a band, a firm or a
 * paper heads ("the Brooklyn string quartet Argus Strings", "the label Def
 * Jam", "the magazine Der Spiegel"), unless it is a first name and a
 * surname, or whose member or player it names before a name ("Fleet Foxes
 * frontman Robin Pecknold", "Norwich striker Keith O'Neill"), or that a
 * person is "of" ("Ben Gibbard of Death Cab", "formerly of Rilo Kiley"),
 * is an organization's, unless a list gave it its id.  (A party, a council
 * or a trio heads its leader's or its players' names: "the liberal
 * democratic party Vladimir Zhirinovsky", "pace trio David Millns".)
 */
static void kind_named(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    static const char *const heads[] = {
        "band", "bands", "duo", "quartet", "quintet", "group", "supergroup", "orchestra",
        "ensemble", "choir", "label", "company", "firm", "conglomerate", "manufacturer",
        "retailer", "airline", "publisher", "newspaper", "magazine", "magazines",
        "broadcaster", NULL};
    static const char *const formerly[] = {"formerly", "previously", "late", NULL};
    const lx_toklist *tl = c->tl;
    size_t near = 0, a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        if (!unlisted_span(L, tl, base, i, "PERSON", &near, &a, &b))
            continue;
        bool headed = a > 0 && tl->v[a - 1].kind == LX_TOK_WORD &&
                      (tl->v[a - 1].flags & LX_TF_LOWER) &&
                      !(tl->v[a].flags & (LX_TF_NEWLINE | LX_TF_SENT)) &&
                      lx_tok_in(tl, a - 1, heads) && !full_name(tl, a, b);
        bool member = b + 1 < tl->n && tl->v[b].kind == LX_TOK_WORD &&
                      (tl->v[b].flags & LX_TF_LOWER) &&
                      !(tl->v[b].flags & LX_TF_NEWLINE) &&
                      lx_wordset_has_folded(&L->member_nouns, tl, b) &&
                      tl->v[b + 1].kind == LX_TOK_WORD && (tl->v[b + 1].flags & LX_TF_CAP) &&
                      !(tl->v[b + 1].flags & (LX_TF_NEWLINE | LX_TF_SENT));
        /* "Ben Gibbard of Death Cab", "Dana Vick, formerly of Rilo Kiley":
           no person is of a person */
        bool of_person = a >= 2 && lx_tok_is(tl, a - 1, "of") &&
                         (tl->v[a - 1].flags & LX_TF_LOWER) &&
                         (lx_tok_in(tl, a - 2, formerly) ||
                          (i > 0 && L->spans.v[i - 1].end == base + tl->v[a - 2].end &&
                           lx_cand_type_is(&L->spans.v[i - 1], "PERSON")));
        if (headed || member || of_person)
            L->spans.v[i].type = class_type(LX_C_ORG);
    }
}

/*
 * "Rachmaninoff's Third Piano Concerto", "Bach's St Matthew Passion",
 * "Beethoven's Ninth": one word written with "'s" before the title of a
 * piece of music (music-works.txt) or a bare ordinal is the composer, a
 * person, though the layer, which learned from news that "X's" before a
 * capitalized phrase is mostly a firm's ("Microsoft's Windows"), read an
 * organization.  A name a list gave its id stays as it is.
 */
static void composers_of_works(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth",
                                           "sixth", "seventh", "eighth", "ninth", "tenth",
                                           NULL};
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t near = 0, a, b, k;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        /* the bytes first: a name followed by an apostrophe */
        if (y->end >= base + tl->v[tl->n - 1].end ||
            (doc[y->end] != '\'' && (unsigned char) doc[y->end] != 0xE2) ||
            !unlisted_span(L, tl, base, i, "ORG", &near, &a, &b) || b != a + 1 ||
            b >= tl->n || tl->v[b].kind != LX_TOK_POSS)
            continue;
        size_t first = b + 1, last = SIZE_MAX;
        k = first;
        for (size_t n = 0; k < tl->n && n < 5 && (tl->v[k].flags & LX_TF_SPACE) &&
                           !(tl->v[k].flags & LX_TF_NEWLINE) && (tl->v[k].flags & LX_TF_CAP);
             k++, n++)
            last = k;
        if (last != SIZE_MAX && (written_as(c, last, &L->music_works) ||
                                 (last == first && lx_tok_in(tl, last, ordinals))))
            y->type = class_type(LX_C_PER);
    }
}

/*
 * "the band Los Lobos del Sur", "Banco de la Plata": a name's particle
 * ("del", "de la") goes on with the name before it, which the layer read
 * as an organization and the rest, from the particle, as a person's.  The
 * person's span joins the organization's when one space parts them and no
 * list gave either an id.
 */
static void particle_tails(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t near = 0, a, b;
    for (size_t i = 1; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i - 1], *y = &L->spans.v[i];
        /* the bytes first: one space, then a lowercase word */
        if (y->start != x->end + 1 || doc[x->end] != ' ' || doc[y->start] < 'a' ||
            doc[y->start] > 'z' || x->id || !lx_cand_type_is(x, "ORG") || x->start < base ||
            !unlisted_span(L, tl, base, i, "PERSON", &near, &a, &b) ||
            !(tl->v[a].bits & LX_EV_PARTICLE) || !(tl->v[a].flags & LX_TF_LOWER) ||
            a + 1 >= b || !(tl->v[a + 1].flags & LX_TF_SPACE)) /* "el-Erian" */
            continue;
        absorb_next(L, i - 1);
        i--;
    }
}

/* Does the span y hold exactly one space (two words, as written)? */
static bool two_words(const char *doc, const lx_cand *y)
{
    const char *sp = memchr(doc + y->start, ' ', y->end - y->start);
    return sp && !memchr(sp + 1, ' ', (size_t) (doc + y->end - sp - 1));
}

/*
 * "Senator Ford", "Justice Jackson": a person's title and a surname, read as
 * an organization (the layer knows "Ford" as a firm), are the person: the
 * span keeps the surname, as a person's.  A second word that is a common
 * word or heads bodies leaves the organization alone ("General Electric",
 * "Justice Department", "Dr Pepper"), as does a list's id.
 */
static void titled_people(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const uint32_t not_surname = LX_EV_COMMON | LX_EV_WORD | LX_EV_ORG_SUFFIX |
                                 LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR | LX_EV_PLACE |
                                 LX_EV_NATIONALITY | LX_EV_MEDIA_HEAD | LX_EV_TITLE;
    const lx_toklist *tl = c->tl;
    size_t near = 0, a, b;
    const char *doc = c->text - base;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        /* the bytes first: two words */
        if (!two_words(doc, y) || !unlisted_span(L, tl, base, i, "ORG", &near, &a, &b) ||
            b != a + 2 ||
            !(tl->v[a].bits & LX_EV_TITLE) || !(tl->v[a + 1].bits & LX_EV_SURNAME) ||
            (tl->v[a + 1].bits & not_surname) || !(tl->v[a + 1].flags & LX_TF_CAP) ||
            (tl->v[a + 1].flags & LX_TF_ALLCAPS) || !(tl->v[a + 1].flags & LX_TF_SPACE) ||
            (tl->v[a + 1].flags & LX_TF_NEWLINE))
            continue;
        y->start = base + tl->v[a + 1].start;
        y->type = class_type(LX_C_PER);
    }
}

/*
 * An item of a list a plural title heads that the layer read as an
 * organization ("Senators Moynihan and Baucus", "Senators Ford and Marsh",
 * where lists know Ford and Marsh as firms) is a person: the title says so
 * more surely than a list of names can.  A person's list entry over it
 * gives it its id.
 */
static int titled_items_typed(lx_learn_lane *L, const lx_fctx *c, size_t base,
                              lx_arena *arena)
{
    const lx_toklist *tl = c->tl;
    size_t near = 0, t = 0;
    for (size_t i = 0; i < L->spans.n && t < L->n_titled; i++) {
        lx_cand *x = &L->spans.v[i];
        if (!lx_cand_type_is(x, "ORG") || x->start < base)
            continue;
        size_t a = lx_tok_at_near(tl, x->start - base, &near);
        size_t b = lx_tok_at_near(tl, x->end - base, &near);
        while (t < L->n_titled && L->titled[t].s < a)
            t++;
        if (t == L->n_titled || L->titled[t].s != a || L->titled[t].e != b)
            continue;
        x->type = class_type(LX_C_PER);
        if (drop_entry(x, arena))
            return LEXTAG_ERR_NOMEM;
        const lx_cand *g = entry_over(L, x->start, x->end, x->type);
        if (g && take_entry(L, x, g, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

/* May the capitalized word at byte s of doc open a sentence, by the bytes
   before it: the stretch's start, a line's, or a space after a sentence's
   last mark?  (The tokens then tell.) */
static bool may_open_sentence(const char *doc, size_t base, size_t s)
{
    if (doc[s] < 'A' || doc[s] > 'Z')
        return false;
    if (s == base || doc[s - 1] == '\n')
        return true;
    if (doc[s - 1] != ' ' || s < base + 2)
        return false;
    char p = doc[s - 2];
    return p == '.' || p == '?' || p == '!' || p == '"' || p == '\'' || p == ')' ||
           (unsigned char) p >= 0x80;
}

/*
 * "Glass Lantern's music ...", "Young Fathers toured ...": a name opening
 * its sentence with a common word loses that word to the layer, which
 * reads such a word there as no name's ("Lantern").  Where the stretch
 * wrote the whole name before and the layer read it in full ("Glass
 * Lantern is an English band"), the span takes its first word back.
 */
static void sentence_opener_names(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t near = 0, a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        /* most names follow a lowercase word: the bytes say so first */
        size_t w0 = y->start - 1;
        if (y->start < base + 2 || doc[w0] != ' ')
            continue;
        while (w0 > base && ((doc[w0 - 1] >= 'a' && doc[w0 - 1] <= 'z') ||
                             (doc[w0 - 1] >= 'A' && doc[w0 - 1] <= 'Z')))
            w0--;
        if (w0 + 1 == y->start || !may_open_sentence(doc, base, w0) ||
            !unlisted_span(L, tl, base, i, y->type, &near, &a, &b) || a == 0)
            continue;
        const lx_token *w = &tl->v[a - 1];
        if (!(w->flags & LX_TF_SENT) || !(w->flags & LX_TF_CAP) || w->kind != LX_TOK_WORD ||
            !(w->bits & (LX_EV_COMMON | LX_EV_WORD)) || (w->bits & LX_EV_GRAMMAR) ||
            (tl->v[a].flags & (LX_TF_NEWLINE | LX_TF_SENT)) || !(tl->v[a].flags & LX_TF_SPACE) ||
            (i > 0 && L->spans.v[i - 1].end > base + w->start))
            continue;
        size_t start = base + w->start, len = y->end - start;
        for (size_t k = 0; k < i; k++) {
            const lx_cand *x = &L->spans.v[k];
            if (x->end - x->start == len && x->start >= base &&
                memcmp(doc + x->start, doc + start, len) == 0 && lx_cand_type_is(x, y->type)) {
                y->start = start;
                break;
            }
        }
    }
}

/*
 * "Faber and Faber", "Farrar & Farrar": one surname twice, joined by "and",
 * names a firm of its founders, never two people of one name.  The two
 * words (one span or two, of one word each) become one organization; a
 * first name that is no surname is left alone.
 */
static void repeated_name_firms(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base, *end_of = c->text + tl->v[tl->n - 1].end;
    size_t near = 0, a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        const char *after = doc + y->end;
        bool joined = (end_of - after > 5 && memcmp(after, " and ", 5) == 0) ||
                      (end_of - after > 3 && memcmp(after, " & ", 3) == 0);
        if (!joined || !unlisted_span(L, tl, base, i, y->type, &near, &a, &b) ||
            b != a + 1 || a + 2 >= tl->n || !conjunction(tl, a + 1) ||
            tl->v[a + 2].hash != tl->v[a].hash || !(tl->v[a + 2].flags & LX_TF_CAP) ||
            (tl->v[a + 2].flags & LX_TF_NEWLINE) ||
            (tl->v[a].bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)) == LX_EV_FIRSTNAME)
            continue;
        size_t second = base + tl->v[a + 2].start, end = base + tl->v[a + 2].end;
        bool next = i + 1 < L->spans.n && L->spans.v[i + 1].start < end;
        if (next && (L->spans.v[i + 1].start != second || L->spans.v[i + 1].end != end ||
                     L->spans.v[i + 1].id))
            continue;
        y->end = end;
        y->type = class_type(LX_C_ORG);
        if (next) {
            memmove(y + 1, y + 2, (L->spans.n - i - 2) * sizeof(*y));
            L->spans.n--;
        }
    }
}

/* Short names a stretch may give a company, at most: articles name few. */
#define SHORT_NAMES 32

/* Does the span y hold no blank (one word, as written)? */
static bool one_word(const char *doc, const lx_cand *y)
{
    for (size_t p = y->start; p < y->end; p++)
        if (blank(doc[p]))
            return false;
    return true;
}

/* Does a person's name of several words, in the spans, hold the word
   doc[w, w + len) ("Michael Dell")? */
static bool person_bears(const lx_learn_lane *L, const char *doc, size_t w, size_t len)
{
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *y = &L->spans.v[i];
        if (y->end - y->start <= len || !lx_cand_type_is(y, "PERSON"))
            continue;
        for (size_t p = y->start; p + len <= y->end; p++)
            if ((p == y->start || doc[p - 1] == ' ' || doc[p - 1] == '\n') &&
                (p + len == y->end || doc[p + len] == ' ' || doc[p + len] == '\n') &&
                memcmp(doc + p, doc + w, len) == 0)
                return true;
    }
    return false;
}

/*
 * A company named in full as a word and its trade ("Juniper Networks",
 * "Arista Systems", "Kestrel Motors") or its designator ("Lomason Corp")
 * goes by the word alone in the rest of the text: "Juniper shareholders",
 * "Shares of Juniper".  A learned person's name of that one word is the
 * company's, unless a person of the stretch bears the word in a longer
 * name ("Michael Dell" beside "Dell Technologies") or a list gave the
 * word its id.
 */
static void company_short_names(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    static const char *const trades[] = {
        "airlines", "airways", "biosciences", "brands", "capital", "chemicals",
        "communications", "dynamics", "electronics", "energy", "entertainment", "foods",
        "group", "holdings", "industries", "insurance", "investments", "labs", "logistics",
        "mining", "motor", "motors", "network", "networks", "partners", "petroleum",
        "pharma", "pharmaceuticals", "records", "robotics", "securities", "semiconductor",
        "semiconductors", "software", "steel", "studios", "systems", "technologies",
        "technology", "telecom", "therapeutics", NULL};
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t names[SHORT_NAMES], lens[SHORT_NAMES]; /* the first words, in doc */
    size_t n = 0, near = 0, a, b;
    for (size_t i = 0; i < L->spans.n && n < SHORT_NAMES; i++) {
        const lx_cand *y = &L->spans.v[i];
        if (y->type[0] != 'O' || y->end - y->start > 64 || y->start < base ||
            !two_words(doc, y) || !lx_cand_type_is(y, "ORG"))
            continue;
        a = lx_tok_at_near(tl, y->start - base, &near);
        b = lx_tok_at_near(tl, y->end - base, &near);
        if (b != a + 2 || b > tl->n || tl->v[a].kind != LX_TOK_WORD ||
            !(tl->v[a].flags & LX_TF_CAP) || lx_tok_capitals(&tl->v[a]) ||
            (tl->v[a].bits & (LX_EV_TITLE | LX_EV_PLACE | LX_EV_NATIONALITY)) ||
            !((tl->v[a + 1].bits & LX_EV_DESIGNATOR) || lx_tok_in(tl, a + 1, trades)))
            continue;
        names[n] = base + tl->v[a].start;
        lens[n++] = tl->v[a].end - tl->v[a].start;
    }
    for (size_t i = 0; n && i < L->spans.n; i++) {
        lx_cand *y = &L->spans.v[i];
        if (y->id || y->start < base || y->type[0] != 'P' || !lx_cand_type_is(y, "PERSON"))
            continue;
        for (size_t j = 0; j < n; j++)
            if (y->end - y->start == lens[j] &&
                memcmp(doc + y->start, doc + names[j], lens[j]) == 0 && one_word(doc, y) &&
                !person_bears(L, doc, names[j], lens[j])) {
                y->type = class_type(LX_C_ORG);
                break;
            }
    }
}

/*
 * An organization of a first name and a surname that heads bodies, no
 * list's, followed by "at" and a capitalized name ("George Church at
 * Harvard University", "Hannah Bank at the Sanger Institute"), is a person
 * and the institution the person works at: a body at a university is
 * rare, a researcher there common.
 */
static void affiliated_people(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    size_t near = 0, a, b;
    for (size_t i = 0; i < L->spans.n; i++) {
        if (!unlisted_span(L, tl, base, i, "ORG", &near, &a, &b) || b != a + 2 ||
            b + 1 >= tl->n || !full_name(tl, a, b) ||
            (tl->v[a].bits & (LX_EV_WORD | LX_EV_COMMON)) || !lx_tok_is(tl, b, "at") ||
            !(tl->v[b].flags & LX_TF_LOWER))
            continue;
        size_t k = b + 1;
        if (lx_tok_is(tl, k, "the") && k + 1 < tl->n)
            k++;
        if ((tl->v[k].flags & LX_TF_CAP) && !(tl->v[k].flags & (LX_TF_SENT | LX_TF_NEWLINE)))
            L->spans.v[i].type = class_type(LX_C_PER);
    }
}

/*
 * Does a capitalized word come right before token a, or one and a word
 * that joins the parts of a name ("Indian National Congress", "Movement
 * for Justice"; but "Democrats in Congress")?  The name at a is then the
 * end of a longer one.
 */
static bool ends_longer_name(const lx_toklist *tl, size_t a)
{
    static const char *const joining[] = {"of", "for", "the", NULL};
    if (a == 0 || (tl->v[a].flags & LX_TF_SENT))
        return false;
    const lx_token *p = &tl->v[a - 1];
    if (p->flags & (LX_TF_CAP | LX_TF_ALLCAPS))
        return true;
    bool joins = lx_tok_in(tl, a - 1, joining) || conjunction(tl, a - 1) ||
                 (p->kind == LX_TOK_WORD && (p->bits & LX_EV_PARTICLE));
    return joins && a >= 2 && !(p->flags & LX_TF_SENT) &&
           (tl->v[a - 2].flags & (LX_TF_CAP | LX_TF_ALLCAPS));
}

/*
 * One name, one reading in a stretch: a list's entry with an id (not an
 * ambiguous one) that the learned layer read as a name of the entry's type
 * somewhere in the stretch is one too where it left it out, when it
 * stands as a phrase of its own (phrase_ends()) and does not end a longer
 * name (ends_longer_name(): "Indian National Congress").  "Congress" read
 * in one sentence and missed in the next is the same Congress.
 */
static int one_reading(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    size_t n = L->spans.n, words = ((size_t) fc->m->n_entries + 63) / 64;
    if (words > L->read_words) {
        uint64_t *r = calloc(words, sizeof(*r));
        if (!r)
            return LEXTAG_ERR_NOMEM;
        free(L->read);
        L->read = r;
        L->read_words = words;
    }
    uint64_t *read = L->read; /* all zero between calls */
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t e = L->spans.v[i].entry;
        if (e != LX_NONE && L->spans.v[i].id && e < fc->m->n_entries) {
            read[e / 64] |= 1ull << (e % 64);
            any = true;
        }
    }
    if (!any)
        return 0;
    int rc = 0;
    size_t i = 0;
    for (size_t k = 0; k < L->near.n; k++) {
        const lx_cand *c = &L->near.v[k];
        if (c->entry == LX_NONE || !c->id || c->start < base || (c->flags & LX_CAND_AMBIGUOUS))
            continue;
        /* most entries lie under the spans that read them: that test first */
        if (under_span(L, n, &i, c) || c->entry >= fc->m->n_entries ||
            !(read[c->entry / 64] >> (c->entry % 64) & 1) || !lx_feat_learned_type(c) ||
            lx_learn_rule_kept(c))
            continue;
        size_t a, b;
        tokens_of(tl, base, c, &a, &b);
        if (a >= tl->n || !phrase_ends(tl, b) || ends_longer_name(tl, a))
            continue;
        const lx_cand *last = L->spans.n > n ? &L->spans.v[L->spans.n - 1] : NULL;
        if (last && last->end > c->start)
            continue; /* an entry of two lists */
        if ((rc = lx_candvec_push(&L->spans, c)))
            break;
    }
    for (size_t k = 0; k < n; k++) /* the bits go as they came */
        if (L->spans.v[k].entry < fc->m->n_entries)
            read[L->spans.v[k].entry / 64] = 0;
    return rc ? rc : sort_added(L, n);
}

/* The longest entry of a list (not one marked ambiguous) of type `type`
   starting at byte s, or NULL. */
static const lx_cand *longest_entry_from(const lx_learn_lane *L, size_t s, const char *type)
{
    const lx_cand *best = NULL;
    for (size_t k = near_from(L, s); k < L->near.n && L->near.v[k].start == s; k++) {
        const lx_cand *c = &L->near.v[k];
        if (c->entry != LX_NONE && !(c->flags & LX_CAND_AMBIGUOUS) &&
            lx_cand_type_is(c, type) && (!best || c->end > best->end))
            best = c;
    }
    return best;
}

/* Does doc[s..e) open a parenthesis it does not close? */
static bool open_paren(const char *doc, size_t s, size_t e)
{
    int depth = 0;
    for (size_t i = s; i < e; i++)
        depth += (doc[i] == '(') - (doc[i] == ')');
    return depth > 0;
}

/*
 * A name a list knows, which the learned layer cut inside its parentheses
 * ("Pakistan Muslim League (N" for "Pakistan Muslim League (N)"): the
 * entry takes the span's place.  (Not a name it read in pieces: "U.S. Court
 * of Appeals" and "Fifth Circuit" are two names to the news annotation
 * it learned from, though a list holds "U.S. Court of Appeals for the
 * Fifth Circuit".)  An entry marked ambiguous ("Apple") gets none of this.
 */
static int closed_entries(lx_learn_lane *L, const char *doc, lx_arena *arena)
{
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *v = &L->spans.v[i];
        const lx_cand *g = longest_entry_from(L, v->start, v->type);
        if (!g || g->end <= v->end || g->end - v->end > 2 || doc[g->end - 1] != ')' ||
            !open_paren(doc, v->start, v->end) ||
            (i + 1 < L->spans.n && L->spans.v[i + 1].start < g->end))
            continue;
        v->end = g->end;
        if (take_entry(L, v, g, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

/* Is there a learned span over exactly c's bytes, of c's type? */
static bool learned_same(const lx_learn_lane *L, const lx_cand *c)
{
    size_t k = spans_from(L, c->start);
    return k < L->spans.n && L->spans.v[k].start == c->start && L->spans.v[k].end == c->end &&
           lx_cand_type_is(c, L->spans.v[k].type);
}

/*
 * A list's name written in camel case from a lowercase letter ("eBay",
 * "iShares", "comScore"), not marked ambiguous: no common word is written
 * so, but the layer, which learned that a word opening in lowercase is no
 * name, reads it as none.  Where it reads nothing there, the entry stays.
 */
static bool camel_entry(const lx_learn_lane *L, const lx_cand *c, const char *doc)
{
    if (c->entry == LX_NONE || (c->flags & LX_CAND_AMBIGUOUS) || doc[c->start] < 'a' ||
        doc[c->start] > 'z')
        return false;
    for (size_t i = c->start + 1; i < c->end && doc[i] != ' ' && doc[i] != '\n'; i++)
        if (doc[i] >= 'A' && doc[i] <= 'Z')
            return !learned_over(L, c);
    return false;
}

/*
 * Do the capitals a[0..n) spell the initials of the last capitalized words
 * of doc[s, e), small words between them skipped ("U.S. Immigration and
 * Customs Enforcement" and "ICE")?
 */
static bool spells_end(const char *doc, size_t s, size_t e, const char *a, size_t n)
{
    size_t words = 0;
    while (n > 0 && e > s) {
        size_t w = e; /* the word ending at e */
        while (w > s && doc[w - 1] != ' ' && doc[w - 1] != '\n')
            w--;
        if (doc[w] >= 'A' && doc[w] <= 'Z') {
            if (doc[w] != a[n - 1])
                return false;
            n--;
            words++;
        } else if (e - w > 3) { /* only "of", "and", "the" may come between */
            return false;
        }
        e = w;
        while (e > s && (doc[e - 1] == ' ' || doc[e - 1] == '\n'))
            e--;
    }
    return n == 0 && words >= 2;
}

/* A firm, unambiguous organization of a list (the entries the two rules
   below keep where the layer reads otherwise)? */
static bool firm_listed_org(const lx_cand *c)
{
    return c->entry != LX_NONE && !(c->flags & LX_CAND_AMBIGUOUS) &&
           c->prio > LX_PRIO_GAZ_WEAK && lx_cand_type_is(c, "ORG");
}

/*
 * A listed organization that its text defines an acronym for ("U.S.
 * Immigration and Customs Enforcement (ICE)") stays where the layer reads
 * nothing over it: a list and the text's own definition agree, and such a
 * name of common words ("Immigration", "Enforcement") is what the layer,
 * which learned that words alone, misses.
 */
static bool defined_entry(const lx_learn_lane *L, const lx_cand *c, const char *doc,
                          size_t doc_len)
{
    if (!firm_listed_org(c))
        return false;
    size_t p = c->end;
    while (p < doc_len && doc[p] == ' ')
        p++;
    if (p >= doc_len || doc[p] != '(')
        return false;
    size_t a = ++p;
    while (p < doc_len && p - a <= 8 && doc[p] >= 'A' && doc[p] <= 'Z')
        p++;
    if (p >= doc_len || doc[p] != ')' || p - a < 2 || p - a > 8)
        return false;
    return spells_end(doc, c->start, c->end, doc + a, p - a) && !learned_over(L, c);
}

/* Is token i the object of a premodifier, a year or a word that is no
   function word ("the 2017 BRICS summit", "the annual BRICS summit")? */
static bool premodified(const lx_toklist *tl, size_t i)
{
    if (i == 0)
        return false;
    const lx_token *p = &tl->v[i - 1];
    return p->kind == LX_TOK_NUMBER ||
           (p->kind == LX_TOK_WORD && (p->flags & LX_TF_LOWER) && !(p->bits & LX_EV_FUNCTION));
}

/*
 * A company's name is also the first word of its products' ("Google
 * Translate"), and the layer, which learned those, reads the name alone as
 * a product (MISC) where a listed organization stands by itself: "Shares
 * of Google fell", "Hitachi would sell".  A firm entry of the list that the
 * layer reads so, word for word, stays, unless the word modifies what
 * follows ("the 2017 BRICS summit"), opens a longer name ("USS Winston S.
 * Churchill") or is a term defined in lowercase words ("maximum a
 * posteriori (MAP)").
 */
static bool listed_word_read_as_misc(const lx_learn_lane *L, const lx_cand *c,
                                     const lx_toklist *tl, size_t base)
{
    if (!L->n_misc_words || !firm_listed_org(c))
        return false;
    size_t lo = 0, hi = L->n_misc_words;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (base + tl->v[L->misc_words[mid]].start < c->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == L->n_misc_words)
        return false;
    size_t i = L->misc_words[lo];
    if (base + tl->v[i].start != c->start || base + tl->v[i].end != c->end || premodified(tl, i))
        return false;
    bool last = i + 1 == tl->n;
    if (!last && (tl->v[i + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
        return false;
    return last || i < 2 || !lx_tok_is(tl, i - 1, "(") || !lx_tok_is(tl, i + 1, ")") ||
           !(tl->v[i - 2].flags & LX_TF_LOWER);
}

/*
 * Drops the rules' PERSON and ORG candidates and adds the learned spans.
 * A candidate the learned layer overrules (no learned span reads it so),
 * and a learned span a kept rule span overlaps, go to dropped unless it is
 * NULL.  tl holds the stretch's tokens, which start at byte base of doc.
 */
static int rewrite(lx_learn_lane *L, lx_candvec *cands, lx_candvec *dropped, const char *doc,
                   const lx_toklist *tl, size_t base)
{
    /* the stretch's text ends with its last token */
    size_t doc_len = base + (tl->n ? tl->v[tl->n - 1].end : 0);
    veto_acronyms(L, cands, tl, base);
    size_t k = 0;
    for (size_t i = 0; i < cands->n; i++) {
        lx_cand *c = &cands->v[i];
        if (lx_feat_learned_type(c) && !lx_learn_rule_kept(c) && !camel_entry(L, c, doc) &&
            !defined_entry(L, c, doc, doc_len) &&
            !listed_word_read_as_misc(L, c, tl, base)) {
            if (dropped && !learned_same(L, c) && lx_candvec_push(dropped, c))
                return LEXTAG_ERR_NOMEM;
            continue;
        }
        /* a kept rule span over a gazetteer entry ("(AP)") keeps the entry's id */
        const lx_cand *g = c->id || !lx_feat_learned_type(c)
                               ? NULL
                               : entry_over(L, c->start, c->end, c->type);
        if (g) {
            c->id = g->id;
            c->entry = g->entry;
        }
        cands->v[k++] = *c;
    }
    cands->n = k;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_candvec *to = !overlaps_kept(L, &L->spans.v[i]) ? cands : dropped;
        if (to && lx_candvec_push(to, &L->spans.v[i]))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

/*
 * Asks for what scoring region r reads: its tokens and their neighbours,
 * and its rows of the per-token tables.  Regions lie far apart in arrays
 * far larger than the cache, and each is only a few tokens long: without
 * this every region starts with a miss in each of them.
 */
static void prefetch_region(const lx_fctx *c, size_t r)
{
    const lx_feat_scratch *sc = c->sc;
    size_t s = sc->reg[r].s, e = sc->reg[r].e;
    size_t from = s >= 2 ? s - 2 : 0, to = e + 2 < c->tl->n ? e + 2 : c->tl->n;
    for (size_t k = from; k < to; k += 2)
        __builtin_prefetch(c->tl->v + k);
    __builtin_prefetch(c->tl->v + to - 1);
    __builtin_prefetch(sc->shp + from);
    __builtin_prefetch(sc->clu + from);
    /* a token's marks fill an eighth of a cache line */
    for (size_t k = s; k < e; k += 64 / (LX_FEAT_MARKS * sizeof(*sc->marks)))
        __builtin_prefetch(sc->marks + k * LX_FEAT_MARKS);
    __builtin_prefetch(sc->marks + (e - 1) * LX_FEAT_MARKS);
    __builtin_prefetch(sc->cmask + from);
    __builtin_prefetch(sc->n_marks + s);
    __builtin_prefetch(sc->line + s);
}

/* Asks for the document-table and word-cache slots of region r's words,
   whose tokens were asked for a region before, and for their folded forms. */
static void prefetch_slots(const lx_learn_lane *L, const lx_fctx *c, size_t r)
{
    const lx_feat_scratch *sc = c->sc;
    for (size_t i = sc->reg[r].s; i < sc->reg[r].e && i < sc->reg[r].s + LX_AHEAD; i++) {
        lx_feat_doc_prefetch(sc, c->tl->v[i].hash);
        /* read when the word is not in the cache: a miss in three */
        __builtin_prefetch(lx_tok_fold(c->tl, &c->tl->v[i]));
        __builtin_prefetch(&L->wc[(lx_feat_word_key(c, i) >> 40) & (LX_WORD_CACHE - 1)]);
    }
}

int lx_learn_apply(lx_learn_lane *L, const struct lextag_model *m, const char *doc,
                   size_t base, const lx_toklist *tl, lx_candvec *cands, lx_candvec *dropped,
                   bool explain, lx_arena *arena)
{
    if (lx_learn_wordsets(L))
        return LEXTAG_ERR_NOMEM;
    L->spans.n = 0;
    L->n_quiet = 0;
    L->n_things = 0;
    L->n_misc_words = 0;
    L->n_miscs = 0;
    L->n_defined = 0;
    L->n_src = 0; /* the arena goes with the document: its strings too */
    int rc = lx_feat_prepare(&L->sc, m, doc + base, base, tl, cands);
    if (!rc)
        rc = collect_near(L, cands, base, tl->n ? tl->v[tl->n - 1].end : 0);
    lx_fctx c = {m, doc + base, tl, &L->sc};
    if (!rc)
        rc = find_titled_lists(L, &c);
    /* the regions of the last stretch are no longer */
    L->ahead[0].r = L->ahead[1].r = SIZE_MAX;
    for (size_t r = 0; !rc && r < L->sc.n_reg; r++) {
        if (r + 3 < L->sc.n_reg)
            prefetch_region(&c, r + 3);
        if (r + 2 < L->sc.n_reg && L->wc)
            prefetch_slots(L, &c, r + 2);
        if (L->tw == &m->learn && r + 1 < L->sc.n_reg &&
            L->sc.reg[r + 1].e - L->sc.reg[r + 1].s <= LX_AHEAD)
            extract_ahead(&c, &m->learn, r + 1, &L->ahead[(r + 1) & 1]);
        rc = lx_learn_region(L, &c, &m->learn, r);
        if (!rc)
            rc = spans_of(L, &c, base, cands, r, explain, arena);
    }
    if (!rc && L->sc.n_reg) {
        type_as_defined(L, doc);
        type_as_known(L, &c, base);
        kind_named(L, &c, base);
        composers_of_works(L, &c, base);
        titled_people(L, &c, base);
        rc = titled_items_typed(L, &c, base, arena);
        company_short_names(L, &c, base);
        sentence_opener_names(L, &c, base);
        repeated_name_firms(L, &c, base);
        particle_tails(L, &c, base);
        affiliated_people(L, &c, base);
        if (!rc)
            rc = eponyms_of_bodies(L, &c, doc, base);
        drop_terms(L, &c, base);
        if (!rc)
            rc = list_items(L, &c, base);
        if (!rc)
            rc = one_reading(L, &c, base);
        if (!rc)
            rc = list_types(L, &c, base, arena);
        if (!rc)
            rc = head_after_abbreviation(L, &c, base, arena);
        if (!rc)
            rc = head_of_body(L, &c, base, arena);
        if (!rc)
            rc = split_joined_bodies(L, &c, base);
        if (!rc) {
            works_lists(L, &c, base);
            firm_names(L, &c, base);
            drop_technical_acronyms(L, &c, base);
        }
        if (!rc)
            rc = closed_entries(L, doc, arena);
    }
    return rc ? rc : rewrite(L, cands, dropped, doc, tl, base);
}
