/* SPDX-License-Identifier: MIT */
/*
 * Check suite for src/legis/legis.c: Congress of a date (with the 1-3 January
 * odd-year rule), date parsing, dateline detection, Congress ordinals, bill
 * ids for every surface form, lists, ranges, citation ids and act/bill
 * linking.  Rules are compiled here from small patterns written for the test
 * (not from the shipped rule file) so each case pins legis.c alone.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "legis.h"
#include "run_suite.h"

/* The one rule of the current test and its compiled state. */
static lx_ruleset rs;
static lx_arena arena;
static lx_candvec cv;

static const char *BILL_PAT =
    "(?:H(?:\\.\\s*)?R\\.?|S\\.|[HS]\\.?\\s*(?:J\\.?\\s*|Con\\.?\\s*)?Res\\.?|"
    "[HS]\\.\\s*Amdt\\.|(?:House|Senate)\\s+(?:(?:Joint|Concurrent)\\s+)?(?:Bill|Resolution))"
    "(?:\\s*No\\.)?\\s*\\[?\\d+\\]?(?:[-\\x{2013}]\\d+)?(?:\\s*(?:,\\s*(?:and\\s+)?|and\\s+)\\d+)*";

static void load(const char *name, const char *type, const char *pat, const char *kind)
{
    char buf[2048];
    snprintf(buf, sizeof(buf), "%s\t%s\t%s\tkind=%s\n", name, type, pat, kind);
    lextag_error err = {0};
    lx_ruleset_free(&rs);
    ck_assert_int_eq(lx_rules_parse(&rs, "test", buf, strlen(buf), &err), 0);
    ck_assert_uint_eq(rs.n, 1);
}

/* Runs the loaded rule over text with date; returns the candidate count. */
static size_t run(const char *text, const char *date)
{
    lx_legis_doc ld;
    size_t len = strlen(text), pos = 0;
    lx_arena_free(&arena);
    cv.n = 0;
    ck_assert_int_eq(lx_congress_prepare(&ld, text, len, date, &arena), 0);
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    while (pos < len &&
           pcre2_match(rs.v[0].code, (PCRE2_SPTR) text, len, pos, 0, md, NULL) >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        ck_assert_int_eq(lx_legis_emit(&ld, &rs.v[0], text, len, ov, &arena, &cv), 0);
        pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    pcre2_match_data_free(md);
    return cv.n;
}

static void expect(size_t i, const char *text, const char *span, const char *id)
{
    ck_assert_uint_gt(cv.n, i);
    ck_assert_str_eq(cv.v[i].id, id);
    size_t n = cv.v[i].end - cv.v[i].start;
    ck_assert_uint_eq(n, strlen(span));
    ck_assert_int_eq(memcmp(text + cv.v[i].start, span, n), 0);
}

static void setup(void) { memset(&cv, 0, sizeof(cv)); }

static void teardown(void)
{
    lx_ruleset_free(&rs);
    lx_candvec_free(&cv);
    lx_arena_free(&arena);
}

START_TEST(congress_of_date)
{
    ck_assert_int_eq(lx_congress_of_date(2018, 6, 20), 115);
    ck_assert_int_eq(lx_congress_of_date(2017, 1, 3), 114);
    ck_assert_int_eq(lx_congress_of_date(2017, 1, 4), 115);
    ck_assert_int_eq(lx_congress_of_date(2019, 1, 1), 115);
    ck_assert_int_eq(lx_congress_of_date(2019, 12, 31), 116);
    ck_assert_int_eq(lx_congress_of_date(2020, 1, 2), 116);
    ck_assert_int_eq(lx_congress_of_date(1997, 1, 28), 105);
    ck_assert_int_eq(lx_congress_of_date(1789, 6, 1), 1);
    ck_assert_int_eq(lx_congress_of_date(1700, 6, 1), 0);
}
END_TEST

START_TEST(parse_date)
{
    int y, m, d;
    ck_assert_int_eq(lx_congress_parse_date("2018-06-20", &y, &m, &d), 0);
    ck_assert_int_eq(y * 10000 + m * 100 + d, 20180620);
    ck_assert_int_eq(lx_congress_parse_date("2020-02-29", &y, &m, &d), 0);
    ck_assert_int_eq(lx_congress_parse_date("2019-02-29", &y, &m, &d), -1);
    ck_assert_int_eq(lx_congress_parse_date("2018-13-01", &y, &m, &d), -1);
    ck_assert_int_eq(lx_congress_parse_date("2018-6-20", &y, &m, &d), -1);
    ck_assert_int_eq(lx_congress_parse_date("June 20", &y, &m, &d), -1);
    ck_assert_int_eq(lx_congress_parse_date(NULL, &y, &m, &d), -1);
}
END_TEST

static int prep_congress(const char *text, const char *date, const char **src)
{
    lx_legis_doc ld;
    lx_arena_free(&arena);
    ck_assert_int_eq(lx_congress_prepare(&ld, text, strlen(text), date, &arena), 0);
    *src = ld.date_source;
    return ld.date_congress;
}

START_TEST(datelines)
{
    const char *src;
    ck_assert_int_eq(prep_congress("Published: Wed, June 20, 2018\nText.", NULL, &src), 115);
    ck_assert_str_eq(src, "dateline");
    ck_assert_int_eq(prep_congress("Filed 2009-03-02 by staff.", NULL, &src), 111);
    ck_assert_int_eq(prep_congress("By A. Writer\nMarch 4, 1995\n", NULL, &src), 104);
    ck_assert_int_eq(prep_congress("WASHINGTON (Reuters), June 20 - Text (c) 2018.", NULL, &src),
                     115);
    ck_assert_int_eq(prep_congress("Jan. 2, 2019: a note", NULL, &src), 115);
    ck_assert_int_eq(prep_congress("No date here at all.", NULL, &src), 0);
    ck_assert_int_eq(prep_congress("June 20, 2018", "2010-05-01", &src), 111);
    ck_assert_str_eq(src, "date");
}
END_TEST

START_TEST(ordinals)
{
    load("b", "BILL", BILL_PAT, "bill");
    const char *t = "H.R. 1 before. In the 115th Congress, H.R. 2 passed.";
    ck_assert_uint_eq(run(t, NULL), 2);
    expect(0, t, "H.R. 1", "hr1");
    expect(1, t, "H.R. 2", "hr2-115");
    ck_assert_str_eq(cv.v[1].attrs->bill.congress_source, "text");
    ck_assert_int_eq(cv.v[0].attrs->bill.congress, 0);
    ck_assert_str_eq(cv.v[0].attrs->bill.congress_source, "none");
    /* with a date, an ordinal holds to the end of its paragraph */
    t = "The 104th Congress passed S. 3 then.\n\nToday I introduce S. 4.";
    ck_assert_uint_eq(run(t, "1997-01-28"), 2);
    expect(0, t, "S. 3", "s3-104");
    expect(1, t, "S. 4", "s4-105");
    ck_assert_str_eq(cv.v[1].attrs->bill.congress_source, "date");
    t = "Bills of the 103d CONGRESS: S. 5; later Congresses differ.";
    run(t, NULL);
    expect(0, t, "S. 5", "s5-103");
    t = "The 21st century began; H.R. 9 is new.";
    run(t, NULL);
    expect(0, t, "H.R. 9", "hr9");
}
END_TEST

START_TEST(bill_forms)
{
    static const char *const cases[][2] = {
        {"H.R. 4760", "hr4760-115"},    {"HR 4760", "hr4760-115"},
        {"H. R. 4760", "hr4760-115"},   {"H.R.4760", "hr4760-115"},
        {"H.Res. 5", "hres5-115"},      {"H. Res. 5", "hres5-115"},
        {"H.J.Res. 5", "hjres5-115"},   {"H. J. Res. 5", "hjres5-115"},
        {"H.Con.Res. 74", "hconres74-115"}, {"H. Con. Res. 74", "hconres74-115"},
        {"S. 1", "s1-115"},             {"S.1", "s1-115"},
        {"S.Res. 5", "sres5-115"},      {"S. J. Res. 5", "sjres5-115"},
        {"S.Con.Res. 5", "sconres5-115"}, {"S.Amdt. 1293", "samdt1293-115"},
        {"H.Amdt. 5", "hamdt5-115"},    {"House Bill 5", "hr5-115"},
        {"Senate Joint Resolution 5", "sjres5-115"},
        {"House Concurrent Resolution 5", "hconres5-115"},
        {"H.R. No. 5", "hr5-115"},      {"H.R. 0042", "hr42-115"},
        {"H.R.\n4760", "hr4760-115"},   {"H.R. [4800]", "hr4800-115"},
    };
    load("b", "BILL", BILL_PAT, "bill");
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[128];
        snprintf(text, sizeof(text), "Vote on %s today.", cases[i][0]);
        ck_assert_uint_eq(run(text, "2018-06-20"), 1);
        expect(0, text, cases[i][0], cases[i][1]);
    }
    const lextag_bill *b = &cv.v[0].attrs->bill;
    ck_assert_str_eq(b->type, "hr");
    ck_assert_int_eq(b->number, 4800);
    ck_assert_int_eq(b->range_end, 0);
    ck_assert_int_eq(b->congress, 115);
    ck_assert_str_eq(b->congress_source, "date");
    ck_assert_str_eq(b->jurisdiction, "us");
    ck_assert_ptr_null(cv.v[0].attrs->citation.kind);
}
END_TEST

START_TEST(lists_and_ranges)
{
    load("b", "BILL", BILL_PAT, "bill");
    const char *t = "Passed H.R. 1, 2, and 3 today.";
    ck_assert_uint_eq(run(t, NULL), 3);
    expect(0, t, "H.R. 1", "hr1");
    expect(1, t, "2", "hr2");
    expect(2, t, "3", "hr3");
    t = "Agreed to S.J. Res. 12 and 13.";
    ck_assert_uint_eq(run(t, NULL), 2);
    expect(1, t, "13", "sjres13");
    t = "Introduced S. 204-227 and S. 9\xE2\x80\x93" "12.";
    ck_assert_uint_eq(run(t, "1997-01-28"), 2);
    expect(0, t, "S. 204-227", "s204-105");
    ck_assert_int_eq(cv.v[0].attrs->bill.number, 204);
    ck_assert_int_eq(cv.v[0].attrs->bill.range_end, 227);
    expect(1, t, "S. 9\xE2\x80\x93" "12", "s9-105");
    /* a backwards "range" is a number and something else */
    t = "See S. 1429-1388 now.";
    ck_assert_uint_eq(run(t, NULL), 1);
    expect(0, t, "S. 1429", "s1429");
    ck_assert_int_eq(cv.v[0].attrs->bill.range_end, 0);
}
END_TEST

START_TEST(citations)
{
    static const char *const usc[][3] = {
        {"42 U.S.C. \xC2\xA7 1983", "42 U.S.C. \xC2\xA7 1983", "usc/42/1983"},
        {"8 U.S.C. 1182(f)", "8 U.S.C. 1182(f)", "usc/8/1182/f"},
        {"5 U.S.C. 552(a)(1)(E)", "5 U.S.C. 552(a)(1)(E)", "usc/5/552/a/1/E"},
        {"7 U.S.C. 612c note", "7 U.S.C. 612c note", "usc/7/612c/note"},
        {"29 U.S.C. 1081 et seq.", "29 U.S.C. 1081 et seq", "usc/29/1081/et-seq"},
        {"50 U.S.C. App. 595", "50 U.S.C. App. 595", "usc/50-app/595"},
        {"50 U.S.C. 404o-1(a)", "50 U.S.C. 404o-1(a)", "usc/50/404o-1/a"},
        {"41 U.S.C. 10a(1)-10c(2)", "41 U.S.C. 10a(1)-10c(2)", "usc/41/10a/1"},
    };
    load("usc_t", "CITATION",
         "(?<t>\\d+)\\s+U\\.S\\.C\\.\\s*(?<app>App\\.)?\\s*(?:\xC2\xA7+\\s*)?(?<s>\\d[\\w.()-]*"
         "(?:\\s+note|\\s+et seq)?(?:\\s+and\\s+\\d+)?)",
         "citation");
    for (size_t i = 0; i < sizeof(usc) / sizeof(usc[0]); i++) {
        ck_assert_uint_eq(run(usc[i][0], NULL), 1);
        expect(0, usc[i][0], usc[i][1], usc[i][2]);
    }
    const lextag_citation *c = &cv.v[0].attrs->citation;
    ck_assert_uint_eq(c->n_ids, 2);
    ck_assert_str_eq(c->ids[0], "usc/41/10a/1");
    ck_assert_str_eq(c->ids[1], "usc/41/10c/2");
    run("50 U.S.C. 404o-1(a)", NULL);
    c = &cv.v[0].attrs->citation;
    ck_assert_uint_eq(c->n_ids, 3);
    ck_assert_str_eq(c->ids[1], "usc/50/404o");
    ck_assert_str_eq(c->ids[2], "usc/50/1/a");
    const char *t = "5 U.S.C. \xC2\xA7\xC2\xA7 8344 and 8468";
    ck_assert_uint_eq(run(t, NULL), 2);
    expect(0, t, "5 U.S.C. \xC2\xA7\xC2\xA7 8344", "usc/5/8344");
    expect(1, t, "8468", "usc/5/8468");
    ck_assert_str_eq(cv.v[1].attrs->citation.kind, "usc");
    ck_assert_ptr_null(cv.v[1].attrs->citation.ids);
    ck_assert_ptr_null(cv.v[1].attrs->bill.type);

    load("cfr_t", "CITATION", "(?<t>\\d+)\\s+CFR\\s+(?:\xC2\xA7\\s*|part\\s+)?(?<s>\\d\\S*(?: \\(\\w\\))?)",
         "citation");
    run("8 CFR 235.3(b)", NULL);
    expect(0, "8 CFR 235.3(b)", "8 CFR 235.3(b)", "cfr/8/235.3/b");
    run("26 CFR \xC2\xA7 1.411(a)(13)-1", NULL);
    ck_assert_str_eq(cv.v[0].id, "cfr/26/1.411(a)(13)-1");
    run("47 CFR 54.506 (c)", NULL);
    ck_assert_str_eq(cv.v[0].id, "cfr/47/54.506/c");
    run("14 CFR part 25", NULL);
    ck_assert_str_eq(cv.v[0].id, "cfr/14/25");
}
END_TEST

START_TEST(laws_and_volumes)
{
    load("publaw_t", "CITATION",
         "(?:[Ss]ection (?<sec>\\d+) of )?(?:Pub\\. L\\.|Public Law) (?:No\\. )?(?<t>\\d+)-(?<s>\\d+)",
         "citation");
    run("Pub. L. No. 115-141", NULL);
    ck_assert_str_eq(cv.v[0].id, "us-law/public/115/141");
    ck_assert_str_eq(cv.v[0].attrs->citation.kind, "public_law");
    run("Section 4402 of Public Law 107-171", NULL);
    ck_assert_str_eq(cv.v[0].id, "us-law/public/107/171/4402");
    load("privlaw_t", "CITATION", "Priv\\. L\\. (?<t>\\d+)-(?<s>\\d+)", "citation");
    run("Priv. L. 98-1", NULL);
    ck_assert_str_eq(cv.v[0].id, "us-law/private/98/1");
    load("stat_t", "CITATION", "(?<t>\\d+) Stat\\. (?<s>\\d+)", "citation");
    run("132 Stat. 348", NULL);
    ck_assert_str_eq(cv.v[0].id, "stat/132/348");
    load("fedreg_t", "CITATION", "(?<t>\\d+) FR (?<s>\\d+)", "citation");
    run("83 FR 28404", NULL);
    ck_assert_str_eq(cv.v[0].id, "fedreg/83/28404");
    load("usconst_t", "CITATION", "U\\.S\\. Const\\.[^;]*", "citation");
    run("U.S. Const. art. I, \xC2\xA7 8, cl. 3", NULL);
    ck_assert_str_eq(cv.v[0].id, "usconst/article-1/section-8/clause-3");
    run("U.S. Const. amend. XIV", NULL);
    ck_assert_str_eq(cv.v[0].id, "usconst/amendment-14");
}
END_TEST

START_TEST(acts_and_links)
{
    load("act_t", "LAW", "(?:[Tt]he )?(?:\\p{Lu}[\\w'\xE2\x80\x99]* )+Act(?: of \\d{4})?", "act");
    const char *t = "They passed the Securing America\xE2\x80\x99s Future Act of 2018 (H.R. 4760).";
    ck_assert_uint_eq(run(t, NULL), 1);
    expect(0, t, "Securing America\xE2\x80\x99s Future Act of 2018",
           "act:securing-americas-future-act-of-2018");
    lx_cand ents[2] = {cv.v[0]};
    const char *h = strstr(t, "H.R.");
    ents[1] = (lx_cand){(size_t) (h - t), (size_t) (h - t) + 9, "BILL", "x", "hr4760-115",
                        NULL, 60, 0, LX_NONE, LX_NONE};
    ck_assert_int_eq(lx_legis_link(ents, 2, t, &arena), 0);
    ck_assert_str_eq(ents[0].attrs->linked_bill, "hr4760-115");
    /* bill first, in apposition */
    t = "H.R. 4760, the Securing Act passed.";
    run(t, NULL);
    lx_cand e2[2] = {{0, 9, "BILL", "x", "hr4760", NULL, 60, 0, LX_NONE, LX_NONE}, cv.v[0]};
    ck_assert_int_eq(lx_legis_link(e2, 2, t, &arena), 0);
    ck_assert_str_eq(e2[1].attrs->linked_bill, "hr4760");
    /* far apart: no link */
    t = "The Clean Air Act was cited by many in the debate on H.R. 5.";
    run(t, NULL);
    lx_cand e3[2] = {cv.v[0], {53, 59, "BILL", "x", "hr5", NULL, 60, 0, LX_NONE, LX_NONE}};
    ck_assert_int_eq(lx_legis_link(e3, 2, t, &arena), 0);
    ck_assert_ptr_null(e3[0].attrs);
}
END_TEST

/* The public accessors over the built-in model: each entity type has its
 * own attributes and none of the others'. */
START_TEST(public_attributes)
{
    lextag_model *m = lextag_model_default(NULL);
    lextag_tagger *tg = lextag_tagger_new(m, NULL);
    const char *t = "The Clean Water Restoration Act (H.R. 2200) amends 41 U.S.C. "
                    "10a(1)-10c(2); see also S. 204-227.";
    lextag_options o = {.date = "2019-05-01"};
    lextag_result *r = lextag_tagger_tag(tg, t, strlen(t), &o, NULL);
    ck_assert_uint_eq(lextag_result_count(r), 4);
    const lextag_entity *law = lextag_result_entity(r, 0), *hr = lextag_result_entity(r, 1),
                        *usc = lextag_result_entity(r, 2), *s = lextag_result_entity(r, 3);
    ck_assert_str_eq(law->type, "LAW");
    ck_assert_str_eq(lextag_entity_linked_bill(law), "hr2200-116");
    ck_assert_ptr_null(lextag_entity_bill(law));
    ck_assert_ptr_null(lextag_entity_citation(law));
    const lextag_bill *b = lextag_entity_bill(hr);
    ck_assert_ptr_nonnull(b);
    ck_assert_str_eq(b->type, "hr");
    ck_assert_int_eq(b->number, 2200);
    ck_assert_int_eq(b->congress, 116);
    ck_assert_str_eq(b->congress_source, "date");
    ck_assert_int_eq(b->range_end, 0);
    ck_assert_str_eq(b->jurisdiction, "us");
    ck_assert_int_eq(b->year, 0);
    ck_assert_ptr_null(b->year_source);
    ck_assert_ptr_null(lextag_entity_citation(hr));
    ck_assert_ptr_null(lextag_entity_linked_bill(hr));
    const lextag_citation *c = lextag_entity_citation(usc);
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c->kind, "usc");
    ck_assert_uint_eq(c->n_ids, 2);
    ck_assert_str_eq(c->ids[0], usc->id);
    ck_assert_str_eq(c->ids[1], "usc/41/10c/2");
    ck_assert_ptr_null(lextag_entity_bill(usc));
    ck_assert_int_eq(lextag_entity_bill(s)->range_end, 227);
    ck_assert_ptr_null(lextag_entity_bill(NULL));
    lextag_result_free(r);
    lextag_tagger_free(tg);
    lextag_model_free(m);
}
END_TEST

static Suite *legis_suite(void)
{
    Suite *s = suite_create("legis");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, congress_of_date);
    tcase_add_test(tc, parse_date);
    tcase_add_test(tc, datelines);
    tcase_add_test(tc, ordinals);
    tcase_add_test(tc, bill_forms);
    tcase_add_test(tc, lists_and_ranges);
    tcase_add_test(tc, citations);
    tcase_add_test(tc, laws_and_volumes);
    tcase_add_test(tc, acts_and_links);
    tcase_add_test(tc, public_attributes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return lx_run_suite(legis_suite(), true);
}
