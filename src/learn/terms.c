/* SPDX-License-Identifier: MIT */
/*
 * Acronyms of terms (see terms.h).  Parentheses are found with memchr, so a
 * stretch without any costs one pass of a vectorized scan.
 */
#include "terms.h"

#include <stdbool.h>
#include <string.h>

#include "evidence.h"
#include "model.h"

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
 * Evidence that a capitalized word names a body, a place or a people
 * ("Commission", "Tamil", "American"): a phrase holding one is a name's
 * long form, not a term's.
 */
#define BODY_EVIDENCE                                                                          \
    (LX_EV_ORG_SUFFIX | LX_EV_ORG_PREFIX | LX_EV_DESIGNATOR | LX_EV_ORG_NOUN |                  \
     LX_EV_MEDIA_HEAD | LX_EV_PLACE | LX_EV_COUNTRY | LX_EV_NATIONALITY)

/*
 * The first token of the phrase before token open that spells the n
 * letters of the acronym at s as a term's (open when none does).  Each
 * spelled word opens with its letter, in order, the last letter nearest
 * the parenthesis, and at least two words spell it.  Either every one of
 * them is written in lowercase, but for a sentence's first ("support
 * vector machine"), or some are capitalized, and then each is an English
 * word, listed or shaped as one (lx_evidence_word_shaped()), and none a
 * sign of a body, a place or a people ("Positive Predictive Value", "Long
 * short-term memory"; not "Liberation Tigers of
 * Tamil Eelam", "Kakbhusundi Revolutionary Forum", "New Patriotic party").
 */
static size_t spelled_as_term(const char *text, const lx_toklist *tl, size_t open, const char *s,
                              size_t n)
{
    size_t w = open, words = 0, first = open;
    bool capitalized = false, body = false, english = true;
    while (n > 0 && w > 0) {
        const lx_token *x = &tl->v[--w];
        char c = text[x->start];
        if (x->kind == LX_TOK_WORD && !(x->flags & LX_TF_ALLCAPS) &&
            (c == s[n - 1] || c == s[n - 1] - 'A' + 'a')) {
            n--;
            words++;
            first = w;
            body |= (x->bits & BODY_EVIDENCE) != 0;
            if (!lowercase_word(x)) {
                capitalized = true;
                english &= (x->bits & (LX_EV_WORD | LX_EV_COMMON)) ||
                           lx_evidence_word_shaped(text + x->start, x->end - x->start,
                                                   x->bits);
            }
        } else if (!skippable(tl, w)) {
            return open;
        }
    }
    if (n || words < 2 || (capitalized && (body || !english)))
        return open;
    return first;
}

size_t lx_terms_find(const char *text, size_t len, const lx_toklist *tl, lx_term *out)
{
    size_t found = 0;
    for (const char *p = memchr(text, '(', len); p && found < LX_TERMS_MAX;
         p = memchr(p + 1, '(', len - (size_t) (p + 1 - text))) {
        size_t open = lx_tok_at(tl, (size_t) (p - text));
        if (open + 2 >= tl->n || tl->v[open].start != (size_t) (p - text) ||
            !(lx_tok_is(tl, open + 2, ")") || lx_tok_is(tl, open + 2, ",")))
            continue;
        const lx_token *a = &tl->v[open + 1];
        size_t n = acronym_letters(text, a);
        size_t first = n ? spelled_as_term(text, tl, open, text + a->start, n) : open;
        if (first < open)
            out[found++] = (lx_term){a->start, a->end, tl->v[first].start, tl->v[open - 1].end};
    }
    return found;
}
