/* SPDX-License-Identifier: MIT */
/*
 * State evidence in one pass (see stateev.h).  The joined pattern is
 *
 *   (?:G_a(?>RULE_a)(?C"a")|G_b(?>RULE_b)(?C"b")|...)(*FAIL)
 *
 * where a, b are the rules' indices in the ruleset.  Each rule is atomic,
 * so the callout sees exactly the match the rule alone would give at that
 * start; the callout keeps it unless it starts inside the rule's previous
 * match (a rule run alone resumes after its match), and fails, so the
 * other rules are tried at the same start.  The marks come out sorted by
 * start, then rule.  G_a is a lookahead for the characters a match of rule
 * a can start with (PCRE2's own start analysis of the rule alone): at most
 * starts it fails on one byte, where the rule would first test a
 * lookbehind of Unicode properties.
 *
 * Two joins: all the rules, and the rules a Senate bill written as Congress
 * writes it ("S. 5678") can be settled by alone (Congress and the states
 * whose forms include "s."), read when the open bills are only such: a page
 * dense with federal Senate bills reads two rules, not sixty.
 *
 * Compiling a join to machine code takes some 5-20 ms, about what
 * interpreting it costs over 16 KB: a reader interprets until it has read
 * JIT_AFTER bytes with a join, then compiles that join once.
 */
#include "stateev.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"

#define EVIDENCE_REACH 8192 /* bytes around a bill its document evidence is read from */
#define JIT_AFTER (16u * 1024u)
#define MATCH_LIMIT 2000000
#define DEPTH_LIMIT 20000
#define GUARD_MAX 1024 /* a guard: at most 64 ranges "\x{hh}-\x{hh}" and 24 bytes more */
#define OPEN LX_STATEEV_OPEN

/* What a rule's mark says, read once from its line. */
typedef struct ev_rule {
    const char *code, *forms; /* code NULL: not an evidence rule */
    size_t cl, fl;
    size_t next; /* where the rule's next match may start */
} ev_rule;

enum { JOIN_ALL, JOIN_FED, N_JOINS };

typedef struct join {
    pcre2_code *code; /* NULL until first needed */
    size_t read;      /* bytes read with it, to decide on JIT */
    bool jitted;
} join;

struct lx_stateev {
    const lx_ruleset *rs;
    ev_rule *rules; /* per rule of rs */
    join joins[N_JOINS];
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
};

void lx_stateev_free(lx_stateev *ev)
{
    if (!ev)
        return;
    for (int j = 0; j < N_JOINS; j++)
        pcre2_code_free(ev->joins[j].code);
    pcre2_match_data_free(ev->md);
    pcre2_match_context_free(ev->mctx);
    pcre2_jit_stack_free(ev->jit);
    free(ev->rules);
    free(ev);
}

/* Is `type` one of the comma-separated forms f[0..n) ("hb,sb,hr")? */
static bool has_form(const char *f, size_t n, const char *type)
{
    size_t tl = strlen(type);
    for (size_t i = 0; i < n;) {
        size_t k = i;
        while (k < n && f[k] != ',')
            k++;
        if (k - i == tl && memcmp(f + i, type, tl) == 0)
            return true;
        i = k + 1;
    }
    return false;
}

static bool in_join(const ev_rule *x, int j)
{
    if (!x->code)
        return false;
    return j == JOIN_ALL || (x->cl == 2 && memcmp(x->code, "us", 2) == 0) ||
           (x->forms && has_form(x->forms, x->fl, LX_STATEEV_FED_SENATE));
}

/*
 * "(?=[...])" for the first characters of r's matches into out: the set
 * PCRE2 found for the rule alone, any non-ASCII character standing for the
 * lead bytes it lists; "" when it found no set.  A single first letter is
 * taken in both cases and with the non-ASCII ones ("(?i)k" matches the
 * Kelvin sign).
 */
static void guard(const lx_rule *r, char *out)
{
    const uint8_t *bm = NULL;
    uint32_t type = 0, unit = 0;
    bool set[0x80] = {false}, high = false;
    pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTBITMAP, &bm);
    pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODETYPE, &type);
    pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODEUNIT, &unit);
    out[0] = '\0';
    if (bm) {
        for (unsigned b = 0; b < 256; b++)
            if (bm[b / 8] & (1u << (b % 8)))
                *(b < 0x80 ? &set[b] : &high) = true;
    } else if (type == 1 && unit < 0x80) {
        set[unit] = true;
        if ((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z')
            set[unit ^ 0x20] = high = true;
    } else if (type == 1) {
        high = true;
    }
    size_t n = 0;
    for (unsigned b = 0; b < 0x80; b++)
        n += set[b];
    if (!n && !high)
        return;
    n = (size_t) snprintf(out, GUARD_MAX, "(?=[");
    for (unsigned b = 0; b < 0x80; b++) {
        unsigned e = b;
        while (set[b] && e + 1 < 0x80 && set[e + 1])
            e++;
        if (set[b])
            n += (size_t) snprintf(out + n, GUARD_MAX - n, "\\x{%x}-\\x{%x}", b, e);
        b = e;
    }
    snprintf(out + n, GUARD_MAX - n, "%s])", high ? "\\x{80}-\\x{10ffff}" : "");
}

/* The join j (see the top of this file); malloc'd, NULL on NOMEM. */
static char *joined_pattern(const lx_stateev *ev, int j)
{
    const lx_ruleset *rs = ev->rs;
    size_t cap = 32, n;
    for (size_t k = 0; k < rs->n; k++)
        if (in_join(&ev->rules[k], j))
            cap += strlen(rs->v[k].pattern) + GUARD_MAX + 48;
    char *p = malloc(cap), g[GUARD_MAX];
    if (!p)
        return NULL;
    n = (size_t) snprintf(p, cap, "(?:");
    for (size_t k = 0; k < rs->n; k++) {
        const lx_rule *r = &rs->v[k];
        if (!in_join(&ev->rules[k], j))
            continue;
        guard(r, g);
        n += (size_t) snprintf(p + n, cap - n, "%s%s(?>%s%s)(?C\"%zu\")", n > 3 ? "|" : "", g,
                               r->caseless ? "(?i)" : "", r->pattern, k);
    }
    snprintf(p + n, cap - n, ")(*FAIL)");
    return p;
}

static int reader_new(const lx_ruleset *rs, lx_stateev **out)
{
    lx_stateev *ev = calloc(1, sizeof(*ev));
    if (!ev || !(ev->rules = calloc(rs->n ? rs->n : 1, sizeof(*ev->rules))) ||
        !(ev->md = pcre2_match_data_create(1, NULL)) ||
        !(ev->mctx = pcre2_match_context_create(NULL))) {
        lx_stateev_free(ev);
        return LEXTAG_ERR_NOMEM;
    }
    ev->rs = rs;
    for (size_t k = 0; k < rs->n; k++) {
        const lx_rule *r = &rs->v[k];
        ev_rule *x = &ev->rules[k];
        if (r->kind == LX_RULE_STATE && r->code &&
            (x->code = lx_rule_attr(r, "state", &x->cl)) != NULL)
            x->forms = lx_rule_attr(r, "forms", &x->fl);
    }
    pcre2_set_match_limit(ev->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(ev->mctx, DEPTH_LIMIT);
    *out = ev;
    return 0;
}

/*
 * Join j, compiled on first use, to machine code once JIT_AFTER bytes are
 * read with it.  NULL on NOMEM.
 */
static pcre2_code *join_for(lx_stateev *ev, int j, size_t more)
{
    join *jn = &ev->joins[j];
    if (!jn->code) {
        char *pat = joined_pattern(ev, j);
        int ec;
        PCRE2_SIZE eo;
        /* each rule compiled alone and refers to no group by number
           (rules.c), so the join compiles unless memory runs out */
        if (pat)
            jn->code = pcre2_compile((PCRE2_SPTR) pat, PCRE2_ZERO_TERMINATED,
                                     PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
                                         PCRE2_DUPNAMES,
                                     &ec, &eo, NULL);
        free(pat);
        if (!jn->code)
            return NULL;
    }
    jn->read += more;
    if (!jn->jitted && jn->read >= JIT_AFTER) {
        jn->jitted = true;
        /* without JIT (unsupported CPU, no memory) the interpreter goes on */
        if (!ev->jit && (ev->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL)))
            pcre2_jit_stack_assign(ev->mctx, NULL, ev->jit);
        pcre2_jit_compile(jn->code, PCRE2_JIT_COMPLETE);
    }
    return jn->code;
}

typedef struct scan_job {
    lx_stateev *ev;
    lx_marks *mv;
    int rc;
} scan_job;

static int on_match(pcre2_callout_block *b, void *data)
{
    scan_job *j = data;
    size_t k = 0, s = b->start_match, e = b->current_position;
    for (size_t i = 0; i < b->callout_string_length; i++)
        k = k * 10 + (size_t) (b->callout_string[i] - '0');
    ev_rule *x = k < j->ev->rs->n ? &j->ev->rules[k] : NULL;
    if (j->rc || !x || !x->code || s < x->next)
        return 1;
    j->rc = lx_marks_add(j->mv, s, e, (uint32_t) k, x->code, x->cl, x->forms, x->fl);
    x->next = e > s ? e : s + 1;
    return 1; /* fail: the next rule at this start, then the next start */
}

/* A stretch of the text evidence is read from. */
typedef struct span {
    size_t lo, hi;
} span;

/*
 * Where evidence is read: the top of the document (its dateline) and
 * EVIDENCE_REACH bytes around each open bill, merged.  A long file of many
 * articles is not read whole for one bill.  *out: malloc'd; NULL when none.
 */
static size_t evidence_spans(const lx_cand *ents, size_t n, size_t len, span **out)
{
    span *v = malloc((n + 1) * sizeof(*v));
    size_t k = 0;
    if (!v)
        return 0;
    v[k++] = (span){0, len < EVIDENCE_REACH ? len : EVIDENCE_REACH};
    for (size_t i = 0; i < n; i++) {
        if (!(ents[i].flags & OPEN))
            continue;
        size_t lo = ents[i].start > EVIDENCE_REACH ? ents[i].start - EVIDENCE_REACH : 0;
        size_t hi = len - ents[i].end > EVIDENCE_REACH ? ents[i].end + EVIDENCE_REACH : len;
        if (lo <= v[k - 1].hi)
            v[k - 1].hi = hi > v[k - 1].hi ? hi : v[k - 1].hi;
        else
            v[k++] = (span){lo, hi};
    }
    *out = v;
    return k;
}

/* Every match of the rules of join j within the spans, into mv. */
static int scan(lx_stateev *ev, int j, const char *t, const span *sp, size_t n_sp, lx_marks *mv)
{
    scan_job job = {ev, mv, 0};
    size_t total = 0;
    for (size_t w = 0; w < n_sp; w++)
        total += sp[w].hi - sp[w].lo;
    pcre2_code *code = join_for(ev, j, total);
    if (!code)
        return LEXTAG_ERR_NOMEM;
    for (size_t k = 0; k < ev->rs->n; k++)
        ev->rules[k].next = 0;
    pcre2_set_callout(ev->mctx, on_match, &job);
    /* the pattern never matches: each call reads its whole span; a span
       that hits a limit keeps the marks found before */
    for (size_t w = 0; w < n_sp && !job.rc; w++)
        pcre2_match(code, (PCRE2_SPTR) t, sp[w].hi, sp[w].lo, 0, ev->md, ev->mctx);
    pcre2_set_callout(ev->mctx, NULL, NULL);
    return job.rc;
}

int lx_stateev_collect(lx_stateev **ev, const lx_ruleset *rs, const lx_legis_doc *ld,
                       const lx_cand *ents, size_t n, const char *t, size_t len, lx_marks *mv,
                       lx_sentences *sent)
{
    if (*ev && (*ev)->rs != rs) {
        lx_stateev_free(*ev);
        *ev = NULL;
    }
    int rc = *ev ? 0 : reader_new(rs, ev), j = JOIN_FED;
    for (size_t i = 0; i < n; i++)
        if (ents[i].flags & (LX_CAND_STATE | LX_CAND_DUAL))
            j = JOIN_ALL;
    span *sp = NULL;
    size_t n_sp = rc ? 0 : evidence_spans(ents, n, len, &sp);
    if (!rc && !sp)
        rc = LEXTAG_ERR_NOMEM;
    if (!rc)
        rc = scan(*ev, j, t, sp, n_sp, mv);
    for (size_t w = 0; w < n_sp && !rc; w++)
        rc = lx_sentences_add(sent, sp[w].lo, sp[w].hi);
    free(sp);
    for (size_t i = 0; i < ld->n_marks && !rc; i++)
        if (ld->marks[i].congress > 0)
            rc = lx_marks_add(mv, ld->marks[i].pos, ld->marks[i].pos + 1, UINT32_MAX, "us", 2,
                              NULL, 0);
    return rc ? rc : lx_marks_index(mv, t, UINT32_MAX);
}

bool lx_stateev_only_state(const lx_stateev *ev, const char *type, char code[LX_MARK_CODE])
{
    int found = 0;
    for (size_t k = 0; ev && k < ev->rs->n; k++) {
        const ev_rule *x = &ev->rules[k];
        if (!x->code || !x->forms || !has_form(x->forms, x->fl, type) || x->cl >= LX_MARK_CODE)
            continue;
        if (found++)
            return false;
        memcpy(code, x->code, x->cl);
        code[x->cl] = '\0';
    }
    return found == 1;
}
