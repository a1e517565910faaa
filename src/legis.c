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

#include "lextag/lextag.h"

#define DATELINE_SPAN 1024
#define MAX_BILL 99999L
#define MAX_CONGRESS 200
#define BUF 192

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c; }

/* Length of a dash at t[i] ('-', en dash, em dash, minus sign), or 0. */
static size_t dash_len(const char *t, size_t i, size_t e)
{
    const unsigned char *u = (const unsigned char *) t + i;
    if (i < e && t[i] == '-')
        return 1;
    if (i + 3 <= e && u[0] == 0xE2 &&
        ((u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94)) || (u[1] == 0x88 && u[2] == 0x92)))
        return 3;
    return 0;
}

/* Skips spaces and no-break spaces. */
static size_t skip_ws(const char *t, size_t i, size_t e)
{
    for (;;) {
        if (i < e && is_space(t[i]))
            i++;
        else if (i + 1 < e && (unsigned char) t[i] == 0xC2 && (unsigned char) t[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

/* Case-insensitive ASCII comparison of t[i..] with word w. */
static bool word_at(const char *t, size_t i, size_t e, const char *w)
{
    size_t n = strlen(w);
    if (i + n > e)
        return false;
    for (size_t k = 0; k < n; k++)
        if (lower(t[i + k]) != w[k])
            return false;
    return true;
}

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

static const char *const MONTHS[] = {"january", "february", "march",     "april",
                                     "may",     "june",     "july",      "august",
                                     "september", "october", "november", "december"};

/* Month name (full, 3-letter or "sept", optional '.') at t[i]: 1-12, or 0. */
static int month_at(const char *t, size_t i, size_t e, size_t *after)
{
    if (!(t[i] >= 'A' && t[i] <= 'Z') || (i > 0 && is_alnum(t[i - 1])))
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(MONTHS[m]), n = 0;
        while (i + n < e && n < full && lower(t[i + n]) == MONTHS[m][n])
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

/* Reads 1..maxd digits at t[*i] (not followed by a digit). */
static int read_num(const char *t, size_t *i, size_t e, int maxd)
{
    int v = 0, n = 0;
    while (*i < e && is_digit(t[*i]) && n <= maxd) {
        v = v * 10 + (t[*i] - '0');
        (*i)++;
        n++;
    }
    return n == 0 || n > maxd ? -1 : v;
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
    char cong[16] = "null";
    const char *id;
    if (c) {
        snprintf(cong, sizeof(cong), "%d", c);
        id = lx_arena_printf(a, "%s%ld-%d", type, it->from, c);
    } else {
        id = lx_arena_printf(a, "%s%ld", type, it->from);
    }
    char range[64] = "";
    if (it->to)
        snprintf(range, sizeof(range), ", \"range\": [%ld, %ld]", it->from, it->to);
    const char *extra = lx_arena_printf(
        a, "\"bill\": {\"type\": \"%s\", \"number\": %ld, \"congress\": %s, "
           "\"congress_source\": \"%s\"}%s",
        type, it->from, cong, src, range);
    if (!id || !extra)
        return LEXTAG_ERR_NOMEM;
    lx_cand cand = {s, it->end, r->type, r->source, id, extra, r->prio, 0, LX_NONE, LX_NONE};
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

/* ---- citations -------------------------------------------------------- */

/* Small string builder over a fixed buffer (ids are short). */
typedef struct sbuf {
    char v[BUF];
    size_t n;
    bool over;
} sbuf;

static void sb_putc(sbuf *b, char c)
{
    if (b->n + 1 < sizeof(b->v))
        b->v[b->n++] = c;
    else
        b->over = true;
    b->v[b->n] = '\0';
}

static void sb_put(sbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_putc(b, s[i]);
}

/* One section of a U.S.C./CFR list: its bytes and its readings. */
typedef struct sect {
    size_t start, end;
    sbuf id, alt1, alt2; /* alt*: second/third reading ("" when none) */
    bool range;          /* alt1 is the other end of a range */
} sect;

static bool sec_char(const char *t, size_t i, size_t e)
{
    return i < e && (is_alnum(t[i]) || (t[i] == '.' && i + 1 < e && is_alnum(t[i + 1])) ||
                     (i + 1 < e && (unsigned char) t[i] == 0xC2 &&
                      (unsigned char) t[i + 1] == 0xBD));
}

/* Section number at t[i] ("1182", "612c", "235.3", "167½"); end or i. */
static size_t sec_base(const char *t, size_t i, size_t e, sbuf *b)
{
    while (sec_char(t, i, e)) {
        size_t l = (unsigned char) t[i] == 0xC2 ? 2 : 1;
        sb_put(b, t + i, l);
        i += l;
    }
    return i;
}

/* "(a)(1)(E)" (the first may follow one space) appended as "/a/1/E". */
static size_t sec_subs(const char *t, size_t i, size_t e, sbuf *b)
{
    for (bool first = true;; first = false) {
        size_t j = i;
        if (first && j + 1 < e && t[j] == ' ' && t[j + 1] == '(')
            j++;
        if (j >= e || t[j] != '(')
            return i;
        size_t k = j + 1;
        while (k < e && is_alnum(t[k]) && k - j <= 6)
            k++;
        if (k == j + 1 || k >= e || t[k] != ')')
            return i;
        sb_putc(b, '/');
        sb_put(b, t + j + 1, k - j - 1);
        i = k + 1;
    }
}

static long lead_num(const sbuf *b)
{
    return strtol(b->v, NULL, 10);
}

/* A U.S.C. section, its subsections, a dash reading, "note", "et seq". */
static size_t usc_sect(const char *t, size_t i, size_t e, sect *sc)
{
    sbuf x = {0}, y = {0};
    size_t j = sec_base(t, i, e, &x);
    if (j == i)
        return i;
    bool xsubs = false;
    size_t k = sec_subs(t, j, e, &x);
    xsubs = k > j;
    j = k;
    size_t dl = dash_len(t, j, e);
    sc->start = i;
    if (dl && sec_char(t, j + dl, e)) {
        size_t m = sec_base(t, j + dl, e, &y);
        m = sec_subs(t, m, e, &y);
        long xn = lead_num(&x), yn = lead_num(&y);
        sc->range = xsubs || (yn >= xn && yn > 0 && is_digit(y.v[0]));
        if (sc->range) {
            sc->id = x;
            sc->alt1 = y;
        } else {
            /* "404o-1(a)": the section "404o-1", or "404o" and "1" */
            size_t xb = strcspn(x.v, "/");
            sb_put(&sc->id, x.v, xb);
            sb_putc(&sc->id, '-');
            sb_put(&sc->id, y.v, y.n);
            sb_put(&sc->alt1, x.v, x.n);
            sc->alt2 = y;
        }
        j = m;
    } else {
        sc->id = x;
    }
    size_t w = skip_ws(t, j, e);
    if (word_at(t, w, e, "note") && !(w + 4 < e && is_alpha(t[w + 4]))) {
        sb_put(&sc->id, "/note", 5);
        j = w + 4;
    } else if (word_at(t, w, e, "et seq")) {
        sb_put(&sc->id, "/et-seq", 7);
        j = w + 6;
    }
    sc->end = j;
    return j;
}

/* A CFR section: split into subsections unless a dash follows them. */
static size_t cfr_sect(const char *t, size_t i, size_t e, sect *sc)
{
    size_t j = i;
    while (j < e) {
        size_t dl = dash_len(t, j, e);
        if (sec_char(t, j, e) || t[j] == '(' || t[j] == ')')
            j++;
        else if (dl && sec_char(t, j + dl, e))
            j += dl;
        else
            break;
    }
    while (j > i && (t[j - 1] == '(' || t[j - 1] == '.'))
        j--;
    size_t open = i;
    while (open < j && t[open] != '(')
        open++;
    bool verbatim = false;
    for (size_t k = open; k < j; k++)
        verbatim |= t[k] == ')' && k + 1 < j && t[k + 1] != '(';
    sc->start = i;
    if (verbatim) {
        for (size_t k = i; k < j;) {
            size_t dl = dash_len(t, k, j);
            sb_putc(&sc->id, dl ? '-' : t[k]);
            k += dl ? dl : 1;
        }
        sc->end = j;
        return j;
    }
    sb_put(&sc->id, t + i, open - i);
    sc->end = sec_subs(t, open, e, &sc->id);
    return sc->end;
}

/* Copies group `name` into b, dashes as '-'; false when unset or empty. */
static bool group_text(const lx_rule *r, const char *name, const char *t, const PCRE2_SIZE *ov,
                       sbuf *b)
{
    size_t s, e;
    if (!lx_rule_group(r, name, ov, &s, &e) || s >= e)
        return false;
    for (size_t k = s; k < e;) {
        size_t dl = dash_len(t, k, e);
        if (!is_space(t[k]))
            sb_putc(b, dl ? '-' : t[k]);
        k += dl ? dl : 1;
    }
    return !b->over;
}

static int push_cite(const lx_rule *r, const char *kind, size_t s, size_t e, const char *id,
                     const char *ids, lx_arena *a, lx_candvec *out)
{
    const char *extra = ids ? lx_arena_printf(a, "\"kind\": \"%s\", \"ids\": [%s]", kind, ids)
                            : lx_arena_printf(a, "\"kind\": \"%s\"", kind);
    if (!extra || !id)
        return LEXTAG_ERR_NOMEM;
    lx_cand c = {s, e, r->type, r->source, id, extra, r->prio, 0, LX_NONE, LX_NONE};
    return lx_candvec_push(out, &c);
}

/* Start of the next section of a list ("§§ 8344 and 8468", "1, 2"). */
static size_t next_sect(const char *t, size_t i, size_t e)
{
    size_t j = skip_ws(t, i, e);
    bool sep = false;
    if (j < e && t[j] == ',') {
        sep = true;
        j = skip_ws(t, j + 1, e);
    }
    if ((word_at(t, j, e, "and") || word_at(t, j, e, "or")) && j + 3 < e) {
        sep = true;
        j = skip_ws(t, j + (t[j] == 'o' || t[j] == 'O' ? 2 : 3), e);
    }
    return sep && sec_char(t, j, e) ? j : e;
}

/* U.S.C. and CFR: groups t (title), s (section list), app (appendix). */
static int emit_sections(const lx_rule *r, bool usc, const char *t, size_t ms,
                         const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    sbuf title = {0};
    size_t ss, se, as, ae;
    if (!group_text(r, "t", t, ov, &title) || !lx_rule_group(r, "s", ov, &ss, &se))
        return 0;
    if (lx_rule_group(r, "app", ov, &as, &ae) && ae > as)
        sb_put(&title, "-app", 4);
    const char *pre = usc ? "usc" : "cfr";
    /* "section 552 of title 5": one span, the whole match */
    bool whole = ov[0] < ss && lx_rule_group(r, "t", ov, &as, &ae) && as > ss;
    for (size_t i = ss; i < se;) {
        sect sc;
        memset(&sc, 0, sizeof(sc));
        size_t j = usc ? usc_sect(t, i, se, &sc) : cfr_sect(t, i, se, &sc);
        if (j == i || sc.id.over || sc.alt1.over || sc.alt2.over)
            break;
        const char *id = lx_arena_printf(a, "%s/%s/%s", pre, title.v, sc.id.v), *ids = NULL;
        if (sc.alt1.n)
            ids = sc.alt2.n ? lx_arena_printf(a, "\"%s\", \"%s/%s/%s\", \"%s/%s/%s\"", id, pre,
                                              title.v, sc.alt1.v, pre, title.v, sc.alt2.v)
                            : lx_arena_printf(a, "\"%s\", \"%s/%s/%s\"", id, pre, title.v,
                                              sc.alt1.v);
        if (sc.alt1.n && !ids)
            return LEXTAG_ERR_NOMEM;
        size_t ce = whole ? ov[1] : sc.end;
        int rc = push_cite(r, pre, i == ss ? ms : sc.start, ce, id, ids, a, out);
        if (rc || whole)
            return rc;
        i = next_sect(t, sc.end, se);
    }
    return 0;
}

/* Public and private laws: t (Congress), s (law number), sec (section). */
static int emit_law(const lx_rule *r, bool pub, const char *t, size_t ms, size_t me,
                    const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    sbuf c = {0}, n = {0}, sec = {0};
    if (!group_text(r, "t", t, ov, &c) || !group_text(r, "s", t, ov, &n))
        return 0;
    const char *kind = pub ? "public_law" : "private_law";
    bool has_sec = group_text(r, "sec", t, ov, &sec) || group_text(r, "sec2", t, ov, &sec);
    const char *id = has_sec
                         ? lx_arena_printf(a, "us-law/%s/%s/%s/%s", pub ? "public" : "private",
                                           c.v, n.v, sec.v)
                         : lx_arena_printf(a, "us-law/%s/%s/%s", pub ? "public" : "private",
                                           c.v, n.v);
    return push_cite(r, kind, ms, me, id, NULL, a, out);
}

/* Statutes at Large and Federal Register: t (volume), s (page). */
static int emit_volume(const lx_rule *r, const char *kind, const char *pre, const char *t,
                       size_t ms, size_t me, const PCRE2_SIZE *ov, lx_arena *a,
                       lx_candvec *out)
{
    sbuf v = {0}, p = {0};
    if (!group_text(r, "t", t, ov, &v) || !group_text(r, "s", t, ov, &p))
        return 0;
    return push_cite(r, kind, ms, me, lx_arena_printf(a, "%s/%s/%s", pre, v.v, p.v), NULL, a,
                     out);
}

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
static int emit_const(const lx_rule *r, const char *t, size_t ms, size_t me, lx_arena *a,
                      lx_candvec *out)
{
    static const struct {
        const char *word, *part;
    } P[] = {{"article", "article"}, {"art", "article"},     {"amendment", "amendment"},
             {"amend", "amendment"}, {"section", "section"}, {"sec", "section"},
             {"\xC2\xA7", "section"}, {"\xC2\xB6", "paragraph"}, {"para", "paragraph"},
             {"clause", "clause"},   {"cl", "clause"}};
    sbuf id = {0};
    sb_put(&id, "usconst", 7);
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
        if (v) {
            char num[16];
            snprintf(num, sizeof(num), "/%s-%d", P[k].part, v);
            sb_put(&id, num, strlen(num));
        }
        i = j > i ? j : i + 1;
    }
    if (id.n == 7 || id.over)
        return 0;
    return push_cite(r, "usconst", ms, me, lx_arena_strndup(a, id.v, id.n), NULL, a, out);
}

static int emit_citation(const lx_rule *r, const char *t, size_t ms, size_t me,
                         const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    const char *n = r->name;
#define IS(p) (strncmp(n, p, sizeof(p) - 1) == 0)
    if (IS("usconst"))
        return emit_const(r, t, ms, me, a, out);
    if (IS("usc"))
        return emit_sections(r, true, t, ms, ov, a, out);
    if (IS("cfr"))
        return emit_sections(r, false, t, ms, ov, a, out);
    if (IS("publaw"))
        return emit_law(r, true, t, ms, me, ov, a, out);
    if (IS("privlaw"))
        return emit_law(r, false, t, ms, me, ov, a, out);
    if (IS("stat"))
        return emit_volume(r, "stat", "stat", t, ms, me, ov, a, out);
    if (IS("fedreg"))
        return emit_volume(r, "fedreg", "fedreg", t, ms, me, ov, a, out);
#undef IS
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
    lx_cand c = {s, e, r->type, r->source, id, NULL, r->prio, 0, LX_NONE, LX_NONE};
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
        return emit_citation(r, text, s, e, ov, a, out);
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
        const char *x = law->extra
                            ? lx_arena_printf(a, "%s, \"bill\": \"%s\"", law->extra, bill->id)
                            : lx_arena_printf(a, "\"bill\": \"%s\"", bill->id);
        if (!x)
            return LEXTAG_ERR_NOMEM;
        law->extra = x;
    }
    return 0;
}
