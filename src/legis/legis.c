/* SPDX-License-Identifier: MIT */
/*
 * US legislation references.  The rule file (gazetteers/rules/legislation.rules)
 * decides *where* a bill, citation or act is written and how far a list
 * reaches; this module reads the matched bytes and decides *what* they name:
 * the bill type from the letters of the prefix ("H. Con. Res." -> hconres),
 * the numbers of a list or range, the Congress, and citation paths in the
 * unitedstates/citation scheme.  Parsing the match by hand instead of through
 * a dozen named groups keeps the patterns short and every surface form
 * (dots, spaces, line breaks, brackets, dashes) handled in one place.
 *
 * Congress ordinals are found by one linear pass over the bytes (no regex);
 * they are kept as a sorted array of marks so that a reference looks its
 * Congress up by binary search.  When the document has a date, an ordinal
 * only holds until the end of its paragraph (a mark with congress 0 closes
 * it): "the 104th Congress passed ..." in a 1997 speech must not reassign the
 * bills introduced further down.  Without a date it holds to the end.
 *
 * Act ids: "act:" + the title lowercased (ASCII), a leading "the" dropped,
 * apostrophes removed, every other run of characters that are not letters or
 * digits turned into one '-' ("Securing America's Future Act" ->
 * "act:securing-americas-future-act").
 */
#include "legis.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "citation.h"
#include "lextag/lextag.h"
#include "scan.h"
#include "words.h"

#define DATELINE_SPAN 1024
#define MAX_BILL 99999L
#define MAX_CONGRESS 200
#define BUF 192

/* ---- dates and Congress numbers --------------------------------------- */

int lx_legis_congress_of_date(int year, int month, int day)
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

int lx_legis_parse_date(const char *s, int *year, int *month, int *day)
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

/* Month name (full, 3-letter or "sept", optional '.') at t[i]: 1-12, or 0. */
static int month_at(const char *t, size_t i, size_t e, size_t *after)
{
    if (!(t[i] >= 'A' && t[i] <= 'Z') || (i > 0 && is_alnum(t[i - 1])))
        return 0;
    for (int m = 0; m < 12 && lx_words_months[m]; m++) {
        size_t full = strlen(lx_words_months[m]), n = 0;
        while (i + n < e && n < full && lower(t[i + n]) == lx_words_months[m][n])
            n++;
        bool ok = n == full || (n == 3 && m != 4) || (m == 8 && n == 4);
        if (!ok || (i + n < e && is_alpha(t[i + n])))
            continue;
        if (n < full && i + n < e && t[i + n] == '.')
            n++;
        *after = i + n;
        return m + 1;
    }
    return 0;
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
    return lx_legis_parse_date(buf, y, m, d) == 0 && *y >= 1789;
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

/* Congress of the first dateline-like date near the top of the text. */
static int dateline_congress(const char *t, size_t len)
{
    size_t e = len < DATELINE_SPAN ? len : DATELINE_SPAN;
    int pm = 0, pd = 0;
    for (size_t i = 0; i < e; i++) {
        int y, m, d;
        if ((is_digit(t[i]) && iso_date_at(t, i, e, &y, &m, &d)) ||
            (t[i] >= 'A' && t[i] <= 'Z' && month_date_at(t, i, e, &y, &m, &d))) {
            if (y && valid_date(y, m, d))
                return lx_legis_congress_of_date(y, m, d);
            if (!pm) {
                pm = m;
                pd = d;
            }
        }
    }
    int y = pm ? some_year(t, e) : 0;
    return y && valid_date(y, pm, pd) ? lx_legis_congress_of_date(y, pm, pd) : 0;
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

static int scan_marks(lx_legis_doc *ld, const char *t, size_t len, lx_arena *a)
{
    markbuf mb = {NULL, 0, 0, a};
    size_t pending = (size_t) -1;
    bool scoped = ld->date_congress != 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(t[i]) || (i > 0 && is_alnum(t[i - 1])))
            continue;
        size_t after;
        int n = ordinal_at(t, len, i, &after);
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
            pending = para_end(t, len, after);
        i = after - 1;
    }
    if (pending != (size_t) -1 && mark_push(&mb, pending, 0))
        return LEXTAG_ERR_NOMEM;
    ld->marks = mb.v;
    ld->n_marks = mb.n;
    return 0;
}

int lx_legis_prepare(lx_legis_doc *ld, const char *text, size_t len, const char *date,
                     lx_arena *a)
{
    int y, m, d;
    memset(ld, 0, sizeof(*ld));
    if (date && lx_legis_parse_date(date, &y, &m, &d) == 0 &&
        (ld->date_congress = lx_legis_congress_of_date(y, m, d)) != 0)
        ld->date_source = "date";
    else if (text && (ld->date_congress = dateline_congress(text, len)) != 0)
        ld->date_source = "dateline";
    return text ? scan_marks(ld, text, len, a) : 0;
}

/* Congress in effect at byte pos and where it came from. */
static int congress_at(const lx_legis_doc *ld, size_t pos, const char **src)
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

/* ---- bills ------------------------------------------------------------ */

static const struct {
    const char *letters, *type;
} BILL_TYPES[] = {
    {"hr", "hr"},           {"s", "s"},
    {"hres", "hres"},       {"sres", "sres"},
    {"hjres", "hjres"},     {"sjres", "sjres"},
    {"hconres", "hconres"}, {"sconres", "sconres"},
    {"hcres", "hconres"},   {"scres", "sconres"},
    {"hamdt", "hamdt"},     {"samdt", "samdt"},
    {"housebill", "hr"},    {"senatebill", "s"},
    {"houseresolution", "hres"},
    {"senateresolution", "sres"},
    {"housejointresolution", "hjres"},
    {"senatejointresolution", "sjres"},
    {"houseconcurrentresolution", "hconres"},
    {"senateconcurrentresolution", "sconres"},
    {"houseamendment", "hamdt"},
    {"senateamendment", "samdt"},
};

/* Bill type named by the letters of a prefix ("H. J. Res." -> "hjres"). */
static const char *bill_type(const char *t, size_t s, size_t e, size_t *num)
{
    char buf[48];
    size_t n = 0, i = s;
    for (; i < e && !is_digit(t[i]); i++) {
        if (!is_alpha(t[i]))
            continue;
        if (n + 1 >= sizeof(buf))
            return NULL;
        buf[n++] = lower(t[i]);
    }
    buf[n] = '\0';
    *num = i;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < sizeof(BILL_TYPES) / sizeof(BILL_TYPES[0]); k++)
            if (strcmp(buf, BILL_TYPES[k].letters) == 0)
                return BILL_TYPES[k].type;
        /* "H.R. No. 5", "House Bill Number 5" */
        if (n > 6 && strcmp(buf + n - 6, "number") == 0)
            buf[n - 6] = '\0';
        else if (n > 2 && strcmp(buf + n - 2, "no") == 0)
            buf[n - 2] = '\0';
        else
            break;
        n = strlen(buf);
    }
    return NULL;
}

/* One number of a bill list, with an optional range "204-227". */
typedef struct item {
    size_t start, end; /* bytes of the number (or range) */
    long from, to;     /* to == 0: no range */
} item;

/* Parses a number (optionally in [brackets]) and range at t[i]. */
static bool parse_item(const char *t, size_t i, size_t e, item *it)
{
    size_t j = i;
    bool br = j < e && t[j] == '[';
    if (br)
        j++;
    long v = 0;
    size_t d0 = j;
    while (j < e && is_digit(t[j]) && j - d0 < 7)
        v = v * 10 + (t[j++] - '0');
    if (j == d0 || (j < e && is_digit(t[j])) || v < 1 || v > MAX_BILL)
        return false;
    if (br && j < e && t[j] == ']')
        j++;
    it->start = i;
    it->end = j;
    it->from = v;
    it->to = 0;
    /* a range is written tight ("204-227"); "S. 1429 - 1988 Disaster ..."
     * is a number followed by a title */
    size_t dl = dash_len(t, j, e);
    if (dl) {
        size_t m = j + dl, m0 = m;
        long w = 0;
        while (m < e && is_digit(t[m]) && m - m0 < 7)
            w = w * 10 + (t[m++] - '0');
        if (m > m0 && w > v && w <= MAX_BILL && w - v < 1000) {
            it->to = w;
            it->end = m;
        }
    }
    return true;
}

/* Start of the next list item after t[i] (", ", " and ", ", or ", " & "). */
static size_t next_item(const char *t, size_t i, size_t e)
{
    size_t j = skip_ws(t, i, e);
    bool sep = false;
    if (j < e && (t[j] == ',' || t[j] == '&' || t[j] == ';')) {
        sep = true;
        j = skip_ws(t, j + 1, e);
    }
    if (word_at(t, j, e, "and") && j + 3 < e && !is_alpha(t[j + 3])) {
        sep = true;
        j = skip_ws(t, j + 3, e);
    } else if (word_at(t, j, e, "or") && j + 2 < e && !is_alpha(t[j + 2])) {
        sep = true;
        j = skip_ws(t, j + 2, e);
    }
    return sep && j < e && (is_digit(t[j]) || t[j] == '[') ? j : e;
}

static int push_bill(const lx_legis_doc *ld, const lx_rule *r, const char *type,
                     size_t s, const item *it, lx_arena *a, lx_candvec *out)
{
    const char *src;
    int c = congress_at(ld, s, &src);
    const char *id = c ? lx_arena_printf(a, "%s%ld-%d", type, it->from, c)
                       : lx_arena_printf(a, "%s%ld", type, it->from);
    struct lextag_attrs *x = lx_attrs_new(a, NULL);
    if (!id || !x)
        return LEXTAG_ERR_NOMEM;
    x->bill.type = type;
    x->bill.number = it->from;
    x->bill.range_end = it->to;
    x->bill.congress = c;
    x->bill.congress_source = src;
    lx_cand cand = {s, it->end, r->type, r->source, id, x, r->prio, 0, LX_NONE, LX_NOREF};
    return lx_candvec_push(out, &cand);
}

static int emit_bill(const lx_legis_doc *ld, const lx_rule *r, const char *t, size_t s,
                     size_t e, lx_arena *a, lx_candvec *out)
{
    size_t i;
    const char *type = bill_type(t, s, e, &i);
    if (!type)
        return 0;
    if (i > s && t[i - 1] == '[')
        i--;
    item it;
    bool first = true;
    while (i < e && parse_item(t, i, e, &it)) {
        int rc = push_bill(ld, r, type, first ? s : it.start, &it, a, out);
        if (rc)
            return rc;
        first = false;
        i = next_item(t, it.end, e);
    }
    return 0;
}

/* ---- acts ------------------------------------------------------------- */

/*
 * A sentence-initial capitalized word is not evidence of a title: in
 * "Critics of the Affordable Care Act ..." the title starts after "the".
 */
static size_t act_start(const char *t, size_t s, size_t e)
{
    size_t p = s;
    while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '"' || t[p - 1] == '\t'))
        p--;
    if (p > 0 && t[p - 1] != '\n' && t[p - 1] != '.' && t[p - 1] != '!' && t[p - 1] != '?')
        return s;
    for (size_t i = s; i + 5 < e; i++)
        if (t[i] == ' ' && memcmp(t + i, " the ", 5) == 0)
            return skip_ws(t, i + 5, e);
    return s;
}

static int emit_act(const lx_rule *r, const char *t, size_t s, size_t e, lx_arena *a,
                    lx_candvec *out)
{
    if (e - s > 4 && word_at(t, s, e, "the") && is_space(t[s + 3]))
        s = skip_ws(t, s + 3, e);
    s = act_start(t, s, e);
    while (e > s && (is_space(t[e - 1]) || t[e - 1] == ','))
        e--;
    char *id = lx_arena_alloc(a, e - s + 8);
    if (!id)
        return LEXTAG_ERR_NOMEM;
    size_t n = 4;
    memcpy(id, "act:", 4);
    bool dash = false;
    for (size_t i = s; i < e; i++) {
        unsigned char c = (unsigned char) t[i];
        if (c == '\'' || (c == 0xE2 && i + 2 < e && (unsigned char) t[i + 1] == 0x80 &&
                          (unsigned char) t[i + 2] == 0x99)) {
            i += c == '\'' ? 0 : 2;
            continue;
        }
        if (is_alnum((char) c) || c >= 0x80) {
            if (dash && n > 4)
                id[n++] = '-';
            dash = false;
            id[n++] = lower((char) c);
        } else {
            dash = true;
        }
    }
    id[n] = '\0';
    if (n == 4)
        return 0;
    lx_cand c = {s, e, r->type, r->source, id, NULL, r->prio, 0, LX_NONE, LX_NOREF};
    return lx_candvec_push(out, &c);
}

int lx_legis_emit(const lx_legis_doc *ld, const lx_rule *r, const char *text, size_t len,
                  const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    size_t s = ov[0], e = ov[1];
    lx_rule_group(r, "e", ov, &s, &e);
    if (e > len || s >= e)
        return 0;
    switch (r->kind) {
    case LX_RULE_BILL:
        return emit_bill(ld, r, text, s, e, a, out);
    case LX_RULE_CITATION:
        return lx_citation_emit(r, text, s, e, ov, a, out);
    case LX_RULE_ACT:
        return emit_act(r, text, s, e, a, out);
    default:
        return 0;
    }
}

/* ---- linking acts and bills ------------------------------------------- */

/* Is t[s..e) only apposition glue: spaces, "(", ",", dashes, ":", "the"? */
static bool glue(const char *t, size_t s, size_t e)
{
    if (e < s || e - s > 12)
        return false;
    for (size_t i = s; i < e;) {
        size_t dl = dash_len(t, i, e);
        if (dl)
            i += dl;
        else if (is_space(t[i]) || strchr("(),:[", t[i]))
            i++;
        else if (word_at(t, i, e, "the") && (i + 3 == e || !is_alpha(t[i + 3])))
            i += 3;
        else
            return false;
    }
    return true;
}

int lx_legis_link(lx_cand *ents, size_t n, const char *text, lx_arena *a)
{
    for (size_t i = 0; i < n; i++) {
        lx_cand *law = &ents[i];
        if (strcmp(law->type, "LAW") != 0)
            continue;
        const lx_cand *bill = NULL;
        if (i + 1 < n && strcmp(ents[i + 1].type, "BILL") == 0 && ents[i + 1].id &&
            glue(text, law->end, ents[i + 1].start))
            bill = &ents[i + 1];
        else if (i > 0 && strcmp(ents[i - 1].type, "BILL") == 0 && ents[i - 1].id &&
                 glue(text, ents[i - 1].end, law->start))
            bill = &ents[i - 1];
        if (!bill)
            continue;
        struct lextag_attrs *x = lx_attrs_new(a, law->attrs);
        if (!x)
            return LEXTAG_ERR_NOMEM;
        x->linked_bill = bill->id;
        law->attrs = x;
    }
    return 0;
}
