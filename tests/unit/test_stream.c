/* SPDX-License-Identifier: MIT */
/*
 * Streams: a document fed in pieces and tagged window by window gives the
 * entities of the whole-document path, with the same offsets in bytes, code
 * points and UTF-16 units across window cuts (emoji, CRLF, invalid UTF-8,
 * NUL), aliases and refs carried across windows, the Congress of an ordinal
 * carried forward, and the documented exception: an alias written before
 * its full name in an earlier window.  Small windows come from lowering the
 * stretch size and the stretches per window.  Every case runs twice: with
 * one thread, and with three, where the next window is tagged while the
 * held one is delivered.  The texts are invented.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carry.h"
#include "lextag/lextag.h"
#include "run_suite.h"
#include "stream.h"
#include "stretch.h"

typedef struct rec {
    char type[16], source[40], id[48], congress_source[16];
    size_t start, end, byte_start, byte_end, utf16_start, utf16_end;
    long ref;
    int congress;
} rec;

typedef struct recs {
    rec *v;
    size_t n, cap;
    size_t stop_at; /* the callback stops the stream at this entity (0: never) */
} recs;

static void add(recs *rs, const lextag_entity *e)
{
    if (rs->n == rs->cap) {
        rs->cap = rs->cap ? rs->cap * 2 : 64;
        rs->v = realloc(rs->v, rs->cap * sizeof(*rs->v));
        ck_assert_ptr_nonnull(rs->v);
    }
    rec *r = &rs->v[rs->n++];
    memset(r, 0, sizeof(*r));
    snprintf(r->type, sizeof(r->type), "%s", e->type);
    snprintf(r->source, sizeof(r->source), "%s", e->source);
    snprintf(r->id, sizeof(r->id), "%s", e->id ? e->id : "");
    r->start = e->start;
    r->end = e->end;
    r->byte_start = e->byte_start;
    r->byte_end = e->byte_end;
    r->utf16_start = e->utf16_start;
    r->utf16_end = e->utf16_end;
    r->ref = e->ref;
    const lextag_bill *b = lextag_entity_bill(e);
    if (b) {
        r->congress = b->congress;
        snprintf(r->congress_source, sizeof(r->congress_source), "%s",
                 b->congress_source ? b->congress_source : "");
    }
}

/* The thread that feeds the stream: the callback must run on it. */
static pthread_t feeder;

static int on_entity(void *arg, const lextag_entity *e, const char *text)
{
    recs *rs = arg;
    (void) text;
    ck_assert(pthread_equal(pthread_self(), feeder));
    add(rs, e);
    return rs->stop_at && rs->n >= rs->stop_at;
}

/* A window callback: the window's entities, each as on_entity() sees it. */
static int on_window(void *arg, const lextag_entity *v, size_t n, const char *text,
                     size_t text_start, unsigned lanes)
{
    for (size_t i = 0; i < n; i++) {
        /* each entity's bytes are where the window says */
        ck_assert(v[i].byte_start >= text_start);
        if (on_entity(arg, &v[i], text + (v[i].byte_start - text_start)))
            return 1;
    }
    ck_assert_uint_ge(lanes, 1);
    return 0;
}

static lextag_model *model;
static lextag_tagger *tagger;
static unsigned threads;     /* the tagger's */
static size_t last_overlaps; /* of the last stream streamed() made */
static size_t last_grouped;  /* its windows tagged in groups */

/* With more threads than a window has stretches, windows are tagged in groups. */
static bool grouped_mode(void)
{
    return threads > (lx_stream_stretches ? lx_stream_stretches : 1);
}

static void setup_with(unsigned n)
{
    lextag_error err;
    lextag_error_clear(&err);
    model = lextag_model_default(&err);
    ck_assert_ptr_nonnull(model);
    tagger = lextag_tagger_new(model, &err);
    ck_assert_ptr_nonnull(tagger);
    ck_assert_int_eq(lextag_tagger_set_threads(tagger, n, &err), 0);
    threads = n;
    feeder = pthread_self();
}

static void setup(void)
{
    setup_with(1);
}

static void setup_threads(void)
{
    setup_with(3);
}

static void setup_many_threads(void)
{
    setup_with(9);
}

static void teardown(void)
{
    lextag_tagger_free(tagger);
    lextag_model_free(model);
    lx_stretch_size = LX_STRETCH;
    lx_stream_stretches = LX_STREAM_STRETCHES;
    lx_stream_overlap_entities = LX_STREAM_OVERLAP_ENTITIES;
    lx_carry_limit = LX_CARRY_NAMES;
}

/* The whole-document path's entities. */
static recs whole(const char *text, size_t len, const lextag_options *opt)
{
    recs rs = {0};
    lextag_result *r = lextag_tagger_tag(tagger, text, len, opt, NULL);
    ck_assert_ptr_nonnull(r);
    for (size_t i = 0; i < lextag_result_count(r); i++)
        add(&rs, lextag_result_entity(r, i));
    lextag_result_free(r);
    return rs;
}

/* The stream's entities, the text fed in pieces of `piece` bytes, taken
   entity by entity or (by_window) a window at a time. */
static recs streamed_as(const char *text, size_t len, const lextag_options *opt, size_t piece,
                        bool by_window)
{
    recs rs = {0};
    lextag_error err;
    lextag_error_clear(&err);
    lextag_stream *s = by_window ? lextag_stream_new_windows(tagger, opt, on_window, &rs, &err)
                                 : lextag_stream_new(tagger, opt, on_entity, &rs, &err);
    ck_assert_ptr_nonnull(s);
    for (size_t o = 0; o < len; o += piece)
        ck_assert_int_eq(lextag_stream_feed(s, text + o, len - o < piece ? len - o : piece, &err),
                         0);
    ck_assert_int_eq(lextag_stream_finish(s, &err), 0);
    ck_assert_uint_eq(lextag_stream_count(s), rs.n);
    last_overlaps = lx_stream_overlaps(s);
    last_grouped = lx_stream_grouped(s);
    lextag_stream_free(s);
    return rs;
}

static recs streamed(const char *text, size_t len, const lextag_options *opt, size_t piece)
{
    return streamed_as(text, len, opt, piece, false);
}

static void expect_same(const recs *a, const recs *b)
{
    ck_assert_uint_eq(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        const rec *x = &a->v[i], *y = &b->v[i];
        ck_assert_msg(memcmp(x, y, sizeof(*x)) == 0,
                      "entity %zu: %s %s [%zu,%zu) ref %ld congress %d vs %s %s [%zu,%zu) ref %ld "
                      "congress %d",
                      i, x->type, x->source, x->byte_start, x->byte_end, x->ref, x->congress,
                      y->type, y->source, y->byte_start, y->byte_end, y->ref, y->congress);
    }
}

/*
 * Streams text in pieces of each size of pieces[0..n) and expects a's
 * entities; with overlap, some window tagged beside a delivery (or, with
 * more threads than stretches in a window, some windows tagged in groups),
 * else none.
 */
static void expect_streamed(const recs *a, const char *text, size_t len, const size_t *pieces,
                            size_t n, bool overlap)
{
    for (size_t k = 0; k < n; k++) {
        recs b = streamed(text, len, NULL, pieces[k]);
        expect_same(a, &b);
        free(b.v);
        ck_assert_int_eq(last_overlaps > 0, overlap && !grouped_mode());
        ck_assert_int_eq(last_grouped > 0, overlap && grouped_mode());
    }
}

/* A paragraph per window: names, aliases, bills, and odd bytes between. */
static const char fixture[] =
    "WASHINGTON, March 3, 2020 -- Senator Ada Quill of Ohio met Microsoft.\n\n"
    "In the 116th Congress, Rep. Hugo Marten introduced H.R. 2451 and S. 118.\r\n"
    "Quill said the bill \xf0\x9f\x98\x80 was ready.\r\n\r\n"
    "Marten agreed; Microsoft \xff\xe2\x82 declined.\0 Quill left at noon today.\n\n"
    "Caf\xc3\xa9 owners \xf0\x9f\x98\x80\xf0\x9f\x98\x80 cheered Marten in Ohio.\n\n"
    "Later H.R. 77 passed, and Quill thanked Senator Bo Lind for it.\n\n"
    "Lind and Quill spoke with Microsoft again about S. 9.\n";

START_TEST(under_one_window_is_the_whole_path)
{
    size_t len = sizeof(fixture) - 1;
    recs a = whole(fixture, len, NULL);
    ck_assert_uint_gt(a.n, 10);
    size_t pieces[] = {1, 2, 3, 7, 64, len};
    /* one window: nothing to tag beside it */
    expect_streamed(&a, fixture, len, pieces, sizeof(pieces) / sizeof(pieces[0]), false);
    free(a.v);
}
END_TEST

START_TEST(tiny_windows_keep_offsets_and_refs)
{
    size_t len = sizeof(fixture) - 1;
    lx_stretch_size = 48;
    lx_stream_stretches = (size_t) _i + 1;
    recs a = whole(fixture, len, NULL);
    size_t pieces[] = {1, 5, 13, len};
    /* with threads, later windows are tagged beside a delivery */
    expect_streamed(&a, fixture, len, pieces, sizeof(pieces) / sizeof(pieces[0]), threads > 1);
    /* aliases across the cuts: every later "Quill" refers to the first one */
    size_t quills = 0;
    for (size_t i = 0; i < a.n; i++)
        quills += a.v[i].byte_end - a.v[i].byte_start == 5 && a.v[i].ref == 0;
    ck_assert_uint_eq(quills, 4);
    free(a.v);
}
END_TEST

/* Runs without a space force cuts inside invalid UTF-8, NUL bytes and
   emoji: the offsets after them stay those of the whole path.  (No bill
   here: a rule match that would reach across a window cut is the
   documented exception.) */
START_TEST(cuts_in_odd_bytes_keep_offsets)
{
    static const char junk[] = "\x80\x80\xe2\x82\xac\0\xff\xf0\x9f\x98\x80\xe2\x82\r\n\xc3\x01";
    char text[4096];
    size_t o = 0;
    for (int i = 0; i < 6; i++) {
        o += (size_t) snprintf(text + o, sizeof(text) - o, "Senator Ada Quill met Microsoft. ");
        for (int k = 0; k < 5 + i * 3; k++) {
            memcpy(text + o, junk, sizeof(junk) - 1);
            o += sizeof(junk) - 1;
        }
        o += (size_t) snprintf(text + o, sizeof(text) - o, " Quill left.\n");
    }
    lx_stretch_size = 16 + (size_t) _i * 8;
    lx_stream_stretches = 1;
    recs a = whole(text, o, NULL);
    ck_assert_uint_ge(a.n, 12);
    size_t pieces[] = {1, 3, o};
    expect_streamed(&a, text, o, pieces, sizeof(pieces) / sizeof(pieces[0]), threads > 1);
    free(a.v);
}
END_TEST

START_TEST(types_filter_keeps_refs)
{
    size_t len = sizeof(fixture) - 1;
    lextag_options opt = {.types = "PERSON"};
    lx_stretch_size = 48;
    lx_stream_stretches = 1;
    recs a = whole(fixture, len, &opt), b = streamed(fixture, len, &opt, 9);
    expect_same(&a, &b);
    for (size_t i = 0; i < b.n; i++)
        ck_assert_str_eq(b.v[i].type, "PERSON");
    free(a.v);
    free(b.v);
}
END_TEST

/* Without a date an ordinal holds to the end, across any number of windows. */
START_TEST(congress_ordinal_carried_forward)
{
    char text[2048];
    size_t o = (size_t) snprintf(text, sizeof(text), "Members of the 115th Congress met.\n\n");
    for (int i = 0; i < 12; i++)
        o += (size_t) snprintf(text + o, sizeof(text) - o, "Paragraph %d has no bill.\n\n", i);
    snprintf(text + o, sizeof(text) - o, "Then H.R. 4760 came up.\n");
    lx_stretch_size = 40;
    lx_stream_stretches = 1;
    recs a = whole(text, strlen(text), NULL), b = streamed(text, strlen(text), NULL, 11);
    expect_same(&a, &b);
    ck_assert_uint_ge(b.n, 1);
    ck_assert_str_eq(b.v[b.n - 1].type, "BILL");
    ck_assert_int_eq(b.v[b.n - 1].congress, 115);
    ck_assert_str_eq(b.v[b.n - 1].congress_source, "text");
    free(a.v);
    free(b.v);
}
END_TEST

/* Documented: a surname before its full name cannot be linked to it from a
   window already delivered: only the whole path gives it a ref. */
START_TEST(alias_before_full_name_is_lost_across_windows)
{
    const char *text = "Marten spoke first at the hearing.\n\n"
                       "Nothing else happened during the long morning session.\n\n"
                       "Then Rep. Hugo Marten introduced a resolution.\n";
    lx_stretch_size = 32;
    lx_stream_stretches = 1;
    recs a = whole(text, strlen(text), NULL), b = streamed(text, strlen(text), NULL, 100);
    ck_assert_uint_eq(a.n, 2);
    ck_assert_uint_eq(b.n, 2);
    ck_assert_uint_eq(a.v[0].byte_start, 0);
    ck_assert_uint_eq(b.v[0].byte_start, 0);
    ck_assert_int_eq(a.v[0].ref, 1);
    ck_assert_int_eq(b.v[0].ref, -1);
    ck_assert_int_eq(b.v[1].ref, -1);
    free(a.v);
    free(b.v);
}
END_TEST

/* At the limit of names carried, the names of a later window are aliases
   inside that window only; those kept before still refer across windows. */
START_TEST(names_past_the_limit_stay_in_their_window)
{
    /* one paragraph per 40-byte stretch */
    const char *text = "Senator Ada Quill arrived at the big hall.\n\n"
                       "Senator Bo Lind came, and Lind sat down.\n\n"
                       "Quill and Lind left together at ten.\n";
    lx_stretch_size = 40;
    lx_stream_stretches = 1;
    recs a = whole(text, strlen(text), NULL), full = streamed(text, strlen(text), NULL, 100);
    expect_same(&a, &full);
    lx_carry_limit = 2;
    recs b = streamed(text, strlen(text), NULL, 100);
    ck_assert_uint_eq(b.n, a.n);
    size_t last = b.n - 1;
    ck_assert_str_eq(b.v[last - 1].type, "PERSON");
    ck_assert_int_eq(b.v[last - 1].ref, 0); /* Quill: kept */
    ck_assert_int_ge(a.v[last].ref, 1);     /* Lind: refers back in the whole path */
    ck_assert_int_eq(b.v[last].ref, -1);    /* but its name was not kept */
    ck_assert_int_eq(b.v[last - 2].ref, a.v[last - 2].ref); /* Lind inside its own window */
    free(a.v);
    free(full.v);
    free(b.v);
}
END_TEST

/* Writing streamed entities gives the whole-document writer's bytes. */
START_TEST(window_callback_matches_entity_callback)
{
    size_t len = sizeof(fixture) - 1;
    lx_stretch_size = 48;
    lx_stream_stretches = (size_t) _i + 1;
    recs a = streamed_as(fixture, len, NULL, 7, false);
    recs b = streamed_as(fixture, len, NULL, 7, true);
    ck_assert_uint_gt(a.n, 10);
    expect_same(&a, &b);
    free(a.v);
    free(b.v);
}
END_TEST

/* Writes text's stream with a doc writer: entity by entity, or by window. */
static char *stream_written(lextag_format format, const char *text, size_t len, bool by_window,
                            size_t *out_len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, out_len);
    lextag_doc_writer *w = lextag_doc_writer_new(format, 0, "doc", "2020-03-03", f, NULL);
    ck_assert_ptr_nonnull(w);
    lextag_stream *s =
        by_window ? lextag_stream_new_windows(tagger, NULL, lextag_doc_writer_window, w, NULL)
                  : lextag_stream_new(tagger, NULL, lextag_doc_writer_entity, w, NULL);
    ck_assert_int_eq(lextag_stream_feed(s, text, len, NULL), 0);
    ck_assert_int_eq(lextag_stream_finish(s, NULL), 0);
    ck_assert_int_eq(lextag_doc_writer_finish(w, s, NULL), 0);
    lextag_stream_free(s);
    lextag_doc_writer_free(w);
    fclose(f);
    return buf;
}

/*
 * A window of tens of thousands of entities, written by the window writer:
 * formatted in chunks side by side with three threads, the same bytes as
 * entity by entity and as the whole-document writer.
 */
START_TEST(window_writer_formats_side_by_side)
{
    static const char sentence[] = "Sen. Ada Quill met Microsoft about H.R. 2451 today. ";
    size_t n = 8000, len = n * (sizeof(sentence) - 1);
    char *text = malloc(len + 1);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * (sizeof(sentence) - 1), sentence, sizeof(sentence) - 1);
    char *x = NULL;
    size_t xn = 0, yn = 0, zn = 0;
    FILE *fx = open_memstream(&x, &xn);
    lextag_result *r = lextag_tagger_tag(tagger, text, len, NULL, NULL);
    ck_assert_uint_ge(lextag_result_count(r), 2 * 8192);
    ck_assert_int_eq(lextag_result_write_doc(r, LEXTAG_FORMAT_JSON, 0, "doc", "2020-03-03", text,
                                             len, fx, NULL),
                     0);
    lextag_result_free(r);
    fclose(fx);
    char *y = stream_written(LEXTAG_FORMAT_JSON, text, len, false, &yn);
    char *z = stream_written(LEXTAG_FORMAT_JSON, text, len, true, &zn);
    ck_assert_uint_eq(xn, yn);
    ck_assert_uint_eq(yn, zn);
    ck_assert(memcmp(x, y, xn) == 0);
    ck_assert(memcmp(y, z, yn) == 0);
    free(x);
    free(y);
    free(z);
    free(text);
}
END_TEST

START_TEST(doc_writer_matches_result_writer)
{
    size_t len = sizeof(fixture) - 1;
    lextag_format formats[] = {LEXTAG_FORMAT_JSON, LEXTAG_FORMAT_BRAT};
    lx_stretch_size = 48;
    lx_stream_stretches = 2;
    for (size_t k = 0; k < 2; k++) {
        char *x = NULL, *y = NULL;
        size_t xn = 0, yn = 0;
        FILE *fx = open_memstream(&x, &xn);
        lextag_result *r = lextag_tagger_tag(tagger, fixture, len, NULL, NULL);
        ck_assert_int_eq(lextag_result_write_doc(r, formats[k], 0, "doc", "2020-03-03", fixture,
                                                 len, fx, NULL),
                         0);
        lextag_result_free(r);
        fclose(fx);
        size_t zn = 0;
        y = stream_written(formats[k], fixture, len, false, &yn);
        char *z = stream_written(formats[k], fixture, len, true, &zn);
        ck_assert_uint_eq(xn, yn);
        ck_assert_str_eq(x, y);
        ck_assert_uint_eq(xn, zn);
        ck_assert_str_eq(x, z);
        free(x);
        free(y);
        free(z);
    }
    ck_assert(!lextag_format_streams(LEXTAG_FORMAT_CONLL));
    ck_assert_ptr_null(lextag_doc_writer_new(LEXTAG_FORMAT_HTML, 0, "doc", NULL, stdout, NULL));
}
END_TEST

START_TEST(errors_and_stops)
{
    lextag_error err;
    lextag_error_clear(&err);
    recs rs = {.stop_at = 2};
    ck_assert_ptr_null(lextag_stream_new(NULL, NULL, on_entity, &rs, &err));
    ck_assert_int_eq(err.code, LEXTAG_ERR_INVALID);
    lextag_error_clear(&err);
    /* the callback stops the stream: the call fails, later calls too */
    lextag_stream *s = lextag_stream_new(tagger, NULL, on_entity, &rs, &err);
    ck_assert_int_eq(lextag_stream_feed(s, fixture, sizeof(fixture) - 1, &err), 0);
    ck_assert_int_eq(lextag_stream_finish(s, &err), LEXTAG_ERR_IO);
    ck_assert_uint_eq(rs.n, 2);
    ck_assert_int_eq(lextag_stream_feed(s, "x", 1, NULL), LEXTAG_ERR_INVALID);
    lextag_stream_free(s);
    /* an empty document, and nothing after the end */
    recs none = {0};
    lextag_error_clear(&err);
    s = lextag_stream_new(tagger, NULL, on_entity, &none, &err);
    ck_assert_int_eq(lextag_stream_finish(s, &err), 0);
    ck_assert_uint_eq(none.n, 0);
    ck_assert_int_eq(lextag_stream_feed(s, "x", 1, &err), LEXTAG_ERR_INVALID);
    ck_assert_int_eq(lextag_stream_finish(s, NULL), LEXTAG_ERR_INVALID);
    lextag_stream_free(s);
    lextag_stream_free(NULL);
    free(rs.v);
}
END_TEST

/* Windows with more entities than may be held are delivered at once, even
   with threads: the same entities, and no window tagged beside another. */
START_TEST(dense_windows_are_not_held)
{
    size_t len = sizeof(fixture) - 1;
    lx_stretch_size = 48;
    lx_stream_stretches = 1;
    recs a = whole(fixture, len, NULL);
    lx_stream_overlap_entities = 0;
    recs b = streamed(fixture, len, NULL, 7);
    expect_same(&a, &b);
    ck_assert_uint_eq(last_overlaps, 0);
    free(a.v);
    free(b.v);
}
END_TEST

/* The callback stops the stream in a window that a later one was being
   tagged beside: that feed fails, and nothing more is delivered. */
START_TEST(stop_while_the_next_window_is_tagged)
{
    lextag_error err;
    lextag_error_clear(&err);
    lx_stretch_size = 48;
    lx_stream_stretches = 1;
    recs all = streamed(fixture, sizeof(fixture) - 1, NULL, sizeof(fixture) - 1);
    ck_assert_uint_gt(all.n, 6);
    recs rs = {.stop_at = 5};
    lextag_stream *s = lextag_stream_new(tagger, NULL, on_entity, &rs, &err);
    ck_assert_ptr_nonnull(s);
    int rc = lextag_stream_feed(s, fixture, sizeof(fixture) - 1, &err);
    /* windows tagged in groups may wait for the end for a whole group */
    if (!rc && grouped_mode())
        rc = lextag_stream_finish(s, &err);
    ck_assert_int_eq(rc, LEXTAG_ERR_IO);
    ck_assert_uint_eq(rs.n, 5);
    ck_assert_uint_eq(lextag_stream_count(s), 4);
    ck_assert_int_eq(lextag_stream_finish(s, NULL), LEXTAG_ERR_INVALID);
    ck_assert_uint_eq(rs.n, 5);
    lextag_stream_free(s);
    for (size_t i = 0; i < rs.n; i++)
        ck_assert_int_eq(memcmp(&rs.v[i], &all.v[i], sizeof(rec)), 0);
    free(rs.v);
    free(all.v);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("stream");
    static const char *const names[] = {"one thread", "three threads", "nine threads"};
    void (*const setups[])(void) = {setup, setup_threads, setup_many_threads};
    for (int k = 0; k < 3; k++) {
        TCase *tc = tcase_create(names[k]);
        tcase_add_checked_fixture(tc, setups[k], teardown);
        tcase_add_test(tc, under_one_window_is_the_whole_path);
        tcase_add_loop_test(tc, tiny_windows_keep_offsets_and_refs, 0, 3);
        tcase_add_loop_test(tc, cuts_in_odd_bytes_keep_offsets, 0, 4);
        tcase_add_test(tc, types_filter_keeps_refs);
        tcase_add_test(tc, congress_ordinal_carried_forward);
        tcase_add_test(tc, alias_before_full_name_is_lost_across_windows);
        tcase_add_test(tc, names_past_the_limit_stay_in_their_window);
        tcase_add_test(tc, doc_writer_matches_result_writer);
        tcase_add_loop_test(tc, window_callback_matches_entity_callback, 0, 3);
        tcase_add_test(tc, window_writer_formats_side_by_side);
        tcase_add_test(tc, errors_and_stops);
        tcase_add_test(tc, stop_while_the_next_window_is_tagged);
        tcase_add_test(tc, dense_windows_are_not_held);
        suite_add_tcase(s, tc);
    }
    return s;
}

int main(void)
{
    return lx_run_suite(suite(), true);
}
