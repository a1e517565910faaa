/* SPDX-License-Identifier: MIT */
/*
 * doccano's sequence-labelling import format: one JSON object per line,
 * {"id": ..., "text": ..., "label": [[start, end, "TYPE"], ...]}, offsets in
 * code points (doccano is a Python application).
 */
#include "format.h"

#include "result.h"
#include "writer.h"

static int document(FILE *out, const lextag_result *r, const lextag_doc_ref *doc,
                    const char *text, size_t len)
{
    out_s(out, "{\"id\": ");
    lx_writer_json_id(out, doc);
    out_s(out, ", \"text\": ");
    lx_writer_json_string(out, text, len);
    out_s(out, ", \"label\": [");
    for (size_t i = 0; i < r->n; i++) {
        const lextag_entity *e = &r->ents[i];
        fprintf(out, "%s[%zu, %zu, ", i ? ", " : "", e->start, e->end);
        lx_writer_json_string(out, e->type, strlen(e->type));
        out_c(out, ']');
    }
    out_s(out, "]}\n");
    return 0;
}

const lx_format lx_format_doccano = {
    .name = "doccano", .document = document, .error = lx_json_error_record};
