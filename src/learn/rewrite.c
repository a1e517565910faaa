/* SPDX-License-Identifier: MIT */
/*
 * Putting a stretch's learned spans among its candidates (see rewrite.h).
 */
#include "rewrite.h"

#include <string.h>

#include "near.h"
#include "phrase.h"

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
    /* the rule's first letter before the rest: few of the context
       rules' candidates are an acronym's */
    const char *rule = lx_learn_context_rule(c->source);
    return rule && rule[0] == 'a' && c->prio >= LX_PRIO_CONTEXT && lx_feat_learned_type(c) &&
           strcmp(rule, "acronym") == 0;
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
 * Does a learned organization's name that a list knows run on before c
 * and end with it: the layer read the whole name where an acronym's loose
 * long form took its last words ("Justice and Development Party (AKP)",
 * "People's Party for Freedom and Democracy (VVD)")?  (Without the list,
 * the layer's longer reading is as often a word too many: "THAKSIN
 * People's Power Party".)
 */
static bool learned_longer(const lx_learn_lane *L, const lx_cand *c)
{
    size_t k = spans_from(L, c->end);
    const lx_cand *y = k > 0 ? &L->spans.v[k - 1] : NULL;
    return y && y->start < c->start && y->end == c->end && y->id &&
           lx_cand_type_is(y, "ORG");
}

/*
 * An acronym definition stays rule-driven only where the learned layer,
 * which weighs it with everything else, also reads a name there: "Mean
 * Reciprocal Rank (MRR)" spells its initials but names a measure.  One
 * whose long form names a body stays anyway: the layer reads "Palestinian"
 * in "Palestinian Liberation Organization (PLO)" as it reads the word
 * elsewhere; but not where the layer read a longer name ending with it
 * (see learned_longer()).  A vetoed one gets a priority below a kept
 * one's, in cands and in L->near (which holds copies), and is left to the
 * learned spans.  tl holds the stretch's tokens, which start at byte base.
 */
static void veto_acronyms(lx_learn_lane *L, lx_candvec *cands, const lx_toklist *tl,
                          size_t base)
{
    for (size_t i = 0; i < cands->n; i++) {
        lx_cand *c = &cands->v[i];
        if (!kept_acronym(c))
            continue;
        bool longer = learned_longer(L, c);
        if (learned_over(L, c) && !longer)
            continue;
        size_t a, b;
        lx_phrase_tokens_of(&L->sc, tl, base, c, &a, &b);
        if (!longer && names_a_body(L, tl, a, b))
            continue;
        for (size_t k = lx_near_from(L, c->start); k < L->near.n && L->near.v[k].start == c->start;
             k++)
            if (L->near.v[k].end == c->end && L->near.v[k].source == c->source)
                L->near.v[k].prio = LX_PRIO_CONTEXT - 1;
        c->prio = LX_PRIO_CONTEXT - 1;
    }
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
 * A list's company whose one word is also a common word ("Apple",
 * "Target") is kept only where the text supports it, and the layer,
 * which saw few such companies, reads it as no name or a product's.
 * Where the word acts as a company ("Apple rose", "Target said", "shares
 * of Apple", "Apple Chief Executive Tim Cook"), the entry stays and counts
 * as supported.
 */
static bool common_word_acting_as_firm(const lx_learn_lane *L, const lx_cand *c,
                                       const lx_toklist *tl, size_t base)
{
    /* what a company does or has besides its price's moves; not
       "spokesman" ("Press spokesman") */
    static const char *const firm_words[] = {"reported", "posted", "announced",
                                             "shares",   "stock",  "stake", NULL};
    if (c->entry == LX_NONE || !(c->flags & LX_CAND_AMBIGUOUS) || !lx_cand_type_is(c, "ORG") ||
        learned_over(L, c))
        return false;
    size_t i = lx_feat_tok_at(&L->sc, tl, c->start - base);
    if (i >= tl->n || base + tl->v[i].start != c->start || base + tl->v[i].end != c->end ||
        premodified(tl, i))
        return false;
    /* the last word of a longer name ("MS-NBC News reported") */
    if (i > 0 && !(tl->v[i].flags & LX_TF_SENT) &&
        (tl->v[i - 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)))
        return false;
    if (i + 1 < tl->n && !(tl->v[i + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
        ((tl->v[i + 1].bits & LX_EV_SPEECH) || lx_tok_in(tl, i + 1, lx_phrase_market_moves) ||
         lx_tok_in(tl, i + 1, firm_words)))
        return true;
    /* a company's officer's title after it: "Apple Chief Executive Tim
       Cook" (a legislature's speaker is no cue: "Parliament Speaker Nabih
       Berri", which news leaves untagged) */
    if (i + 2 < tl->n && (tl->v[i + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
        !(tl->v[i + 1].flags & (LX_TF_NEWLINE | LX_TF_SENT)) &&
        (tl->v[i + 1].bits & (LX_EV_TITLE | LX_EV_ROLE)) &&
        strcmp(c->source, "gazetteer:orgs-companies") == 0)
        return true;
    return i >= 2 && (lx_tok_is(tl, i - 1, "of") || lx_tok_is(tl, i - 1, "in")) &&
           (tl->v[i - 2].bits & LX_EV_ORG_CONTEXT);
}

int lx_rewrite_cands(lx_learn_lane *L, lx_candvec *cands, lx_candvec *dropped, const char *doc,
                     const lx_toklist *tl, size_t base)
{
    /* the stretch's text ends with its last token */
    size_t doc_len = base + (tl->n ? tl->v[tl->n - 1].end : 0);
    veto_acronyms(L, cands, tl, base);
    size_t k = 0;
    for (size_t i = 0; i < cands->n; i++) {
        lx_cand *c = &cands->v[i];
        if (common_word_acting_as_firm(L, c, tl, base))
            c->flags &= ~LX_CAND_SENT;
        else if (lx_feat_learned_type(c) && !lx_learn_rule_kept(c) && !camel_entry(L, c, doc) &&
                 !defined_entry(L, c, doc, doc_len) &&
                 !listed_word_read_as_misc(L, c, tl, base)) {
            if (dropped && !learned_same(L, c) && lx_candvec_push(dropped, c))
                return LEXTAG_ERR_NOMEM;
            continue;
        }
        /* a kept rule span over a gazetteer entry ("(AP)") keeps the entry's id */
        const lx_cand *g = c->id || !lx_feat_learned_type(c)
                               ? NULL
                               : lx_near_entry(L, c->start, c->end, c->type);
        if (g) {
            c->id = g->id;
            c->entry = g->entry;
        }
        cands->v[k++] = *c;
    }
    cands->n = k;
    for (size_t i = 0; i < L->spans.n; i++) {
        lx_candvec *to = !lx_near_overlaps_kept(L, &L->spans.v[i]) ? cands : dropped;
        if (to && lx_candvec_push(to, &L->spans.v[i]))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}
