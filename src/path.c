/* SPDX-License-Identifier: MIT */
/*
 * File names: the stem of a path, which names a gazetteer's source
 * ("gazetteer:people") and, in the command line, the files brat output
 * writes for a document.  One function, so that both agree.
 */
#include <string.h>

#include "lextag/lextag.h"

const char *lextag_path_stem(const char *path, size_t *len)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base)
        n = (size_t) (dot - base);
    *len = n;
    return base;
}
