/* SPDX-License-Identifier: MIT */
/*
 * Questions about the tokens around a span (see phrase.h): the ones that
 * are not inline there.
 */
#include "phrase.h"

#include "templates.h"

bool lx_phrase_conjunction(const lx_toklist *tl, size_t k)
{
    return lx_tok_is(tl, k, "and") || lx_tok_is(tl, k, "&");
}

bool lx_phrase_indefinite_article(const lx_toklist *tl, size_t k)
{
    return lx_tok_is(tl, k, "a") || lx_tok_is(tl, k, "an");
}

bool lx_phrase_opens_sentence_at(const lx_toklist *tl, size_t k)
{
    if (tl->v[k].flags & LX_TF_SENT)
        return true;
    if (k == 0 || !lx_tok_is(tl, k - 1, ".") || !(tl->v[k].flags & LX_TF_CAP))
        return false;
    return lx_phrase_title_article(tl, k) ||
           (lx_phrase_indefinite_article(tl, k) && k + 1 < tl->n &&
            tl->v[k + 1].kind == LX_TOK_WORD && (tl->v[k + 1].flags & LX_TF_LOWER));
}

bool lx_phrase_quote_mark(const lx_toklist *tl, size_t k, bool open)
{
    return k < tl->n && tl->v[k].kind == LX_TOK_PUNCT &&
           (lx_tok_is(tl, k, "\"") || lx_tok_is(tl, k, open ? "\u201c" : "\u201d"));
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
        size_t n = strlen(*e);
        if (t->fold_len >= n + 3 && memcmp(f + t->fold_len - n, *e, n) == 0)
            return true;
    }
    return false;
}

bool lx_phrase_listed_in(const lx_fctx *c, size_t s, size_t e)
{
    for (size_t k = lx_feat_tok_at(c->sc, c->tl, s); k < c->tl->n && c->tl->v[k].start < e; k++)
        if (c->sc->cmask[k] & (LX_CM_GPER | LX_CM_GORG))
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
