/* SPDX-License-Identifier: MIT */
/*
 * Errors: recording one (lx_error_set, used by every module) and the public
 * lextag_error_clear and lextag_error_format.  A lextag_error is a plain
 * struct with fixed buffers, so recording an error never allocates and
 * works when memory has run out.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int lx_error_set(lextag_error *err, int code, const char *file, unsigned line,
                 unsigned column, const char *fmt, ...)
{
    if (!err || err->code)
        return code;
    err->code = code;
    snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
    err->line = line;
    err->column = column;
    err->context[0] = '\0';
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
    return code;
}

void lextag_error_clear(lextag_error *err)
{
    /* the marks of "no error" only: this runs once per tagged record */
    if (err) {
        err->code = 0;
        err->file[0] = err->message[0] = err->context[0] = '\0';
        err->line = err->column = 0;
    }
}

char *lextag_error_format(const lextag_error *err, char *buf, size_t cap)
{
    if (!err || !err->code) {
        snprintf(buf, cap, "no error");
    } else if (err->file[0] && err->line) {
        snprintf(buf, cap, "%s:%u:%u: error: %s", err->file, err->line,
                 err->column ? err->column : 1, err->message);
    } else if (err->file[0]) {
        snprintf(buf, cap, "%s: error: %s", err->file, err->message);
    } else {
        snprintf(buf, cap, "error: %s", err->message);
    }
    return buf;
}
