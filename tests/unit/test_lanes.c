/* SPDX-License-Identifier: MIT */
/*
 * The lane pool (every item done once, run after run, errors returned), the
 * stretch-wise conversion's check of its bounds, and a long document tagged
 * on several lanes with the timing sink on: the same entities, offsets and
 * refs as one lane without it, and every phase counted.
 */
#include <check.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "lanes.h"
#include "lextag/lextag.h"
#include "run_suite.h"
#include "stretch.h"

#define ITEMS 1000

typedef struct counts {
    atomic_int seen[ITEMS];
    atomic_int lanes_used;
    size_t fail_at; /* item that fails, or ITEMS */
} counts;

static int count_item(void *ctx, unsigned lane, size_t item)
{
    counts *c = ctx;
    atomic_fetch_add(&c->seen[item], 1);
    atomic_fetch_or(&c->lanes_used, 1 << (lane % 16));
    return item == c->fail_at ? LEXTAG_ERR_NOMEM : 0;
}

START_TEST(pool_does_every_item_once)
{
    lx_lanes *p = lx_lanes_new();
    ck_assert_ptr_nonnull(p);
    static counts c;
    unsigned widths[] = {1, 3, 8, 2, 8};
    for (size_t run = 0; run < sizeof(widths) / sizeof(*widths); run++) {
        memset(&c, 0, sizeof(c));
        c.fail_at = ITEMS;
        ck_assert_int_eq(lx_lanes_each(p, ITEMS, widths[run], count_item, &c, NULL, NULL), 0);
        for (size_t i = 0; i < ITEMS; i++)
            ck_assert_int_eq(atomic_load(&c.seen[i]), 1);
    }
    /* an error stops the handing out and comes back */
    memset(&c, 0, sizeof(c));
    c.fail_at = 5;
    ck_assert_int_eq(lx_lanes_each(p, ITEMS, 4, count_item, &c, NULL, NULL), LEXTAG_ERR_NOMEM);
    ck_assert_int_eq(atomic_load(&c.seen[5]), 1);
    lx_lanes_free(p);
    /* no pool: the caller does it all */
    memset(&c, 0, sizeof(c));
    c.fail_at = ITEMS;
    ck_assert_int_eq(lx_lanes_each(NULL, ITEMS, 4, count_item, &c, NULL, NULL), 0);
    ck_assert_int_eq(atomic_load(&c.lanes_used), 1);
    lx_lanes_free(NULL);
}
END_TEST

START_TEST(convert_refuses_a_bound_inside_a_character)
{
    /* byte 2 is inside the two bytes of "é": the first part's walk overruns it */
    const char *text = "a\xc3\xa9 bc";
    lx_cand cand = {.start = 4, .end = 6, .type = "ORG", .ref = LX_NOREF};
    lx_candvec cv = {&cand, 1, 1};
    size_t bad[] = {0, 2, strlen(text)}, good[] = {0, 3, strlen(text)};
    lextag_result res;
    memset(&res, 0, sizeof(res));
    lx_convert c;
    lextag_entity *v;
    size_t n;
    ck_assert_int_eq(lx_convert_begin(&c, &cv, text, strlen(text), bad, 2, &res.arena), 0);
    lx_convert_part(&c, 0);
    lx_convert_part(&c, 1);
    ck_assert(!lx_convert_end(&c, &v, &n));
    ck_assert_int_eq(lx_convert_begin(&c, &cv, text, strlen(text), good, 2, &res.arena), 0);
    lx_convert_part(&c, 1);
    lx_convert_part(&c, 0);
    ck_assert(lx_convert_end(&c, &v, &n));
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(v[0].byte_start, 4);
    ck_assert_uint_eq(v[0].start, 3);
    ck_assert_uint_eq(v[0].utf16_end, 5);
    lx_arena_free(&res.arena);
}
END_TEST

static lextag_model *model(void)
{
    const char *gaz = "Teodora Vance\tPERSON\nNorth Harbor Bank\tORG\n";
    lextag_builder *b = lextag_builder_new(NULL);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "t.tsv", gaz, strlen(gaz), NULL), 0);
    lextag_model *m = lextag_builder_build(b, NULL);
    lextag_builder_free(b);
    ck_assert_ptr_nonnull(m);
    return m;
}

START_TEST(lanes_and_timing_change_nothing)
{
    /* aliases defined early and used everywhere, characters of two, three
       and four bytes, and stretches small enough for a hundred of them */
    const char *units[] = {"Teodora Vance of North Harbor Bank spoke in Zürich. ",
                           "The board heard “no” from Vance 🙂. ",
                           "Nobody else came.\n\n"};
    size_t reps = 3000, len = 0;
    char *text = malloc(reps * 3 * 64);
    for (size_t i = 0; i < reps; i++)
        for (size_t k = 0; k < 3; k++) {
            memcpy(text + len, units[k], strlen(units[k]));
            len += strlen(units[k]);
        }
    lx_stretch_size = 4096;
    lextag_model *m = model();
    lextag_tagger *one = lextag_tagger_new(m, NULL), *many = lextag_tagger_new(m, NULL);
    ck_assert_int_eq(lextag_tagger_set_threads(many, 5, NULL), 0);
    lextag_timing tm;
    memset(&tm, 0, sizeof(tm));
    tm.cpu = true;
    lextag_tagger_set_timing(many, &tm);
    lextag_result *r1 = lextag_tagger_tag(one, text, len, NULL, NULL);
    lextag_result *r5 = lextag_tagger_tag(many, text, len, NULL, NULL);
    ck_assert_ptr_nonnull(r1);
    ck_assert_ptr_nonnull(r5);
    ck_assert_uint_ge(lextag_result_count(r1), 2 * reps);
    ck_assert_uint_eq(lextag_result_count(r1), lextag_result_count(r5));
    size_t refs = 0;
    for (size_t i = 0; i < lextag_result_count(r1); i++) {
        const lextag_entity *a = lextag_result_entity(r1, i), *b = lextag_result_entity(r5, i);
        ck_assert_str_eq(a->type, b->type);
        ck_assert_uint_eq(a->byte_start, b->byte_start);
        ck_assert_uint_eq(a->byte_end, b->byte_end);
        ck_assert_uint_eq(a->start, b->start);
        ck_assert_uint_eq(a->end, b->end);
        ck_assert_uint_eq(a->utf16_start, b->utf16_start);
        ck_assert_uint_eq(a->utf16_end, b->utf16_end);
        ck_assert_int_eq(a->ref, b->ref);
        ck_assert_str_eq(a->source, b->source);
        refs += a->ref >= 0;
    }
    ck_assert_uint_ge(refs, reps); /* "Vance" alone refers back */
    ck_assert_uint_eq(tm.documents, 1);
    ck_assert(tm.lanes_cpu > 0 && tm.lanes > 0);
    ck_assert(tm.prescan >= 0 && tm.merge >= 0 && tm.document >= 0 && tm.convert >= 0);
    /* the result's writer adds its time to the same sink */
    FILE *out = tmpfile();
    ck_assert_int_eq(lextag_result_write(r5, LEXTAG_FORMAT_JSON, "d", NULL, text, len, out,
                                         NULL), 0);
    fclose(out);
    ck_assert(tm.format + tm.format_parallel > 0);
    lextag_result_free(r1);
    lextag_result_free(r5);
    lextag_tagger_free(one);
    lextag_tagger_free(many);
    lextag_model_free(m);
    lx_stretch_size = LX_STRETCH;
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lanes");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, pool_does_every_item_once);
    tcase_add_test(tc, convert_refuses_a_bound_inside_a_character);
    tcase_add_test(tc, lanes_and_timing_change_nothing);
    suite_add_tcase(s, tc);
    return lx_run_suite(s, true);
}
