/* SPDX-License-Identifier: MIT */
/*
 * Growable arrays (see vec.h).  The array pointer is passed by address as
 * void * and read and written with memcpy, so one function serves arrays of
 * every element type without casting a T ** to void **.
 */
#include "vec.h"

#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"

static int reserve(void *pp, size_t *cap, size_t need, size_t elem, size_t first, size_t max)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : first ? first : 1;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return LEXTAG_ERR_NOMEM;
        c *= 2;
    }
    if (c > max || c > SIZE_MAX / elem)
        return LEXTAG_ERR_NOMEM;
    void *p;
    memcpy(&p, pp, sizeof(p));
    void *q = realloc(p, c * elem);
    if (!q)
        return LEXTAG_ERR_NOMEM;
    memcpy(pp, &q, sizeof(q));
    *cap = c;
    return 0;
}

int lx_vec_grow(void *pp, size_t *cap, size_t need, size_t elem, size_t first)
{
    return reserve(pp, cap, need, elem, first, SIZE_MAX);
}

int lx_vec_reserve_zeroed(void *pp, size_t *cap, size_t need, size_t elem, size_t first)
{
    size_t old = *cap;
    int rc = lx_vec_reserve(pp, cap, need, elem, first);
    if (!rc && *cap > old) {
        char *p;
        memcpy(&p, pp, sizeof(p));
        memset(p + old * elem, 0, (*cap - old) * elem);
    }
    return rc;
}

int lx_vec_grow32(void *pp, uint32_t *cap, size_t need, size_t elem, size_t first)
{
    size_t c = *cap;
    int rc = reserve(pp, &c, need, elem, first, UINT32_MAX);
    *cap = (uint32_t) c;
    return rc;
}

int lx_vec_add_name(const char ***v, size_t *n, const char *name)
{
    for (size_t k = 0; k < *n; k++)
        if ((*v)[k] == name)
            return 0;
    const char **w = realloc(*v, (*n + 1) * sizeof(*w));
    if (!w)
        return LEXTAG_ERR_NOMEM;
    *v = w;
    w[(*n)++] = name;
    return 0;
}
