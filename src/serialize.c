/* SPDX-License-Identifier: MIT */
/*
 * JSON serializer for results.  Field order follows DESIGN.md: type, text,
 * the three offset pairs, id, source, then extra members (bill, kind, ref).
 */
#include "serialize.h"

#include <string.h>

#include "model.h"
#include "result.h"
#include "utf8.h"

void lx_json_string(FILE *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0, i = 0;
    putc('"', out);
    while (i < n) {
        unsigned char c = (unsigned char) s[i];
        const char *esc = NULL;
        char buf[8];
        size_t len = 1;
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c < 0x20 || c == 0x7F) {
            memcpy(buf, "\\u00", 4);
            buf[4] = hex[c >> 4];
            buf[5] = hex[c & 15];
            buf[6] = '\0';
            esc = buf;
        } else if (c >= 0x80) {
            uint32_t cp = lx_utf8_decode((const unsigned char *) s + i, n - i, &len);
            if (cp == LX_INVALID)
                esc = "\\ufffd";
            else if (cp == 0x2028)
                esc = "\\u2028";
            else if (cp == 0x2029)
                esc = "\\u2029";
        }
        if (esc) {
            fwrite(s + i - run, 1, run, out);
            run = 0;
            fputs(esc, out);
            i += len;
            continue;
        }
        run += len;
        i += len;
    }
    fwrite(s + n - run, 1, run, out);
    putc('"', out);
}

static void json_opt_string(FILE *out, const char *s)
{
    if (s)
        lx_json_string(out, s, strlen(s));
    else
        fputs("null", out);
}

/* ", "key": N" without printf: entities are written by the million. */
static void json_num(FILE *out, const char *key_part, size_t v)
{
    char buf[24];
    int n = 0;
    fputs(key_part, out);
    do {
        buf[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        putc(buf[--n], out);
}

void lx_json_entity(FILE *out, const lextag_entity *e, const char *text)
{
    fputs("{\"type\": ", out);
    lx_json_string(out, e->type, strlen(e->type));
    fputs(", \"text\": ", out);
    lx_json_string(out, text + e->byte_start, e->byte_end - e->byte_start);
    json_num(out, ", \"start\": ", e->start);
    json_num(out, ", \"end\": ", e->end);
    json_num(out, ", \"byte_start\": ", e->byte_start);
    json_num(out, ", \"byte_end\": ", e->byte_end);
    json_num(out, ", \"utf16_start\": ", e->utf16_start);
    json_num(out, ", \"utf16_end\": ", e->utf16_end);
    fputs(", \"id\": ", out);
    json_opt_string(out, e->id);
    fputs(", \"source\": ", out);
    json_opt_string(out, e->source);
    if (e->extra) {
        fputs(", ", out);
        fputs(e->extra, out);
    }
    if (e->ref >= 0)
        fprintf(out, ", \"ref\": %ld", e->ref);
    putc('}', out);
}

static void entity_list(FILE *out, const lextag_entity *v, size_t n, const char *text)
{
    putc('[', out);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", out);
        lx_json_entity(out, &v[i], text);
    }
    putc(']', out);
}

void lx_json_document(FILE *out, const lextag_result *r, const char *doc_id,
                      const char *date, const char *text)
{
    fputs("{\"id\": ", out);
    json_opt_string(out, doc_id);
    if (date) {
        fputs(", \"date\": ", out);
        lx_json_string(out, date, strlen(date));
    }
    fputs(", \"entities\": ", out);
    entity_list(out, r->ents, r->n, text);
    if (r->lost) {
        fputs(", \"candidates_lost\": ", out);
        entity_list(out, r->lost, r->n_lost, text);
    }
    if (r->n_limit) {
        fprintf(out, ", \"rule_limit_hits\": %zu, \"rules_cut_off\": [", r->n_limit);
        for (size_t i = 0; i < r->n_limit; i++) {
            if (i)
                fputs(", ", out);
            json_opt_string(out, r->limit_rules[i]);
        }
        putc(']', out);
    }
    putc('}', out);
}

int lextag_result_write(const lextag_result *r, lextag_format format,
                        const char *doc_id, const char *date, const char *text,
                        size_t len, FILE *out, lextag_error *err)
{
    (void) len;
    if (format != LEXTAG_FORMAT_JSON)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "unknown output format");
    lx_json_document(out, r, doc_id, date, text);
    putc('\n', out);
    if (ferror(out))
        return lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error");
    return 0;
}

int lextag_write_error_record(const char *doc_id, const char *message, FILE *out,
                              lextag_error *err)
{
    fputs("{\"id\": ", out);
    json_opt_string(out, doc_id);
    fputs(", \"error\": ", out);
    json_opt_string(out, message);
    fputs("}\n", out);
    if (ferror(out))
        return lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error");
    return 0;
}
