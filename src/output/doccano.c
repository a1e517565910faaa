/* SPDX-License-Identifier: MIT */
/*
 * doccano's sequence-labelling import format: one JSON object per line,
 * {"id": ..., "text": ..., "label": [[start, end, "TYPE"], ...]}, offsets in
 * code points (doccano is a Python application).
 */
#include "serialize.h"

#include "result.h"

void lx_write_doccano(FILE *out, const lextag_result *r, const char *doc_id, const char *text,
                      size_t len)
{
    out_s(out, "{\"id\": ");
    lx_json_string(out, doc_id, strlen(doc_id));
    out_s(out, ", \"text\": ");
    lx_json_string(out, text, len);
    out_s(out, ", \"label\": [");
    for (size_t i = 0; i < r->n; i++) {
        const lextag_entity *e = &r->ents[i];
        fprintf(out, "%s[%zu, %zu, ", i ? ", " : "", e->start, e->end);
        lx_json_string(out, e->type, strlen(e->type));
        out_c(out, ']');
    }
    out_s(out, "]}\n");
}
