/* SPDX-License-Identifier: MIT */
/*
 * Word sets (see wordset.h).
 */
#include "wordset.h"

#include <string.h>

#include "lextag/lextag.h"

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
        size_t b = (size_t) (key >> 55), h = lx_wordset_home(key);
        s->filter[b / 64] |= 1ull << (b % 64);
        /* every list is far shorter than the table: a free slot exists */
        while (s->slot[h] && s->slot[h] != key)
            h = (h + 1) & (LX_WORDSET_SLOTS - 1);
        s->slot[h] = key;
    }
    return 0;
}

bool lx_wordset_listed(const lx_wordset *s, const char *w, size_t n)
{
    for (size_t i = 0; s->list[i]; i++) {
        const char *e = s->list[i];
        /* asked of words whose hash is an entry's: mostly that entry, and
           the others differ at their first byte */
        if (n && e[0] != w[0])
            continue;
        /* entries and words are a few bytes long: compared inline */
        size_t j = 0;
        while (j < n && e[j] && e[j] == w[j])
            j++;
        if (j == n && !e[n])
            return true;
    }
    return false;
}
