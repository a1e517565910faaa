/* SPDX-License-Identifier: MIT */
/*
 * Lists of names a plural title heads (see titled.h).
 */
#include "titled.h"

#include "near.h"
#include "phrase.h"

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
    if (t->end - t->start < 3 || !lx_phrase_written_as(c, k, &L->plural_titles) ||
        (k > 0 && lx_tok_is(tl, k - 1, "of")))
        return k + 1;
    size_t i = k + 1;
    if (lx_tok_is(tl, i, ".") && !(tl->v[i].flags & LX_TF_SPACE))
        i++;
    for (size_t n = 0; n < 32 && i < tl->n && !(tl->v[i].flags & LX_TF_SENT); n++) {
        /* "..., and Justices Pell and Oduya": the title again heads the rest */
        if (n && i + 1 < tl->n && lx_phrase_written_as(c, i, &L->plural_titles))
            i++;
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

int lx_titled_find(lx_learn_lane *L, const lx_fctx *c)
{
    const lx_feat_scratch *sc = c->sc;
    const lx_toklist *tl = c->tl;
    int rc = 0;
    L->n_titled = L->titled_at = 0;
    for (size_t r = 0, k = 0; r < sc->n_reg && !rc; r++) {
        if (k < sc->reg[r].s)
            k = sc->reg[r].s;
        /* a title has its items after it: never the stretch's last token */
        size_t e = sc->reg[r].e < tl->n - 1 ? sc->reg[r].e : tl->n - 1;
        for (; k < e; k++) {
            /* every title in the list is capitalized and ends in "s" */
            const lx_token *t = &tl->v[k];
            if (!(t->flags & LX_TF_CAP) || c->text[t->end - 1] != 's')
                continue;
            k = titled_list_at(L, c, k, &rc) - 1;
            if (rc)
                break;
        }
    }
    return rc;
}

int lx_titled_items_typed(lx_learn_lane *L, const lx_fctx *c, size_t base, lx_arena *arena)
{
    const lx_toklist *tl = c->tl;
    size_t t = 0;
    for (size_t i = 0; i < L->spans.n && t < L->n_titled; i++) {
        lx_cand *x = &L->spans.v[i];
        if (!lx_cand_type_is(x, "ORG") || x->start < base)
            continue;
        size_t a, b;
        lx_phrase_tokens_of(c->sc, tl, base, x, &a, &b);
        while (t < L->n_titled && L->titled[t].s < a)
            t++;
        if (t == L->n_titled || L->titled[t].s != a || L->titled[t].e != b)
            continue;
        x->type = lx_learn_class_type(LX_C_PER);
        if (lx_learn_drop_entry(x, arena))
            return LEXTAG_ERR_NOMEM;
        const lx_cand *g = lx_near_entry(L, x->start, x->end, x->type);
        if (g && lx_learn_take_entry(L, x, g, arena))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}
