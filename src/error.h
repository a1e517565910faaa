/* SPDX-License-Identifier: MIT */
/*
 * Errors: the one place that records a lextag_error.  Every module that
 * reports a failure calls lx_error_set, so "first error wins" and the
 * message layout are decided here and nowhere else, and no module has to
 * include another (the model, say) only to report an error.
 */
#ifndef LX_ERROR_H
#define LX_ERROR_H

#include "lextag/lextag.h"

/*
 * Records an error in err unless err is NULL or already holds one (first
 * error wins).  file may be NULL; line and column 0 mean unknown.  Returns
 * code, so that callers can write `return lx_error_set(err, code, ...)`.
 */
int lx_error_set(lextag_error *err, int code, const char *file, unsigned line,
                 unsigned column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#endif
