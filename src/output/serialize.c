/* SPDX-License-Identifier: MIT */
/*
 * JSON serializer for results.  Field order follows DESIGN.md: type, text,
 * the three offset pairs, id, source, then extra members (bill, kind, ref).
 */
#include "serialize.h"

#include <string.h>

#include "error.h"
#include "result.h"
#include "utf8.h"


void lx_json_string(FILE *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0, i = 0;
    out_c(out, '"');
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
            out_n(out, s + i - run, run);
            run = 0;
            out_s(out, esc);
            i += len;
            continue;
        }
        run += len;
        i += len;
    }
    out_n(out, s + n - run, run);
    out_c(out, '"');
}

static void json_opt_string(FILE *out, const char *s)
{
    if (s)
        lx_json_string(out, s, strlen(s));
    else
        out_s(out, "null");
}

/* ", "key": N" without printf: entities are written by the million. */
/* Appends ", "key": N" to buf at *o (the caller leaves room). */
static void json_num(char *buf, size_t *o, const char *key_part, size_t klen, size_t v)
{
    char digits[24];
    int n = 0;
    memcpy(buf + *o, key_part, klen);
    *o += klen;
    do {
        digits[n++] = (char) ('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        buf[(*o)++] = digits[--n];
}

#define NUM(buf, o, key, v) json_num(buf, o, key, sizeof(key) - 1, v)

void lx_json_entity(FILE *out, const lextag_entity *e, const char *text)
{
    out_s(out, "{\"type\": ");
    lx_json_string(out, e->type, strlen(e->type));
    out_s(out, ", \"text\": ");
    lx_json_string(out, text + e->byte_start, e->byte_end - e->byte_start);
    /* the six offsets are formatted into one buffer and written at once */
    char buf[6 * 40 + 16];
    size_t o = 0;
    NUM(buf, &o, ", \"start\": ", e->start);
    NUM(buf, &o, ", \"end\": ", e->end);
    NUM(buf, &o, ", \"byte_start\": ", e->byte_start);
    NUM(buf, &o, ", \"byte_end\": ", e->byte_end);
    NUM(buf, &o, ", \"utf16_start\": ", e->utf16_start);
    NUM(buf, &o, ", \"utf16_end\": ", e->utf16_end);
    memcpy(buf + o, ", \"id\": ", 8);
    out_n(out, buf, o + 8);
    json_opt_string(out, e->id);
    out_s(out, ", \"source\": ");
    json_opt_string(out, e->source);
    if (e->extra) {
        out_s(out, ", ");
        out_s(out, e->extra);
    }
    if (e->ref >= 0)
        fprintf(out, ", \"ref\": %ld", e->ref);
    out_c(out, '}');
}

static void entity_list(FILE *out, const lextag_entity *v, size_t n, const char *text)
{
    out_c(out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            out_s(out, ", ");
        lx_json_entity(out, &v[i], text);
    }
    out_c(out, ']');
}

void lx_json_document(FILE *out, const lextag_result *r, const char *doc_id,
                      const char *date, const char *text)
{
    out_s(out, "{\"id\": ");
    json_opt_string(out, doc_id);
    if (date) {
        out_s(out, ", \"date\": ");
        lx_json_string(out, date, strlen(date));
    }
    out_s(out, ", \"entities\": ");
    entity_list(out, r->ents, r->n, text);
    if (r->lost) {
        out_s(out, ", \"candidates_lost\": ");
        entity_list(out, r->lost, r->n_lost, text);
    }
    if (r->n_limit) {
        fprintf(out, ", \"rule_limit_hits\": %zu, \"rules_cut_off\": [", r->n_limit);
        for (size_t i = 0; i < r->n_limit; i++) {
            if (i)
                out_s(out, ", ");
            json_opt_string(out, r->limit_rules[i]);
        }
        out_c(out, ']');
    }
    out_c(out, '}');
}

int lextag_format_from_name(const char *name)
{
    static const char *const names[] = {"json", "brat", "conll", "doccano", "labelstudio",
                                        "html"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(name, names[i]) == 0)
            return (int) i;
    return -1;
}

int lextag_write_begin(lextag_format format, FILE *out, lextag_error *err)
{
    if (format == LEXTAG_FORMAT_LABELSTUDIO)
        out_s(out, "[\n");
    else if (format == LEXTAG_FORMAT_HTML)
        lx_write_html_begin(out);
    return ferror(out) ? lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error") : 0;
}

int lextag_write_end(lextag_format format, FILE *out, lextag_error *err)
{
    if (format == LEXTAG_FORMAT_LABELSTUDIO)
        out_s(out, "\n]\n");
    else if (format == LEXTAG_FORMAT_HTML)
        lx_write_html_end(out);
    return ferror(out) ? lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error") : 0;
}

int lextag_result_write_doc(const lextag_result *r, lextag_format format, size_t index,
                            const char *doc_id, const char *date, const char *text,
                            size_t len, FILE *out, lextag_error *err)
{
    int rc = 0;
    flockfile(out);
    switch (format) {
    case LEXTAG_FORMAT_JSON:
        lx_json_document(out, r, doc_id, date, text);
        out_c(out, '\n');
        break;
    case LEXTAG_FORMAT_BRAT:
        lx_write_brat(out, r, doc_id, text);
        break;
    case LEXTAG_FORMAT_CONLL:
        rc = lx_write_conll(out, r, text, len);
        break;
    case LEXTAG_FORMAT_DOCCANO:
        lx_write_doccano(out, r, doc_id, text, len);
        break;
    case LEXTAG_FORMAT_LABELSTUDIO:
        lx_write_labelstudio(out, r, index, doc_id, text, len);
        break;
    case LEXTAG_FORMAT_HTML:
        lx_write_html(out, r, doc_id, text, len);
        break;
    default:
        funlockfile(out);
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "unknown output format");
    }
    funlockfile(out);
    if (rc)
        return lx_error_set(err, rc, NULL, 0, 0, "out of memory");
    if (ferror(out))
        return lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error");
    return 0;
}

int lextag_result_write(const lextag_result *r, lextag_format format, const char *doc_id,
                        const char *date, const char *text, size_t len, FILE *out,
                        lextag_error *err)
{
    return lextag_result_write_doc(r, format, 0, doc_id, date, text, len, out, err);
}

int lextag_write_error_record(const char *doc_id, const char *message, FILE *out,
                              lextag_error *err)
{
    flockfile(out);
    out_s(out, "{\"id\": ");
    json_opt_string(out, doc_id);
    out_s(out, ", \"error\": ");
    json_opt_string(out, message);
    out_s(out, "}\n");
    funlockfile(out);
    if (ferror(out))
        return lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error");
    return 0;
}
