/* SPDX-License-Identifier: MIT */
/*
 * Acronyms of terms (see terms.h).  Parentheses are found with memchr, so a
 * stretch without any costs one pass of a vectorized scan.
 */
#include "terms.h"

#include <stdbool.h>
#include <string.h>

/*
 * The letters of an acronym token: two to eight capitals, and a plural's
 * final "s" left out ("SVMs").  Returns their number, 0 for no acronym.
 */
static size_t acronym_letters(const char *text, const lx_token *t)
{
    size_t n = t->end - t->start;
    const char *s = text + t->start;
    if (t->kind != LX_TOK_WORD)
        return 0;
    if (n > 2 && s[n - 1] == 's')
        n--;
    if (n < 2 || n > 8)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return n;
}

/* A short lowercase word that may stand between the spelled words ("of",
   "the", "and"), or a hyphen ("state-of-the-art"). */
static bool skippable(const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    if (lx_tok_is(tl, k, "-"))
        return true;
    return t->kind == LX_TOK_WORD && (t->flags & LX_TF_LOWER) && t->end - t->start <= 3;
}

/* Is t written in lowercase, or capitalized only as a sentence's first word? */
static bool lowercase_word(const lx_token *t)
{
    if (t->kind != LX_TOK_WORD)
        return false;
    return (t->flags & LX_TF_LOWER) ||
           ((t->flags & LX_TF_SENT) && (t->flags & LX_TF_CAP) && !(t->flags & LX_TF_ALLCAPS));
}

/*
 * Do the lowercase words before token open spell the n letters of the
 * acronym at s?  Each spelled word opens with its letter, in order, the
 * last letter nearest the parenthesis; at least two words spell it, one
 * of them written in lowercase.
 */
static bool spelled_in_lowercase(const char *text, const lx_toklist *tl, size_t open,
                                 const char *s, size_t n)
{
    size_t w = open, words = 0, lower = 0;
    while (n > 0 && w > 0) {
        const lx_token *x = &tl->v[--w];
        char first = text[x->start];
        if (lowercase_word(x) && (first == s[n - 1] || first == s[n - 1] - 'A' + 'a')) {
            n--;
            words++;
            lower += (x->flags & LX_TF_LOWER) != 0;
        } else if (!skippable(tl, w)) {
            return false;
        }
    }
    return n == 0 && words >= 2 && lower > 0;
}

size_t lx_terms_find(const char *text, size_t len, const lx_toklist *tl, lx_term *out)
{
    size_t found = 0;
    for (const char *p = memchr(text, '(', len); p && found < LX_TERMS_MAX;
         p = memchr(p + 1, '(', len - (size_t) (p + 1 - text))) {
        size_t open = lx_tok_at(tl, (size_t) (p - text));
        if (open + 2 >= tl->n || tl->v[open].start != (size_t) (p - text) ||
            !lx_tok_is(tl, open + 2, ")"))
            continue;
        const lx_token *a = &tl->v[open + 1];
        size_t n = acronym_letters(text, a);
        if (n && spelled_in_lowercase(text, tl, open, text + a->start, n))
            out[found++] = (lx_term){a->start, a->end};
    }
    return found;
}
