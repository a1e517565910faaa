/* SPDX-License-Identifier: MIT */
/*
 * Reading word-cluster files into the blob the model image carries (see
 * clusters.h).  Lines are read in file order and a word seen twice keeps
 * its first path, so the blob depends only on the file's bytes.
 */
#include "clusters.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "model.h"

#define MAX_PATH_BITS 24

static uint32_t path_of(const char *p, size_t n, bool *ok)
{
    uint32_t v = 0;
    *ok = n > 0 && n < 256;
    for (size_t i = 0; i < n && *ok; i++) {
        *ok = p[i] == '0' || p[i] == '1';
        if (i < MAX_PATH_BITS)
            v |= (uint32_t) (p[i] == '1') << (MAX_PATH_BITS - 1 - i);
    }
    size_t len = n < MAX_PATH_BITS ? n : MAX_PATH_BITS;
    return (uint32_t) len << 24 | v;
}

void *lx_clusters_parse(const char *name, const char *text, size_t n,
                        uint64_t (*hash)(void *arg, const char *w, size_t n), void *arg,
                        size_t *len, lextag_error *err)
{
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += text[i] == '\n';
    uint64_t cap = 16;
    while (cap < (lines + 1) * 2)
        cap *= 2;
    *len = 8 + cap * sizeof(lx_cluster_slot);
    unsigned char *blob = calloc(1, *len);
    if (!blob) {
        lx_error_set(err, LEXTAG_ERR_NOMEM, name, 0, 0, "out of memory");
        return NULL;
    }
    memcpy(blob, &cap, 8);
    lx_cluster_slot *slots = (lx_cluster_slot *) (blob + 8);
    unsigned lineno = 0;
    for (const char *p = text, *end = text + n; p < end;) {
        const char *nl = memchr(p, '\n', (size_t) (end - p));
        const char *e = nl ? nl : end;
        lineno++;
        const char *t1 = memchr(p, '\t', (size_t) (e - p));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t) (e - t1 - 1)) : NULL;
        bool ok = true;
        if (p < e && *p != '#') {
            uint32_t path = t1 ? path_of(p, (size_t) (t1 - p), &ok) : 0;
            if (!t1 || !ok) {
                free(blob);
                lx_error_set(err, LEXTAG_ERR_PARSE, name, lineno, 1,
                             "expected BITSTRING<TAB>WORD<TAB>COUNT");
                return NULL;
            }
            const char *w = t1 + 1;
            uint64_t h = hash(arg, w, (size_t) ((t2 ? t2 : e) - w));
            if (!h) {
                p = e + 1;
                continue;
            }
            h |= 1;
            uint64_t i = (h ^ (h >> 31)) & (cap - 1);
            while (slots[i].key && slots[i].key != h)
                i = (i + 1) & (cap - 1);
            if (!slots[i].key) {
                slots[i].key = h;
                slots[i].path = path;
            }
        }
        p = e + 1;
    }
    return blob;
}

int lx_clusters_attach(lx_clusters *c, const void *blob, size_t len, const char *name,
                       lextag_error *err)
{
    uint64_t cap;
    memset(c, 0, sizeof(*c));
    if (len < 8)
        return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0, "clusters: too short");
    memcpy(&cap, blob, 8);
    if (!cap || (cap & (cap - 1)) || cap > (1ull << 32) || len != 8 + cap * sizeof(lx_cluster_slot))
        return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0, "clusters: wrong size");
    c->slots = (const lx_cluster_slot *) ((const unsigned char *) blob + 8);
    c->mask = cap - 1;
    return 0;
}
