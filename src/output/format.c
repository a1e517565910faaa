/* SPDX-License-Identifier: MIT */
/*
 * The public writers over the table of output formats: the format of a
 * name, what a format writes around the documents, and one document with
 * the stream locked once and write errors reported as LEXTAG_ERR_IO.
 */
#include "format.h"

#include <string.h>

#include "error.h"
#include "result.h"
#include "timing.h"

/* Indexed by lextag_format. */
static const lx_format *const formats[] = {
    [LEXTAG_FORMAT_JSON] = &lx_format_json,
    [LEXTAG_FORMAT_BRAT] = &lx_format_brat,
    [LEXTAG_FORMAT_CONLL] = &lx_format_conll,
    [LEXTAG_FORMAT_DOCCANO] = &lx_format_doccano,
    [LEXTAG_FORMAT_LABELSTUDIO] = &lx_format_labelstudio,
    [LEXTAG_FORMAT_HTML] = &lx_format_html,
};

#define N_FORMATS (sizeof(formats) / sizeof(formats[0]))

static const lx_format *format_of(lextag_format format)
{
    return (unsigned) format < N_FORMATS ? formats[format] : NULL;
}

const lx_format *lx_format_get(lextag_format format)
{
    return format_of(format);
}

static int write_status(FILE *out, lextag_error *err)
{
    return ferror(out) ? lx_error_set(err, LEXTAG_ERR_IO, NULL, 0, 0, "write error") : 0;
}

int lextag_format_from_name(const char *name)
{
    if (!name)
        return -1;
    for (size_t i = 0; i < N_FORMATS; i++)
        if (strcmp(name, formats[i]->name) == 0)
            return (int) i;
    return -1;
}

int lextag_write_begin(lextag_format format, FILE *out, lextag_error *err)
{
    const lx_format *f = format_of(format);
    if (f && f->begin)
        f->begin(out);
    return write_status(out, err);
}

int lextag_write_end(lextag_format format, FILE *out, lextag_error *err)
{
    const lx_format *f = format_of(format);
    if (f && f->end)
        f->end(out);
    return write_status(out, err);
}

int lextag_result_write_doc(const lextag_result *r, lextag_format format, size_t index,
                            const char *doc_id, const char *date, const char *text,
                            size_t len, FILE *out, lextag_error *err)
{
    lextag_doc_ref doc = {.id = doc_id, .date = date, .index = index};
    return lextag_result_write_ref(r, format, &doc, text, len, out, err);
}

int lextag_result_write_ref(const lextag_result *r, lextag_format format,
                            const lextag_doc_ref *doc, const char *text, size_t len, FILE *out,
                            lextag_error *err)
{
    const lx_format *f = format_of(format);
    if (!f)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "unknown output format");
    double t0 = r->timing ? lx_timing_clock(r->timing) : 0;
    flockfile(out);
    int rc = f->document(out, r, doc, text, len);
    funlockfile(out);
    if (r->timing)
        r->timing->format += lx_timing_clock(r->timing) - t0;
    if (rc == LEXTAG_ERR_NOMEM)
        return lx_error_set(err, rc, NULL, 0, 0, "out of memory");
    if (rc)
        return lx_error_set(err, rc, NULL, 0, 0, "cannot write the document (error code %d)", rc);
    return write_status(out, err);
}

int lextag_write_error_doc(lextag_format format, const lextag_doc_ref *doc, const char *message,
                           FILE *out, lextag_error *err)
{
    const lx_format *f = format_of(format);
    if (!f || !doc || !out)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0,
                            "unknown output format, or no document or stream");
    if (!f->error)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0,
                            "the %s format has no error record", f->name);
    flockfile(out);
    f->error(out, doc, message);
    funlockfile(out);
    return write_status(out, err);
}

int lextag_result_write(const lextag_result *r, lextag_format format, const char *doc_id,
                        const char *date, const char *text, size_t len, FILE *out,
                        lextag_error *err)
{
    return lextag_result_write_doc(r, format, 0, doc_id, date, text, len, out, err);
}
