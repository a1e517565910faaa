/* SPDX-License-Identifier: MIT */
/*
 * Gazetteer loader, token trie, case policies, rules (named group e, id
 * templates, limits) and the resolver, through the public API where one
 * exists.  Offsets and spans expected here are counted by hand.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "image.h"
#include "lextag/lextag.h"
#include "model.h"
#include "resolve.h"
#include "run_suite.h"

typedef struct span {
    const char *type, *text, *id;
    size_t start, end;
} span;

/* Builds a model from gazetteer and rule text and tags `text`. */
static lextag_result *tag_with(const char *gaz, const char *rules, const char *text,
                               lextag_model **mp, lextag_tagger **tp)
{
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    ck_assert_ptr_nonnull(b);
    if (gaz)
        ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "t.tsv", gaz, strlen(gaz), &err), 0);
    if (rules)
        ck_assert_int_eq(lextag_builder_add_rules_data(b, "t.rules", rules, strlen(rules), &err), 0);
    *mp = lextag_builder_build(b, &err);
    lextag_builder_free(b);
    ck_assert_ptr_nonnull(*mp);
    *tp = lextag_tagger_new(*mp, &err);
    ck_assert_ptr_nonnull(*tp);
    lextag_result *r = lextag_tagger_tag(*tp, text, strlen(text), NULL, &err);
    ck_assert_ptr_nonnull(r);
    return r;
}

static void expect(const lextag_result *r, const char *text, const span *want, size_t n)
{
    ck_assert_uint_eq(lextag_result_count(r), n);
    for (size_t i = 0; i < n; i++) {
        const lextag_entity *e = lextag_result_entity(r, i);
        ck_assert_str_eq(e->type, want[i].type);
        ck_assert_uint_eq(e->byte_start, want[i].start);
        ck_assert_uint_eq(e->byte_end, want[i].end);
        ck_assert_int_eq(memcmp(text + e->byte_start, want[i].text, strlen(want[i].text)), 0);
        if (want[i].id)
            ck_assert_str_eq(e->id, want[i].id);
        else
            ck_assert_ptr_null(e->id);
    }
}

static void done(lextag_result *r, lextag_model *m, lextag_tagger *t)
{
    lextag_result_free(r);
    lextag_tagger_free(t);
    lextag_model_free(m);
}

START_TEST(gazetteer_longest_match_and_ids)
{
    lextag_model *m;
    lextag_tagger *t;
    const char *gaz = "# comment\r\n\r\nNorth Harbor\tORG\th:1\nNorth Harbor Bank\tORG\th:2\n"
                      "\xef\xbb\xbfHarbor\tPLACEHOLDER\n";
    const char *text = "The North Harbor Bank and North\nHarbor.";
    lextag_result *r = tag_with(gaz, NULL, text, &m, &t);
    span want[] = {{"ORG", "North Harbor Bank", "h:2", 4, 21},
                   {"ORG", "North\nHarbor", "h:1", 26, 38}};
    expect(r, text, want, 2);
    done(r, m, t);
}
END_TEST

START_TEST(case_policies)
{
    lextag_model *m;
    lextag_tagger *t;
    const char *gaz = "ICE\tORG\tgov:ice\nBlue Finch\tORG\nsilver gull\tORG\t\tcase=exact\n"
                      "Red Kite\tORG\t\tcase=any\n";
    const char *text = "ice Ice ICE blue finch Blue Finch BLUE FINCH Silver Gull silver gull red kite";
    lextag_result *r = tag_with(gaz, NULL, text, &m, &t);
    span want[] = {{"ORG", "ICE", "gov:ice", 8, 11},
                   {"ORG", "Blue Finch", NULL, 23, 33},
                   {"ORG", "BLUE FINCH", NULL, 34, 44},
                   {"ORG", "silver gull", NULL, 57, 68},
                   {"ORG", "red kite", NULL, 69, 77}};
    expect(r, text, want, 5);
    done(r, m, t);
}
END_TEST

/*
 * case=exact is the entry's case letter for letter, inside words too, and
 * across other whitespace; the entry's words in another case do not refer
 * back to it through the document's aliases either.
 */
START_TEST(case_exact_is_letter_for_letter)
{
    lextag_model *m;
    lextag_tagger *t;
    const char *gaz = "GlowCo\tORG\tgc:1\tcase=exact\nFdI Party\tORG\t\tcase=exact\n";
    const char *text = "GlowCo, GLOWCO and Glowco; FDI Party, FdI  party, FdI\nParty.";
    lextag_result *r = tag_with(gaz, NULL, text, &m, &t);
    span want[] = {{"ORG", "GlowCo", "gc:1", 0, 6}, {"ORG", "FdI\nParty", NULL, 50, 59}};
    expect(r, text, want, 2);
    done(r, m, t);
}
END_TEST

/*
 * A model of lists alone looks a lowercase word up only when an entry
 * starts with it in lowercase or a match reaches it: entries that start,
 * go on or end in lowercase are found wherever they stand, the text's last
 * word included.
 */
START_TEST(lists_alone_find_lowercase_words)
{
    lextag_model *m;
    lextag_tagger *t;
    const char *gaz = "abrdn Harbour Fund\tORG\nBank of the West\tORG\nvelvetcrowntheatrecompany\tORG\n"
                      "quill\tPERSON\t\tcase=exact\nRed Kite\tORG\t\tcase=any\n";
    const char *text = "the abrdn Harbour Fund and Bank of the West met red kite and "
                       "velvetcrowntheatrecompany. then quill";
    lextag_result *r = tag_with(gaz, NULL, text, &m, &t);
    span want[] = {{"ORG", "abrdn Harbour Fund", NULL, 4, 22},
                   {"ORG", "Bank of the West", NULL, 27, 43},
                   {"ORG", "red kite", NULL, 48, 56},
                   {"ORG", "velvetcrowntheatrecompany", NULL, 61, 86},
                   {"PERSON", "quill", NULL, 93, 98}};
    expect(r, text, want, 5);
    done(r, m, t);
}
END_TEST

/* A file's name need not be UTF-8 (Latin-1 names are legal): the model
   stores it as UTF-8, so its image loads back, and the hash counts it. */
START_TEST(file_names_not_utf8_save_and_load)
{
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    const char *gaz = "Ada Quill\tPERSON\n", *rules = "order\tORDER\tOrder No\\. \\d+\n";
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "dir/list\xe9.tsv", gaz, strlen(gaz),
                                                       &err), 0);
    ck_assert_int_eq(lextag_builder_add_rules_data(b, "r\xe9sum\xe9.rules", rules,
                                                   strlen(rules), &err), 0);
    lextag_model *m = lextag_builder_build(b, &err);
    ck_assert_ptr_nonnull(m);
    char path[] = "/tmp/lextag-test-model-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(lextag_model_save(m, path, &err), 0);
    lextag_model *back = lextag_model_load(path, &err);
    unlink(path);
    ck_assert_msg(back != NULL, "%s", err.message);
    lextag_tagger *t = lextag_tagger_new(back, &err);
    const char *text = "Ada Quill wrote.";
    lextag_result *r = lextag_tagger_tag(t, text, strlen(text), NULL, &err);
    ck_assert_uint_eq(lextag_result_count(r), 1);
    ck_assert_str_eq(lextag_result_entity(r, 0)->source, "gazetteer:list\xef\xbf\xbd");
    char *info = lextag_model_info(back);
    ck_assert_ptr_nonnull(info);
    free(info);
    lextag_result_free(r);
    lextag_tagger_free(t);
    lextag_model_free(back);
    lextag_model_free(m);
    lextag_builder_free(b);
}
END_TEST

/* A file with an error adds nothing: a caller may skip it and build from
   the others. */
START_TEST(failed_file_adds_nothing)
{
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    const char *bad_gaz = "Zed Qorp\tORG\nC\tbad\n", *bad_rules = "x\tORG\t\\bAcmeco\\b\ny\tORG\t(\n";
    const char *good = "Ada Quill\tPERSON\n";
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "bad.tsv", bad_gaz, strlen(bad_gaz), &err),
                     LEXTAG_ERR_PARSE);
    ck_assert_uint_eq(err.line, 2);
    lextag_error_clear(&err);
    ck_assert_int_eq(lextag_builder_add_rules_data(b, "bad.rules", bad_rules, strlen(bad_rules),
                                                   &err), LEXTAG_ERR_PARSE);
    lextag_error_clear(&err);
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "good.tsv", good, strlen(good), &err), 0);
    lextag_model *m = lextag_builder_build(b, &err);
    ck_assert_ptr_nonnull(m);
    lextag_tagger *t = lextag_tagger_new(m, &err);
    const char *text = "Zed Qorp and Acmeco met Ada Quill.";
    lextag_result *r = lextag_tagger_tag(t, text, strlen(text), NULL, &err);
    ck_assert_uint_eq(lextag_result_count(r), 1);
    ck_assert_uint_eq(lextag_result_entity(r, 0)->byte_start, 24);
    lextag_result_free(r);
    lextag_tagger_free(t);
    lextag_model_free(m);
    lextag_builder_free(b);
}
END_TEST

/* NULL handles are refused with LEXTAG_ERR_INVALID, not dereferenced. */
START_TEST(null_handles_are_refused)
{
    lextag_error err;
    lextag_error_clear(&err);
    ck_assert_ptr_null(lextag_tagger_new(NULL, &err));
    ck_assert_int_eq(err.code, LEXTAG_ERR_INVALID);
    ck_assert_ptr_null(lextag_builder_build(NULL, NULL));
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(NULL, "a.tsv", "x", 1, NULL),
                     LEXTAG_ERR_INVALID);
    lextag_builder *b = lextag_builder_new(NULL);
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, NULL, "x", 1, NULL), LEXTAG_ERR_INVALID);
    ck_assert_int_eq(lextag_builder_add_rules_data(b, "r.rules", NULL, 3, NULL),
                     LEXTAG_ERR_INVALID);
    ck_assert_int_eq(lextag_builder_add_gazetteer(b, NULL, NULL), LEXTAG_ERR_INVALID);
    lextag_builder_free(b);
    ck_assert_ptr_null(lextag_model_load(NULL, NULL));
    ck_assert_int_eq(lextag_model_save(NULL, "/tmp/x.lxm", NULL), LEXTAG_ERR_INVALID);
    ck_assert_ptr_null(lextag_model_info(NULL));
    ck_assert_int_eq(lextag_tagger_set_threads(NULL, 2, NULL), LEXTAG_ERR_INVALID);
    ck_assert_int_eq(lextag_format_from_name(NULL), -1);
    size_t spans = 7;
    lextag_trainer_counts(NULL, &spans, NULL, NULL);
    ck_assert_uint_eq(spans, 0);
}
END_TEST

START_TEST(gazetteer_errors)
{
    static const struct {
        const char *data;
        unsigned line, column;
        const char *message;
    } cases[] = {
        {"A B\tORG\nC D\n", 2, 4, "missing TYPE column (expected NAME<TAB>TYPE)"},
        {"\tORG\n", 1, 1, "NAME is empty"},
        {"A\tOrg\n", 1, 3, "TYPE must be a label in capitals (A-Z, 0-9, _)"},
        {"A\tORG\tx\tnope\n", 1, 9, "attribute must be KEY=VALUE"},
        {"A\tORG\tx\tcase=odd\n", 1, 14, "case must be default, any or exact"},
        {"A\tORG\tx\tprio=9999\n", 1, 14, "prio must be an integer from -1000 to 1000"},
        {"A\xc3\tORG\n", 1, 2, "invalid UTF-8"},
        /* NAMEs the first pass must tokenize to check (see plain_name()) */
        {"A\tORG\n   \tORG\n", 2, 1, "NAME is empty"},
        {"A\tORG\nA\x01" "B\tORG\n", 2, 2, "control character in NAME"},
        {"A\tORG\na,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a\tORG\n", 2, 1,
         "NAME has more than 64 tokens"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        lextag_error err;
        lextag_error_clear(&err);
        lextag_builder *b = lextag_builder_new(&err);
        int rc = lextag_builder_add_gazetteer_data(b, "g.tsv", cases[i].data,
                                                   strlen(cases[i].data), &err);
        ck_assert_int_eq(rc, LEXTAG_ERR_PARSE);
        ck_assert_str_eq(err.file, "g.tsv");
        ck_assert_uint_eq(err.line, cases[i].line);
        ck_assert_uint_eq(err.column, cases[i].column);
        ck_assert_str_eq(err.message, cases[i].message);
        /* a file is added whole or not at all: its good lines are not in */
        lextag_model *m = lextag_builder_build(b, &err);
        ck_assert_ptr_nonnull(m);
        lextag_tagger *t = lextag_tagger_new(m, &err);
        ck_assert_ptr_nonnull(t);
        lextag_result *r = lextag_tagger_tag(t, "A and A B", 9, NULL, &err);
        ck_assert_ptr_nonnull(r);
        ck_assert_uint_eq(lextag_result_count(r), 0);
        lextag_result_free(r);
        lextag_tagger_free(t);
        lextag_model_free(m);
        lextag_builder_free(b);
    }
}
END_TEST

START_TEST(rules_group_and_id_template)
{
    lextag_model *m;
    lextag_tagger *t;
    const char *rules = "order\tORDER\tOrder No\\. (?<e>(?<num>\\d+)-(?<yr>\\d{2}))\t"
                        "id=order/{yr}/{num}\tanchor=order\n";
    const char *text = "See Order No. 512-19 and order no. 7-20.";
    lextag_result *r = tag_with(NULL, rules, text, &m, &t);
    span want[] = {{"ORDER", "512-19", "order/19/512", 14, 20}};
    expect(r, text, want, 1);
    ck_assert_str_eq(lextag_result_entity(r, 0)->source, "rule:order");
    done(r, m, t);
}
END_TEST

START_TEST(rules_fragments_compose_a_grammar)
{
    lextag_model *m;
    lextag_tagger *t;
    /* a fragment may use an earlier one; "{{" that names none stays literal */
    const char *rules = "@num\t\\d+\n"
                        "@ref\tNo\\. {{num}}\n"
                        "order\tORDER\tOrder {{ref}}(?: or {{ref}})?\tanchor=order\n"
                        "brace\tBRACE\tx\\{{2}y\tanchor=x\n";
    const char *text = "See Order No. 512 or No. 7 and x{{y.";
    lextag_result *r = tag_with(NULL, rules, text, &m, &t);
    span want[] = {{"ORDER", "Order No. 512 or No. 7", NULL, 4, 26},
                   {"BRACE", "x{{y", NULL, 31, 35}};
    expect(r, text, want, 2);
    done(r, m, t);
}
END_TEST

START_TEST(rules_bad_pattern_column)
{
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    const char *rules = "ok\tX\tabc\nbad\tX\ta[b\n";
    ck_assert_int_eq(lextag_builder_add_rules_data(b, "r.rules", rules, strlen(rules), &err),
                     LEXTAG_ERR_PARSE);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.column, 10); /* just past "a[b", where PCRE2 gives up */
    ck_assert(strstr(err.message, "bad pattern") != NULL);
    lextag_builder_free(b);
}
END_TEST

/* An id template must name the pattern's groups, each "{" closed, with a
   known modifier: else every match would get a null id, silently. */
START_TEST(rules_id_template_names_groups)
{
    static const struct {
        const char *rules, *message;
        unsigned column;
    } bad[] = {
        {"o\tX\tNo (?<num>\\d+)\tid=o/{nosuch}\n", "names no group", 25},
        {"o\tX\tNo (?<num>\\d+)\tid=o/{num:upper}\n", ":digits or :lower", 25},
        {"o\tX\tNo (?<num>\\d+)\tprio=60\tid={num\n", "without '}'", 31},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        lextag_error err;
        lextag_error_clear(&err);
        lextag_builder *b = lextag_builder_new(&err);
        ck_assert_int_eq(lextag_builder_add_rules_data(b, "r.rules", bad[i].rules,
                                                       strlen(bad[i].rules), &err),
                         LEXTAG_ERR_PARSE);
        ck_assert_msg(strstr(err.message, bad[i].message) != NULL, "%s", err.message);
        ck_assert_uint_eq(err.line, 1);
        ck_assert_uint_eq(err.column, bad[i].column);
        lextag_builder_free(b);
    }
}
END_TEST

START_TEST(rules_catastrophic_pattern_is_cut_off)
{
    lextag_model *m;
    lextag_tagger *t;
    size_t n = 30000;
    char *text = malloc(n + 2);
    memset(text, 'a', n);
    text[n] = 'b';
    text[n + 1] = '\0';
    time_t t0 = time(NULL);
    lextag_result *r = tag_with(NULL, "evil\tX\t^(a+)+$\n", text, &m, &t);
    ck_assert_uint_eq(lextag_result_count(r), 0);
    ck_assert_uint_eq(lextag_result_limit_hits(r), 1);
    ck_assert_str_eq(lextag_result_limit_rule(r, 0), "evil");
    ck_assert(time(NULL) - t0 < 10);
    done(r, m, t);
    free(text);
}
END_TEST

static lx_cand cand(size_t s, size_t e, int prio, const char *type)
{
    lx_cand c = {.start = s, .end = e, .type = type, .source = "test", .prio = prio,
                 .entry = LX_NONE, .ref = LX_NOREF};
    return c;
}

START_TEST(resolver_order)
{
    lx_resolver rv = {0};
    lx_candvec in = {0}, acc = {0}, lost = {0};
    lx_cand c[] = {
        cand(0, 10, 50, "A"),  /* loses to the higher priority below */
        cand(5, 8, 60, "B"),   /* wins: priority first */
        cand(12, 20, 50, "C"), /* wins: longer than D */
        cand(14, 18, 50, "D"),
        cand(30, 35, 50, "E"), /* equal length and priority: leftmost wins */
        cand(32, 37, 50, "F"),
    };
    for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++)
        ck_assert_int_eq(lx_candvec_push(&in, &c[i]), 0);
    ck_assert_int_eq(lx_resolve_add(&rv, &in, 40, &acc, &lost), 0);
    lx_resolve_done(&rv, &acc, &lost);
    ck_assert_uint_eq(acc.n, 3);
    ck_assert_str_eq(acc.v[0].type, "B");
    ck_assert_str_eq(acc.v[1].type, "C");
    ck_assert_str_eq(acc.v[2].type, "E");
    ck_assert_uint_eq(lost.n, 3);
    ck_assert(lost.v[0].flags & LX_CAND_LOST);
    lx_candvec_free(&in);
    lx_candvec_free(&acc);
    lx_candvec_free(&lost);
    lx_resolver_free(&rv);
}
END_TEST

/*
 * lx_cands_sort() against a stable insertion sort, on random runs of
 * candidates in order (as sources give them), with ties: the same order,
 * equal candidates (told apart by their prio) included.
 */
START_TEST(candidate_runs_merge_stably)
{
    lx_candvec v = {0}, scratch = {0};
    lx_cand want[300];
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
        v.n = 0;
        size_t n = (size_t) (round * 7 % 300), at = 0;
        while (at < n) {
            /* a run: starts that never go down, ends that may tie */
            size_t len = 1 + (seed = seed * 1103515245u + 12345u) % 40, s = seed % 50;
            for (size_t k = 0; k < len && at < n; k++, at++) {
                seed = seed * 1103515245u + 12345u;
                s += seed % 3;
                lx_cand c = cand(s, s + 1 + (seed >> 8) % 3, (int) at, "X");
                ck_assert_int_eq(lx_candvec_push(&v, &c), 0);
            }
        }
        for (size_t i = 0; i < n; i++) {
            lx_cand c = v.v[i];
            size_t j = i;
            while (j > 0 && (want[j - 1].start > c.start ||
                             (want[j - 1].start == c.start && want[j - 1].end > c.end))) {
                want[j] = want[j - 1];
                j--;
            }
            want[j] = c;
        }
        ck_assert_int_eq(lx_cands_sort(&v, &scratch), 0);
        ck_assert_uint_eq(v.n, n);
        for (size_t i = 0; i < n; i++) {
            ck_assert_uint_eq(v.v[i].start, want[i].start);
            ck_assert_uint_eq(v.v[i].end, want[i].end);
            ck_assert_int_eq(v.v[i].prio, want[i].prio);
        }
    }
    lx_candvec_free(&v);
    lx_candvec_free(&scratch);
}
END_TEST

START_TEST(offsets_in_three_units)
{
    lextag_model *m;
    lextag_tagger *t;
    /* "é" 2 bytes / 1 code point / 1 unit; the emoji 4 / 1 / 2; 0xFF 1 / 1 / 1 */
    const char *text = "\xc3\xa9 \xf0\x9f\x98\x80 \xff Zo\xc3\xab Quill";
    lextag_result *r = tag_with("Zo\xc3\xab Quill\tPERSON\n", NULL, text, &m, &t);
    ck_assert_uint_eq(lextag_result_count(r), 1);
    const lextag_entity *e = lextag_result_entity(r, 0);
    ck_assert_uint_eq(e->byte_start, 10);
    ck_assert_uint_eq(e->byte_end, 20);
    ck_assert_uint_eq(e->start, 6);
    ck_assert_uint_eq(e->end, 15);
    ck_assert_uint_eq(e->utf16_start, 7);
    ck_assert_uint_eq(e->utf16_end, 16);
    done(r, m, t);
}
END_TEST

START_TEST(tag_errors_say_what_failed)
{
    lextag_model *m;
    lextag_tagger *t;
    lextag_result *r = tag_with("North Harbor Bank\tORG\n", NULL, "x", &m, &t);
    lextag_error err;
    lextag_error_clear(&err);
    ck_assert_ptr_null(lextag_tagger_tag(t, NULL, 5, NULL, &err));
    ck_assert_int_eq(err.code, LEXTAG_ERR_INVALID);
    ck_assert_ptr_null(strstr(err.message, "memory"));
    ck_assert_ptr_nonnull(strstr(err.message, "NULL text"));
    lextag_error_clear(&err);
    ck_assert_ptr_null(lextag_tagger_tag(NULL, "x", 1, NULL, &err));
    ck_assert_int_eq(err.code, LEXTAG_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.message, "no tagger"));
    /* the thread count is checked, not clamped */
    lextag_error_clear(&err);
    ck_assert_int_eq(lextag_tagger_set_threads(t, 1025, &err), LEXTAG_ERR_INVALID);
    ck_assert_int_eq(lextag_tagger_set_threads(t, 1024, NULL), 0);
    done(r, m, t);
}
END_TEST

START_TEST(threads_give_the_same_result)
{
    /* a document of several stretches, tagged with one and with four lanes */
    size_t reps = 60000;
    const char *unit = "Reporters met Sen. Ada Quill of North Harbor Bank today. ";
    size_t ul = strlen(unit);
    char *text = malloc(reps * ul + 1);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ul, unit, ul);
    text[reps * ul] = '\0';
    lextag_model *m;
    lextag_tagger *t;
    lextag_result *r1 = tag_with("North Harbor Bank\tORG\n", NULL, text, &m, &t);
    ck_assert_int_eq(lextag_tagger_set_threads(t, 4, NULL), 0);
    lextag_result *r4 = lextag_tagger_tag(t, text, reps * ul, NULL, NULL);
    ck_assert_ptr_nonnull(r4);
    ck_assert_uint_eq(lextag_result_count(r1), reps);
    ck_assert_uint_eq(lextag_result_count(r4), reps);
    for (size_t i = 0; i < reps; i += 997) {
        const lextag_entity *a = lextag_result_entity(r1, i), *b = lextag_result_entity(r4, i);
        ck_assert_uint_eq(a->byte_start, b->byte_start);
        ck_assert_uint_eq(a->start, b->start);
        ck_assert_str_eq(a->type, b->type);
    }
    lextag_result_free(r4);
    done(r1, m, t);
    free(text);
}
END_TEST

START_TEST(rules_skip_country_in_team_slot)
{
    lextag_model *m;
    lextag_tagger *t;
    /* a country is one key of all its words: "Korea" alone is none */
    const char *gaz = "Norvia\tCOUNTRY\nSouth Korea\tCOUNTRY\n";
    const char *rules = "team\tORG\t(?m)^(?<e>[A-Z][a-z]+(?: [A-Z][a-z]+)?) \\d\tcountry=skip\n";
    const char *text = "Norvia 2\nHartwell 1\nSouth Korea 3\nKorea 1\n";
    lextag_result *r = tag_with(gaz, rules, text, &m, &t);
    span want[] = {{"ORG", "Hartwell", NULL, 9, 17}, {"ORG", "Korea", NULL, 34, 39}};
    expect(r, text, want, 2);
    done(r, m, t);
}
END_TEST

/* The types a model tags: its entries', its rules', and PERSON and ORG
   once evidence lets the context rules run. */
START_TEST(model_knows_its_types)
{
    lextag_model *m;
    lextag_tagger *t;
    const char *rules = "order\tORDER\tOrder No\\. (?<e>\\d+)\tanchor=order\n";
    lextag_result *r = tag_with("Acme Works\tORG\n", rules, "Acme Works", &m, &t);
    ck_assert(lextag_model_has_type(m, "ORG"));
    ck_assert(lextag_model_has_type(m, "ORDER"));
    ck_assert(!lextag_model_has_type(m, "PERSON"));
    ck_assert(!lextag_model_has_type(m, "ORGANIZATION"));
    ck_assert(!lextag_model_has_type(NULL, "ORG"));
    ck_assert(!lextag_model_has_type(m, NULL));
    done(r, m, t);
    r = tag_with("spokesman\tPERSON_ROLE\n", NULL, "Acme Works", &m, &t);
    ck_assert(lextag_model_has_type(m, "PERSON"));
    ck_assert(lextag_model_has_type(m, "ORG"));
    done(r, m, t);
}
END_TEST

/* Words on both sides of eight bytes that share their first ones: a lookup
   tells them apart by their heads and, past eight bytes, by the pool, even
   when every entry sits under the hash of the word looked up. */
START_TEST(vocabulary_lookup_by_head)
{
    const char *words[] = {"a",        "ab",        "abc",      "abcd",     "abcdefg",
                           "abcdefgh", "abcdefghi", "abcdefgx", "zbcdefgh", "abcdefghijklmnop"};
    const char *absent[] = {"abcde", "abcdef", "abcdefghij", "abcdefghijklmno", "b", "abce",
                            "abcdefgy", "abcdefghijklmnopq"};
    enum { N = sizeof(words) / sizeof(*words), A = sizeof(absent) / sizeof(*absent) };
    lx_trie t;
    ck_assert_int_eq(lx_trie_init(&t), 0);
    uint32_t id[N];
    for (size_t i = 0; i < N; i++) {
        id[i] = lx_trie_vocab_add(&t, words[i], strlen(words[i]));
        ck_assert_uint_ne(id[i], LX_NONE);
    }
    for (size_t i = 0; i < N; i++)
        ck_assert_uint_eq(lx_trie_vocab(&t, words[i], strlen(words[i])), id[i]);
    for (size_t i = 0; i < A; i++)
        ck_assert_uint_eq(lx_trie_vocab(&t, absent[i], strlen(absent[i])), LX_NONE);
    /* only the n bytes given count */
    ck_assert_uint_eq(lx_trie_vocab(&t, "abcdefgh", 3), id[2]);
    ck_assert_uint_eq(lx_trie_vocab(&t, "abcdefghijklmnop", 9), id[6]);
    uint32_t mask = t.vslot_cap - 1;
    for (size_t k = 0; k < N + A; k++) {
        const char *key = k < N ? words[k] : absent[k - N];
        uint32_t h = lx_trie_hash(key, strlen(key));
        memset(t.vslots, 0, t.vslot_cap * sizeof(*t.vslots));
        for (size_t i = 0; i < N; i++)
            t.vslots[(h + i) & mask] = (uint64_t) h << 32 | (id[i] + 1);
        uint32_t want = k < N ? id[k] : LX_NONE;
        ck_assert_uint_eq(lx_trie_vocab(&t, key, strlen(key)), want);
    }
    lx_trie_free(&t);
}
END_TEST

/* Entries are indexed by node, in the order they were added within a
   node, whatever order their pairs come in. */
START_TEST(entries_indexed_by_node)
{
    lx_trie t;
    ck_assert_int_eq(lx_trie_init(&t), 0);
    uint32_t a = lx_trie_vocab_add(&t, "a", 1), b = lx_trie_vocab_add(&t, "b", 1);
    uint32_t na = lx_trie_child_add(&t, 0, a), nb = lx_trie_child_add(&t, 0, b);
    uint32_t nab = lx_trie_child_add(&t, na, b);
    ck_assert(na != LX_NONE && nb != LX_NONE && nab != LX_NONE);
    /* in the order a builder adds them, then with node b's two swapped */
    uint64_t added[] = {(uint64_t) nb << 32 | 0, (uint64_t) na << 32 | 1,
                        (uint64_t) nab << 32 | 2, (uint64_t) nb << 32 | 3};
    uint64_t swapped[] = {(uint64_t) nb << 32 | 3, (uint64_t) na << 32 | 1,
                          (uint64_t) nab << 32 | 2, (uint64_t) nb << 32 | 0};
    uint64_t *pairs[] = {added, swapped};
    for (int k = 0; k < 2; k++) {
        ck_assert_int_eq(lx_trie_set_entries(&t, pairs[k], 4), 0);
        uint32_t n;
        const uint32_t *e = lx_trie_entries(&t, nb, &n);
        ck_assert_uint_eq(n, 2);
        ck_assert_uint_eq(e[0], 0);
        ck_assert_uint_eq(e[1], 3);
        e = lx_trie_entries(&t, na, &n);
        ck_assert_uint_eq(n, 1);
        ck_assert_uint_eq(e[0], 1);
        e = lx_trie_entries(&t, nab, &n);
        ck_assert_uint_eq(n, 1);
        ck_assert_uint_eq(e[0], 2);
        ck_assert_ptr_null(lx_trie_entries(&t, 0, &n));
        ck_assert_uint_eq(n, 0);
    }
    lx_trie_free(&t);
}
END_TEST

/* The built-in image is attached without checks at start-up: it passes
   every check an image file gets (checksum, indices, anchors, weights). */
START_TEST(built_in_image_passes_every_check)
{
    struct lextag_model *m = calloc(1, sizeof(*m));
    ck_assert_ptr_nonnull(m);
    lextag_error err;
    lextag_error_clear(&err);
    size_t len = (size_t) (lx_default_image_end - lx_default_image);
    ck_assert_msg(lx_image_attach(m, lx_default_image, len, "built-in model", true, &err) == 0,
                  "%s", err.message);
    ck_assert_uint_gt(m->n_entries, 0);
    ck_assert_uint_gt(m->learn.bits, 0);
    m->image_static = true;
    lextag_model_free(m);
    /* and a flipped byte past the header is caught by the check, not missed */
    unsigned char *copy = malloc(len);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, lx_default_image, len);
    copy[len / 2] ^= 0x40;
    m = calloc(1, sizeof(*m));
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(lx_image_attach(m, copy, len, "copy", true, &err), LEXTAG_ERR_MODEL);
    ck_assert_ptr_nonnull(strstr(err.message, "checksum"));
    free(m);
    free(copy);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, gazetteer_longest_match_and_ids);
    tcase_add_test(tc, case_policies);
    tcase_add_test(tc, case_exact_is_letter_for_letter);
    tcase_add_test(tc, lists_alone_find_lowercase_words);
    tcase_add_test(tc, file_names_not_utf8_save_and_load);
    tcase_add_test(tc, failed_file_adds_nothing);
    tcase_add_test(tc, null_handles_are_refused);
    tcase_add_test(tc, gazetteer_errors);
    tcase_add_test(tc, rules_group_and_id_template);
    tcase_add_test(tc, rules_fragments_compose_a_grammar);
    tcase_add_test(tc, rules_bad_pattern_column);
    tcase_add_test(tc, rules_id_template_names_groups);
    tcase_add_test(tc, rules_catastrophic_pattern_is_cut_off);
    tcase_add_test(tc, resolver_order);
    tcase_add_test(tc, candidate_runs_merge_stably);
    tcase_add_test(tc, rules_skip_country_in_team_slot);
    tcase_add_test(tc, offsets_in_three_units);
    tcase_add_test(tc, tag_errors_say_what_failed);
    tcase_add_test(tc, threads_give_the_same_result);
    tcase_add_test(tc, built_in_image_passes_every_check);
    tcase_add_test(tc, vocabulary_lookup_by_head);
    tcase_add_test(tc, entries_indexed_by_node);
    tcase_add_test(tc, model_knows_its_types);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return lx_run_suite(suite(), true);
}
