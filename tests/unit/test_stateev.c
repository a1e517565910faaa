/* SPDX-License-Identifier: MIT */
/*
 * Check suite for the state evidence reader (src/legis/stateev.c) and its
 * index (src/legis/marks.c).  The reader joins every kind=state rule into
 * one pattern: its marks must be exactly those of each rule run alone,
 * interpreted and, once the reader has read enough, as machine code.  The
 * index answers by binary search what a walk over every mark answered:
 * its answers are checked against such walks on random marks, and the
 * sentence index against the scans it replaces.  Runs the
 * built-in model's rules; every text is written for this test.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "candidate.h"
#include "marks.h"
#include "model.h"
#include "run_suite.h"
#include "sentence.h"
#include "stateev.h"

static const char text[] =
    "ALBANY, N.Y. \xE2\x80\x94 Gov. Kathy Hochul and the Lt. Gov. met state lawmakers at the "
    "state Capitol on Monday. The Senator from Nevada said Congress would wait.\n"
    "MONTGOMERY, Ala. - In Sacramento, Governor Newsom of California signed it; Texas and "
    "Texans watched the Legislature in Austin.\n\n"
    "SPRING HILL, Fla. \xE2\x80\x94 The General Assembly of Ohio met New Yorkers in New York. "
    "The U.S. Senate, the House of Representatives, Capitol Hill and federal lawmakers "
    "disagreed. Assemblywoman Ruiz spoke to statehouse reporters about the governor\xE2\x80\x99s "
    "state budget, and Gov. Jos\xC3\xA9 N\xC3\xBA\xC3\xB1""ez of nowhere listened. "
    "Representatives from Iowa and the Congressional office of the Senator from New York met "
    "Gov. Abbott, Arizonans, Nebraskans and a Trenton crowd in New Jersey.";

typedef struct ref_mark {
    size_t s, e;
    uint32_t rank;
} ref_mark;

static int ref_cmp(const void *pa, const void *pb)
{
    const ref_mark *a = pa, *b = pb;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    return (a->rank > b->rank) - (a->rank < b->rank);
}

/* Matches of every evidence rule run alone over text (fed: only those of
 * Congress and of the "s." states), sorted by start, then rule. */
static size_t reference(const lx_ruleset *rs, bool fed, ref_mark *out, size_t cap)
{
    size_t n = 0, len = strlen(text), cl, fl = 0;
    for (size_t k = 0; k < rs->n; k++) {
        const lx_rule *r = &rs->v[k];
        const char *code = lx_rule_attr(r, "state", &cl);
        const char *forms = lx_rule_attr(r, "forms", &fl);
        if (r->kind != LX_RULE_STATE || !code)
            continue;
        bool us = cl == 2 && memcmp(code, "us", 2) == 0;
        if (fed && !us && !(forms && strstr(forms, "s.") && strstr(forms, "s.") < forms + fl))
            continue;
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->code, NULL);
        for (size_t pos = 0; pos < len;) {
            if (pcre2_match(r->code, (PCRE2_SPTR) text, len, pos, PCRE2_NO_JIT, md, NULL) < 0)
                break;
            const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            ck_assert_uint_lt(n, cap);
            out[n++] = (ref_mark){ov[0], ov[1], (uint32_t) k};
            pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
        pcre2_match_data_free(md);
    }
    qsort(out, n, sizeof(*out), ref_cmp);
    return n;
}

/* The reader's marks for text with one open bill of `flags`, as reference. */
static void check_reader(lx_stateev **ev, const lx_ruleset *rs, uint32_t flags)
{
    static ref_mark want[512];
    size_t nw = reference(rs, flags == LX_CAND_NO_CONGRESS, want, 512);
    lx_cand bill = {100, 106, "BILL", "test", NULL, NULL, 0, flags, LX_NONE, LX_NOREF};
    lx_legis_doc ld = {0};
    lx_marks mv = {0};
    lx_sentences sent = {.t = text, .len = strlen(text)};
    ck_assert_int_eq(
        lx_stateev_collect(ev, rs, &ld, &bill, 1, text, strlen(text), &mv, &sent), 0);
    lx_sentences_free(&sent);
    ck_assert_uint_gt(nw, 10); /* the text has evidence of many kinds, overlapping */
    ck_assert_uint_eq(mv.n, nw);
    for (size_t i = 0; i < nw; i++) {
        ck_assert_uint_eq(mv.v[i].s, want[i].s);
        ck_assert_uint_eq(mv.v[i].e, want[i].e);
        ck_assert_uint_eq(mv.v[i].rank, want[i].rank);
    }
    lx_marks_free(&mv);
}

START_TEST(joined_pass_is_every_rule_alone)
{
    lextag_model *m = lextag_model_default(NULL);
    ck_assert_ptr_nonnull(m);
    lx_stateev *ev = NULL;
    /* the first reads interpret the join, the later ones run it as machine code */
    for (int i = 0; i < 8; i++) {
        check_reader(&ev, &m->rules, LX_CAND_STATE);
        check_reader(&ev, &m->rules, LX_CAND_NO_CONGRESS);
    }
    lx_stateev_free(ev);
    lextag_model_free(m);
}
END_TEST

/* ---- the index against walks over every mark ------------------------- */

static bool fits(const lx_mark *m, const char *type, int want)
{
    if (m->forms) /* the forms below are lists of "hb", "sb", "ab" */
        return (want & LX_MARKS_STATE) && strstr(m->forms, type);
    return (want & LX_MARKS_US) && strcmp(m->code, "us") == 0;
}

static const lx_mark *walk_nearest(const lx_mark *v, size_t n, size_t s, size_t e, size_t lo,
                                   size_t hi, const char *type, int want)
{
    const lx_mark *best = NULL;
    size_t bd = (size_t) -1;
    for (size_t i = 0; i < n; i++) {
        const lx_mark *m = &v[i];
        if (m->s < lo || m->e > hi || (m->s < e && m->e > s) || !fits(m, type, want))
            continue;
        size_t d = m->e <= s ? s - m->e : m->s - e;
        if (d < bd) {
            bd = d;
            best = m;
        }
    }
    return best;
}

static const lx_mark *walk_before(const lx_mark *v, size_t n, const char *t, size_t pos,
                                  const char *type)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].forms && v[i].e <= pos && pos - v[i].e <= 3 && fits(&v[i], type, LX_MARKS_STATE)) {
            size_t k = v[i].e;
            while (k < pos && t[k] == ' ')
                k++;
            if (k == pos)
                return &v[i];
        }
    return NULL;
}

/* "the Senator from Nevada": a state right after a Congress mark speaks for no bill. */
static void walk_drop(lx_mark *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < n && v[i].forms; k++)
            if (strcmp(v[k].code, "us") == 0 && v[k].e <= v[i].s && v[i].s - v[k].e <= 2)
                v[i].forms = NULL; /* the text is all spaces */
}

static bool same(const lx_mark *a, const lx_mark *b)
{
    return (!a && !b) || (a && b && a->s == b->s && a->e == b->e && a->rank == b->rank);
}

START_TEST(index_answers_as_walks)
{
    static const char *const forms[] = {"hb,sb", "ab,sb", "hb"};
    static const char *const types[] = {"hb", "sb", "ab"};
    static char t[4096];
    static lx_mark plain[600];
    memset(t, ' ', sizeof(t) - 1);
    srand(17);
    for (int round = 0; round < 40; round++) {
        lx_marks mv = {0};
        size_t n = 0;
        /* rank by rank, each rule's marks in order and apart, as the rules find them */
        for (uint32_t rank = 0; rank < 6; rank++)
            for (size_t pos = (size_t) (rand() % 40); pos < 4000 && n < 600;
                 pos += 1 + (size_t) (rand() % 90)) {
                size_t e = pos + 1 + (size_t) (rand() % 12);
                const char *code = rank == 4 ? "us" : rank == 5 ? "state" : "tx";
                const char *f = rank < 4 ? forms[rank % 3] : NULL;
                ck_assert_int_eq(lx_marks_add(&mv, pos, e, rank, code, strlen(code), f,
                                              f ? strlen(f) : 0), 0);
                pos = e;
            }
        n = mv.n;
        memcpy(plain, mv.v, n * sizeof(*plain));
        walk_drop(plain, n);
        ck_assert_int_eq(lx_marks_index(&mv, t, UINT32_MAX), 0);
        for (int q = 0; q < 300; q++) {
            size_t s = (size_t) (rand() % 4000), e = s + (size_t) (rand() % 8);
            size_t lo = q % 3 ? 0 : s > 300 ? s - 300 : 0, hi = q % 3 ? 4096 : e + 300;
            const char *ty = types[q % 3];
            int want = 1 + q % 3;
            ck_assert(same(lx_marks_nearest(&mv, s, e, lo, hi, ty, want),
                           walk_nearest(plain, n, s, e, lo, hi, ty, want)));
            ck_assert(same(lx_marks_before(&mv, t, s, ty), walk_before(plain, n, t, s, ty)));
            size_t c = 0;
            bool some = false;
            for (size_t i = 0; i < n; i++) {
                c += fits(&plain[i], ty, want);
                some |= plain[i].s >= lo && plain[i].e <= hi && strcmp(plain[i].code, "state") == 0;
            }
            ck_assert_uint_eq(lx_marks_count(&mv, ty, want), c);
            ck_assert(lx_marks_some_state(&mv, lo, hi) == some);
        }
        lx_marks_free(&mv);
    }
}
END_TEST

START_TEST(sentence_index_answers_as_scans)
{
    static const char *const parts[] = {
        "The 2019 session opened. ", "Gov. Ruiz of Calif. signed HB 5 (2021) on Monday. ",
        "In 2020 legislative session, 2022 HB 7 passed! ", "Was it the U.S. Senate? ",
        "No 1999 regular session here.\n\n", "- a bullet\n", "Lawmakers met in 2023. "};
    static char t[6000];
    size_t len = 0;
    srand(5);
    while (len < sizeof(t) - 80) {
        const char *p = parts[rand() % 7];
        memcpy(t + len, p, strlen(p));
        len += strlen(p);
    }
    /* two stretches read, a gap between them */
    lx_sentences x = {.t = t, .len = len};
    ck_assert_int_eq(lx_sentences_add(&x, 0, 2500), 0);
    ck_assert_int_eq(lx_sentences_add(&x, 2600, len), 0);
    ck_assert_uint_gt(x.n_brk, 50);
    ck_assert_uint_gt(x.n_yr, 50);
    for (int q = 0; q < 3000; q++) {
        size_t s = (size_t) (rand() % (int) len), e = s + 1 + (size_t) (rand() % 6);
        e = e < len ? e : len;
        size_t ss, se, ss2, se2;
        lx_sentence_of(t, len, s, e, &ss, &se);
        lx_sentences_of(&x, s, e, &ss2, &se2);
        ck_assert_uint_eq(ss2, ss);
        ck_assert_uint_eq(se2, se);
        ck_assert_int_eq(lx_sentences_year(&x, ss, se, s, e), lx_sentence_year(t, ss, se, s, e));
    }
    lx_sentences_free(&x);
}
END_TEST

static Suite *stateev_suite(void)
{
    Suite *s = suite_create("stateev");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, joined_pass_is_every_rule_alone);
    tcase_add_test(tc, index_answers_as_walks);
    tcase_add_test(tc, sentence_index_answers_as_scans);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return lx_run_suite(stateev_suite(), true);
}
