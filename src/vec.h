/* SPDX-License-Identifier: MIT */
/*
 * Growable arrays: the one "make room, grow by doubling, report out of
 * memory" helper that every module's arrays use, instead of a realloc loop
 * written in each.  Doubling keeps pushes amortized O(1).
 */
#ifndef LX_VEC_H
#define LX_VEC_H

#include <stddef.h>
#include <stdint.h>

/* No element: an index (into the model's tables, the vocabulary, ...) that
   is not there. */
#define LX_NONE UINT32_MAX

/*
 * Makes room for `need` elements of `elem` bytes in the array whose address
 * is pp (a pointer to any pointer type: `&v->items`) and whose capacity is
 * *cap elements.  Grows by doubling, from `first` elements when the array is
 * empty; never shrinks.  Returns 0, or LEXTAG_ERR_NOMEM when realloc fails
 * or the size overflows; on failure the array and *cap are unchanged.
 */
int lx_vec_grow(void *pp, size_t *cap, size_t need, size_t elem, size_t first);

/* The check inline, the growing out of line: hot loops push one element at
   a time, and almost every push fits. */
static inline int lx_vec_reserve(void *pp, size_t *cap, size_t need, size_t elem, size_t first)
{
    return need <= *cap ? 0 : lx_vec_grow(pp, cap, need, elem, first);
}

/*
 * lx_vec_reserve(), the elements it adds set to zero bytes: for arrays of
 * records that own memory (freed over the whole capacity) or of bits a
 * later use expects clear.
 */
int lx_vec_reserve_zeroed(void *pp, size_t *cap, size_t need, size_t elem, size_t first);

/* The same for arrays indexed by 32-bit numbers (the model's tables): more
   than UINT32_MAX elements is LEXTAG_ERR_NOMEM.  Inline for the same reason:
   a gazetteer adds to them on every line. */
int lx_vec_grow32(void *pp, uint32_t *cap, size_t need, size_t elem, size_t first);

static inline int lx_vec_reserve32(void *pp, uint32_t *cap, size_t need, size_t elem,
                                   size_t first)
{
    return need <= *cap ? 0 : lx_vec_grow32(pp, cap, need, elem, first);
}

/* Appends name to the n names of *v (an array exactly n long, grown by one)
   unless it holds it already, compared as pointers: the names of the rules a
   tagger cut off, borrowed from the model.  Returns 0 or LEXTAG_ERR_NOMEM. */
int lx_vec_add_name(const char ***v, size_t *n, const char *name);

#endif
