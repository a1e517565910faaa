/* SPDX-License-Identifier: MIT */
/*
 * Label Studio tasks with predictions, for its named-entity template
 * (<Labels name="label" toName="text"> over <Text name="text">).  One JSON
 * array for the whole run; lextag_write_begin/end open and close it.
 * Offsets are code points: Label Studio's editor (since its 1.4 frontend)
 * counts characters as [...text] does, so UTF-16 units would shift every
 * span after an emoji or other character outside the BMP.
 * tests/browser/ checks this against the editor itself.
 */
#include "format.h"

#include "result.h"
#include "writer.h"

static void begin(FILE *out)
{
    out_s(out, "[\n");
}

static int document(FILE *out, const lextag_result *r, const lextag_doc_ref *doc,
                    const char *text, size_t len)
{
    if (doc->index)
        out_s(out, ",\n");
    out_s(out, "{\"data\": {\"text\": ");
    lx_writer_json_string(out, text, len);
    out_s(out, ", \"doc_id\": ");
    lx_writer_json_id(out, doc);
    out_s(out, "}, \"predictions\": [{\"model_version\": \"lextag " LEXTAG_VERSION
               "\", \"result\": [");
    for (size_t i = 0; i < r->n; i++) {
        const lextag_entity *e = &r->ents[i];
        fprintf(out, "%s{\"id\": \"e%zu\", \"from_name\": \"label\", \"to_name\": \"text\", "
                     "\"type\": \"labels\", \"value\": {\"start\": %zu, \"end\": %zu, \"text\": ",
                i ? ", " : "", i + 1, e->start, e->end);
        lx_writer_json_string(out, text + e->byte_start, e->byte_end - e->byte_start);
        out_s(out, ", \"labels\": [");
        lx_writer_json_string(out, e->type, strlen(e->type));
        out_s(out, "]}}");
    }
    out_s(out, "]}]}");
    return 0;
}

static void end(FILE *out)
{
    out_s(out, "\n]\n");
}

/* A record that could not be tagged: a task with no text, its error in its
   data, so that the array keeps one task per record. */
static void error_task(FILE *out, const lextag_doc_ref *doc, const char *message)
{
    if (doc->index)
        out_s(out, ",\n");
    out_s(out, "{\"data\": {\"text\": \"\", \"doc_id\": ");
    lx_writer_json_id(out, doc);
    out_s(out, ", \"error\": ");
    lx_writer_json_opt(out, message);
    out_s(out, "}}");
}

const lx_format lx_format_labelstudio = {.name = "labelstudio",
                                         .begin = begin,
                                         .document = document,
                                         .end = end,
                                         .error = error_task};
