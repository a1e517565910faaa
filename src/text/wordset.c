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
        size_t b = (size_t) (key >> 55), h = home(key);
        s->filter[b / 64] |= 1ull << (b % 64);
        /* every list is far shorter than the table: a free slot exists */
        while (s->slot[h] && s->slot[h] != key)
            h = (h + 1) & (LX_WORDSET_SLOTS - 1);
        s->slot[h] = key;
    }
    return 0;
}

bool lx_wordset_probe(const lx_wordset *s, uint64_t hash)
{
    uint64_t key = hash | 1;
    size_t h = home(key);
    while (s->slot[h] != key) {
        if (!s->slot[h])
            return false;
        h = (h + 1) & (LX_WORDSET_SLOTS - 1);
    }
    return true;
}

bool lx_wordset_listed(const lx_wordset *s, const char *w, size_t n)
{
    for (size_t i = 0; s->list[i]; i++) {
        const char *e = s->list[i];
        /* asked of words whose hash is an entry's: mostly that entry, and
           the others differ at their first byte */
        if (n && e[0] != w[0])
            continue;
        if (strlen(e) == n && memcmp(w, e, n) == 0)
            return true;
    }
    return false;
}
