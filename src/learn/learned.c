/* SPDX-License-Identifier: MIT */
/*
 * Decoding a stretch with the learned layer and putting its spans in place
 * of the rules' PERSON and ORG candidates (see learned.h).  This file holds
 * the lane's scratch, the features, scores and labels of each region, the
 * making of a candidate from a decoded span (lx_learn_emit()), the word sets
 * and the driver, lx_learn_apply(), which calls the layer's other files in
 * their order: spans.c reads each decoded region's spans, the passes after
 * decoding (titled.c, retype.c, bounds.c, series.c) go over the stretch's
 * spans, and rewrite.c puts them among the candidates.
 */
#include "learned.h"

#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "bounds.h"
#include "explain.h"
#include "near.h"
#include "phrase.h"
#include "retype.h"
#include "rewrite.h"
#include "series.h"
#include "spans.h"
#include "titled.h"
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
 * Asks for the weight rows of the neighbours' words of region r's tokens
 * (at most LX_AHEAD): they are scattered over a table larger than the
 * cache, and are summed a region later (see LX_FEAT_NEIGHBOUR_WORDS).
 */
static void prefetch_rows(const lx_fctx *c, const lx_weights *w, size_t r)
{
    size_t s = c->sc->reg[r].s;
    lx_feat_prefetch_neighbours(c, w, s, c->sc->reg[r].e - s);
}

/*
 * Fills the word cache's slot for token i, whose word it holds not: the
 * summed weights of the word's own features.  Out of line: nine words in
 * ten are in the cache, and only this path needs a frame for the features.
 */
static __attribute__((noinline)) void word_sums(const lx_fctx *c, const lx_weights *w, size_t i,
                                                uint64_t key, lx_wcache *slot)
{
    uint32_t wids[LX_FEAT_MAX];
    lx_fsink ws = {wids, 0, NULL};
    lx_feat_word(c, i, &ws);
    memset(slot->sum, 0, sizeof(slot->sum));
    lx_weights_sum(w, wids, ws.n, slot->sum);
    slot->key = key;
}

/*
 * Emissions of token i into e from its word's own features, from the
 * cache when the word was scored before (names repeat); its context
 * features are added after.
 */
static void score_word(lx_learn_lane *L, const lx_fctx *c, const lx_weights *w, size_t i,
                       int32_t *e)
{
    uint64_t key = lx_feat_word_key(c, i);
    lx_wcache *slot = &L->wc[(key >> 40) & (LX_WORD_CACHE - 1)];
    if (slot->key != key)
        word_sums(c, w, i, key, slot);
    e[0] = 0;
    memcpy(e + 1, slot->sum, sizeof(slot->sum));
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
        lx_vtrans_prepare(&L->trans, w->trans);
        L->tw = w;
    }
    for (size_t k = 0; k < n; k++)
        score_word(L, c, w, s + k, L->em + k * LX_NLABELS);
    lx_feat_score_contexts(c, w, s, n, L->em);
    lx_viterbi_prepared(L->em, &L->trans, n, L->hist, L->lab);
    return 0;
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
    return lx_near_entry(L, base + tl->v[a].start, base + tl->v[k - 1].end, "ORG");
}

/* "learned+SOURCE", made once per source and stretch. */
static const char *learned_source(lx_learn_lane *L, const char *source, lx_arena *arena)
{
    for (size_t k = 0; k < L->n_src; k++)
        if (L->src[k][0] == source)
            return L->src[k][1];
    /* joined by hand: a record makes its own, and vsnprintf() twice cost
       more than the rest of the span's making */
    static const char prefix[] = "learned+";
    size_t n = strlen(source);
    char *s = lx_arena_alloc(arena, sizeof(prefix) + n);
    if (s) {
        memcpy(s, prefix, sizeof(prefix) - 1);
        memcpy(s + sizeof(prefix) - 1, source, n + 1);
    }
    if (s && L->n_src < LX_LEARN_SOURCES) {
        L->src[L->n_src][0] = source;
        L->src[L->n_src++][1] = s;
    }
    return s;
}

int lx_learn_take_entry(lx_learn_lane *L, lx_cand *x, const lx_cand *g, lx_arena *arena)
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

int lx_learn_drop_entry(lx_cand *x, lx_arena *arena)
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

int lx_learn_emit(lx_learn_lane *L, const lx_fctx *c, size_t base, const lx_candvec *cands,
                  size_t r, int cls, size_t a, size_t b, bool explain, lx_arena *arena)
{
    const lx_toklist *tl = c->tl;
    size_t s0 = c->sc->reg[r].s;
    const char *type = lx_learn_class_type(cls);
    lx_cand out = {base + tl->v[a].start, base + tl->v[b - 1].end, type, LX_SOURCE_LEARNED,
                   NULL, NULL, LX_PRIO_GAZETTEER, 0, LX_NONE, LX_NOREF};
    /* "al-Jazeera": a region starts at a capitalized word */
    out.start -= lx_tok_article_before(tl, a);
    if (out.end - out.start > LX_MAX_ENTITY_BYTES)
        return 0;
    const lx_cand *g = lx_near_entry(L, out.start, out.end, type);
    if (!g && cls == LX_C_ORG)
        g = entry_before_designator(L, tl, base, a, b);
    /* a person's name a list knows in full, of which the layer read the
       last words: the list's first words are the name's too, when they
       are on its line and the layer read them as no person's or body's
       ("Recep" read as a thing's before "Tayyip Erdogan") */
    int before = a > s0 ? lx_label_class(L->lab[a - 1 - s0]) : LX_C_PER;
    if (!g && cls == LX_C_PER && before != LX_C_PER && before != LX_C_ORG) {
        const lx_cand *f = lx_near_entry_ending(L, out.start, out.end, type);
        if (f && f->start >= base + tl->v[s0].start &&
            !memchr(c->text + (f->start - base), '\n', out.start - f->start)) {
            out.start = f->start;
            g = f;
        }
    }
    if (g && lx_learn_take_entry(L, &out, g, arena))
        return LEXTAG_ERR_NOMEM;
    if (explain) {
        /* the rules may widen a span past its region, at either end ("Ben &
           Jerry's", "(Tom) Seaver"): the tokens outside it were never
           decoded, and explain none of it */
        size_t e0 = c->sc->reg[r].e, eb = b < e0 ? b : e0, ab = a > s0 ? a : s0;
        struct lextag_attrs *x = lx_attrs_new(arena, g ? g->attrs : NULL);
        if (!x || !(x->explain = lx_explain_span(c, L->lab + (ab - s0),
                                                 L->em + (ab - s0) * LX_NLABELS, ab, eb, cands,
                                                 base, arena)))
            return LEXTAG_ERR_NOMEM;
        out.attrs = x;
    }
    return lx_candvec_push(&L->spans, &out);
}

/*
 * The words of group_cue()'s cues (cues.c) before a group's name (after
 * "the", which it passes over): a verb of joining, forming or leaving it,
 * or a preposition after a contract, a tour, a membership or a post.
 */
static const char *const group_verbs[] = {
    "joined", "joining", "rejoined", "formed", "forming", "co-founded", "cofounded", "founded",
    "fronted", "fronting", "left", "leaving", "quit", NULL};
static const char *const group_prepositions[] = {"to", "with", "for", "at", "of", "in", NULL};
static const char *const group_deals[] = {"signed",   "signing",   "toured", "touring",
                                          "opened",   "opening",   "contract", "contracts",
                                          "deal",     "deals",     NULL};
/* Instruments one plays in a band ("played bass in Joy Division"). */
static const char *const instruments[] = {"bass",  "guitar",    "guitars", "drums", "keyboards",
                                          "piano", "saxophone", "trumpet", "violin", NULL};
static const char *const memberships[] = {"member",  "members",  "co-founder", "cofounder",
                                          "founder", "founders", "lineup",     NULL};
/* A firm's ties to another before "of" or "with" ("a division of Lucasfilm",
   "the takeover of Cadbury", "merged with Schweppes"). */
static const char *const firm_ties[] = {"division", "divisions", "takeover", "acquisition",
                                        "merger", "merged", "merging", NULL};
static const char *const workers[] = {
    "researcher", "researchers", "scientist", "scientists", "professor", "professors",
    "lecturer",   "lecturers",   "student",   "students",   "postdoc",   "fellow",
    "lab",        "laboratory",  "faculty",   "physicist",  "physicists", "chemist",
    "chemists",   "biologist",   "biologists", "engineer",  "engineers", "economist",
    "economists", "analyst",     "analysts",  NULL};
/* A kin's nouns, one or several ("his wife Megan", "sons Dale and Kevin"). */
static const char *const kin_nouns[] = {
    "daughter", "son",      "wife",     "husband",  "sister",        "brother",
    "father",   "mother",   "widow",    "widower",  "nephew",        "niece",
    "cousin",   "uncle",    "aunt",     "grandson", "granddaughter", "grandfather",
    "grandmother", "stepson", "stepdaughter", "daughters", "sons", "sisters",
    "brothers", "nephews",  "nieces",   "grandsons", "granddaughters", NULL};
/* The verbs after a group's name as their subject. */
static const char *const plural_verbs[] = {"were", "are", "have", NULL};
/* What only a group is or does, after its name as the subject: it "was
   founded", or it "formed in 1991", "disbanded", "split up" (see
   founded_after() in cues.c). */
static const char *const group_subject_verbs[] = {"was",      "were",     "formed",    "disbanded",
                                                  "reunited", "reformed", "split",     "broke",
                                                  NULL};

/* The filter of the words of list, in lowercase. */
static uint64_t word_bits(const char *const *list)
{
    uint64_t bits = 0;
    for (size_t i = 0; list[i]; i++)
        bits |= lx_learn_hash_bit(lx_hash64(list[i], strlen(list[i])));
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
        rc = lx_wordset_init(&L->monarch_titles, lx_words_monarch_titles, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->part_words, lx_words_part_words, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->member_nouns, lx_words_member_nouns, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->interjections, lx_words_interjections, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->group_verbs, group_verbs, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->group_prepositions, group_prepositions, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->group_deals, group_deals, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->memberships, memberships, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->firm_ties, firm_ties, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->workers, workers, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->plural_verbs, plural_verbs, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->instruments, instruments, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->group_subject_verbs, group_subject_verbs, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->events, lx_words_events, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->kin_nouns, kin_nouns, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->group_kinds, lx_phrase_group_kinds, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->copulas, lx_phrase_copulas, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->document_kinds, lx_narrow_document_kinds, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->made_verbs, lx_narrow_made_verbs, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->event_closers, lx_narrow_event_closers, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->place_prepositions, lx_narrow_place_prepositions, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->greetings, lx_spans_greetings, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->prepositions, lx_spans_prepositions, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->media_kinds, lx_spans_media_kinds, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->media_prepositions, lx_spans_media_prepositions, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->institution_heads, lx_spans_institution_heads, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->given_months, lx_spans_given_months, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->founding_verbs, lx_cues_founding_verbs, &scratch);
    if (!rc)
        rc = lx_wordset_init(&L->contests, lx_classes_contests, &scratch);
    L->the_hash = lx_hash64("the", 3);
    L->their_hash = lx_hash64("their", 5);
    L->its_hash = lx_hash64("its", 3);
    L->on_hash = lx_hash64("on", 2);
    L->verb_bits = word_bits(group_verbs);
    L->kind_bits = word_bits(lx_words_org_kinds);
    L->preposition_bits = word_bits(group_prepositions);
    L->kin_bits = word_bits(kin_nouns);
    L->term_ending_bits = 0;
    for (const char *const *e = lx_words_term_endings; *e; e++) {
        size_t n = strlen(*e);
        L->term_ending_bits |= lx_learn_ending_bit((*e)[n - 1], (*e)[n - 2]);
    }
    L->closer_bits = word_bits(plural_verbs) | word_bits(lx_words_member_nouns) |
                     word_bits(group_subject_verbs);
    lx_toklist_free(&scratch);
    L->wordsets_ready = !rc;
    return rc;
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

/* Is any of the stretch's spans of type `type`?  Many passes after
   decoding change spans of one type only ("ORG", "PERSON"), and short
   records often have one type alone. */
static bool any_type(const lx_learn_lane *L, const char *type)
{
    for (size_t i = 0; i < L->spans.n; i++)
        if (lx_cand_type_is(&L->spans.v[i], type))
            return true;
    return false;
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
        rc = lx_near_collect(L, cands, base, tl->n ? tl->v[tl->n - 1].end : 0);
    lx_fctx c = {m, doc + base, tl, &L->sc};
    if (!rc)
        rc = lx_titled_find(L, &c);
    for (size_t r = 0; !rc && r < L->sc.n_reg; r++) {
        if (r + 3 < L->sc.n_reg)
            prefetch_region(&c, r + 3);
        if (r + 2 < L->sc.n_reg && L->wc)
            prefetch_slots(L, &c, r + 2);
        if (L->tw == &m->learn && r + 1 < L->sc.n_reg &&
            L->sc.reg[r + 1].e - L->sc.reg[r + 1].s <= LX_AHEAD)
            prefetch_rows(&c, &m->learn, r + 1);
        rc = lx_learn_region(L, &c, &m->learn, r);
        if (!rc)
            rc = lx_spans_of(L, &c, base, cands, r, explain, arena);
    }
    /* the passes after decoding go over the decoded spans (kin_names()
       over the MISC names too): with none, as in four short news records
       in ten, they would change nothing and only pull their code into the
       cache; the last alone adds spans of its own (a title's candidates) */
    if (!rc && L->sc.n_reg && !L->spans.n && !L->n_miscs && !L->n_defined)
        rc = lx_retype_titled_monarchs(L, &c, cands, base);
    else if (!rc && L->sc.n_reg) {
        lx_retype_as_defined(L, doc);
        lx_retype_as_known(L, &c, base);
        /* a pass that reads spans of one type only runs when there is one:
           the test is made again before each, as the passes retype spans,
           and a pass run with none of its type would change nothing */
        if (any_type(L, "PERSON"))
            lx_retype_kind_named(L, &c, base);
        if (any_type(L, "ORG")) {
            lx_retype_composers_of_works(L, &c, base);
            lx_retype_titled_people(L, &c, base);
            rc = lx_titled_items_typed(L, &c, base, arena);
        }
        if (any_type(L, "ORG"))
            lx_retype_company_short_names(L, &c, base);
        if (any_type(L, "PERSON")) {
            lx_retype_listed_firm_words(L, &c, base);
            lx_retype_firms_in_reports(L, &c, base);
        }
        lx_retype_firm_mentions(L, &c, base);
        lx_retype_sentence_opener_names(L, &c, base);
        lx_retype_repeated_name_firms(L, &c, base);
        if (any_type(L, "ORG"))
            lx_retype_particle_tails(L, &c, base);
        if (any_type(L, "PERSON"))
            lx_retype_plural_names(L, &c, base);
        if (any_type(L, "ORG"))
            lx_retype_affiliated_people(L, &c, base);
        if (!rc)
            rc = lx_retype_kin_names(L, &c, base);
        if (!rc && any_type(L, "ORG"))
            rc = lx_retype_eponyms_of_bodies(L, &c, doc, base);
        lx_bounds_drop_terms(L, &c, base);
        lx_bounds_drop_case_parties(L, &c, base);
        lx_bounds_drop_states_after_places(L, &c, base);
        if (!rc)
            rc = lx_series_items(L, &c, base);
        if (!rc)
            rc = lx_series_unread_items(L, &c, base);
        if (!rc)
            rc = lx_series_one_reading(L, &c, base);
        /* a list's types are settled over three items or more */
        if (!rc && L->spans.n >= 3)
            rc = lx_series_types(L, &c, base, arena);
        /* the bounds of bodies' names: none of these passes makes a body
           of a span of another type, and backing_bands() is the one after
           which a stretch may have a body it had not */
        bool org = !rc && any_type(L, "ORG");
        if (org)
            rc = lx_bounds_head_after_abbreviation(L, &c, base, arena);
        if (org && !rc)
            rc = lx_bounds_head_of_body(L, &c, base, arena);
        if (org && !rc)
            rc = lx_bounds_split_joined_bodies(L, &c, base);
        if (org && !rc)
            rc = lx_bounds_split_at_for(L, &c, base);
        if (org && !rc)
            rc = lx_bounds_split_part_of_body(L, &c, base);
        if (!rc) {
            if (org)
                lx_bounds_place_after_acronym(L, &c, base);
            lx_bounds_backing_bands(L, &c, base);
            org = any_type(L, "ORG");
        }
        if (!rc) {
            lx_series_works(L, &c, base);
            if (org)
                lx_bounds_owner_in_name(L, &c, base);
            lx_bounds_designator_stops(L, &c, base);
            lx_bounds_title_case_words(L, &c, base);
            if (org) {
                lx_bounds_firm_names(L, &c, base);
                lx_series_technical_acronyms(L, &c, base);
            }
        }
        if (!rc)
            rc = lx_bounds_closed_entries(L, doc, arena);
        if (!rc)
            rc = lx_bounds_listed_spans(L, doc, arena);
        if (!rc)
            rc = lx_retype_titled_monarchs(L, &c, cands, base);
    }
    return rc ? rc : lx_rewrite_cands(L, cands, dropped, doc, tl, base);
}
