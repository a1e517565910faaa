/* SPDX-License-Identifier: MIT */
/*
 * Citations of the Constitution ("U.S. Const. art. I, § 8, cl. 3",
 * "amend. IV") as ids usconst/article-1/section-8/clause-3: the parts are
 * read word by word from the match, numbers in roman or arabic.
 */
#include "constitution.h"

#include <stdio.h>
#include <string.h>

#include "citation.h"
#include "scan.h"

/* Roman (I..XXXIX) or arabic number at t[i]; 0 when none. */
static int roman_or_num(const char *t, size_t *i, size_t e)
{
    if (*i < e && is_digit(t[*i]))
        return read_num(t, i, e, 3);
    int v = 0;
    size_t j = *i;
    while (j < e && lower(t[j]) == 'x')
        v += 10, j++;
    if (j + 1 < e && lower(t[j]) == 'i' && lower(t[j + 1]) == 'x')
        v += 9, j += 2;
    else if (j + 1 < e && lower(t[j]) == 'i' && lower(t[j + 1]) == 'v')
        v += 4, j += 2;
    else {
        if (j < e && lower(t[j]) == 'v')
            v += 5, j++;
        while (j < e && lower(t[j]) == 'i' && j - *i < 8)
            v += 1, j++;
    }
    if (!v || (j < e && is_alpha(t[j])))
        return 0;
    *i = j;
    return v;
}

/* The Constitution: "U.S. Const. art. I, § 8, cl. 3", "amend. IV". */
int lx_constitution_emit(const lx_rule *r, const char *t, size_t ms, size_t me, lx_arena *a,
                         lx_candvec *out)
{
    static const struct {
        const char *word, *part;
    } P[] = {{"article", "article"}, {"art", "article"},     {"amendment", "amendment"},
             {"amend", "amendment"}, {"section", "section"}, {"sec", "section"},
             {"\xC2\xA7", "section"}, {"\xC2\xB6", "paragraph"}, {"para", "paragraph"},
             {"clause", "clause"},   {"cl", "clause"}};
    char id[192] = "usconst";
    size_t len = 7;
    for (size_t i = ms; i < me;) {
        size_t k, n = 0;
        for (k = 0; k < sizeof(P) / sizeof(P[0]); k++)
            if (word_at(t, i, me, P[k].word) && (i == ms || !is_alpha(t[i - 1])) &&
                !(i + (n = strlen(P[k].word)) < me && is_alpha(t[i + n])))
                break;
        if (k == sizeof(P) / sizeof(P[0])) {
            i++;
            continue;
        }
        size_t j = skip_ws(t, i + n + (i + n < me && t[i + n] == '.'), me);
        int v = roman_or_num(t, &j, me);
        if (v && len < sizeof(id)) {
            int w = snprintf(id + len, sizeof(id) - len, "/%s-%d", P[k].part, v);
            len = w > 0 ? len + (size_t) w : sizeof(id);
        }
        i = j > i ? j : i + 1;
    }
    if (len == 7 || len >= sizeof(id))
        return 0;
    return lx_citation_push(r, "usconst", ms, me, lx_arena_strndup(a, id, len), NULL, 0, a,
                            out);
}
