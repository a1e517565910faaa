/* SPDX-License-Identifier: MIT */
/*
 * Bump allocator for per-document scratch: ids, entity attributes and other
 * small strings made while tagging one document.  Each stretch's lane
 * allocates into its own arena; when the document is done the lanes' blocks
 * are handed to the result's arena (lx_arena_adopt), and lextag_result_free
 * releases them all in one call, so the hot path never pairs a malloc with
 * a free.
 */
#ifndef LX_ARENA_H
#define LX_ARENA_H

#include <stddef.h>

typedef struct lx_arena_block lx_arena_block;

typedef struct lx_arena {
    lx_arena_block *head;
    size_t used; /* bytes used in head */
} lx_arena;

/* Returns 8-byte aligned memory valid until lx_arena_free, or NULL. */
void *lx_arena_alloc(lx_arena *a, size_t size);

/* Copies s[0..n) and a NUL into the arena; NULL when out of memory. */
char *lx_arena_strndup(lx_arena *a, const char *s, size_t n);

/* printf into the arena; NULL when out of memory. */
char *lx_arena_printf(lx_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Moves every block of src into dst (allocations from src stay valid and
 * now belong to dst); src is left empty.
 */
void lx_arena_adopt(lx_arena *dst, lx_arena *src);

/* Frees all blocks.  NULL-safe. */
void lx_arena_free(lx_arena *a);

#endif
