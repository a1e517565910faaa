/* SPDX-License-Identifier: MIT */
/*
 * Ids of members of a Congress long past (see pastids.h).  The text is
 * searched with memmem for each word of the list, and only for a document
 * with such a candidate, so the pass costs nothing elsewhere.
 */
#define _GNU_SOURCE /* memmem */
#include "pastids.h"

#include <string.h>

#include "words.h"

/* Can the byte c stand next to a whole word (no letter or digit)? */
static bool word_edge(unsigned char c)
{
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c >= 0x80);
}

bool lx_pastids_congress(const char *text, size_t len)
{
    for (const char *const *w = lx_words_congress_words; *w; w++) {
        size_t n = strlen(*w);
        /* a word that ends in a stop ("Sen.") needs no edge after it */
        bool stop = (*w)[n - 1] == '.';
        for (const char *p = text, *end = text + len;
             (p = memmem(p, (size_t) (end - p), *w, n)) != NULL; p++) {
            if ((p == text || word_edge((unsigned char) p[-1])) &&
                (stop || p + n == end || word_edge((unsigned char) p[n])))
                return true;
        }
    }
    return false;
}

/* Does c read an era=past entry of m, and carry its id? */
static bool past(const struct lextag_model *m, const lx_cand *c)
{
    return c->id && c->entry != LX_NONE && c->entry < m->n_entries &&
           (m->entries[c->entry].flags & LX_ENTRY_PAST);
}

/* The index of the first candidate of v[0..n) that past() holds of, n if none. */
static size_t first_past(const struct lextag_model *m, const lx_cand *v, size_t n)
{
    size_t i = 0;
    while (i < n && !past(m, &v[i]))
        i++;
    return i;
}

void lx_pastids_settle(const struct lextag_model *m, lx_cand *v, size_t n, lx_cand *w,
                       size_t nw, const char *text, size_t len, bool *congress)
{
    if (*congress)
        return;
    size_t i = first_past(m, v, n), j = first_past(m, w, nw);
    if ((i == n && j == nw) || (*congress = lx_pastids_congress(text, len)))
        return;
    for (; i < n; i++)
        if (past(m, &v[i]))
            v[i].id = NULL;
    for (; j < nw; j++)
        if (past(m, &w[j]))
            w[j].id = NULL;
}
