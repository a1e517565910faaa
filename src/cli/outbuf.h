/* SPDX-License-Identifier: MIT */
/*
 * A block's formatted output, in a buffer the block keeps from one use to
 * the next.  open_memstream() made a new buffer for every block of JSONL
 * records and the writer freed it: the allocator handed the pages back to
 * the system and took them again, and faulting them in cost as much as a
 * tenth of tagging.  The buffer is seen as a stdio stream, so the formats
 * write to it as to any FILE.
 */
#ifndef LEXTAG_CLI_OUTBUF_H
#define LEXTAG_CLI_OUTBUF_H

#include <stddef.h>
#include <stdio.h>

typedef struct outbuf {
    char *v;
    size_t len, cap;
} outbuf;

/*
 * Empties b and returns a stream that appends to it, until fclose(); NULL
 * when out of memory.  A write that cannot grow the buffer fails, and so
 * does fclose().
 */
FILE *outbuf_open(outbuf *b);

/*
 * Empties b once its bytes are written, keeping its memory unless one
 * block's output made it far larger than a block's usually is.
 */
void outbuf_clear(outbuf *b);

/* Frees b's memory. */
void outbuf_free(outbuf *b);

#endif
