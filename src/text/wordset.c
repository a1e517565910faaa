/* SPDX-License-Identifier: MIT */
/*
 * Word sets (see wordset.h).
 */
#include "wordset.h"

#include <string.h>

#include "lextag/lextag.h"

static size_t home(uint64_t h)
{
    return (size_t) (h ^ (h >> 29)) & (LX_WORDSET_SLOTS - 1);
}

int lx_wordset_init(lx_wordset *s, const char *const *list, lx_toklist *scratch)
{
    memset(s, 0, sizeof(*s));
    s->list = list;
    for (size_t i = 0; list[i]; i++) {
        size_t n = strlen(list[i]);
        if (lx_tokenize(scratch, list[i], n))
            return LEXTAG_ERR_NOMEM;
        if (scratch->n != 1 || scratch->v[0].end != n)
            continue;
        uint64_t key = scratch->v[0].hash | 1;
        size_t h = home(key);
        /* every list is far shorter than the table: a free slot exists */
        while (s->slot[h] && s->slot[h] != key)
            h = (h + 1) & (LX_WORDSET_SLOTS - 1);
        s->slot[h] = key;
    }
    return 0;
}

bool lx_wordset_hashed(const lx_wordset *s, const lx_token *t)
{
    if (t->kind != LX_TOK_WORD)
        return false;
    uint64_t key = t->hash | 1;
    size_t h = home(key);
    while (s->slot[h] != key) {
        if (!s->slot[h])
            return false;
        h = (h + 1) & (LX_WORDSET_SLOTS - 1);
    }
    return true;
}

/* Is w[0..n) one of the list's entries, byte for byte? */
static bool listed(const lx_wordset *s, const char *w, size_t n)
{
    for (size_t i = 0; s->list[i]; i++)
        if (strlen(s->list[i]) == n && memcmp(w, s->list[i], n) == 0)
            return true;
    return false;
}

bool lx_wordset_has_folded(const lx_wordset *s, const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    return lx_wordset_hashed(s, t) && listed(s, lx_tok_fold(tl, t), t->fold_len);
}

bool lx_wordset_has(const lx_wordset *s, const lx_toklist *tl, const char *text, size_t k)
{
    const lx_token *t = &tl->v[k];
    if (!lx_wordset_hashed(s, t))
        return false;
    /* the folded form is an entry's: the list is matched as written */
    return listed(s, text + t->start, t->end - t->start);
}
