/* SPDX-License-Identifier: MIT */
/*
 * Lists of names, after the stretch's overlaps are settled.  One pass over
 * the tokens collects the items of each list (name runs joined by commas
 * and "and", each perhaps followed by a parenthesis: "Jan Kroslak
 * (Slovakia)"); each item is looked up among the accepted entities by binary
 * search.  A list of three items or more in which two or more named items
 * are of one type, three times as many as of any other, gives that type to
 * its unnamed items.  Items are kept in a small fixed array: a longer list is judged in
 * parts.
 */
#include "lists.h"

#include <stdbool.h>
#include <string.h>

#include "lextag/lextag.h"
#include "resolve.h"

#define MAX_ITEMS 32

typedef struct item {
    size_t s, e;          /* tokens, end exclusive */
    const char *type;     /* type of the accepted entity over it, or NULL */
    bool clash;           /* an entity overlaps it without covering it */
} item;

/* The accepted entity overlapping bytes [s, e), or NULL. */
static const lx_cand *overlap(const lx_candvec *acc, size_t s, size_t e)
{
    size_t lo = lx_cands_ending_after(acc->v, acc->n, s);
    return lo < acc->n && acc->v[lo].start < e ? &acc->v[lo] : NULL;
}

/* Can an item of a list start at token i? */
static bool item_start(const lx_evidence *c, size_t i)
{
    return lx_model_evidence_name_token(c, i) || lx_evidence_initial(c, i);
}

/* Could the unnamed item look like a name of its own?  No place, no phrase,
   no suffix of the name before it ("Bo Lind, Sr, and ..."). */
static bool name_like(const lx_evidence *c, const item *it)
{
    if (it->e - it->s > 5 || lx_evidence_ends_in_place(c, it->s, it->e) || lx_evidence_all_words(c, it->s, it->e))
        return false;
    if (lx_evidence_bits(c, it->s) & LX_EV_SUFFIX)
        return false;
    for (size_t k = it->s; k < it->e; k++)
        if (lx_evidence_bits(c, k) & (LX_EV_PLACE | LX_EV_NATIONALITY | LX_EV_ORG_SUFFIX | LX_EV_NOT_NAME))
            return false;
    return true;
}

/* Judges one list and adds its unnamed items to c->out. */
static int judge(const lx_evidence *c, const item *items, size_t n)
{
    if (n < 3)
        return 0;
    size_t person = 0, org = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        if (items[i].clash || !items[i].type)
            continue;
        if (strcmp(items[i].type, "PERSON") == 0)
            person++;
        else if (strcmp(items[i].type, "ORG") == 0)
            org++;
        else
            other++;
    }
    /* one odd item in a long list ("..., Alibaba, Kate Henshaw, ...") is a
       company among people, not a mixed list */
    const char *type = person >= 2 && person >= 3 * (org + other)   ? "PERSON"
                       : org >= 2 && org >= 3 * (person + other) ? "ORG"
                                                                 : NULL;
    for (size_t i = 0; type && i < n; i++) {
        if (items[i].type || items[i].clash || !name_like(c, &items[i]))
            continue;
        int rc = lx_evidence_emit(c, items[i].s, items[i].e, type, "context:list", LX_PRIO_CONTEXT - 5);
        if (rc)
            return rc;
    }
    return 0;
}

/*
 * Does a name end before token k?  Not when a capitalized word or a glued
 * hyphen follows: then the run stopped inside a longer name ("Irvine
 * Welsh", "Inzamam-ul-Haq") and is no item.
 */
static bool item_ends(const lx_evidence *c, size_t k)
{
    if (k >= c->tl->n || (c->tl->v[k].flags & (LX_TF_NEWLINE | LX_TF_SENT)))
        return true;
    const lx_token *t = &c->tl->v[k];
    if (t->kind == LX_TOK_WORD)
        return (t->flags & LX_TF_LOWER) != 0;
    return !(lx_evidence_is(c, k, "-") && !(t->flags & LX_TF_SPACE)) && !lx_evidence_is(c, k, "'");
}

/* Does a name start at token i, not inside one ("TY Bello", "St Louis")? */
static bool item_begins(const lx_evidence *c, size_t i)
{
    if (i == 0 || (c->tl->v[i].flags & (LX_TF_NEWLINE | LX_TF_SENT)))
        return true;
    const lx_token *p = &c->tl->v[i - 1];
    if (p->kind == LX_TOK_WORD)
        return (p->flags & LX_TF_LOWER) != 0;
    return (c->tl->v[i].flags & LX_TF_SPACE) && !lx_evidence_is(c, i - 1, ".");
}

/* Token after a parenthesis at k ("(Slovakia)") or an initial's period ("Banky W."), or k. */
static size_t skip_paren(const lx_evidence *c, size_t k)
{
    if (lx_evidence_is(c, k, ".") && !(c->tl->v[k].flags & LX_TF_SPACE) && lx_evidence_is(c, k + 1, ","))
        return k + 1;
    if (!lx_evidence_is(c, k, "("))
        return k;
    size_t close = k + 1;
    while (close < c->tl->n && close < k + 8 && !lx_evidence_is(c, close, ")"))
        close++;
    return close < c->tl->n && lx_evidence_is(c, close, ")") ? close + 1 : k;
}

/* Token after the separator that follows token k (",", "and", ", and"), or 0. */
static size_t after_separator(const lx_evidence *c, size_t k)
{
    size_t p = k;
    if (lx_evidence_is(c, p, ","))
        p++;
    if (lx_evidence_is(c, p, "and") && (c->tl->v[p].flags & LX_TF_LOWER))
        p++;
    if (p == k || p >= c->tl->n || (c->tl->v[p].flags & LX_TF_SENT))
        return 0;
    /* "the Centre Party" */
    if (lx_evidence_is(c, p, "the") && (c->tl->v[p].flags & LX_TF_LOWER))
        p++;
    return p < c->tl->n && item_start(c, p) ? p : 0;
}

/*
 * Judges the list whose first item starts at token i; returns the token
 * after its last item (and its parenthesis) in *end.
 */
static int scan_list(const lx_evidence *c, const lx_candvec *accepted, size_t i, size_t *end)
{
    item items[MAX_ITEMS];
    size_t n = 0;
    int rc = 0;
    while (!rc && i < c->tl->n && item_start(c, i)) {
        size_t e = lx_evidence_run_end(c, i);
        size_t s_byte = c->base + c->tl->v[i].start, e_byte = c->base + c->tl->v[e - 1].end;
        const lx_cand *a = overlap(accepted, s_byte, e_byte);
        /* an entity may hold the item and more ("Jan Kroslak (Slovakia)") */
        item it = {i, e, NULL, false};
        if (a && a->start <= s_byte && a->end >= e_byte)
            it.type = a->type;
        else if (a)
            it.clash = true;
        /* a run cut short inside a longer name is no item the list can name */
        if (!item_ends(c, e) || (n == 0 && !item_begins(c, i)))
            it.clash = true;
        if (n == MAX_ITEMS) {
            rc = judge(c, items, n);
            n = 0;
        }
        items[n++] = it;
        size_t k = skip_paren(c, e);
        *end = k;
        size_t next = after_separator(c, k);
        if (!next)
            break;
        i = next;
    }
    return rc ? rc : judge(c, items, n);
}

/* First token starting at or after byte b of the document, searched from
   *near (the entities come in order: see lx_tok_at_near()). */
static size_t token_at(const lx_evidence *c, size_t b, size_t *near)
{
    return lx_tok_at_near(c->tl, b > c->base ? b - c->base : 0, near);
}

/*
 * The first item of the list that the item starting at token s belongs to:
 * back over separators, parentheses and name words while they alternate as
 * a list's do.
 */
static size_t list_start(const lx_evidence *c, size_t s)
{
    for (size_t guard = 0; guard < MAX_ITEMS && s > 0; guard++) {
        size_t p = s;
        if (lx_evidence_is(c, p - 1, "the") && p >= 2)
            p--;
        if (lx_evidence_is(c, p - 1, "and") && (c->tl->v[p - 1].flags & LX_TF_LOWER))
            p--;
        if (p > 0 && lx_evidence_is(c, p - 1, ","))
            p--;
        if (p == s || p == 0 || (c->tl->v[s].flags & LX_TF_SENT))
            break;
        if (lx_evidence_is(c, p - 1, ")")) {
            size_t open = p - 1;
            while (open > 0 && p - open < 8 && !lx_evidence_is(c, open, "("))
                open--;
            if (!lx_evidence_is(c, open, "("))
                break;
            p = open;
        }
        size_t q = p;
        while (q > 0 && p - q < LX_EV_MAX_RUN && !(c->tl->v[q].flags & LX_TF_SENT) &&
               (lx_evidence_cap_word(c, q - 1) || lx_evidence_is(c, q - 1, ".") || lx_evidence_is(c, q - 1, "-")))
            q--;
        while (q < p && !item_start(c, q))
            q++;
        if (q == p)
            break;
        s = q;
    }
    return s;
}

int lx_lists_scan(const lx_evidence *c, lx_candvec *accepted)
{
    size_t n0 = c->out->n, done = 0, near = 0;
    int rc = 0;
    /* a list worth judging has a named item followed by a separator: start
       from the entities, not from every token */
    for (size_t a = 0; a < accepted->n && !rc; a++) {
        const lx_cand *e = &accepted->v[a];
        if (!lx_cand_type_is(e, "PERSON") && !lx_cand_type_is(e, "ORG"))
            continue;
        size_t k = token_at(c, e->end, &near);
        if (k < done || !after_separator(c, skip_paren(c, k)))
            continue;
        size_t first = list_start(c, token_at(c, e->start, &near));
        /* the items before were judged with an earlier list */
        if (first < done)
            first = token_at(c, e->start, &near);
        size_t end = first;
        rc = scan_list(c, accepted, first, &end);
        done = end > k ? end : k + 1;
    }
    if (rc)
        return rc;
    /* the new items overlap nothing accepted: append them and sort */
    if (c->out->n == n0)
        return 0;
    for (size_t k = n0; k < c->out->n; k++)
        if (lx_candvec_push(accepted, &c->out->v[k]))
            return LEXTAG_ERR_NOMEM;
    c->out->n = n0;
    lx_resolve_sort(accepted);
    return 0;
}
