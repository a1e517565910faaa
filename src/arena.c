/* SPDX-License-Identifier: MIT */
/*
 * Arena of linked blocks.  Blocks double in size up to 1 MiB so that a
 * document with few entities touches one small block and a huge one does not
 * keep reallocating.
 */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lx_arena_block {
    lx_arena_block *next;
    size_t size;
    _Alignas(8) char data[];
};

/* A first block, header and all, within glibc's per-thread cache of small
   chunks (1032 bytes): a JSONL record takes one and gives it back, and
   from that cache both are a few instructions. */
#define ARENA_MIN (1024 - 2 * sizeof(void *))
#define ARENA_MAX (1u << 20)

void *lx_arena_alloc(lx_arena *a, size_t size)
{
    size = (size + 7) & ~(size_t) 7;
    if (!a->head || a->used + size > a->head->size) {
        size_t bs = a->head ? a->head->size * 2 : ARENA_MIN;
        if (bs > ARENA_MAX)
            bs = ARENA_MAX;
        if (bs < size)
            bs = size;
        lx_arena_block *b = malloc(sizeof(*b) + bs);
        if (!b)
            return NULL;
        b->size = bs;
        b->next = a->head;
        a->head = b;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += size;
    return p;
}

char *lx_arena_strndup(lx_arena *a, const char *s, size_t n)
{
    char *p = lx_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *lx_arena_printf(lx_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = lx_arena_alloc(a, (size_t) n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t) n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void lx_arena_adopt(lx_arena *dst, lx_arena *src)
{
    if (!src->head)
        return;
    lx_arena_block *last = src->head;
    while (last->next)
        last = last->next;
    if (dst->head) {
        /* dst keeps allocating from its own head block */
        last->next = dst->head->next;
        dst->head->next = src->head;
    } else {
        dst->head = src->head;
        dst->used = src->used;
    }
    src->head = NULL;
    src->used = 0;
}

void lx_arena_free(lx_arena *a)
{
    if (!a)
        return;
    lx_arena_block *b = a->head;
    while (b) {
        lx_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}
