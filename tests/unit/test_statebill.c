/* SPDX-License-Identifier: MIT */
/*
 * Check suite for state bills (src/legis/statebill.c with the shipped
 * state-bills.rules and legis/states.rules): the state forms, the
 * jurisdiction from the span, the sentence, the dateline, the document and
 * the form, the year, the ids, the both-level forms that stay federal or
 * open, and the words that look like bills and are not.  Runs the built-in
 * model, since the evidence is data; every text is written for this test.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"
#include "run_suite.h"

static lextag_model *model;
static lextag_tagger *tagger;
static lextag_result *res;
static const char *doc;

static void tag(const char *text, const char *date)
{
    lextag_result_free(res);
    lextag_options o = {.date = date};
    doc = text;
    res = lextag_tagger_tag(tagger, text, strlen(text), &o, NULL);
    ck_assert_ptr_nonnull(res);
}

/* The entity of `type` covering exactly `span`, or NULL. */
static const lextag_entity *find(const char *type, const char *span)
{
    for (size_t i = 0; i < lextag_result_count(res); i++) {
        const lextag_entity *e = lextag_result_entity(res, i);
        if (strcmp(e->type, type) == 0 && e->byte_end - e->byte_start == strlen(span) &&
            memcmp(doc + e->byte_start, span, strlen(span)) == 0)
            return e;
    }
    return NULL;
}

static size_t count(const char *type)
{
    size_t n = 0;
    for (size_t i = 0; i < lextag_result_count(res); i++)
        n += strcmp(lextag_result_entity(res, i)->type, type) == 0;
    return n;
}

/* The bill `span` has id `id` (NULL: none) and jurisdiction `j` (NULL: none). */
static const lextag_bill *bill(const char *span, const char *id, const char *j)
{
    const lextag_entity *e = find("BILL", span);
    ck_assert_msg(e != NULL, "no BILL \"%s\" in \"%s\"", span, doc);
    if (id)
        ck_assert_str_eq(e->id ? e->id : "(null)", id);
    else
        ck_assert_ptr_null(e->id);
    const lextag_bill *b = lextag_entity_bill(e);
    ck_assert_ptr_nonnull(b);
    if (j)
        ck_assert_str_eq(b->jurisdiction ? b->jurisdiction : "(null)", j);
    else
        ck_assert_ptr_null(b->jurisdiction);
    return b;
}

START_TEST(state_forms)
{
    static const char *const cases[][2] = {
        {"HB 2", "tx-hb2"},         {"H.B. 2", "tx-hb2"},   {"HB2", "tx-hb2"},
        {"SB 8", "tx-sb8"},         {"S.B. 8", "tx-sb8"},   {"SJR 3", "tx-sjr3"},
        {"HCR 10", "tx-hcr10"},     {"HB 0042", "tx-hb42"}, {"House Bill No. 7", "tx-hb7"},
        {"Senate Joint Resolution 1", "tx-sjr1"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[160];
        snprintf(text, sizeof(text), "Texas lawmakers sent %s to the governor.", cases[i][0]);
        tag(text, NULL);
        const lextag_bill *b = bill(cases[i][0], cases[i][1], "tx");
        ck_assert_str_eq(b->jurisdiction_source, "sentence");
        ck_assert_str_eq(b->year_source, "none");
        ck_assert_int_eq(b->year, 0);
    }
    tag("In California, Assembly Bill 5 and AB 6 passed. In Nevada, AJR 2 did.", NULL);
    bill("Assembly Bill 5", "ca-ab5", "ca");
    bill("AB 6", "ca-ab6", "ca");
    bill("AJR 2", "nv-ajr2", "nv");
    tag("Iowa lawmakers passed HF 2, SF 3 and HSB 120.", NULL);
    bill("HF 2", "ia-hf2", "ia");
    bill("SF 3", "ia-sf3", "ia");
    bill("HSB 120", "ia-hsb120", "ia");
    tag("The Minnesota House printed H. F. No. 550 on Monday.", NULL);
    ck_assert_int_eq(bill("H. F. No. 550", "mn-hf550", "mn")->number, 550);
}
END_TEST

START_TEST(lists_and_ranges)
{
    tag("Ohio leaders folded HB 1 and HB 2 into one package.", NULL);
    bill("HB 1", "oh-hb1", "oh");
    bill("HB 2", "oh-hb2", "oh");
    tag("The Ohio Senate took up SB 4 through 6 on Monday.", NULL);
    bill("SB 4", "oh-sb4", "oh");
    bill("6", "oh-sb6", "oh");
    tag("In Wisconsin the governor signed three bills (AB 10AB 11AB 12) at once.", NULL);
    bill("AB 10", "wi-ab10", "wi");
    bill("AB 11", "wi-ab11", "wi");
    bill("AB 12", "wi-ab12", "wi");
    tag("Vetoed in part in Wisconsin: AB-56 and SB-583.", NULL);
    bill("AB-56", "wi-ab56", "wi");
    bill("SB-583", "wi-sb583", "wi");
}
END_TEST

START_TEST(evidence_order)
{
    /* the span: the state written before the bill joins it */
    tag("Critics of Texas House Bill 2 and Arizona SB 1070 met in Ohio.", NULL);
    ck_assert_str_eq(bill("Texas House Bill 2", "tx-hb2", "tx")->jurisdiction_source, "span");
    bill("Arizona SB 1070", "az-sb1070", "az");
    /* the sentence: the nearest state that numbers bills so */
    tag("In California, Assembly Bill 5 and SB 1070 in Arizona drew protests.", NULL);
    bill("Assembly Bill 5", "ca-ab5", "ca");
    bill("SB 1070", "az-sb1070", "az");
    /* a governor named, with a title or in full */
    tag("At a school in the north, Gov. Evers signed AB 7.", NULL);
    ck_assert_str_eq(bill("AB 7", "wi-ab7", "wi")->jurisdiction_source, "sentence");
    tag("Greg Abbott said HB 3 would pass.", NULL);
    bill("HB 3", "tx-hb3", "tx");
    /* the dateline, before the rest of the document */
    tag("SACRAMENTO, Calif. (AP) - The governor signed the budget.\n\n"
        "He also signed SB 3. Oregon watched.", "2023-09-30");
    const lextag_bill *b = bill("SB 3", "ca-sb3-2023", "ca");
    ck_assert_str_eq(b->jurisdiction_source, "dateline");
    ck_assert_str_eq(b->year_source, "date");
    ck_assert_int_eq(b->year, 2023);
    /* the document */
    tag("Florida lawmakers met on Monday. They passed HB 1557 late.", NULL);
    ck_assert_str_eq(bill("HB 1557", "fl-hb1557", "fl")->jurisdiction_source, "document");
    /* the form: only Nebraska numbers LB */
    tag("The Unicameral advanced LB 574 on Friday.", NULL);
    ck_assert_str_eq(bill("LB 574", "ne-lb574", "ne")->jurisdiction_source, "form");
    /* a state's institutions, no state named: jurisdiction "state", no id */
    tag("State lawmakers passed SB 8 on Monday.", NULL);
    ck_assert_str_eq(bill("SB 8", NULL, "state")->type, "sb");
    /* a state that numbers no such bill is no evidence */
    tag("In Arizona, AB 5 failed.", NULL);
    bill("AB 5", NULL, "state");
}
END_TEST

START_TEST(years)
{
    tag("Minnesota lawmakers passed HF 2 in the 2023 session.", "2024-02-01");
    const lextag_bill *b = bill("HF 2", "mn-hf2-2023", "mn");
    ck_assert_str_eq(b->year_source, "text");
    tag("Texas lawmakers revived 2019 HB 5 today.", NULL);
    bill("HB 5", "tx-hb5-2019", "tx");
    /* a year about something else is not the session's */
    tag("Texas lawmakers passed HB 5, undoing a 2011 law.", NULL);
    ck_assert_int_eq(bill("HB 5", "tx-hb5", "tx")->year, 0);
}
END_TEST

START_TEST(federal_stays_federal)
{
    tag("AUSTIN, Texas - Texas lawmakers cheered as H.R. 1 and S. 2155 passed.", "2018-05-24");
    ck_assert_str_eq(bill("H.R. 1", "hr1-115", "us")->type, "hr");
    bill("S. 2155", "s2155-115", "us");
    tag("The 115th Congress passed House Bill 5.", NULL);
    const lextag_bill *b = bill("House Bill 5", "hr5-115", "us");
    ck_assert_str_eq(b->type, "hr");
    ck_assert_ptr_null(b->year_source);
    /* a member of Congress from a state does not make a state bill */
    tag("The Senator from Nevada cosponsored Senate Joint Resolution 2.", "1997-01-28");
    bill("Senate Joint Resolution 2", "sjres2-105", "us");
    /* no evidence either way: a both-level form gets no id */
    tag("The chamber passed House Bill 5 on Monday.", "2018-06-20");
    b = bill("House Bill 5", NULL, NULL);
    ck_assert_str_eq(b->type, "hr");
    ck_assert_int_eq(b->congress, 115);
}
END_TEST

START_TEST(not_bills)
{
    tag("Bill Lee signed it on Monday.", NULL);
    ck_assert_uint_eq(count("BILL"), 0);
    ck_assert_ptr_nonnull(find("PERSON", "Bill Lee"));
    tag("A pencil marked HB is medium; type AB blood is rare; SB Nation wrote it.", NULL);
    ck_assert_uint_eq(count("BILL"), 0);
    ck_assert_ptr_null(find("ORG", "HB"));
    ck_assert_ptr_null(find("ORG", "AB"));
    tag("Lawmakers in Texas saw SB 12% of the vote go.", NULL);
    ck_assert_uint_eq(count("BILL"), 0);
    /* a chamber letter and a number count only where a state numbers so */
    tag("Form A1234 is due; see [[Page H1456]] too.", NULL);
    ck_assert_uint_eq(count("BILL"), 0);
    tag("New York's Assembly passed A1234 on Monday.", NULL);
    bill("A1234", "ny-a1234", "ny");
    tag("In Massachusetts, H4804 goes to the Senate.", NULL);
    bill("H4804", "ma-h4804", "ma");
}
END_TEST

START_TEST(new_york_numbers)
{
    tag("In Albany, the Assembly passed A.1234 and the Senate passed S.5678 on Tuesday.",
        "2023-06-06");
    const lextag_bill *b = bill("A.1234", "ny-a1234-2023", "ny");
    ck_assert_str_eq(b->type, "a");
    ck_assert_int_eq(b->number, 1234);
    b = bill("S.5678", "ny-s5678-2023", "ny");
    ck_assert_str_eq(b->type, "s");
    ck_assert_int_eq(b->congress, 0);
    ck_assert_str_eq(b->jurisdiction_source, "sentence");
    tag("The New York State Senate approved S. 5678.", NULL);
    bill("S. 5678", "ny-s5678", "ny");
    tag("Gov. Hochul signed A. 1234 first, then A1234B and S5678.", NULL);
    bill("A. 1234", "ny-a1234", "ny");
    ck_assert_int_eq(bill("A1234B", "ny-a1234", "ny")->number, 1234);
    bill("S5678", "ny-s5678", "ny");
    /* an initial before a number is no bill; digits must follow "A." */
    tag("In Albany, Jane A. 1998 graduates met A. Smith.", NULL);
    ck_assert_uint_eq(count("BILL"), 0);
}
END_TEST

START_TEST(new_york_with_congress)
{
    /* Congress in view: "S. 5678" keeps its federal id, the bare numbers are no bill */
    tag("In Congress, New York senators won passage of S. 5678 and S5678 on Tuesday.",
        "2023-06-06");
    const lextag_bill *b = bill("S. 5678", "s5678-118", "us");
    ck_assert_int_eq(b->congress, 118);
    ck_assert_ptr_null(find("BILL", "S5678"));
    /* a member's party and state, or the U.S. Code, puts Congress in view too */
    tag("Sen. Ann Doe, D-N.Y., said S. 5678 would help New York farmers.", "2023-06-06");
    bill("S. 5678", "s5678-118", "us");
    tag("New York officials said S. 5678 amends 42 U.S.C. 1983.", "2023-06-06");
    bill("S. 5678", "s5678-118", "us");
    /* a state legislator's town is no such mark */
    tag("State Sen. Ann Doe, D-Brooklyn, said S. 5678 would help New York farmers.",
        "2023-06-06");
    bill("S. 5678", "ny-s5678-2023", "ny");
    /* no state named: as before */
    tag("The Senate passed S.5678 and A.1234 on Tuesday.", NULL);
    bill("S.5678", "s5678", "us");
    ck_assert_uint_eq(count("BILL"), 1);
}
END_TEST

static Suite *statebill_suite(void)
{
    Suite *s = suite_create("statebill");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, state_forms);
    tcase_add_test(tc, lists_and_ranges);
    tcase_add_test(tc, evidence_order);
    tcase_add_test(tc, years);
    tcase_add_test(tc, federal_stays_federal);
    tcase_add_test(tc, not_bills);
    tcase_add_test(tc, new_york_numbers);
    tcase_add_test(tc, new_york_with_congress);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    model = lextag_model_default(NULL);
    tagger = model ? lextag_tagger_new(model, NULL) : NULL;
    if (!tagger)
        return EXIT_FAILURE;
    /* the tests share one tagger: no child processes */
    int rc = lx_run_suite(statebill_suite(), false);
    lextag_result_free(res);
    lextag_tagger_free(tagger);
    lextag_model_free(model);
    return rc;
}
