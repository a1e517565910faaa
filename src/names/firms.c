/* SPDX-License-Identifier: MIT */
/*
 * Firm names of partners' surnames (see firms.h).
 */
#include "firms.h"

#include "model.h"

/* A partner: one capitalized word on the line of the name. */
static bool partner(const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    return t->kind == LX_TOK_WORD && (t->flags & LX_TF_CAP) && !(t->flags & LX_TF_ALLCAPS);
}

/* Is token k a joint of the name (a comma or the ampersand) on its line? */
static bool joint(const lx_toklist *tl, size_t k, const char *s)
{
    return !(tl->v[k].flags & LX_TF_NEWLINE) && lx_tok_is(tl, k, s);
}

bool lx_firm_name(const lx_toklist *tl, size_t amp, size_t *a, size_t *b)
{
    if (amp == 0 || amp + 1 >= tl->n || !joint(tl, amp, "&") || !partner(tl, amp - 1) ||
        !partner(tl, amp + 1) || (tl->v[amp + 1].flags & LX_TF_NEWLINE))
        return false;
    size_t p = amp - 1, partners = 2;
    /* a sentence's first word may be the first partner, and ends the walk */
    while (p >= 2 && !(tl->v[p].flags & LX_TF_SENT) && joint(tl, p - 1, ",") &&
           partner(tl, p - 2)) {
        p -= 2;
        partners++;
    }
    if (partners < 3)
        return false; /* no comma: "Lennon & McCartney", "Ernst & Young" (the lists know it) */
    if (p > 0) {
        const lx_token *t = &tl->v[p - 1];
        if (lx_tok_is(tl, p - 1, ",") || lx_tok_is(tl, p - 1, "&") ||
            (t->kind == LX_TOK_WORD && (t->flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
             !(tl->v[p].flags & LX_TF_SENT)))
            return false;
    }
    size_t e = amp + 2, d = e;
    if (d < tl->n && joint(tl, d, ","))
        d++;
    if (d < tl->n && (tl->v[d].bits & LX_EV_DESIGNATOR) && !(tl->v[d].flags & LX_TF_NEWLINE))
        e = d + 1;
    *a = p;
    *b = e;
    return true;
}
