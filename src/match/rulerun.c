/* SPDX-License-Identifier: MIT */
/*
 * The rule engine's part of the first pass: every PCRE2 rule without
 * anchors over the whole stretch, then each anchored rule only in the
 * windows where its literal anchors occur (noted by the token scan), with
 * the windows of one rule merged.  A rule that hits its match or depth
 * limit is skipped for the rest of the stretch and reported, never retried.
 */
#include "rulerun.h"

#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "utf8.h"

/* A match may run this far past the end of its anchor's window. */
#define RULE_SLACK 1024

typedef lx_window window;

/* Is doc[s..e) exactly a country's name?  Asked of team slots only, so rarely. */
static int country_span(const lx_lane *t, const char *doc, size_t s, size_t e, bool *yes)
{
    lx_toklist tl = {0};
    int rc = lx_tokenize(&tl, doc + s, e - s);
    *yes = !rc && lx_gazetteer_country(t->m, &tl, 0, tl.n);
    lx_toklist_free(&tl);
    return rc;
}

static int emit_plain(lx_lane *t, const lx_rule *r, const char *doc,
                      const PCRE2_SIZE *ov)
{
    size_t s = ov[0], e = ov[1];
    lx_rule_group(r, "e", ov, &s, &e);
    while (s < e && (doc[s] == ' ' || doc[s] == '\t' || doc[s] == '\n' || doc[s] == '\r'))
        s++;
    while (e > s && (doc[e - 1] == ' ' || doc[e - 1] == '\t' || doc[e - 1] == '\n' ||
                     doc[e - 1] == '\r'))
        e--;
    if (s >= e || e - s > LX_MAX_ENTITY_BYTES || !r->emit)
        return 0;
    bool country = false;
    /* "Norvia 2 Hartland 1": a national side is written as its country, a place */
    if (r->skip_country && country_span(t, doc, s, e, &country))
        return LEXTAG_ERR_NOMEM;
    if (country)
        return 0;
    const char *id = NULL;
    if (r->id_template) {
        char buf[256];
        if (lx_rule_expand_id(r, doc, ov, buf, sizeof(buf)) &&
            !(id = lx_arena_strndup(&t->arena, buf, strlen(buf))))
            return LEXTAG_ERR_NOMEM;
    }
    lx_cand c = {s, e, r->type, r->source, id, NULL, r->prio, 0, LX_NONE, LX_NOREF};
    return lx_candvec_push(&t->cands, &c);
}

/* A rule cut off by its limits is skipped for the rest of the stretch. */
static int note_limit(lx_lane *t, uint32_t rule, lx_stretch_out *out)
{
    if (t->rule_off[rule])
        return 0;
    t->rule_off[rule] = 1;
    uint32_t *v = realloc(out->limits, (out->n_limits + 1) * sizeof(*v));
    if (!v)
        return LEXTAG_ERR_NOMEM;
    out->limits = v;
    v[out->n_limits++] = rule;
    return 0;
}

/*
 * What rule ri's code says, asked once per lane.  A JIT-compiled rule is
 * matched through pcre2_jit_match(), which spares the checks pcre2_match()
 * makes on every call (the rules are compiled with PCRE2_MATCH_INVALID_UTF,
 * so no UTF check is skipped) and gives the same results.  A rule whose
 * matches all start with one byte (PCRE2_INFO_FIRSTCODEUNIT) cannot match
 * where that byte is not: a JSONL record makes a few calls per rule, most
 * of them finding nothing, and each call brings the rule's code into the
 * cache.  Only a byte of ASCII that is no letter is used: a letter may
 * start a match in its other case, or as a sign beyond ASCII.
 */
static const lx_rule_facts *rule_facts(lx_lane *t, uint32_t ri, const pcre2_code *code)
{
    lx_rule_facts *f = &t->rule_facts[ri];
    if (__builtin_expect(!f->known, 0)) {
        size_t size = 0;
        uint32_t type = 0, cu = 0;
        pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &size);
        pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type);
        pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &cu);
        bool letter = (cu | 0x20) >= 'a' && (cu | 0x20) <= 'z';
        f->jit = size != 0;
        f->first = type == 1 && cu > 0 && cu < 0x80 && !letter ? (unsigned char) cu : 0;
        f->known = true;
    }
    return f;
}

/* Runs rule r over doc[s..e) (matches may run up to `lim`). */
static int run_rule(lx_lane *t, uint32_t ri, const char *doc, size_t s,
                    size_t e, size_t lim, const lx_legis_doc *ld,
                    lx_stretch_out *out, size_t *last_end)
{
    const lx_rule *r = &t->m->rules.v[ri];
    size_t pos = s > *last_end ? s : *last_end;
    /* a match may run on to lim but must start before e: the search stops
       there instead of scanning the slack for a start it would discard */
    pcre2_set_offset_limit(t->mctx, e);
    const pcre2_code *code = lx_rule_code(r);
    const lx_rule_facts *f = rule_facts(t, ri, code);
    bool jit = f->jit;
    if (f->first && pos < e && !memchr(doc + pos, f->first, lim - pos))
        return 0;
    while (pos < e && !t->rule_off[ri]) {
        int rc = jit ? pcre2_jit_match(code, (PCRE2_SPTR) doc, lim, pos, 0, t->md, t->mctx)
                     : pcre2_match(code, (PCRE2_SPTR) doc, lim, pos, 0, t->md, t->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
            return note_limit(t, ri, out);
        if (rc < 0)
            break;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(t->md);
        if (ov[0] >= e)
            break;
        int err = r->kind == LX_RULE_PLAIN
                      ? emit_plain(t, r, doc, ov)
                      : lx_legis_emit(ld, r, doc, lim, ov, &t->arena, &t->cands);
        if (err)
            return err;
        *last_end = ov[1];
        size_t next = ov[1];
        if (next <= ov[0]) {
            size_t l;
            lx_utf8_decode((const unsigned char *) doc + ov[0], lim - ov[0], &l);
            next = ov[0] + l;
        }
        pos = next;
    }
    return 0;
}

static int cmp_win(const void *a, const void *b)
{
    const window *x = a, *y = b;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

int lx_rulerun_stretch(lx_lane *t, const char *doc, size_t len, size_t a, size_t b,
                       const lx_legis_doc *ld, lx_stretch_out *out)
{
    size_t last_end = 0;
    for (size_t k = 0; k < t->n_unanchored; k++) {
        last_end = 0;
        int rc = run_rule(t, t->unanchored[k], doc, a, b, b, ld, out, &last_end);
        if (rc)
            return rc;
    }
    if (t->n_win) /* no anchors seen: win may still be NULL */
        qsort(t->win, t->n_win, sizeof(window), cmp_win);
    uint32_t prev_rule = LX_NONE;
    for (size_t i = 0; i < t->n_win;) {
        window w = t->win[i++];
        if (w.rule != prev_rule)
            last_end = 0;
        prev_rule = w.rule;
        while (i < t->n_win && t->win[i].rule == w.rule && t->win[i].start <= w.end) {
            if (t->win[i].end > w.end)
                w.end = t->win[i].end;
            i++;
        }
        size_t lim = w.end + RULE_SLACK < len ? w.end + RULE_SLACK : len;
        int rc = run_rule(t, w.rule, doc, w.start, w.end, lim, ld, out, &last_end);
        if (rc)
            return rc;
    }
    t->n_win = 0;
    return 0;
}
