/* SPDX-License-Identifier: MIT */
/*
 * US legislation references.  The rule file (gazetteers/rules/legislation.rules)
 * decides *where* a bill, citation or act is written and how far a list
 * reaches; this module reads the matched bytes and decides *what* they name:
 * the bill type from the letters of the prefix ("H. Con. Res." -> hconres),
 * the numbers of a list or range, and citation paths in the
 * unitedstates/citation scheme (citation.c); the Congress of a bill comes
 * from congress.c.  Parsing the match by hand instead of through
 * a dozen named groups keeps the patterns short and every surface form
 * (dots, spaces, line breaks, brackets, dashes) handled in one place.
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
#include "congress.h"
#include "lextag/lextag.h"
#include "scan.h"
#include "statebill.h"
#include "words.h"

#define MAX_BILL 99999L

/* ---- bills ------------------------------------------------------------ */

/*
 * Bill type named by the letters buf (lowercase, nothing but letters), from
 * the "LETTERS TYPE" lines of bill-types.txt; NULL when none.  The types are
 * returned from the list itself, so they outlive every document.
 */
static const char *type_of_letters(const char *buf)
{
    size_t n = strlen(buf);
    for (const char *const *w = lx_words_bill_types; *w; w++)
        if (strncmp(*w, buf, n) == 0 && (*w)[n] == ' ')
            return *w + n + 1;
    return NULL;
}

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
        const char *type = type_of_letters(buf);
        if (type)
            return type;
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
                     size_t s, const item *it, uint32_t flags, lx_arena *a, lx_candvec *out)
{
    const char *src;
    int c = lx_congress_at(ld, s, &src);
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
    x->bill.jurisdiction = "us";
    lx_cand cand = {s, it->end, r->type, r->source, id, x, r->prio, flags, LX_NONE, LX_NOREF};
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
    /* "House Bill 5" is a state form too: its level is settled later */
    uint32_t flags = word_at(t, s, e, "house") || word_at(t, s, e, "senate") ? LX_CAND_DUAL : 0;
    /* "S. 5678" is also a New York Senate bill: settled with the state bills */
    if (!flags && strcmp(type, "s") == 0)
        flags = LX_CAND_NO_CONGRESS;
    while (i < e && parse_item(t, i, e, &it)) {
        int rc = push_bill(ld, r, type, first ? s : it.start, &it, flags, a, out);
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

const char *lx_legis_act_id(lx_arena *a, const char *t, size_t s, size_t e)
{
    char *id = lx_arena_alloc(a, e - s + 8);
    if (!id)
        return NULL;
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
    return id;
}

static int emit_act(const lx_rule *r, const char *t, size_t s, size_t e, lx_arena *a,
                    lx_candvec *out)
{
    if (e - s > 4 && word_at(t, s, e, "the") && is_space(t[s + 3]))
        s = skip_ws(t, s + 3, e);
    s = act_start(t, s, e);
    while (e > s && (is_space(t[e - 1]) || t[e - 1] == ','))
        e--;
    const char *id = lx_legis_act_id(a, t, s, e);
    if (!id)
        return LEXTAG_ERR_NOMEM;
    if (!id[4])
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
    case LX_RULE_STATEBILL:
        return lx_statebill_emit(r, text, s, e, a, out);
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
    if (lx_citation_link_acts(ents, n, a))
        return LEXTAG_ERR_NOMEM;
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
