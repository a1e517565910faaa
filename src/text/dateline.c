/* SPDX-License-Identifier: MIT */
/*
 * Dateline places (see dateline.h).
 */
#include "dateline.h"

#include <stdbool.h>
#include <string.h>

#include "words.h"

/* Longest place or region, in words: "SAN JUAN CAPISTRANO". */
#define PLACE_WORDS 4

int lx_month_number(const char *w, size_t n)
{
    for (int m = 0; m < 12 && lx_words_months[m]; m++) {
        size_t full = strlen(lx_words_months[m]);
        bool spelled = n == full || n == 3 || (m == 8 && n == 4); /* "sept" */
        if (spelled && n <= full && memcmp(w, lx_words_months[m], n) == 0)
            return m + 1;
    }
    return 0;
}

/* Is token k a capitalized month's name ("Aug", "Sept", "August")? */
static bool month_at(const lx_toklist *tl, size_t k)
{
    const lx_token *t = &tl->v[k];
    /* a lowercase word may not be folded yet (see tokenizer.h) */
    return t->kind == LX_TOK_WORD && (t->flags & LX_TF_CAP) &&
           lx_month_number(lx_tok_fold(tl, t), t->fold_len) != 0;
}

/* Past a date at token k ("1996-08-30", "Aug. 30"), or k when none starts there. */
static size_t past_date(const lx_toklist *tl, size_t k)
{
    const lx_token *v = tl->v;
    if (k + 4 < tl->n && v[k].kind == LX_TOK_NUMBER && v[k].end - v[k].start == 4 &&
        lx_tok_is(tl, k + 1, "-") && v[k + 2].kind == LX_TOK_NUMBER && lx_tok_is(tl, k + 3, "-") &&
        v[k + 4].kind == LX_TOK_NUMBER)
        return k + 5;
    size_t e;
    if (k < tl->n && month_at(tl, k) && (e = lx_dateline_day_after(tl, k)))
        return e;
    return k;
}

size_t lx_dateline_day_after(const lx_toklist *tl, size_t k)
{
    size_t d = k + 1 + (k + 1 < tl->n && lx_tok_is(tl, k + 1, "."));
    if (d < tl->n && tl->v[d].kind == LX_TOK_NUMBER && tl->v[d].end - tl->v[d].start <= 2)
        return d + 1;
    return 0;
}

/* Past the capitalized words of a place at token k, at most PLACE_WORDS,
   on k's line, up to a date ("SAN JUAN, Sept 3"); k when there are none. */
static size_t past_place(const lx_toklist *tl, size_t k, size_t line_start)
{
    size_t words = 0;
    while (k < tl->n && words < PLACE_WORDS && (k == line_start || !(tl->v[k].flags & LX_TF_NEWLINE)) &&
           (tl->v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
           (tl->v[k].kind == LX_TOK_WORD || tl->v[k].kind == LX_TOK_ABBREV) &&
           past_date(tl, k) == k) {
        k++;
        words++;
    }
    return k;
}

/*
 * Might the line at token a be a dateline?  Capitalized words and commas,
 * then a number ("1996-08-30", "Sept 3") or a period and a number ("Aug.
 * 30").  Most lines fail at their first lowercase word: this is asked of
 * every line that opens with a capital, and costs a few tests.
 */
static bool may_be_dateline(const lx_toklist *tl, size_t a)
{
    const lx_token *v = tl->v;
    size_t k = a;
    while (k < tl->n && k - a < 2 * PLACE_WORDS + 3 && (k == a || !(v[k].flags & LX_TF_NEWLINE)) &&
           (((v[k].kind == LX_TOK_WORD || v[k].kind == LX_TOK_ABBREV) &&
             (v[k].flags & (LX_TF_CAP | LX_TF_ALLCAPS))) ||
            lx_tok_is(tl, k, ",")))
        k++;
    if (k == a || k == tl->n || (v[k].flags & LX_TF_NEWLINE))
        return false;
    return v[k].kind == LX_TOK_NUMBER ||
           (lx_tok_is(tl, k, ".") && k + 1 < tl->n && v[k + 1].kind == LX_TOK_NUMBER);
}

/* Is token k the dash that closes a dateline ("-", an en or an em dash)? */
static bool dateline_dash(const lx_toklist *tl, size_t k)
{
    return k < tl->n && !(tl->v[k].flags & LX_TF_NEWLINE) &&
           (lx_tok_is(tl, k, "-") || lx_tok_is(tl, k, "\u2014") || lx_tok_is(tl, k, "\u2013"));
}

/*
 * The end of the place of an undated dateline at token a, the wire's
 * style of today: a city in capitals, then its region or the agency in
 * parentheses or both, and a dash ("CUPERTINO, Calif. —", "WASHINGTON
 * (AP) -", "SAN JOSE, Costa Rica —"); a when the line is none.  The city's
 * capitals tell it from a sentence ("Smith, Jones - and ...").
 */
static size_t undated_place(const lx_toklist *tl, size_t a)
{
    const lx_token *v = tl->v;
    if (!(v[a].flags & LX_TF_ALLCAPS) || v[a].kind != LX_TOK_WORD || v[a].end - v[a].start < 3)
        return a;
    size_t k = past_place(tl, a, a);
    for (size_t j = a; j < k; j++)
        if (!(v[j].flags & LX_TF_ALLCAPS))
            return a;
    /* a region or an agency says the words are a place: "RTRS - Australia
       Senate jeopardises rate cut" is a topic before a headline */
    bool region = false, agency = false;
    if (k < tl->n && lx_tok_is(tl, k, ",")) {
        size_t r = past_place(tl, k + 1, a);
        region = r > k + 1;
        k = r;
        /* "Calif.": the region's abbreviation */
        if (region && k < tl->n && lx_tok_is(tl, k, ".") && v[k].start == v[k - 1].end)
            k++;
    }
    size_t end = k;
    /* "(AP)", "(Reuters)" */
    if (k + 2 < tl->n && lx_tok_is(tl, k, "(") && (v[k + 1].flags & (LX_TF_CAP | LX_TF_ALLCAPS)) &&
        lx_tok_is(tl, k + 2, ")")) {
        agency = true;
        k += 3;
    }
    if (!region && !agency)
        return a;
    /* a dash between spaces ("NATO-led" is a word), and a sentence after
       it: "RUGBY UNION - ENGLAND WIN" is a topic and a headline */
    if (!dateline_dash(tl, k) || !(v[k].flags & LX_TF_SPACE) || k + 1 >= tl->n ||
        (v[k + 1].flags & (LX_TF_ALLCAPS | LX_TF_NEWLINE)))
        return a;
    /* the place ends before a region's stop */
    return end > a && lx_tok_is(tl, end - 1, ".") ? end - 1 : end;
}

size_t lx_dateline_place(const lx_toklist *tl, size_t a)
{
    if (!may_be_dateline(tl, a))
        return undated_place(tl, a);
    size_t k = past_place(tl, a, a);
    if (k == a)
        return a;
    if (k < tl->n && lx_tok_is(tl, k, ",")) {
        size_t r = past_place(tl, k + 1, a);
        /* "NICE, France 1996-08-30", or the date right after the comma */
        k = r < tl->n && r > k + 1 && lx_tok_is(tl, r, ",") ? r + 1 : r;
    }
    if (k == tl->n || (tl->v[k].flags & LX_TF_NEWLINE))
        return a;
    size_t e = past_date(tl, k);
    bool ends = e > k && (e == tl->n || (tl->v[e].flags & LX_TF_NEWLINE) ||
                          lx_tok_is(tl, e, "(") || lx_tok_is(tl, e, "-") ||
                          lx_tok_is(tl, e, "\u2014"));
    return ends ? k : a;
}
