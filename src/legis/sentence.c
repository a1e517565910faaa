/* SPDX-License-Identifier: MIT */
/*
 * Sentences, datelines and session years around a state bill, read from the
 * bytes with no tokenizer: the state bill module asks for the sentence of
 * one span at a time, after the document is resolved, and only for
 * documents that hold a state bill.  A sentence ends at a blank line, a
 * bulleted line, or ". ! ?" before a capital, where the word before the
 * period is no abbreviation ("Monday." ends one; "Gov.", "U.S.", "Fla.",
 * "Calif." do not).
 *
 * A document dense with bills asks for thousands of sentences: lx_sentences
 * finds the sentence ends and the years of the stretches read for evidence
 * once, and answers each bill by binary search, as the scans would.
 */
#include "sentence.h"

#include <stdbool.h>
#include <stdlib.h>

#include "lextag/lextag.h"
#include "scan.h"
#include "vec.h"

#define SENT_REACH 2000 /* bytes a sentence is looked for around a span */
#define DATELINE_REACH 120

/* Does a sentence end right after t[i]? */
static bool sentence_break(const char *t, size_t len, size_t i)
{
    char c = t[i];
    size_t j = i + 1;
    if (c == '\n') {
        while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
            j++;
        return j >= len || t[j] == '\n' || (unsigned char) t[j] == 0xE2 || t[j] == '-' ||
               t[j] == '*';
    }
    if (c != '.' && c != '!' && c != '?')
        return false;
    if (j < len && !is_space(t[j]))
        return false;
    j = skip_ws(t, j, len);
    if (j < len && !(t[j] >= 'A' && t[j] <= 'Z') && t[j] != '"' && !is_digit(t[j]) &&
        (unsigned char) t[j] != 0xE2)
        return false;
    if (c != '.')
        return true;
    /* "Monday." and "2019." end a sentence; "Gov.", "U.S.", "Fla.", "Calif." do not */
    size_t w = i;
    while (w > 0 && is_alnum(t[w - 1]))
        w--;
    size_t wl = i - w;
    if (wl == 0 || (w > 0 && t[w - 1] == '.'))
        return false;
    return is_digit(t[w]) || (wl >= 5 && !(wl == 5 && word_at(t, w, i, "calif"))) ||
           (wl >= 2 && t[w] >= 'a' && t[w] <= 'z');
}

/* The sentence around t[s..e): [*ss, *se). */
void lx_sentence_of(const char *t, size_t len, size_t s, size_t e, size_t *ss, size_t *se)
{
    size_t lo = s > SENT_REACH ? s - SENT_REACH : 0;
    size_t hi = e + SENT_REACH < len ? e + SENT_REACH : len;
    *ss = lo;
    for (size_t i = s; i > lo; i--)
        if (sentence_break(t, len, i - 1)) {
            *ss = i;
            break;
        }
    *se = hi;
    for (size_t i = e; i < hi; i++)
        if (sentence_break(t, len, i)) {
            *se = i + 1;
            break;
        }
}

/* End of a dateline ("AUSTIN, Texas (AP) -"): the first dash near the top. */
size_t lx_dateline_end(const char *t, size_t len)
{
    size_t hi = len < DATELINE_REACH ? len : DATELINE_REACH;
    for (size_t i = 1; i + 1 < hi && t[i] != '\n'; i++)
        if (t[i - 1] == ' ' && dash_len(t, i, hi) && (t[i] != '-' || t[i + 1] == ' '))
            return i;
    return 0;
}

/* Is t[i..i+4) a year 1900-2099 standing alone? */
static int year_at(const char *t, size_t i, size_t e)
{
    if (i + 4 > e || (i > 0 && is_alnum(t[i - 1])) || (i + 4 < e && is_alnum(t[i + 4])))
        return 0;
    int y = 0;
    for (size_t k = i; k < i + 4; k++) {
        if (!is_digit(t[k]))
            return 0;
        y = y * 10 + (t[k] - '0');
    }
    return y >= 1900 && y <= 2099 ? y : 0;
}

/* A year written right before t[s..e) ("2019 HB 5") or after it in brackets ("HB 5 (2019)"). */
static int near_year(const char *t, size_t ss, size_t se, size_t s, size_t e)
{
    size_t k = s;
    while (k > ss && t[k - 1] == ' ')
        k--;
    if (k >= ss + 4 && k < s && year_at(t, k - 4, se))
        return year_at(t, k - 4, se);
    k = skip_ws(t, e, se);
    if (k < se && t[k] == '(' && k + 5 < se && t[k + 5] == ')' && year_at(t, k + 1, se))
        return year_at(t, k + 1, se);
    return 0;
}

/* The year at t[i] when "session" follows it ("the 2019 session") before se; else 0. */
static int session_at(const char *t, size_t i, size_t se)
{
    int y = is_digit(t[i]) ? year_at(t, i, se) : 0;
    size_t j = y ? skip_ws(t, i + 4, se) : 0;
    if (y && word_at(t, j, se, "legislative "))
        j = skip_ws(t, j + 12, se);
    if (y && (word_at(t, j, se, "session") || word_at(t, j, se, "regular session")))
        return y;
    return 0;
}

/*
 * The session year written with the bill t[s..e) in its sentence
 * t[ss..se): right before it ("2019 HB 5"), right after it in brackets
 * ("HB 5 (2019)"), or before the word "session" ("the 2019 session"); 0 if
 * none.  Other years in a sentence are as often about something else.
 */
int lx_sentence_year(const char *t, size_t ss, size_t se, size_t s, size_t e)
{
    int y = near_year(t, ss, se, s, e);
    for (size_t i = ss; !y && i + 12 <= se; i++)
        y = session_at(t, i, se);
    return y;
}

/* ---- an index of the stretches many bills are read in ----------------- */

static int push(size_t **v, size_t *n, size_t *cap, size_t x)
{
    if (lx_vec_reserve(v, cap, *n + 1, sizeof(**v), 64))
        return LEXTAG_ERR_NOMEM;
    (*v)[(*n)++] = x;
    return 0;
}

/* First index of v[0..n) whose value is at least x. */
static size_t lower_bound(const size_t *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int lx_sentences_add(lx_sentences *x, size_t lo, size_t hi)
{
    int rc = push(&x->span, &x->n_span, &x->span_cap, lo) ||
             push(&x->span, &x->n_span, &x->span_cap, hi);
    for (size_t i = lo; i < hi && !rc; i++) {
        if (sentence_break(x->t, x->len, i))
            rc = push(&x->brk, &x->n_brk, &x->brk_cap, i);
        if (!rc && is_digit(x->t[i]) && year_at(x->t, i, x->len))
            rc = push(&x->yr, &x->n_yr, &x->yr_cap, i);
    }
    return rc ? LEXTAG_ERR_NOMEM : 0;
}

/* Is [lo, hi) within one stretch added? */
static bool covered(const lx_sentences *x, size_t lo, size_t hi)
{
    size_t k = lower_bound(x->span, x->n_span, lo + 1); /* the first bound past lo */
    return k % 2 == 1 && x->span[k] >= hi && x->span[k - 1] <= lo;
}

void lx_sentences_of(const lx_sentences *x, size_t s, size_t e, size_t *ss, size_t *se)
{
    size_t lo = s > SENT_REACH ? s - SENT_REACH : 0;
    size_t hi = e + SENT_REACH < x->len ? e + SENT_REACH : x->len;
    if (!covered(x, lo, hi)) {
        lx_sentence_of(x->t, x->len, s, e, ss, se);
        return;
    }
    /* the last end in [lo, s), the first in [e, hi), as lx_sentence_of finds them */
    size_t k = lower_bound(x->brk, x->n_brk, s);
    *ss = k > 0 && x->brk[k - 1] >= lo ? x->brk[k - 1] + 1 : lo;
    k = lower_bound(x->brk, x->n_brk, e);
    *se = k < x->n_brk && x->brk[k] < hi ? x->brk[k] + 1 : hi;
}

int lx_sentences_year(const lx_sentences *x, size_t ss, size_t se, size_t s, size_t e)
{
    int y = near_year(x->t, ss, se, s, e);
    if (y || !covered(x, ss, se))
        return y ? y : lx_sentence_year(x->t, ss, se, s, e);
    /* a year before "session" is a year standing alone: only those are tried */
    for (size_t k = lower_bound(x->yr, x->n_yr, ss); !y && k < x->n_yr && x->yr[k] + 12 <= se; k++)
        y = session_at(x->t, x->yr[k], se);
    return y;
}

void lx_sentences_free(lx_sentences *x)
{
    free(x->brk);
    free(x->yr);
    free(x->span);
    x->brk = x->yr = x->span = NULL;
    x->n_brk = x->n_yr = x->n_span = x->brk_cap = x->yr_cap = x->span_cap = 0;
}
