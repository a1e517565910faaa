/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the command line's JSONL record parser (src/cli/input.c and
 * the fast reader, src/cli/jsonl.c, compiled in).  Whatever the line, the
 * parser must give exactly one record: an id, and either a text or an
 * error.  The record is then tagged with the built-in model, or written as
 * an error record, and the output must be one line of JSON carrying the same
 * id (a string, one holding U+0000 too, or the number, true or false the
 * record's id was): one output record per input line.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lextag/lextag.h>

#include "input.h"
#include "invariants.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes rec as the CLI does and checks the output is one record for it. */
static void check_output(const jsonl_record *rec)
{
    char *buf = NULL;
    size_t blen = 0;
    FILE *f = open_memstream(&buf, &blen);
    lextag_doc_ref doc = {rec->id, rec->id_json, rec->date, 0};
    FUZZ_CHECK(f != NULL);
    if (rec->error) {
        FUZZ_CHECK(lextag_write_error_ref(&doc, rec->error, f, NULL) == 0);
    } else {
        lextag_options opt = {rec->date, NULL, false, false, false};
        lextag_result *r = lextag_tagger_tag(fuzz_tagger(), rec->text, rec->len, &opt, NULL);
        fuzz_check_result(r, rec->text, rec->len);
        FUZZ_CHECK(lextag_result_write_ref(r, LEXTAG_FORMAT_JSON, &doc, rec->text, rec->len, f,
                                           NULL) == 0);
        lextag_result_free(r);
    }
    FUZZ_CHECK(fclose(f) == 0);
    FUZZ_CHECK(blen > 0 && buf[blen - 1] == '\n');
    FUZZ_CHECK(memchr(buf, '\n', blen - 1) == NULL);
    json_error_t jerr;
    /* an integer id may be wider than jansson's integers */
    json_t *root = json_loadb(buf, blen, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL, &jerr);
    FUZZ_CHECK(json_is_object(root));
    json_t *id = json_object_get(root, "id");
    if (rec->id_json && rec->id[0] == '"') {
        /* a string holding U+0000, given as its JSON text: the same string */
        json_t *want = json_loads(rec->id, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
        FUZZ_CHECK(json_is_string(want) && json_is_string(id));
        FUZZ_CHECK(json_string_length(id) == json_string_length(want));
        FUZZ_CHECK(memcmp(json_string_value(id), json_string_value(want),
                          json_string_length(id)) == 0);
        json_decref(want);
    } else if (rec->id_json) {
        FUZZ_CHECK(json_is_number(id) || json_is_boolean(id));
    } else {
        FUZZ_CHECK(json_is_string(id));
        /* ids with invalid UTF-8 cannot come from jansson, so they round-trip */
        FUZZ_CHECK(json_string_length(id) == strlen(rec->id));
        FUZZ_CHECK(memcmp(json_string_value(id), rec->id, strlen(rec->id)) == 0);
    }
    FUZZ_CHECK(rec->error ? json_is_string(json_object_get(root, "error"))
                          : json_is_array(json_object_get(root, "entities")));
    json_decref(root);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jsonl_record rec;
    FUZZ_CHECK(input_parse_jsonl((const char *) data, size, 7, &rec) == 0);
    FUZZ_CHECK(rec.id != NULL);
    FUZZ_CHECK((rec.text != NULL) != (rec.error != NULL));
    check_output(&rec);
    input_record_free(&rec);
    return 0;
}
