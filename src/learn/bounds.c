/* SPDX-License-Identifier: MIT */
/*
 * Passes after decoding that move, join, split or drop learned spans (see
 * bounds.h).
 */
#include "bounds.h"

#include <string.h>

#include "firms.h"
#include "gazetteer.h"
#include "near.h"
#include "phrase.h"
#include "templates.h"
#include "terms.h"

void lx_bounds_drop_emptied(lx_learn_lane *L)
{
    size_t k = 0;
    for (size_t i = 0; i < L->spans.n; i++)
        if (L->spans.v[i].end > L->spans.v[i].start)
            L->spans.v[k++] = L->spans.v[i];
    L->spans.n = k;
}

void lx_bounds_absorb_next(lx_learn_lane *L, size_t i)
{
    lx_cand *x = &L->spans.v[i];
    x->end = x[1].end;
    memmove(x + 1, x + 2, (L->spans.n - i - 2) * sizeof(*x));
    L->spans.n--;
}

/* Learned span i ends at byte cut; a copy of it from byte rest on goes
   right after it (lx_bounds_absorb_next() undone). */
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

int lx_bounds_head_after_abbreviation(lx_learn_lane *L, const lx_fctx *fc, size_t base,
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
        lx_phrase_tokens_of(fc->sc, tl, base, y, &a, &b);
        if (b != a + 1 || !(tl->v[a].bits & LX_EV_ORG_SUFFIX))
            continue;
        lx_bounds_absorb_next(L, i);
        if (x->entry != LX_NONE && lx_learn_drop_entry(x, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

int lx_bounds_head_of_body(lx_learn_lane *L, const lx_fctx *fc, size_t base, lx_arena *arena)
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
        lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
        if (b != a + 1 || !(tl->v[a].flags & LX_TF_CAP) ||
            !(tl->v[a].bits & (LX_EV_MEDIA_HEAD | LX_EV_ORG_PREFIX)))
            continue;
        lx_bounds_absorb_next(L, i);
        if (lx_learn_drop_entry(x, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

/* Is learned span x of this stretch a name of type no list knows? */
static bool unlisted(const lx_cand *x, size_t base, const char *type)
{
    return x->start >= base && x->entry == LX_NONE && lx_cand_type_is(x, type);
}

/* The next place in [p, end) where joint (" and ") is written, with a
   word after it, or NULL. */
static const char *next_joint(const char *p, const char *end, const char *joint)
{
    size_t n = strlen(joint);
    for (; (p = memchr(p, ' ', (size_t) (end - p))) && (size_t) (end - p) > n; p++)
        if (memcmp(p, joint, n) == 0)
            return p;
    return NULL;
}

/* Is the joint at byte cut of span x, its first token j and token m
   after it, where x holds two names? */
typedef bool joint_test(const lx_learn_lane *L, const lx_fctx *fc, size_t base, const lx_cand *x,
                        size_t cut, size_t j, size_t m);

/* Splits each organization no list knows at the first of its joints
   (" and ") that test accepts.  Returns 0 or LEXTAG_ERR_NOMEM. */
static int split_at_joints(lx_learn_lane *L, const lx_fctx *fc, size_t base, const char *joint,
                           joint_test *test)
{
    const lx_toklist *tl = fc->tl;
    const char *doc = fc->text - base;
    size_t n = strlen(joint);
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *x = &L->spans.v[i];
        if (!unlisted(x, base, "ORG"))
            continue;
        const char *end = doc + x->end;
        for (const char *p = doc + x->start; (p = next_joint(p, end, joint)); p++) {
            size_t cut = (size_t) (p - doc), rest = cut + n;
            size_t k = lx_feat_tok_at(fc->sc, tl, cut - base);
            if (test(L, fc, base, x, cut, k, lx_feat_tok_at(fc->sc, tl, rest - base))) {
                if (split_span(L, i, cut, rest))
                    return LEXTAG_ERR_NOMEM;
                break;
            }
        }
    }
    return 0;
}

static bool joins_bodies(const lx_learn_lane *L, const lx_fctx *fc, size_t base, const lx_cand *x,
                         size_t cut, size_t j, size_t m)
{
    const lx_toklist *tl = fc->tl;
    size_t k = j - 1;
    const lx_token *before = &tl->v[k], *after = &tl->v[m];
    /* a head word or a common word alone names no body, even where
       a list knows it ("Justice and Equality Movement") */
    bool alone = before->start == x->start - base;
    bool body = alone ? !(before->bits & (LX_EV_COMMON | LX_EV_WORD | LX_EV_ORG_SUFFIX |
                                          LX_EV_ORG_PREFIX | LX_EV_TITLE)) &&
                            lx_near_entry(L, x->start, cut, "ORG")
                      : (before->bits & LX_EV_ORG_SUFFIX) ||
                            lx_near_entry(L, x->start, cut, "ORG");
    /* "National Union of Petroleum and Gas Workers": "and" joins what the
       body is "of" or "for"; "British Securities and Investments Board",
       "Health Resources and Services Administration": common words and a
       head word are no name of their own */
    bool named = false;
    for (size_t i = lx_feat_tok_at(fc->sc, tl, x->start - base); body && i < k; i++) {
        body = !(tl->v[i].flags & LX_TF_LOWER) ||
               !(lx_tok_is(tl, i, "of") || lx_tok_is(tl, i, "for"));
        named = named || !(tl->v[i].bits & (LX_EV_NATIONALITY | LX_EV_COUNTRY | LX_EV_COMMON |
                                            LX_EV_WORD | LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX |
                                            LX_EV_FUNCTION));
    }
    body = body && (alone || named);
    return body && m + 1 < tl->n && tl->v[m + 1].end <= x->end - base &&
           after->kind == LX_TOK_WORD && (after->flags & LX_TF_CAP) &&
           !(after->bits & (LX_EV_DESIGNATOR | LX_EV_FUNCTION));
}

int lx_bounds_split_joined_bodies(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    return split_at_joints(L, fc, base, " and ", joins_bodies);
}

/* Does the joint "of the" or "of" at token j join a body (a name of two
   words or more ending in a head word) to the larger body it is part of?
   After "of the", the larger body's name opens with a head word that
   takes "of" ("University of Cambridge").  After "of" alone, it ends in a
   head word, every word of it capitalized ("the Bank of England", "the
   Museum of Modern Art" are one), and opens with a name, no common word
   ("the U.N. Office of Project Services", "the Federal Bureau of Land
   Records" are one). */
static bool joins_part_to_body(const lx_learn_lane *L, const lx_fctx *fc, size_t base,
                               const lx_cand *x, size_t cut, size_t j, size_t m)
{
    (void) L;
    (void) cut;
    const lx_toklist *tl = fc->tl;
    size_t a, b;
    lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
    if (j < a + 2 || !(tl->v[j - 1].bits & LX_EV_ORG_SUFFIX))
        return false;
    if (lx_tok_is(tl, j + 1, "the"))
        return m + 2 < b && (tl->v[m].bits & LX_EV_ORG_PREFIX) && lx_tok_is(tl, m + 1, "of");
    uint32_t first = tl->v[m].bits;
    if (b < m + 2 || !(tl->v[b - 1].bits & LX_EV_ORG_SUFFIX) ||
        ((first & (LX_EV_COMMON | LX_EV_WORD)) && !(first & LX_EV_PLACE)))
        return false;
    for (size_t k = m; k < b; k++)
        if (tl->v[k].kind != LX_TOK_WORD || !(tl->v[k].flags & LX_TF_CAP))
            return false;
    return true;
}

int lx_bounds_split_part_of_body(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    /* " of " finds " of the " too: its test takes either */
    int rc = split_at_joints(L, fc, base, " of the ", joins_part_to_body);
    return rc ? rc : split_at_joints(L, fc, base, " of ", joins_part_to_body);
}

/* The kind of name tokens [a, k) hold before "for" (see
   lx_bounds_split_at_for()): a person's, a town's or a title's (which
   leaves), a body's ending in the head word of token h, or none of
   these. */
enum before_for { FOR_NONE, FOR_PERSON, FOR_LEAVES, FOR_BODY };

/* Is token k written as a plural: ending in "s" (not "ss") or "men"? */
static bool plural_noun(const lx_fctx *fc, size_t k)
{
    const lx_token *t = &fc->tl->v[k];
    const char *w = fc->text + t->start;
    size_t n = t->end - t->start;
    return n > 3 && ((w[n - 1] == 's' && w[n - 2] != 's') || memcmp(w + n - 3, "men", 3) == 0);
}

static enum before_for name_before_for(const lx_fctx *fc, size_t a, size_t k, size_t h)
{
    const lx_toklist *tl = fc->tl;
    const lx_token *first = &tl->v[a], *last = &tl->v[k - 1];
    const char *head = lx_tok_fold(tl, &tl->v[h]);
    if (k - a >= 2 && (last->bits & LX_EV_ORG_SUFFIX) &&
        strcmp(lx_tok_fold(tl, last), head) == 0)
        return FOR_BODY;
    /* "Lawyers for Keystone Trust", "Spokesmen for ...": a plural English
       noun that opens the sentence names the people who speak or work for
       the body */
    if (k == a + 1 && (first->flags & LX_TF_SENT) && !(first->flags & LX_TF_ALLCAPS) &&
        (first->bits & (LX_EV_WORD | LX_EV_COMMON)) && plural_noun(fc, a))
        return FOR_LEAVES;
    for (size_t j = a; j < k; j++) {
        uint32_t bits = tl->v[j].bits;
        /* "Miles" is a word too */
        uint32_t word = (bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)) ? 0
                                                                 : LX_EV_COMMON | LX_EV_WORD;
        if (!(tl->v[j].flags & LX_TF_CAP) ||
            (bits & (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_MEDIA_HEAD | LX_EV_TITLE | word)))
            return FOR_NONE;
    }
    /* "Bulgaria for Citizens Movement" is a party */
    if (k == a + 1 && (first->bits & LX_EV_PLACE) && !lx_gazetteer_country(fc->m, tl, a, k))
        return FOR_LEAVES;
    if (k - a >= 2 && (first->bits & LX_EV_FIRSTNAME) && (last->bits & LX_EV_SURNAME))
        return FOR_PERSON;
    return FOR_NONE;
}

/* As name_before_for(), and before a record label's name ("Records",
   "Recordings"), whatever the words before "for" are: a group's name of
   two words or more ("The Durutti Column for Factory Records"), or a
   title of one that leaves ("Goat for Touch and Go Records"). */
static enum before_for name_before_head(const lx_fctx *fc, size_t a, size_t k, size_t h)
{
    enum before_for kind = name_before_for(fc, a, k, h);
    if (kind != FOR_NONE || !lx_phrase_label_head(fc->tl, h))
        return kind;
    return k - a >= 2 ? FOR_BODY : FOR_LEAVES;
}

int lx_bounds_split_at_for(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    const char *doc = fc->text - base;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i];
        const char *p;
        if (!unlisted(x, base, "ORG") || !(p = next_joint(doc + x->start, doc + x->end, " for ")))
            continue;
        size_t cut = (size_t) (p - doc), rest = cut + 5, a, b;
        lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
        size_t k = lx_feat_tok_at(fc->sc, tl, cut - base);
        size_t m = lx_feat_tok_at(fc->sc, tl, rest - base);
        if (k <= a || m + 1 >= b || !(tl->v[m].flags & LX_TF_CAP) ||
            !(tl->v[b - 1].bits & LX_EV_ORG_SUFFIX))
            continue;
        enum before_for kind = name_before_head(fc, a, k, b - 1);
        switch (kind) {
        case FOR_NONE:
            break;
        case FOR_LEAVES:
            x->start = rest;
            break;
        case FOR_PERSON:
        case FOR_BODY:
            if (split_span(L, i, cut, rest))
                return LEXTAG_ERR_NOMEM;
            if (kind == FOR_PERSON)
                L->spans.v[i].type = lx_learn_class_type(LX_C_PER);
            i++;
            break;
        }
    }
    return 0;
}

/* The end of the plural name of one to three capitalized words at token
   k, which no list knows as a place, a people or a name ("the Bad
   Seeds"), or SIZE_MAX. */
static size_t unknown_plural_name(const lx_feat_scratch *sc, const lx_toklist *tl,
                                  const char *doc, size_t base, size_t k)
{
    const uint32_t known = LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY | LX_EV_PLACE_TAIL;
    size_t b = k;
    while (b < tl->n && b < k + 3 && tl->v[b].kind == LX_TOK_WORD &&
           (tl->v[b].flags & LX_TF_CAP) && !(tl->v[b].flags & (LX_TF_NEWLINE | LX_TF_SENT)) &&
           !(tl->v[b].bits & known) && !(sc->cmask[b] & (LX_CM_GPER | LX_CM_GORG)))
        b++;
    if (b == k || doc[base + tl->v[b - 1].end - 1] != 's' ||
        (b < tl->n && tl->v[b].kind == LX_TOK_WORD && (tl->v[b].flags & LX_TF_CAP)))
        return SIZE_MAX;
    return b;
}

void lx_bounds_backing_bands(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    const char *doc = fc->text - base;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i];
        if (!unlisted(x, base, "PERSON") || memcmp(doc + x->end, " and the ", 9) != 0)
            continue;
        size_t a, b;
        lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
        /* "Chuck Berry, Little Richard and the Everly Brothers": the last
           items of a list */
        if ((fc->sc->cmask[a] & LX_CM_GPER) || b + 2 >= tl->n ||
            (a > 0 && (lx_tok_is(tl, a - 1, ",") || lx_tok_is(tl, a - 1, "and"))))
            continue;
        size_t end = unknown_plural_name(fc->sc, tl, doc, base, b + 2);
        if (end == SIZE_MAX)
            continue;
        /* the plural's own span, if the layer read one, goes into the band's */
        while (i + 1 < L->spans.n && x[1].start < base + tl->v[end - 1].end)
            lx_bounds_absorb_next(L, i);
        x->end = base + tl->v[end - 1].end;
        x->type = lx_learn_class_type(LX_C_ORG);
    }
}

/*
 * The owner word before the "'s" at token k, when it is part of the body
 * after it: a capitalized common word ("Lord's Day Alliance", "Boatmen's
 * Bancshares") or a saint's name ("St Aidan's Academy").  Returns the
 * owner's first token, or SIZE_MAX.  A place, a people, a name a list
 * knows, an acronym or a body's own head word owns a body of its own
 * ("Britain's Labour Party", "NASA's Jet Propulsion Laboratory", "the
 * Party's National Executive").
 */
static size_t owner_in_name(const lx_fctx *fc, size_t k)
{
    const lx_toklist *tl = fc->tl;
    if (k < 1 || tl->v[k].kind != LX_TOK_POSS || (tl->v[k].flags & LX_TF_SPACE))
        return SIZE_MAX;
    size_t w = k - 1;
    const lx_token *t = &tl->v[w];
    const uint32_t own = LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY | LX_EV_PLACE_TAIL |
                         LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_NOT_NAME;
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
        (t->bits & own) || (fc->sc->cmask[w] & (LX_CM_GPER | LX_CM_GORG)))
        return SIZE_MAX;
    size_t saint = lx_phrase_word_before(tl, w);
    if (saint != SIZE_MAX && (lx_tok_is(tl, saint, "st") || lx_tok_is(tl, saint, "saint")))
        return saint;
    if (!(t->bits & (LX_EV_WORD | LX_EV_COMMON | LX_EV_TITLE)) || (t->flags & LX_TF_SENT))
        return SIZE_MAX;
    return w;
}

void lx_bounds_owner_in_name(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    bool dropped = false;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i];
        size_t a, b, o;
        if (!unlisted(x, base, "ORG"))
            continue;
        lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
        if (a < 2 || (o = owner_in_name(fc, a - 1)) == SIZE_MAX)
            continue;
        size_t s = base + tl->v[o].start;
        for (size_t j = i; j > 0 && L->spans.v[j - 1].end > s; j--) {
            L->spans.v[j - 1].end = L->spans.v[j - 1].start; /* dropped below */
            dropped = true;
        }
        x->start = s;
    }
    if (dropped)
        lx_bounds_drop_emptied(L);
}

void lx_bounds_place_after_acronym(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    /* what a body sends to a place */
    static const char *const missions[] = {"mission", "missions", "envoy",  "envoys",
                                           "delegation", "force", "forces", "office",
                                           "troops", "peacekeepers", "monitors", "observers",
                                           NULL};
    const lx_toklist *tl = fc->tl;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i];
        if (!unlisted(x, base, "ORG") || x->id)
            continue;
        size_t a, b;
        lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
        const lx_token *t = &tl->v[a];
        if (b < a + 2 || b >= tl->n || t->kind != LX_TOK_WORD || !(t->flags & LX_TF_ALLCAPS) ||
            t->end - t->start < 2 || !(tl->v[b].flags & LX_TF_LOWER) ||
            !lx_tok_in(tl, b, missions))
            continue;
        size_t k = a + 1;
        while (k < b && tl->v[k].kind == LX_TOK_WORD && (tl->v[k].flags & LX_TF_CAP) &&
               (tl->v[k].bits & (LX_EV_PLACE | LX_EV_COUNTRY)))
            k++;
        if (k == b)
            x->end = base + t->end;
    }
}

/* Is token k a designator written short ("Inc", "Co", "Ltd")? */
static bool short_designator(const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    return t->kind == LX_TOK_WORD && (t->bits & LX_EV_DESIGNATOR) && t->fold_len <= 4;
}

/* Is token k a capitalized title or role with a capitalized word after it
   ("CEO Jamie Dimon", "Chief Executive Tim Cook")? */
static bool officer_title(const lx_toklist *tl, size_t k)
{
    return k + 1 < tl->n && (tl->v[k].bits & (LX_EV_TITLE | LX_EV_ROLE)) &&
           (tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           (tl->v[k + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS));
}

void lx_bounds_designator_stops(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    const char *doc = fc->text - base;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i];
        if (x->start < base || !lx_cand_type_is(x, "ORG"))
            continue;
        size_t a, b;
        lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
        /* "Robert W. Baird & Co., Inc.": a second designator read on its
           own; "Brightwater Logistics, LLC", "Larkspur Freight Holdings,
           Inc.": a designator after the comma, read on its own (as a
           person's name, even) */
        bool after_designator = i + 1 < L->spans.n && x[1].start == x->end + 3 &&
                                memcmp(doc + x->end, "., ", 3) == 0 && short_designator(tl, b - 1);
        bool after_name = i + 1 < L->spans.n && x[1].start == x->end + 2 &&
                          memcmp(doc + x->end, ", ", 2) == 0 && !short_designator(tl, b - 1);
        if ((after_designator || after_name) && x[1].entry == LX_NONE) {
            size_t ya, yb;
            lx_phrase_tokens_of(fc->sc, tl, base, &x[1], &ya, &yb);
            if (yb == ya + 1 && short_designator(tl, ya)) {
                lx_bounds_absorb_next(L, i);
                b = yb;
            }
        }
        /* the stop after "Inc" is its own where no sentence ends at it:
           before a lowercase word or a comma ("Acme Corp., the bank",
           "Salomon Inc. said"), or before the title of the company's
           officer ("JPMorgan Chase & Co. CEO Jamie Dimon") */
        if (b < 1 || b + 1 >= tl->n || !short_designator(tl, b - 1) || !lx_tok_is(tl, b, ".") ||
            tl->v[b].start != tl->v[b - 1].end || (tl->v[b + 1].flags & LX_TF_NEWLINE) ||
            !((tl->v[b + 1].flags & LX_TF_LOWER) || lx_tok_is(tl, b + 1, ",") ||
              officer_title(tl, b + 1)))
            continue;
        if (i + 1 < L->spans.n && x[1].start < base + tl->v[b].end)
            continue;
        x->end = base + tl->v[b].end;
    }
    /* a designator alone is no person ("Inc" after a name the layer cut
       off it); as a body's name it is one to the news annotation ("Companion
       Marble (Holdings) Ltd" holds two) */
    size_t k = 0;
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *x = &L->spans.v[i];
        size_t a, b;
        if (x->start >= base && lx_cand_type_is(x, "PERSON")) {
            lx_phrase_tokens_of(fc->sc, tl, base, x, &a, &b);
            if (b > a && b - a <= 2 && short_designator(tl, a) &&
                (b == a + 1 || lx_tok_is(tl, a + 1, ".")))
                continue;
        }
        L->spans.v[k++] = *x;
    }
    L->spans.n = k;
}

/*
 * Is token k, in a title-case line, a verb the headline capitalizes
 * ("Sues", "Recalls", "Unveils")?  A common word with an -s, which no
 * list knows as part of a name.  (The headline's nouns stay: "Marion
 * County Board of Education".)
 */
static bool headline_verb(const lx_fctx *fc, size_t k)
{
    const lx_toklist *tl = fc->tl;
    const uint32_t named = LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR | LX_EV_PLACE |
                           LX_EV_COUNTRY | LX_EV_NATIONALITY | LX_EV_FIRSTNAME | LX_EV_TITLE |
                           LX_EV_MEDIA_HEAD;
    const lx_token *t = &tl->v[k];
    const char *f = lx_tok_fold(tl, t);
    size_t n = t->fold_len;
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
        (t->bits & named) || n < 4 || f[n - 1] != 's' || f[n - 2] == 's')
        return false;
    /* a place's plural is a team's ("Leeds Rhinos"), not a place after
       "of" ("Bank of America Posts") */
    if (k > 0 && (tl->v[k - 1].bits & LX_EV_PLACE) &&
        !(k >= 2 && (tl->v[k - 2].flags & LX_TF_LOWER)))
        return false;
    uint32_t v = lx_trie_vocab(&fc->m->trie, f, n - 1);
    uint32_t bits = v != LX_NONE ? fc->m->trie.voc[v].bits : 0;
    /* a name takes no -s: "Sue" and "Post" are names too (and a surname
       list may hold the word with its -s: "Sues") */
    return (bits & LX_EV_WORD) &&
           !(bits & named & ~(uint32_t) (LX_EV_FIRSTNAME | LX_EV_SURNAME));
}

/* Is the line of token k a paragraph of its own, as a headline or a
   heading is (the lines of a table or a list are not)? */
static bool line_alone(const lx_toklist *tl, size_t k)
{
    size_t s = k, e = k + 1;
    while (s > 0 && !(tl->v[s].flags & LX_TF_NEWLINE))
        s--;
    while (e < tl->n && !(tl->v[e].flags & LX_TF_NEWLINE))
        e++;
    return (s == 0 || (tl->v[s].flags & LX_TF_PARA)) &&
           (e == tl->n || (tl->v[e].flags & LX_TF_PARA));
}

void lx_bounds_title_case_words(lx_learn_lane *L, const lx_fctx *fc, size_t base)
{
    const lx_toklist *tl = fc->tl;
    bool dropped = false;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *x = &L->spans.v[i];
        if (x->start < base || x->entry != LX_NONE ||
            !(lx_cand_type_is(x, "ORG") || lx_cand_type_is(x, "PERSON")))
            continue;
        size_t a0, b;
        lx_phrase_tokens_of(fc->sc, tl, base, x, &a0, &b);
        if ((fc->sc->line[a0] & ~LX_LINE_JOINED) != LX_LINE_TITLE || !line_alone(tl, a0))
            continue;
        /* "Judge Blocks Trump Plan": the verb before the name */
        size_t a = a0;
        while (a < b && headline_verb(fc, a))
            a++;
        /* "National Rifle Association Sues Cities": the verb after it */
        size_t e = a;
        while (e < b && !headline_verb(fc, e))
            e++;
        /* what a verb cut off to one common word is no body's name
           ("Recalls Farm Vehicles" -> "Farm"), nor a person's unless a
           list knows it as a name */
        bool cut = a != a0 || e != b;
        uint32_t alone = e == a + 1 ? tl->v[a].bits : 0;
        uint32_t keep = LX_EV_ORG_SUFFIX | (lx_cand_type_is(x, "PERSON")
                                                ? LX_EV_FIRSTNAME | LX_EV_SURNAME
                                                : 0);
        if (a == e || (cut && (alone & LX_EV_WORD) && !(alone & keep))) {
            x->end = x->start; /* dropped below */
            dropped = true;
            continue;
        }
        x->start = base + tl->v[a].start;
        x->end = base + tl->v[e - 1].end;
    }
    if (dropped)
        lx_bounds_drop_emptied(L);
}

/* Does token k join a name to what comes before it ("Delgado of Paul, ...")? */
static bool connector(const lx_toklist *tl, size_t k)
{
    static const char *const words[] = {"of", "at", "for", "from", "with", "and", ",", NULL};
    return lx_tok_in(tl, k, words);
}

void lx_bounds_firm_names(lx_learn_lane *L, const lx_fctx *fc, size_t base)
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
        lx_phrase_tokens_of(fc->sc, tl, base, x, &xa, &xb);
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
            lx_phrase_tokens_of(fc->sc, tl, base, &v[j], &ja, &jb);
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
        lx_bounds_drop_emptied(L);
}

/* Are the n bytes at s those of text[start..end)? */
static bool same_bytes(const char *text, size_t start, size_t end, const char *s, size_t n)
{
    return end - start == n && memcmp(text + start, s, n) == 0;
}

void lx_bounds_drop_terms(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const char *text = c->text;
    const lx_toklist *tl = c->tl;
    if (!L->spans.n)
        return;
    lx_term terms[LX_TERMS_MAX];
    size_t n = lx_terms_find(text, tl->v[tl->n - 1].end, tl, terms), m = 0;
    /* a phrase a list knows is a name's long form, or holds one ("World
       Food Program", "International Security Assistance Force"): two of
       its words or more are in listed names, where one alone ("Word", a
       paper's name, in "Word Error Rate") makes no name of it */
    for (size_t j = 0; j < n; j++)
        if (!lx_phrase_listed_in(c, terms[j].long_start, terms[j].long_end, 2))
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

/* The bytes between two parties of a case's name ("vs." is a draw's too:
   "Pete Sampras vs. Adrian Voinea"). */
#define CASE_LINK " v. "
#define CASE_LINK_LEN (sizeof(CASE_LINK) - 1)

/* Does text[at..end) open with a case's link and a capital after it? */
static bool case_link_at(const char *text, size_t at, size_t end)
{
    return end - at > CASE_LINK_LEN && memcmp(text + at, CASE_LINK, CASE_LINK_LEN) == 0 &&
           text[at + CASE_LINK_LEN] >= 'A' && text[at + CASE_LINK_LEN] <= 'Z';
}

/* Does text[start..at) close with a case's link after a name ("Inc.",
   "Müller": any byte but a blank)? */
static bool case_link_before(const char *text, size_t start, size_t at)
{
    char before = at - start > CASE_LINK_LEN ? text[at - CASE_LINK_LEN - 1] : ' ';
    return before != ' ' && before != '\n' && before != '\t' &&
           memcmp(text + at - CASE_LINK_LEN, CASE_LINK, CASE_LINK_LEN) == 0;
}

void lx_bounds_drop_case_parties(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    const char *doc = c->text - base;
    size_t end = base + tl->v[tl->n - 1].end, k = 0;
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *x = &L->spans.v[i];
        if (x->start < base ||
            !(case_link_at(doc, x->end, end) || case_link_before(doc, base, x->start)))
            L->spans.v[k++] = *x;
    }
    L->spans.n = k;
}

/* The longest entry of a list (not one marked ambiguous) of type `type`
   starting at byte s, or NULL. */
static const lx_cand *longest_entry_from(const lx_learn_lane *L, size_t s, const char *type)
{
    const lx_cand *best = NULL;
    for (size_t k = lx_near_from(L, s); k < L->near.n && L->near.v[k].start == s; k++) {
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

int lx_bounds_closed_entries(lx_learn_lane *L, const char *doc, lx_arena *arena)
{
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *v = &L->spans.v[i];
        const lx_cand *g = longest_entry_from(L, v->start, v->type);
        if (!g || g->end <= v->end || g->end - v->end > 2 || doc[g->end - 1] != ')' ||
            !open_paren(doc, v->start, v->end) ||
            (i + 1 < L->spans.n && L->spans.v[i + 1].start < g->end))
            continue;
        v->end = g->end;
        if (lx_learn_take_entry(L, v, g, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

int lx_bounds_listed_spans(lx_learn_lane *L, const char *doc, lx_arena *arena)
{
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_cand *v = &L->spans.v[i];
        if (v->entry != LX_NONE || v->id)
            continue;
        const lx_cand *g = lx_near_entry(L, v->start, v->end, v->type);
        /* "Goldman Sachs Group Inc.": the list writes the designator
           without its stop */
        if (!g && v->end - v->start > 2 && doc[v->end - 1] == '.') {
            char last = (char) (doc[v->end - 2] | 0x20); /* a letter in lowercase */
            if (last >= 'a' && last <= 'z')
                g = lx_near_entry(L, v->start, v->end - 1, v->type);
        }
        if (g && lx_learn_take_entry(L, v, g, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

/* The length of the state written short that text[s..e) ends with: "D.C."
   (or "D.C") or a state's postal code ("TX", state-codes.txt) as a word of
   its own; 0 for none. */
static size_t state_at_end(const lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e)
{
    const char *text = c->text;
    if (e - s >= 4 && memcmp(text + e - 4, "D.C.", 4) == 0)
        return 4;
    if (e - s >= 3 && memcmp(text + e - 3, "D.C", 3) == 0)
        return 3;
    /* two capitals after a space, before the code's look-up */
    if (e - s < 2 || !(text[e - 2] >= 'A' && text[e - 2] <= 'Z' && text[e - 1] >= 'A' &&
                       text[e - 1] <= 'Z') ||
        (e - s > 2 && text[e - 3] != ' '))
        return 0;
    size_t k = lx_tok_at(c->tl, e - 2);
    return c->tl->v[k].start == e - 2 && c->tl->v[k].end == e &&
                   lx_phrase_written_as(c, k, &L->state_codes)
               ? 2
               : 0;
}

/* Are tokens [a, b) words of a place's name, capitalized? */
static bool place_words(const lx_toklist *tl, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (!(tl->v[k].flags & LX_TF_CAP) || !(tl->v[k].bits & (LX_EV_PLACE | LX_EV_COUNTRY)))
            return false;
    return a < b;
}

void lx_bounds_drop_states_after_places(lx_learn_lane *L, const lx_fctx *c, size_t base)
{
    const lx_toklist *tl = c->tl;
    size_t k = 0;
    for (size_t i = 0; i < L->spans.n; i++) {
        const lx_cand *x = &L->spans.v[i];
        size_t s = x->start - base, e = x->end - base, n;
        bool drop = false;
        /* the state's bytes first: most spans end otherwise */
        if (x->start >= base && !x->id && (n = state_at_end(L, c, s, e)) != 0) {
            size_t a, b, st = lx_tok_at(tl, e - n);
            lx_phrase_tokens_of(c->sc, tl, base, x, &a, &b);
            if (st == a) /* the state alone, after "Place," */
                drop = a >= 2 && lx_tok_is(tl, a - 1, ",") && place_words(tl, a - 2, a - 1);
            else /* "Denver, CO" read whole */
                drop = st > a + 1 && lx_tok_is(tl, st - 1, ",") && place_words(tl, a, st - 1);
        }
        if (!drop)
            L->spans.v[k++] = *x;
    }
    L->spans.n = k;
}
