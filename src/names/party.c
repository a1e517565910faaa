/* SPDX-License-Identifier: MIT */
/*
 * Party-and-state tags after the names of members of Congress (party.h).
 */
#include "party.h"

bool lx_party_tag(const lx_toklist *tl, const char *text, size_t a, size_t b)
{
    if (b <= a || b > tl->n)
        return false;
    /* the state alone, with the party and hyphen before it: "(R-Ky.)" read as "Ky" */
    if (a >= 2 && lx_tok_is(tl, a - 1, "-") && !(tl->v[a].flags & LX_TF_SPACE) &&
        tl->v[a - 2].end == tl->v[a - 1].start)
        a -= 2;
    if (a == 0 || !(lx_tok_is(tl, a - 1, ",") || lx_tok_is(tl, a - 1, "(")))
        return false;
    const char *t = text + tl->v[a].start;
    size_t len = tl->v[b - 1].end - tl->v[a].start;
    return len >= 3 && len <= 16 && (t[0] == 'D' || t[0] == 'R' || t[0] == 'I') && t[1] == '-' &&
           t[2] >= 'A' && t[2] <= 'Z';
}
