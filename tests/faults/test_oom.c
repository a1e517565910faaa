/* SPDX-License-Identifier: MIT */
/*
 * Out-of-memory: every allocation the library makes is made to fail, one at
 * a time, and the library must answer with an error (NULL or
 * LEXTAG_ERR_NOMEM), never a crash, a leak or a quietly different result.
 *
 * malloc, calloc and realloc are wrapped at link time (-Wl,--wrap=...), so
 * the library's own calls come here without any hook in its code; jansson
 * is pointed at the same wrapper.  Each scenario runs once unarmed to count
 * its allocations and record its output, then once per allocation N with
 * the N-th failing (for the model summary: the N-th and every later one).
 * A run that succeeds despite a failed allocation must give the recorded
 * output (a fallback is fine, a lost entity is not).
 * A stream (small windows, its json written entity by entity) is one more
 * scenario.  Leaks on the error paths show under ASan or `meson test --setup valgrind`.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lextag/lextag.h>

#include "stream.h"
#include "stretch.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);

#define MAX_RUNS 400

static int armed, sticky;
static unsigned long calls, fail_at, failed;

static int should_fail(void)
{
    if (!armed)
        return 0;
    ++calls;
    if (calls != fail_at && !(sticky && fail_at && calls > fail_at))
        return 0;
    failed++;
    return 1;
}

void *__wrap_malloc(size_t n)
{
    return should_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t k, size_t n)
{
    return should_fail() ? NULL : __real_calloc(k, n);
}

void *__wrap_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : __real_realloc(p, n);
}

static void arm(unsigned long n)
{
    calls = 0;
    failed = 0;
    fail_at = n;
    armed = 1;
}

static const char gazetteer[] =
    "Microsoft\tORG\tsec:789019\n"
    "Federal Trade Commission\tORG\tfed:ftc\tcase=default\n"
    "Target\tORG\tsec:27419\tambiguous=1\n"
    "Brad Smith\tPERSON\tp:1\tprio=60\n"
    "said\tSPEECH_VERB\n"
    "Sen.\tPERSON_TITLE\n"
    "Maria\tFIRSTNAME\n";

static const char rules[] =
    "hr\tBILL\t\\bH\\.R\\. ?(?<n>\\d+)\tkind=bill\n"
    "usc\tCITATION\t(?<t>\\d+) U\\.S\\.C\\. (?<s>\\d+)\tid=usc/{t}/{s:digits}\n"
    "agency\tORG\t(?<e>[A-Z]\\w+ Agency)\\b\tprio=60\tanchor=agency\n";

static const char doc[] =
    "WASHINGTON, June 20, 2018 - Sen. Maria Lopez said Microsoft and the "
    "Federal Trade Commission (FTC) discussed H.R. 4760 and 42 U.S.C. 1983. "
    "Brad Smith said the Privacy Agency agreed; Smith and the FTC left. "
    "Shares of Target rose.";

/* Tags doc with m and writes the JSON into *out (unarmed). */
static int tag(const lextag_model *m, char **out, lextag_error *err)
{
    lextag_tagger *t = lextag_tagger_new(m, err);
    if (!t)
        return err->code;
    lextag_options opt = {NULL, NULL, true, false, false};
    lextag_result *r = lextag_tagger_tag(t, doc, strlen(doc), &opt, err);
    int rc = r ? 0 : err->code;
    if (r) {
        size_t len;
        int was = armed;
        armed = 0; /* the output buffer is the test's, not the library's */
        FILE *f = open_memstream(out, &len);
        ck_assert_ptr_nonnull(f);
        armed = was;
        rc = lextag_result_write(r, LEXTAG_FORMAT_JSON, "doc", NULL, doc, strlen(doc), f,
                                 err);
        fclose(f);
    }
    lextag_result_free(r);
    lextag_tagger_free(t);
    return rc;
}

static int scenario_build(char **out, lextag_error *err)
{
    lextag_builder *b = lextag_builder_new(err);
    lextag_model *m = NULL;
    int rc = err->code;
    if (!b)
        goto done;
    if ((rc = lextag_builder_add_gazetteer_data(b, "g.tsv", gazetteer, strlen(gazetteer), err)) ||
        (rc = lextag_builder_add_rules_data(b, "r.rules", rules, strlen(rules), err)))
        goto done;
    if (!(m = lextag_builder_build(b, err))) {
        rc = err->code;
        goto done;
    }
    rc = tag(m, out, err);
done:
    lextag_model_free(m);
    lextag_builder_free(b);
    return rc;
}

static int scenario_default(char **out, lextag_error *err)
{
    lextag_model *m = lextag_model_default(err);
    if (!m)
        return err->code;
    int rc = tag(m, out, err);
    lextag_model_free(m);
    return rc;
}

static lextag_model *info_model;

/* The model summary, built with jansson: it must not lose members either. */
static int scenario_info(char **out, lextag_error *err)
{
    char *info = lextag_model_info(info_model);
    (void) err;
    if (!info)
        return LEXTAG_ERR_NOMEM; /* documented: NULL when out of memory */
    int was = armed;
    armed = 0;
    *out = strdup(info);
    armed = was;
    free(info);
    return 0;
}

static char image_path[64];

static int scenario_image(char **out, lextag_error *err)
{
    lextag_model *m = lextag_model_load(image_path, err);
    if (!m)
        return err->code;
    int rc = tag(m, out, err);
    lextag_model_free(m);
    return rc;
}

static lextag_model *stream_model;

static int on_entity(void *w, const lextag_entity *e, const char *text)
{
    return lextag_doc_writer_entity(w, e, text);
}

/* doc streamed in windows of one 32-byte stretch and written as it comes. */
static int scenario_stream(char **out, lextag_error *err)
{
    lextag_tagger *t = lextag_tagger_new(stream_model, err);
    lextag_doc_writer *w = NULL;
    lextag_stream *s = NULL;
    size_t len, n = strlen(doc);
    int was = armed;
    armed = 0;
    FILE *f = open_memstream(out, &len);
    ck_assert_ptr_nonnull(f);
    armed = was;
    int rc = err->code;
    if (t && (w = lextag_doc_writer_new(LEXTAG_FORMAT_JSON, 0, "doc", NULL, f, err)) &&
        (s = lextag_stream_new(t, NULL, on_entity, w, err))) {
        rc = 0;
        for (size_t o = 0; o < n && !rc; o += 16)
            rc = lextag_stream_feed(s, doc + o, n - o < 16 ? n - o : 16, err);
        if (!rc)
            rc = lextag_stream_finish(s, err);
        if (!rc)
            rc = lextag_doc_writer_finish(w, s, err);
    }
    rc = rc ? rc : err->code;
    lextag_stream_free(s);
    lextag_doc_writer_free(w);
    lextag_tagger_free(t);
    fclose(f);
    return rc;
}

typedef int (*scenario)(char **out, lextag_error *err);

static void *json_malloc(size_t n)
{
    return __wrap_malloc(n);
}

static void run_loop(scenario fn, const char *name)
{
    lextag_error err;
    char *want = NULL, *got = NULL;
    json_set_alloc_funcs(json_malloc, free);
    lextag_error_clear(&err);
    arm(0);
    int rc = fn(&want, &err);
    armed = 0;
    unsigned long total = calls;
    ck_assert_msg(rc == 0, "%s: unarmed run failed: %s", name, err.message);
    ck_assert_ptr_nonnull(want);
    ck_assert_uint_gt(total, 0);
    unsigned long errors = 0, runs = 0;
    /* every allocation up to MAX_RUNS, else an even sample of them */
    unsigned long step = total > MAX_RUNS ? total / MAX_RUNS : 1;
    for (unsigned long n = 1; n <= total; n += step, runs++) {
        lextag_error_clear(&err);
        got = NULL;
        arm(n);
        rc = fn(&got, &err);
        armed = 0;
        ck_assert(sticky ? failed >= 1 : failed == 1);
        if (rc) {
            errors++;
            ck_assert_msg(rc == LEXTAG_ERR_NOMEM,
                          "%s: allocation %lu of %lu failed: code %d (%s), expected NOMEM",
                          name, n, total, rc, err.message);
            ck_assert_msg(err.code == 0 || err.code == LEXTAG_ERR_NOMEM,
                          "%s: allocation %lu: err.code %d", name, n, err.code);
        } else {
            ck_assert_msg(got && strcmp(got, want) == 0,
                          "%s: allocation %lu of %lu failed, the run succeeded with a "
                          "different result:\n%.300s\nexpected:\n%.300s",
                          name, n, total, got ? got : "(none)", want);
        }
        free(got);
    }
    /* most failures must surface as errors, or the wrapper is not in place */
    ck_assert_msg(errors > runs / 2, "%s: only %lu of %lu failures surfaced", name, errors,
                  runs);
    fprintf(stderr, "%s: %lu allocations, %lu failed one at a time: %lu errors, %lu recovered\n",
            name, total, runs, errors, runs - errors);
    free(want);
    json_set_alloc_funcs(malloc, free);
}

START_TEST(test_oom_build)
{
    run_loop(scenario_build, "build");
}
END_TEST

START_TEST(test_oom_default)
{
    run_loop(scenario_default, "default");
}
END_TEST

START_TEST(test_oom_image)
{
    lextag_error err;
    lextag_error_clear(&err);
    strcpy(image_path, "/tmp/lextag-oom-XXXXXX");
    int fd = mkstemp(image_path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    lextag_builder *b = lextag_builder_new(&err);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "g.tsv", gazetteer,
                                                       strlen(gazetteer), &err), 0);
    ck_assert_int_eq(lextag_builder_add_rules_data(b, "r.rules", rules, strlen(rules), &err), 0);
    lextag_model *m = lextag_builder_build(b, &err);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(lextag_model_save(m, image_path, &err), 0);
    lextag_model_free(m);
    lextag_builder_free(b);
    run_loop(scenario_image, "image");
    unlink(image_path);
}
END_TEST

/* The fixture gazetteer and rules, built with allocation working. */
static lextag_model *build_fixture_model(void)
{
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "g.tsv", gazetteer,
                                                       strlen(gazetteer), &err), 0);
    ck_assert_int_eq(lextag_builder_add_rules_data(b, "r.rules", rules, strlen(rules), &err), 0);
    lextag_model *m = lextag_builder_build(b, &err);
    ck_assert_ptr_nonnull(m);
    lextag_builder_free(b);
    return m;
}

START_TEST(test_oom_info)
{
    info_model = build_fixture_model();
    /*
     * jansson's dump ignores a failed write of an object key (2.14), so one
     * lone failure there can drop a key; real shortage is lasting: from the
     * N-th allocation on, every one fails.
     */
    sticky = 1;
    run_loop(scenario_info, "info");
    sticky = 0;
    lextag_model_free(info_model);
}
END_TEST

START_TEST(test_oom_stream)
{
    stream_model = build_fixture_model();
    lx_stretch_size = 32;
    lx_stream_stretches = 1;
    run_loop(scenario_stream, "stream");
    lx_stretch_size = LX_STRETCH;
    lx_stream_stretches = LX_STREAM_STRETCHES;
    lextag_model_free(stream_model);
}
END_TEST

static Suite *oom_suite(void)
{
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("allocation failures");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_oom_build);
    tcase_add_test(tc, test_oom_default);
    tcase_add_test(tc, test_oom_image);
    tcase_add_test(tc, test_oom_info);
    tcase_add_test(tc, test_oom_stream);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(oom_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed_tests = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed_tests ? EXIT_FAILURE : EXIT_SUCCESS;
}
