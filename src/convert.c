/* SPDX-License-Identifier: MIT */
/*
 * The last step of tagging: candidates, sorted by start, become public
 * entity records, with their byte offsets converted to code points and
 * UTF-16 units.  The conversion walks the text forward once, eight ASCII
 * bytes at a time, because entities come in order: no per-entity search
 * from the start of the document.  A long document's walk is cut into parts
 * at its stretch bounds, walked side by side, each counting from zero; the
 * counts of the parts before are added after (a prefix sum).  A bound is a
 * character boundary for every walk (stretch.c cuts there), which the parts
 * check: where one is not, the caller converts in one walk instead.
 */
#include "convert.h"

#include <stdint.h>
#include <string.h>

#include "attrs.h"
#include "utf8.h"

/* The index of the candidate that starts at byte `ref`, or -1. */
static long ref_index(const lx_candvec *cv, size_t ref)
{
    size_t lo = lx_cands_starting_from(cv->v, cv->n, ref);
    return lo < cv->n && cv->v[lo].start == ref ? (long) lo : -1;
}

static bool type_kept(const char *types, const char *type)
{
    if (!types || !*types)
        return true;
    size_t n = strlen(type);
    for (const char *p = types; *p;) {
        const char *comma = strchr(p, ',');
        size_t l = comma ? (size_t) (comma - p) : strlen(p);
        if (l == n && memcmp(p, type, n) == 0)
            return true;
        p += l + (comma ? 1 : 0);
    }
    return false;
}

typedef struct cursor {
    size_t byte, cp, u16;
} cursor;

static void advance(cursor *c, const char *text, size_t len, size_t target)
{
    size_t l;
    while (c->byte < target) {
        /* the ASCII run up to the next other byte: whole blocks of eight,
           then byte by byte; a character that is not ASCII is decoded, and
           the text after it is walked in blocks again */
        size_t b = c->byte + lx_ascii_blocks(text + c->byte, target - c->byte);
        while (b < target && (unsigned char) text[b] < 0x80)
            b++;
        c->cp += b - c->byte;
        c->u16 += b - c->byte;
        c->byte = b;
        if (b == target)
            break;
        uint32_t cp = lx_utf8_decode((const unsigned char *) text + b, len - b, &l);
        c->byte += l;
        c->cp++;
        c->u16 += lx_utf16_units(cp);
    }
}

/*
 * Moves start to candidate k's first byte and end to its end, going on from
 * the last entity's end when k starts after it (entities seldom overlap):
 * the bytes between entities are walked once.
 */
static void locate(cursor *start, cursor *end, const char *text, size_t len, const lx_cand *k)
{
    if (end->byte > start->byte && end->byte <= k->start)
        *start = *end;
    advance(start, text, len, k->start);
    *end = *start;
    advance(end, text, len, k->end);
}

/*
 * With --explain, a PERSON or ORG the rules decided (a byline, an alias,
 * a list item) says so: no learned score, its source.
 */
static bool needs_explain(const lx_cand *k)
{
    bool named = strcmp(k->type, "PERSON") == 0 || strcmp(k->type, "ORG") == 0;
    return named && !(k->attrs && k->attrs->explain);
}

static const struct lextag_attrs *rule_explain(const lx_cand *k, lx_arena *a)
{
    struct lextag_attrs *x = lx_attrs_new(a, k->attrs);
    lextag_explain *e = lx_arena_alloc(a, sizeof(*e));
    const char **src = lx_arena_alloc(a, sizeof(*src));
    if (!x || !e || !src)
        return NULL;
    src[0] = k->source;
    *e = (lextag_explain){false, 0, NULL, 0, src, 1};
    x->explain = e;
    return x;
}

/* Converts accepted (or lost) candidates into public entity records. */
int lx_convert_entities(const lx_candvec *cv, const char *text, size_t len,
                         const char *types, bool explain, lextag_result *res,
                         lextag_entity **out, size_t *n_out)
{
    lextag_entity *v = lx_arena_alloc(&res->arena, (cv->n + 1) * sizeof(*v));
    uint32_t *newix = lx_arena_alloc(&res->arena, (cv->n + 1) * sizeof(*newix));
    cursor c = {0, 0, 0}, c2 = c;
    size_t n = 0;
    if (!v || !newix)
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < cv->n; i++) {
        const lx_cand *k = &cv->v[i];
        newix[i] = LX_NONE;
        if (!type_kept(types, k->type))
            continue;
        newix[i] = (uint32_t) n;
        lextag_entity *e = &v[n++];
        locate(&c, &c2, text, len, k);
        e->byte_start = c.byte;
        e->start = c.cp;
        e->utf16_start = c.u16;
        e->byte_end = c2.byte;
        e->end = c2.cp;
        e->utf16_end = c2.u16;
        e->type = k->type;
        e->id = k->id;
        e->source = k->source;
        e->attrs = k->attrs;
        if (explain && needs_explain(k) && !(e->attrs = rule_explain(k, &res->arena)))
            return LEXTAG_ERR_NOMEM;
        e->ref = -1;
    }
    /* a ref is the start byte of the mention referred to: find its index */
    for (size_t i = 0; i < cv->n; i++) {
        if (cv->v[i].ref == LX_NOREF || newix[i] == LX_NONE)
            continue;
        long lo = ref_index(cv, cv->v[i].ref);
        if (lo >= 0 && newix[lo] != LX_NONE)
            v[newix[i]].ref = (long) newix[lo];
    }
    *out = v;
    *n_out = n;
    return 0;
}


int lx_convert_begin(lx_convert *c, const lx_candvec *cv, const char *text, size_t len,
                     const size_t *bounds, size_t n_parts, lx_arena *a)
{
    *c = (lx_convert){cv, text, len, bounds, n_parts, NULL, NULL, NULL};
    c->v = lx_arena_alloc(a, (cv->n + 1) * sizeof(*c->v));
    c->first = lx_arena_alloc(a, (n_parts + 1) * sizeof(*c->first));
    c->sums = lx_arena_alloc(a, 3 * n_parts * sizeof(*c->sums));
    if (!c->v || !c->first || !c->sums)
        return LEXTAG_ERR_NOMEM;
    for (size_t p = 0; p <= n_parts; p++) /* the first candidate starting at or after */
        c->first[p] = p == n_parts ? cv->n
                                   : lx_cands_starting_from(cv->v, cv->n, bounds[p]);
    return 0;
}


void lx_convert_part(lx_convert *c, size_t p)
{
    cursor cur = {c->bounds[p], 0, 0}, end = cur;
    for (size_t i = c->first[p]; i < c->first[p + 1]; i++) {
        const lx_cand *k = &c->cv->v[i];
        lextag_entity *e = &c->v[i];
        locate(&cur, &end, c->text, c->len, k);
        *e = (lextag_entity){.type = k->type, .start = cur.cp, .end = end.cp,
                             .byte_start = cur.byte, .byte_end = end.byte,
                             .utf16_start = cur.u16, .utf16_end = end.u16, .id = k->id,
                             .source = k->source, .attrs = k->attrs, .ref = -1};
        if (k->ref != LX_NOREF)
            e->ref = ref_index(c->cv, k->ref);
    }
    /* the last part's counts are never added to anything */
    if (p + 1 < c->n_parts)
        advance(&cur, c->text, c->len, c->bounds[p + 1]);
    c->sums[3 * p] = cur.cp;
    c->sums[3 * p + 1] = cur.u16;
    c->sums[3 * p + 2] = p + 1 < c->n_parts ? cur.byte : c->bounds[p + 1];
}

bool lx_convert_end(lx_convert *c, lextag_entity **out, size_t *n_out)
{
    size_t cp = 0, u16 = 0;
    for (size_t p = 0; p < c->n_parts; p++)
        if (c->sums[3 * p + 2] != c->bounds[p + 1])
            return false; /* a character across a bound: the parts disagree */
    for (size_t p = 0; p < c->n_parts; p++) {
        for (size_t i = c->first[p]; p && i < c->first[p + 1]; i++) {
            lextag_entity *e = &c->v[i];
            e->start += cp;
            e->end += cp;
            e->utf16_start += u16;
            e->utf16_end += u16;
        }
        cp += c->sums[3 * p];
        u16 += c->sums[3 * p + 1];
    }
    *out = c->v;
    *n_out = c->cv->n;
    return true;
}
