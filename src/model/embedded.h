/* SPDX-License-Identifier: MIT */
/*
 * The built-in model's source files, compiled into the library by
 * tools/embed.py at build time so that lextag needs no data files at run time.
 */
#ifndef LX_EMBEDDED_H
#define LX_EMBEDDED_H

#include <stdbool.h>
#include <stddef.h>

typedef struct lx_embedded_file {
    const char *name; /* path relative to gazetteers/ */
    const unsigned char *data;
    size_t len;
    bool is_rules;
} lx_embedded_file;

extern const lx_embedded_file lx_embedded_files[];
extern const size_t lx_embedded_count;

#endif
