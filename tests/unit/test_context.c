/* SPDX-License-Identifier: MIT */
/*
 * Context rules, organization rules, the lists pass and the document pass,
 * each on a small model built here from evidence lists written for the
 * test, so that every case depends only on the entries it names.  The texts
 * are invented; expected spans are counted by hand.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"
#include "run_suite.h"

typedef struct span {
    const char *type, *text, *source;
} span;

/* Tags `text` with a model built from the gazetteer text `gaz`. */
static lextag_result *tag(const char *gaz, const char *text, lextag_model **mp,
                          lextag_tagger **tp)
{
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "ev.tsv", gaz, strlen(gaz), &err), 0);
    *mp = lextag_builder_build(b, &err);
    lextag_builder_free(b);
    ck_assert_ptr_nonnull(*mp);
    *tp = lextag_tagger_new(*mp, &err);
    ck_assert_ptr_nonnull(*tp);
    lextag_result *r = lextag_tagger_tag(*tp, text, strlen(text), NULL, &err);
    ck_assert_ptr_nonnull(r);
    return r;
}

/* The result holds exactly these spans, in order. */
static void expect(const char *gaz, const char *text, const span *want, size_t n)
{
    lextag_model *m;
    lextag_tagger *t;
    lextag_result *r = tag(gaz, text, &m, &t);
    ck_assert_uint_eq(lextag_result_count(r), n);
    for (size_t i = 0; i < n; i++) {
        const lextag_entity *e = lextag_result_entity(r, i);
        size_t len = e->byte_end - e->byte_start;
        ck_assert_str_eq(e->type, want[i].type);
        ck_assert_uint_eq(len, strlen(want[i].text));
        ck_assert_int_eq(memcmp(text + e->byte_start, want[i].text, len), 0);
        if (want[i].source)
            ck_assert_str_eq(e->source, want[i].source);
    }
    lextag_result_free(r);
    lextag_tagger_free(t);
    lextag_model_free(m);
}

START_TEST(place_of_two_words_blocks_only_itself)
{
    const char *gaz = "Todd\tFIRSTNAME\nSaint Martin\tPLACE\nCosta Rica\tPLACE\n"
                      "Costa\tFIRSTNAME\n";
    const span want[] = {{"PERSON", "Todd Martin", "context:first-name"}};
    /* "Martin" is no place because "Saint Martin" is one; "Costa Rica" is */
    expect(gaz, "We met Todd Martin in Costa Rica.", want, 1);
}
END_TEST

START_TEST(surname_endings)
{
    const char *with = "-ski\tNAME_ENDING\n";
    const char *without = "-escu\tNAME_ENDING\n";
    const char *text = "We saw Anatol Gorowski arrive.";
    const span want[] = {{"PERSON", "Anatol Gorowski", "context:surname"}};
    expect(with, text, want, 1);
    expect(without, text, NULL, 0);
}
END_TEST

START_TEST(lone_names_that_act)
{
    const char *gaz = "campaigned\tPERSON_VERB\nwon\tACTION_VERB\nsaid\tSPEECH_VERB\n"
                      "Adams\tSURNAME\n";
    const span want[] = {
        {"PERSON", "Kshyk", "context:verb"},
        {"PERSON", "Adams", "context:verb"},
        {"PERSON", "Hoddle", "context:speech"},
    };
    /* a word no list knows needs a person's verb; a known surname any action;
       "Zorbl won" names nobody */
    expect(gaz, "Kshyk campaigned hard, and then Adams won. Zorbl won too. Hoddle said so.",
           want, 3);
}
END_TEST

START_TEST(list_items_share_a_type)
{
    const char *gaz = "Ann\tFIRSTNAME\nBob\tFIRSTNAME\n";
    const span want[] = {
        {"PERSON", "Ann Lee", "context:first-name"},
        {"PERSON", "Bob Ray", "context:first-name"},
        {"PERSON", "Tuvaaq Qilaarsuk", "context:list"},
        {"PERSON", "Obi Ezeudoh", "context:list"},
    };
    expect(gaz, "The cast: Ann Lee, Bob Ray, Tuvaaq Qilaarsuk and Obi Ezeudoh.", want, 4);
    /* one named item is no evidence for the others */
    const span one[] = {{"PERSON", "Ann Lee", "context:first-name"}};
    expect(gaz, "The cast: Ann Lee, Tuvaaq Qilaarsuk and Obi Ezeudoh.", one, 1);
}
END_TEST

START_TEST(acronym_definitions)
{
    const char *gaz = "gross\tENGLISH_WORD\ndomestic\tENGLISH_WORD\nproduct\tENGLISH_WORD\n"
                      "GDP\tNOT_NAME\n";
    const span want[] = {
        {"ORG", "Coastal Workers Federation", "context:acronym"},
        {"ORG", "CWF", "document:alias"},
    };
    /* initials that spell a phrase of English words name nothing */
    expect(gaz, "The Coastal Workers Federation (CWF) met. Gross Domestic Product (GDP) rose.",
           want, 2);
}
END_TEST

START_TEST(organization_nouns_and_document_types)
{
    const char *gaz = "agency\tORG_NOUN\nsaid\tSPEECH_VERB\n";
    const span want[] = {
        {"ORG", "Tanjug", "context:org-noun"},
        {"ORG", "Tanjug", "document:alias"},
    };
    /* "Tanjug said" alone would be a person; the document says otherwise */
    expect(gaz, "The news agency Tanjug reported it. Tanjug said more.", want, 2);
}
END_TEST

START_TEST(ambiguous_entry_is_no_alias)
{
    const char *gaz = "Harbor\tORG\tco:harbor\tambiguous=1\n";
    const span want[] = {{"ORG", "Harbor", "gazetteer:ev"}};
    /* an entry that may name something else ("Amazon") is an organization
       where the text says so; at a sentence start the capital proves
       nothing, and the first mention makes no alias of it */
    expect(gaz, "Shares of Harbor rose on Monday. Harbor shares fell later.", want, 1);
}
END_TEST

START_TEST(common_word_organization_is_no_alias)
{
    const char *gaz = "agency\tORG_NOUN\nbeacon\tENGLISH_WORD\n";
    const span want[] = {{"ORG", "Beacon", "context:org-noun"}};
    /* a word news writes in lowercase was an organization where the noun
       said so, not everywhere else */
    expect(gaz, "The news agency Beacon reported it. Later, Beacon fans cheered.", want, 1);
}
END_TEST

START_TEST(title_before_english_words)
{
    const char *gaz = "Crown\tPERSON_TITLE\ncolony\tENGLISH_WORD\nSir\tPERSON_TITLE\n";
    const span want[] = {{"PERSON", "Edmund Kray", "context:title"}};
    expect(gaz, "The Crown Colony was ruled by Sir Edmund Kray.", want, 1);
}
END_TEST

START_TEST(headline_in_capitals)
{
    const char *gaz = "PCT\tORG\nLeague\tORG_SUFFIX\n";
    /* in a line of capitals a one-word entry or a head word could be any word */
    expect(gaz, "PCT LEAGUE LEADERS WIN.\nThe league met on Monday.", NULL, 0);
    /* running text names the PCT, and the headline's PCT is the same */
    const span want[] = {{"ORG", "PCT", "document:alias"}, {"ORG", "PCT", "gazetteer:ev"}};
    expect(gaz, "PCT LEAGUE LEADERS WIN.\nThe PCT met on Monday.", want, 2);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("context");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, place_of_two_words_blocks_only_itself);
    tcase_add_test(tc, surname_endings);
    tcase_add_test(tc, lone_names_that_act);
    tcase_add_test(tc, list_items_share_a_type);
    tcase_add_test(tc, acronym_definitions);
    tcase_add_test(tc, organization_nouns_and_document_types);
    tcase_add_test(tc, common_word_organization_is_no_alias);
    tcase_add_test(tc, ambiguous_entry_is_no_alias);
    tcase_add_test(tc, title_before_english_words);
    tcase_add_test(tc, headline_in_capitals);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return lx_run_suite(suite(), true);
}
