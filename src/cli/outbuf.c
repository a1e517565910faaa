/* SPDX-License-Identifier: MIT */
/*
 * Block output buffers (see outbuf.h), as stdio streams by fopencookie().
 */
#define _GNU_SOURCE /* fopencookie */
#include "outbuf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A buffer grown past this by one block is let go after it is written: a
   block of records is a few hundred KiB of text. */
#define KEEP_BYTES (16u << 20)

static ssize_t append(void *cookie, const char *s, size_t n)
{
    outbuf *b = cookie;
    if (n == 0)
        return 0; /* nothing to copy, and b->v may still be NULL */
    if (n > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 64u << 10;
        while (cap - b->len < n)
            cap *= 2;
        char *v = realloc(b->v, cap);
        if (!v) {
            errno = ENOMEM;
            return 0; /* stdio reads a short write as an error */
        }
        b->v = v;
        b->cap = cap;
    }
    memcpy(b->v + b->len, s, n);
    b->len += n;
    return (ssize_t) n;
}

FILE *outbuf_open(outbuf *b)
{
    b->len = 0;
    return fopencookie(b, "w", (cookie_io_functions_t){.write = append});
}

void outbuf_clear(outbuf *b)
{
    b->len = 0;
    if (b->cap > KEEP_BYTES)
        outbuf_free(b);
}

void outbuf_free(outbuf *b)
{
    free(b->v);
    b->v = NULL;
    b->len = b->cap = 0;
}
