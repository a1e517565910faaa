/* SPDX-License-Identifier: MIT */
/*
 * JSON output: escaping of quotes, backslashes, control characters and
 * invalid UTF-8; every field of the contract present and of the right type.
 * The output is parsed back with jansson.
 */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"
#include "run_suite.h"

static json_t *write_and_parse(const char *gaz, const char *text, size_t len,
                               const char *doc_id)
{
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "s.tsv", gaz, strlen(gaz), &err), 0);
    lextag_model *m = lextag_builder_build(b, &err);
    lextag_tagger *t = lextag_tagger_new(m, &err);
    lextag_result *r = lextag_tagger_tag(t, text, len, NULL, &err);
    ck_assert_ptr_nonnull(r);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    ck_assert_int_eq(lextag_result_write(r, LEXTAG_FORMAT_JSON, doc_id, "2020-01-02", text,
                                         len, f, &err), 0);
    fclose(f);
    ck_assert_uint_gt(n, 0);
    ck_assert_int_eq(buf[n - 1], '\n');
    json_error_t jerr;
    json_t *doc = json_loadb(buf, n, 0, &jerr);
    ck_assert_msg(doc != NULL, "not JSON: %s in %s", jerr.text, buf);
    free(buf);
    lextag_result_free(r);
    lextag_tagger_free(t);
    lextag_model_free(m);
    lextag_builder_free(b);
    return doc;
}

START_TEST(escapes_and_fields)
{
    const char text[] = "\"Quill \\ Co\" \x01 Ada\tQuill\n";
    json_t *doc = write_and_parse("Ada Quill\tPERSON\tp:\"1\\\n", text, sizeof(text) - 1,
                                  "id \"x\" \xff");
    ck_assert_str_eq(json_string_value(json_object_get(doc, "id")), "id \"x\" \xef\xbf\xbd");
    ck_assert_str_eq(json_string_value(json_object_get(doc, "date")), "2020-01-02");
    json_t *ents = json_object_get(doc, "entities");
    /* the leading "Quill" is the surname of the full name that follows */
    ck_assert_uint_eq(json_array_size(ents), 2);
    json_t *alias = json_array_get(ents, 0);
    ck_assert_str_eq(json_string_value(json_object_get(alias, "text")), "Quill");
    ck_assert_int_eq(json_integer_value(json_object_get(alias, "ref")), 1);
    json_t *e = json_array_get(ents, 1);
    ck_assert_str_eq(json_string_value(json_object_get(e, "type")), "PERSON");
    ck_assert_str_eq(json_string_value(json_object_get(e, "text")), "Ada\tQuill");
    ck_assert_str_eq(json_string_value(json_object_get(e, "id")), "p:\"1\\");
    ck_assert_str_eq(json_string_value(json_object_get(e, "source")), "gazetteer:s");
    static const char *const nums[] = {"start", "end", "byte_start", "byte_end",
                                       "utf16_start", "utf16_end"};
    for (size_t i = 0; i < 6; i++)
        ck_assert(json_is_integer(json_object_get(e, nums[i])));
    /* '"' Quill ' ' '\\' ' ' Co '"' ' ' 0x01 ' ' = 15 bytes before "Ada" */
    ck_assert_int_eq(json_integer_value(json_object_get(e, "start")), 15);
    ck_assert_int_eq(json_integer_value(json_object_get(e, "end")), 24);
    json_decref(doc);
}
END_TEST

START_TEST(null_id_and_error_record)
{
    const char *text = "Ada Quill";
    json_t *doc = write_and_parse("Ada Quill\tPERSON\n", text, strlen(text), "-");
    json_t *e = json_array_get(json_object_get(doc, "entities"), 0);
    ck_assert(json_is_null(json_object_get(e, "id")));
    json_decref(doc);

    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    ck_assert_int_eq(lextag_write_error_record("line 3", "not JSON: \"x\"", f, NULL), 0);
    fclose(f);
    json_t *rec = json_loadb(buf, n, 0, NULL);
    ck_assert_ptr_nonnull(rec);
    ck_assert_str_eq(json_string_value(json_object_get(rec, "error")), "not JSON: \"x\"");
    ck_assert_str_eq(json_string_value(json_object_get(rec, "id")), "line 3");
    json_decref(rec);
    free(buf);
}
END_TEST

/* Text with bad bytes comes out as UTF-8, one U+FFFD per bad byte: as many
   code points as the tagger counts, the good sequences kept as they are. */
START_TEST(text_written_as_utf8)
{
    static const struct {
        const char *in;
        size_t len;
        const char *out;
    } cases[] = {
        {"plain \xc3\xa9 \xf0\x9f\x98\x80", 13, "plain \xc3\xa9 \xf0\x9f\x98\x80"},
        {"Caf\xe9!", 5, "Caf\xef\xbf\xbd!"},
        /* a surrogate, an overlong '/', a cut-off emoji at the end */
        {"\xed\xa0\x80|\xc0\xaf|\xf0\x9f\x98", 10,
         "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd|"
         "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
        {"a\0b\r\n", 5, "a\0b\r\n"},
        {"", 0, ""},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        char *buf = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&buf, &n);
        ck_assert_int_eq(lextag_write_text(cases[k].in, cases[k].len, f, NULL), 0);
        fclose(f);
        size_t want = k == 3 ? 5 : strlen(cases[k].out);
        ck_assert_uint_eq(n, want);
        ck_assert_msg(memcmp(buf, cases[k].out, want) == 0, "case %zu", k);
        free(buf);
    }
    ck_assert_int_eq(lextag_write_text(NULL, 3, stdout, NULL), LEXTAG_ERR_INVALID);
}
END_TEST

/* The error record in each format: json's line, Label Studio's task in the
   document's place, and nothing (LEXTAG_ERR_INVALID) where a format has none. */
START_TEST(error_record_per_format)
{
    lextag_doc_ref doc = {.id = "r7", .index = 1};
    static const struct {
        lextag_format format;
        int rc;
        const char *out;
    } cases[] = {
        {LEXTAG_FORMAT_JSON, 0, "{\"id\": \"r7\", \"error\": \"no text\"}\n"},
        {LEXTAG_FORMAT_DOCCANO, 0, "{\"id\": \"r7\", \"error\": \"no text\"}\n"},
        {LEXTAG_FORMAT_LABELSTUDIO, 0,
         ",\n{\"data\": {\"text\": \"\", \"doc_id\": \"r7\", \"error\": \"no text\"}}"},
        {LEXTAG_FORMAT_BRAT, LEXTAG_ERR_INVALID, ""},
        {LEXTAG_FORMAT_CONLL, LEXTAG_ERR_INVALID, ""},
        {LEXTAG_FORMAT_HTML, LEXTAG_ERR_INVALID, ""},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        char *buf = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&buf, &n);
        ck_assert_int_eq(lextag_write_error_doc(cases[k].format, &doc, "no text", f, NULL),
                         cases[k].rc);
        fclose(f);
        ck_assert_str_eq(buf, cases[k].out);
        free(buf);
    }
}
END_TEST

/* Writes the error record of doc and returns its "id" member's JSON text. */
static char *id_written(const lextag_doc_ref *doc)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    ck_assert_int_eq(lextag_write_error_ref(doc, "x", f, NULL), 0);
    fclose(f);
    json_t *rec = json_loadb(buf, n, 0, NULL);
    ck_assert_ptr_nonnull(rec);
    char *id = json_dumps(json_object_get(rec, "id"), JSON_ENCODE_ANY);
    json_decref(rec);
    free(buf);
    return id;
}

/* A document without an id (NULL: null) is written by every format. */
START_TEST(every_format_writes_a_document_without_id)
{
    const char *text = "Ada Quill met Bram Tollet.";
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    const char *gaz = "Ada Quill\tPERSON\n";
    ck_assert_int_eq(lextag_builder_add_gazetteer_data(b, "s.tsv", gaz, strlen(gaz), &err), 0);
    lextag_model *m = lextag_builder_build(b, &err);
    lextag_tagger *t = lextag_tagger_new(m, &err);
    lextag_result *r = lextag_tagger_tag(t, text, strlen(text), NULL, &err);
    ck_assert_ptr_nonnull(r);
    static const lextag_format formats[] = {LEXTAG_FORMAT_JSON, LEXTAG_FORMAT_BRAT,
                                            LEXTAG_FORMAT_CONLL, LEXTAG_FORMAT_DOCCANO,
                                            LEXTAG_FORMAT_LABELSTUDIO, LEXTAG_FORMAT_HTML};
    lextag_doc_ref doc = {NULL, false, NULL, 0};
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        char *buf = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&buf, &n);
        ck_assert_int_eq(lextag_result_write_ref(r, formats[i], &doc, text, strlen(text), f, &err),
                         0);
        fclose(f);
        ck_assert_msg(n > 0 && strstr(buf, "Ada") != NULL, "format %d wrote: %s",
                      (int) formats[i], buf);
        free(buf);
    }
    lextag_result_free(r);
    lextag_tagger_free(t);
    lextag_model_free(m);
    lextag_builder_free(b);
}
END_TEST

START_TEST(json_ids_keep_their_values)
{
    static const struct {
        const char *id, *want;
    } cases[] = {
        {"7", "7"},           {"-0.5", "-0.5"}, {"1e3", "1000.0"}, {"true", "true"},
        {"false", "false"},   {"007", "\"007\""}, {"1.", "\"1.\""}, {"7, \"x\": 1", "\"7, \\\"x\\\": 1\""},
        {"null", "\"null\""}, {"", "\"\""},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        /* JSON text that is no number, true or false is written as a string */
        lextag_doc_ref doc = {cases[i].id, true, NULL, 0};
        char *id = id_written(&doc);
        ck_assert_msg(strcmp(id, cases[i].want) == 0, "%s: %s", cases[i].id, id);
        free(id);
    }
    lextag_doc_ref text = {"7", false, NULL, 0};
    char *id = id_written(&text);
    ck_assert_str_eq(id, "\"7\"");
    free(id);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("serialize");
    TCase *tc = tcase_create("json");
    tcase_add_test(tc, escapes_and_fields);
    tcase_add_test(tc, null_id_and_error_record);
    tcase_add_test(tc, text_written_as_utf8);
    tcase_add_test(tc, error_record_per_format);
    tcase_add_test(tc, every_format_writes_a_document_without_id);
    tcase_add_test(tc, json_ids_keep_their_values);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return lx_run_suite(suite(), true);
}
