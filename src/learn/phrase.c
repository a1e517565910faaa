/* SPDX-License-Identifier: MIT */
/*
 * Questions about the tokens around a span (see phrase.h): the ones that
 * are not inline there.
 */
#include "phrase.h"

#include "templates.h"

const char *const lx_phrase_market_moves[] = {
    "rose",    "fell",     "gained",   "added",   "climbed", "dropped", "slipped",
    "firmed",  "eased",    "lost",     "jumped",  "slid",    "dipped",  "advanced",
    "declined", "rallied", "tumbled",  "surged",  "edged",   "slumped", "soared", NULL};

const char *const lx_phrase_copulas[] = {"is", "was", "are", "were", NULL};

bool lx_phrase_ordinal(const lx_toklist *tl, size_t k)
{
    static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth",
                                           "sixth", "seventh", "eighth", "ninth", "tenth",
                                           NULL};
    return lx_tok_in(tl, k, ordinals);
}

const char *const lx_phrase_group_kinds[] = {
    "band", "bands", "duo", "quartet", "quintet", "group", "supergroup", "orchestra",
    "ensemble", "choir", "label", "company", "firm", "conglomerate", "manufacturer",
    "retailer", "airline", "publisher", "newspaper", "magazine", "magazines",
    "broadcaster", NULL};

bool lx_phrase_group_kind(const lx_toklist *tl, size_t k)
{
    return k < tl->n && tl->v[k].kind == LX_TOK_WORD && (tl->v[k].flags & LX_TF_LOWER) &&
           lx_tok_in(tl, k, lx_phrase_group_kinds);
}

bool lx_phrase_conjunction(const lx_toklist *tl, size_t k)
{
    return lx_tok_is(tl, k, "and") || lx_tok_is(tl, k, "&");
}

bool lx_phrase_indefinite_article(const lx_toklist *tl, size_t k)
{
    return lx_tok_is(tl, k, "a") || lx_tok_is(tl, k, "an");
}

bool lx_phrase_opens_after_stop(const lx_toklist *tl, size_t k)
{
    return lx_phrase_title_article(tl, k) ||
           (lx_phrase_indefinite_article(tl, k) && k + 1 < tl->n &&
            tl->v[k + 1].kind == LX_TOK_WORD && (tl->v[k + 1].flags & LX_TF_LOWER));
}

bool lx_phrase_letter_compound(const lx_toklist *tl, size_t k)
{
    const lx_token *x = &tl->v[k];
    if (k + 2 >= tl->n || x->end - x->start != 1 || !(x->flags & LX_TF_CAP) ||
        (tl->v[k + 1].flags & LX_TF_SPACE) || (tl->v[k + 2].flags & LX_TF_SPACE) ||
        !lx_tok_is(tl, k + 1, "-"))
        return false;
    const lx_token *y = &tl->v[k + 2];
    return (y->kind == LX_TOK_WORD && (y->flags & LX_TF_LOWER)) || y->kind == LX_TOK_NUMBER;
}

bool lx_phrase_ends_in(const lx_toklist *tl, const lx_token *t, const char *const *endings)
{
    const char *f = lx_tok_fold(tl, t);
    for (const char *const *e = endings; *e; e++) {
        /* the endings are a few letters long, and most differ from the
           word's in their last: measured inline, and that letter first */
        size_t n = 0;
        while ((*e)[n])
            n++;
        if (t->fold_len >= n + 3 && (n == 0 || (*e)[n - 1] == f[t->fold_len - 1]) &&
            memcmp(f + t->fold_len - n, *e, n) == 0)
            return true;
    }
    return false;
}

bool lx_phrase_listed_in(const lx_fctx *c, size_t s, size_t e, size_t words)
{
    size_t listed = 0;
    for (size_t k = lx_feat_tok_at(c->sc, c->tl, s); k < c->tl->n && c->tl->v[k].start < e; k++)
        if ((c->sc->cmask[k] & (LX_CM_GPER | LX_CM_GORG)) && ++listed == words)
            return true;
    return false;
}

bool lx_phrase_common_plural(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    const uint32_t names = LX_EV_FIRSTNAME | LX_EV_SURNAME;
    if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
        (t->bits & names) || t->fold_len < 5 || (c->sc->cmask[k] & (LX_CM_GPER | LX_CM_GORG)))
        return false;
    if (!lx_phrase_plural_ending(c->tl, t))
        return false;
    const char *f = lx_tok_fold(c->tl, t);
    size_t n = t->fold_len;
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

bool lx_phrase_plural_word(const lx_fctx *c, size_t k)
{
    const lx_token *t = &c->tl->v[k];
    if (!(t->bits & (LX_EV_COMMON | LX_EV_WORD)))
        return lx_phrase_common_plural(c, k);
    return t->kind == LX_TOK_WORD && (t->flags & LX_TF_CAP) && !(t->flags & LX_TF_ALLCAPS) &&
           t->fold_len >= 4 && !(t->bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME)) &&
           !(c->sc->cmask[k] & (LX_CM_GPER | LX_CM_GORG)) && lx_phrase_plural_ending(c->tl, t);
}

bool lx_phrase_person_words(const lx_fctx *c, size_t a, size_t b)
{
    const lx_toklist *tl = c->tl;
    const uint32_t no_person = LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_TITLE | LX_EV_ORG_SUFFIX |
                               LX_EV_ORG_PREFIX | LX_EV_NOT_NAME | LX_EV_PLACE_TAIL |
                               LX_EV_COMMON | LX_EV_WORD;
    const lx_token *first = &tl->v[a];
    if (b - a < 2 || b - a > 6 ||
        !(first->bits & LX_EV_FIRSTNAME || (first->bits == 0 && (first->flags & LX_TF_CAP))) ||
        (first->bits & (no_person | LX_EV_NATIONALITY)) ||
        (first->flags & LX_TF_ALLCAPS) || !(tl->v[a + 1].flags & LX_TF_SPACE) ||
        (c->sc->cmask[a] & LX_CM_GORG))
        return false;
    size_t words = 1;
    for (size_t k = a + 1; k < b; k++) {
        const lx_token *t = &tl->v[k];
        if (t->kind == LX_TOK_PUNCT && lx_tok_is(tl, k, "-") && !(t->flags & LX_TF_SPACE) &&
            k + 1 < b && !(tl->v[k + 1].flags & LX_TF_SPACE))
            continue;
        if (t->kind != LX_TOK_WORD || !(t->flags & LX_TF_CAP) || (t->flags & LX_TF_ALLCAPS) ||
            ((t->bits & no_person) && !(t->bits & (LX_EV_FIRSTNAME | LX_EV_SURNAME))) ||
            ((t->bits & LX_EV_NATIONALITY) && !(t->bits & LX_EV_FIRSTNAME)) ||
            (c->sc->cmask[k] & LX_CM_GORG))
            return false;
        words++;
    }
    return words <= 4;
}

bool lx_phrase_owner_of(const lx_toklist *tl, size_t b, size_t reach, uint64_t h1, uint64_t h2,
                        const char *const *nouns, size_t within)
{
    static const char *const persons[] = {"he", "she", "his", "her", "him", NULL};
    /* asked of many names, and most have no owner's word after them: the
       scan reads the tokens alone, its bounds set once */
    size_t end = b + reach < tl->n ? b + reach : tl->n;
    for (size_t k = b; k < end; k++) {
        const lx_token *t = &tl->v[k];
        if (k > b && (t->flags & (LX_TF_SENT | LX_TF_NEWLINE)))
            return false;
        if ((t->hash != h1 && t->hash != h2) || !(t->flags & LX_TF_LOWER))
            continue;
        /* the pronouns are looked for only once the owner's word is found:
           most names have none after them; and among the short words
           alone */
        for (size_t j = b; j < k; j++)
            if (tl->v[j].fold_len <= 3 && lx_tok_in(tl, j, persons))
                return false;
        for (size_t j = k + 1; j <= k + within && j < tl->n; j++)
            if (lx_tok_in(tl, j, nouns))
                return true;
        return false;
    }
    return false;
}
