/* SPDX-License-Identifier: MIT */
/*
 * The Congress of a bill number: from a "115th Congress" ordinal before it
 * in the text, else from the document's date or a dateline near the top.
 *
 * Congress ordinals are found by one linear pass over the bytes (no regex);
 * they are kept as a sorted array of marks so that a reference looks its
 * Congress up by binary search.  When the document has a date, an ordinal
 * only holds until the end of its paragraph (a mark with congress 0 closes
 * it): "the 104th Congress passed ..." in a 1997 speech must not reassign the
 * bills introduced further down.  Without a date it holds to the end.
 */
#include "congress.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lextag/lextag.h"
#include "dateline.h"
#include "scan.h"
#include "words.h"

#define DATELINE_SPAN 1024
#define MAX_CONGRESS 200

/* ---- dates and Congress numbers --------------------------------------- */

int lx_congress_of_date(int year, int month, int day)
{
    if (year % 2 == 1 && month == 1 && day >= 1 && day <= 3)
        year--;
    if (year < 1789)
        return 0;
    return (year + 1) / 2 - 894;
}

static bool valid_date(int y, int m, int d)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

/* Reads exactly n digits at s; -1 when one is missing. */
static int fixed_digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int lx_congress_parse_date(const char *s, int *year, int *month, int *day)
{
    if (!s)
        return -1;
    int y = fixed_digits(s, 4);
    if (y < 0 || s[4] != '-')
        return -1;
    int m = fixed_digits(s + 5, 2);
    if (m < 0 || s[7] != '-')
        return -1;
    int d = fixed_digits(s + 8, 2);
    if (d < 0 || (s[10] != '\0' && s[10] != 'T' && s[10] != ' '))
        return -1;
    if (!valid_date(y, m, d))
        return -1;
    *year = y;
    *month = m;
    *day = d;
    return 0;
}

bool lextag_date_valid(const char *s)
{
    int y, m, d;
    return lx_congress_parse_date(s, &y, &m, &d) == 0;
}

/* Month name (full, 3-letter or "sept", optional '.') at t[i]: 1-12, or 0. */
static int month_at(const char *t, size_t i, size_t e, size_t *after)
{
    /* the first letters of the months: a capital no month opens (most of
       them) turns a word away before the list is read */
    const uint32_t firsts = 1u << ('a' - 'a') | 1u << ('d' - 'a') | 1u << ('f' - 'a') |
                            1u << ('j' - 'a') | 1u << ('m' - 'a') | 1u << ('n' - 'a') |
                            1u << ('o' - 'a') | 1u << ('s' - 'a');
    if (!(t[i] >= 'A' && t[i] <= 'Z') || !(firsts >> (t[i] - 'A') & 1) ||
        (i > 0 && is_alnum(t[i - 1])))
        return 0;
    char w[sizeof("september") - 1]; /* the longest month */
    size_t n = 0;
    for (; i + n < e && is_alpha(t[i + n]); n++) {
        if (n == sizeof(w))
            return 0;
        w[n] = lower(t[i + n]);
    }
    int m = lx_month_number(w, n);
    if (m && n < strlen(lx_words_months[m - 1]) && i + n < e && t[i + n] == '.')
        n++; /* "Aug." */
    if (m)
        *after = i + n;
    return m;
}

/* "June 20, 2018" / "June 20 2018" / "June 20 -" (year 0) at t[i]. */
static bool month_date_at(const char *t, size_t i, size_t e, int *y, int *m, int *d)
{
    size_t j;
    int mo = month_at(t, i, e, &j);
    if (!mo)
        return false;
    j = skip_ws(t, j, e);
    int dd = read_num(t, &j, e, 2);
    if (dd < 1 || dd > 31 || (j < e && is_alpha(t[j]) && !word_at(t, j, e, "st") &&
                              !word_at(t, j, e, "nd") && !word_at(t, j, e, "rd") &&
                              !word_at(t, j, e, "th")))
        return false;
    while (j < e && is_alpha(t[j]))
        j++;
    if (j < e && t[j] == ',')
        j++;
    j = skip_ws(t, j, e);
    size_t k = j;
    int yy = read_num(t, &k, e, 4);
    *y = (k - j == 4 && yy >= 1789) ? yy : 0;
    *m = mo;
    *d = dd;
    return true;
}

/* "2018-06-20" at t[i]. */
static bool iso_date_at(const char *t, size_t i, size_t e, int *y, int *m, int *d)
{
    if (i + 10 > e || (i > 0 && is_alnum(t[i - 1])) || (i + 10 < e && is_digit(t[i + 10])))
        return false;
    char buf[11];
    memcpy(buf, t + i, 10);
    buf[10] = '\0';
    return lx_congress_parse_date(buf, y, m, d) == 0 && *y >= 1789;
}

/* A standalone year 1789-2099 in t[0..e), or 0. */
static int some_year(const char *t, size_t e)
{
    for (size_t i = 0; i + 4 <= e; i++) {
        if (!is_digit(t[i]) || (i > 0 && is_alnum(t[i - 1])) || (i + 4 < e && is_alnum(t[i + 4])))
            continue;
        int y = fixed_digits(t + i, 4);
        if (y >= 1789 && y <= 2099)
            return y;
    }
    return 0;
}

/*
 * Whether any of the eight bytes at t lies strictly between lo and hi (both
 * below 128): the pre-scans skip plain text eight bytes at a time.
 */
static bool any_between(const char *t, unsigned lo, unsigned hi)
{
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t x, low7;
    memcpy(&x, t, 8);
    low7 = x & (ones * 127);
    return ((ones * (127 + hi) - low7) & ~x & (low7 + ones * (127 - lo)) & (ones * 128)) != 0;
}

/*
 * From t[i], past the bytes of t[0..e) that hold no digit, sixteen or eight
 * at a time: the place of the first digit, or a little before it.  Both
 * scans below look at digits only, and most text has few.
 */
static size_t skip_to_digits(const char *t, size_t i, size_t e)
{
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
    while (i + 16 <= e) {
        __m128i v = _mm_loadu_si128((const __m128i *) (t + i));
        __m128i d = _mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above));
        unsigned m = (unsigned) _mm_movemask_epi8(d);
        if (m)
            return i + (size_t) __builtin_ctz(m);
        i += 16;
    }
#endif
    while (i + 8 <= e && !any_between(t + i, '0' - 1, '9' + 1))
        i += 8;
    return i;
}

/*
 * Where a month's name would start for a day written at t[p] ("June 20",
 * "Aug. 5", "Sept.\u00a05"): before p, the spaces skip_ws() passes over, a
 * '.', and the run of letters they follow.  Every date has a digit, and
 * each run of digits has one such place: month_date_at() can be true only
 * there, so the scan asks it only there instead of at every capital.
 */
static size_t month_before(const char *t, size_t p)
{
    size_t k = p;
    for (;;) {
        if (k > 0 && is_space(t[k - 1]))
            k--;
        else if (k > 1 && (unsigned char) t[k - 2] == 0xC2 && (unsigned char) t[k - 1] == 0xA0)
            k -= 2;
        else
            break;
    }
    if (k > 0 && t[k - 1] == '.')
        k--;
    while (k > 0 && is_alpha(t[k - 1]))
        k--;
    return k;
}

/* Congress (and *year) of the first dateline-like date near the top of the text. */
static int dateline_congress(const char *t, size_t len, int *year)
{
    size_t e = len < DATELINE_SPAN ? len : DATELINE_SPAN;
    int pm = 0, pd = 0;
    /* a date is a month's name before a run of digits, or a run of digits:
       the runs are visited in order, and for each its month's place (which
       comes after the run before) and then the run itself */
    for (size_t p = 0; p < e; p++) {
        int y, m, d;
        p = skip_to_digits(t, p, e);
        if (p >= e)
            break;
        if (!is_digit(t[p]))
            continue;
        size_t i = month_before(t, p);
        bool month = t[i] >= 'A' && t[i] <= 'Z' && month_date_at(t, i, e, &y, &m, &d);
        for (int k = 0; k < 2; k++) {
            if (k ? !iso_date_at(t, p, e, &y, &m, &d) : !month)
                continue;
            if (y && valid_date(y, m, d)) {
                *year = y;
                return lx_congress_of_date(y, m, d);
            }
            if (!pm) {
                pm = m;
                pd = d;
            }
        }
        while (p + 1 < e && is_digit(t[p + 1]))
            p++;
    }
    int y = pm ? some_year(t, e) : 0;
    if (!y || !valid_date(y, pm, pd))
        return 0;
    *year = y;
    return lx_congress_of_date(y, pm, pd);
}

/* ---- Congress ordinals ------------------------------------------------ */

typedef struct markbuf {
    lx_congress_mark *v;
    size_t n, cap;
    lx_arena *a;
} markbuf;

static int mark_push(markbuf *mb, size_t pos, int congress)
{
    if (mb->n == mb->cap) {
        size_t cap = mb->cap ? mb->cap * 2 : 16;
        lx_congress_mark *v = lx_arena_alloc(mb->a, cap * sizeof(*v));
        if (!v)
            return LEXTAG_ERR_NOMEM;
        if (mb->n)
            memcpy(v, mb->v, mb->n * sizeof(*v));
        mb->v = v;
        mb->cap = cap;
    }
    mb->v[mb->n++] = (lx_congress_mark){pos, congress};
    return 0;
}

/* End of the paragraph holding t[i]: a blank or indented next line. */
static size_t para_end(const char *t, size_t len, size_t i)
{
    const char *p = t + i;
    while ((p = memchr(p, '\n', len - (size_t) (p - t))) != NULL) {
        size_t q = (size_t) (p - t) + 1, k = q;
        while (k < len && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r'))
            k++;
        if (k >= len || t[k] == '\n' || k - q >= 2)
            return (size_t) (p - t);
        p++;
    }
    return len;
}

/*
 * Ordinal at t[i] ("115th", "103d"): its value with *after set past the
 * suffix when it is followed by "Congress" (not "Congresses"/"Congressional")
 * or is "the 115th" closing a phrase; else 0.
 */
static int ordinal_at(const char *t, size_t len, size_t i, size_t *after)
{
    size_t j = i;
    int n = read_num(t, &j, len, 3);
    if (n < 1 || n > MAX_CONGRESS)
        return 0;
    size_t sl = 0;
    if (word_at(t, j, len, "st") || word_at(t, j, len, "nd") || word_at(t, j, len, "rd") ||
        word_at(t, j, len, "th"))
        sl = 2;
    else if (word_at(t, j, len, "d"))
        sl = 1;
    if (!sl || (j + sl < len && is_alnum(t[j + sl])))
        return 0;
    j += sl;
    *after = j;
    size_t k = skip_ws(t, j, len);
    if (word_at(t, k, len, "congress") && !(k + 8 < len && is_alpha(t[k + 8])))
        return n;
    bool the = i >= 4 && word_at(t, i - 4, len, "the ") && (i == 4 || !is_alpha(t[i - 5]));
    if (the && n >= 60 && j < len && strchr(",.;:)", t[j]) != NULL)
        return n;
    return 0;
}

/*
 * Marks of the ordinals that start in t[0..len); t[len..avail) is text that
 * follows (a stream's next window), read only to find where a paragraph or
 * an ordinal ends.  `carried` is an ordinal in effect when t begins.
 */
static int scan_marks(lx_legis_doc *ld, const char *t, size_t len, size_t avail, int carried,
                      lx_arena *a)
{
    markbuf mb = {NULL, 0, 0, a};
    size_t pending = (size_t) -1;
    bool scoped = ld->date_congress != 0;
    if (carried) {
        if (mark_push(&mb, 0, carried))
            return LEXTAG_ERR_NOMEM;
        if (scoped)
            pending = para_end(t, avail, 0);
    }
    for (size_t i = 0; i < len; i++) {
        i = skip_to_digits(t, i, len);
        if (i >= len)
            break;
        if (!is_digit(t[i]) || (i > 0 && is_alnum(t[i - 1])))
            continue;
        size_t after;
        int n = ordinal_at(t, avail, i, &after);
        if (!n) {
            while (i + 1 < len && is_digit(t[i + 1]))
                i++;
            continue;
        }
        if (pending != (size_t) -1 && pending <= i) {
            if (mark_push(&mb, pending, 0))
                return LEXTAG_ERR_NOMEM;
            pending = (size_t) -1;
        }
        if (mark_push(&mb, i, n))
            return LEXTAG_ERR_NOMEM;
        if (scoped)
            pending = para_end(t, avail, after);
        i = after - 1;
    }
    if (pending != (size_t) -1 && mark_push(&mb, pending, 0))
        return LEXTAG_ERR_NOMEM;
    ld->marks = mb.v;
    ld->n_marks = mb.n;
    return 0;
}

int lx_congress_prepare(lx_legis_doc *ld, const char *text, size_t len, const char *date,
                        lx_arena *a)
{
    int y, m, d;
    memset(ld, 0, sizeof(*ld));
    if (date && lx_congress_parse_date(date, &y, &m, &d) == 0 &&
        (ld->date_congress = lx_congress_of_date(y, m, d)) != 0) {
        ld->date_source = "date";
        ld->date_year = y;
    } else if (text && (ld->date_congress = dateline_congress(text, len, &y)) != 0) {
        ld->date_source = "dateline";
        ld->date_year = y;
    }
    return text ? scan_marks(ld, text, len, len, 0, a) : 0;
}

int lx_congress_prepare_next(lx_legis_doc *ld, const char *text, size_t len, size_t avail,
                             const lx_legis_doc *prev, int carried, lx_arena *a)
{
    memset(ld, 0, sizeof(*ld));
    ld->date_congress = prev->date_congress;
    ld->date_source = prev->date_source;
    ld->date_year = prev->date_year;
    return scan_marks(ld, text, len, avail, carried, a);
}

int lx_congress_open(const lx_legis_doc *ld, size_t len)
{
    const char *src = NULL;
    int c = len ? lx_congress_at(ld, len - 1, &src) : 0;
    return src && strcmp(src, "text") == 0 ? c : 0;
}

int lx_congress_prepare_first(lx_legis_doc *ld, const char *text, size_t len, size_t avail,
                              const char *date, lx_arena *a)
{
    int rc = lx_congress_prepare(ld, NULL, 0, date, a);
    int y;
    if (!rc && !ld->date_congress && (ld->date_congress = dateline_congress(text, len, &y))) {
        ld->date_source = "dateline";
        ld->date_year = y;
    }
    return rc ? rc : scan_marks(ld, text, len, avail, 0, a);
}

int lx_congress_at(const lx_legis_doc *ld, size_t pos, const char **src)
{
    size_t lo = 0, hi = ld->n_marks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ld->marks[mid].pos <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && ld->marks[lo - 1].congress > 0) {
        *src = "text";
        return ld->marks[lo - 1].congress;
    }
    if (ld->date_congress) {
        *src = ld->date_source ? ld->date_source : "date";
        return ld->date_congress;
    }
    *src = "none";
    return 0;
}
