/* SPDX-License-Identifier: MIT */
/*
 * brat file pairs in a folder, one per document, each under a name of its
 * own (see bratdir.h).  The names taken are kept in an open-addressing set,
 * so that a run of millions of records checks each in constant time.
 */
#include "bratdir.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lextag/lextag.h>

struct bratdir {
    const char *dir;
    bool records;      /* ids are JSONL records' ("-" is a name), not paths */
    char **names;      /* the names taken: a set of cap slots, NULL = empty */
    size_t n, cap;
};

bratdir *bratdir_new(const char *dir, bool records)
{
    bratdir *b = calloc(1, sizeof(*b));
    if (b) {
        b->dir = dir;
        b->records = records;
    }
    return b;
}

void bratdir_free(bratdir *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->cap; i++)
        free(b->names[i]);
    free(b->names);
    free(b);
}

static size_t slot_of(char **names, size_t cap, const char *name)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char) *p) * 1099511628211ull;
    size_t i = (size_t) h & (cap - 1);
    while (names[i] && strcmp(names[i], name) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

/* Adds name to the set (which then owns it) unless it is there: *taken says
   which.  Returns 0, or -1 when out of memory. */
static int take(bratdir *b, char *name, int *taken)
{
    if (2 * (b->n + 1) > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        char **v = calloc(cap, sizeof(*v));
        if (!v)
            return -1;
        for (size_t i = 0; i < b->cap; i++)
            if (b->names[i])
                v[slot_of(v, cap, b->names[i])] = b->names[i];
        free(b->names);
        b->names = v;
        b->cap = cap;
    }
    size_t i = slot_of(b->names, b->cap, name);
    *taken = b->names[i] != NULL;
    if (!*taken) {
        b->names[i] = name;
        b->n++;
    }
    return 0;
}

/*
 * The document's name: the stem of its id with folder separators and
 * control characters made '_' (ids from JSONL may hold anything), and a
 * leading '.' too, "stdin" for standard input (a record's id "-" is its
 * own name), "document" for an empty stem; then "-2", "-3"... until
 * it is one no earlier document took (*renamed then says so).  NULL when
 * out of memory.
 */
static char *unique_name(bratdir *b, const char *id, int *renamed)
{
    size_t n;
    const char *stem = lextag_path_stem(id, &n);
    if (strcmp(id, "-") == 0 && !b->records)
        stem = "stdin", n = strlen(stem);
    else if (n == 0)
        stem = "document", n = strlen(stem);
    char *name = malloc(n + 24);
    if (!name)
        return NULL;
    for (size_t i = 0; i < n; i++)
        name[i] = (stem[i] == '/' || stem[i] == '\\' || (unsigned char) stem[i] < 0x20) ? '_'
                                                                                      : stem[i];
    name[n] = '\0';
    /* ".draft" would be a hidden file, which brat's file list leaves out */
    if (name[0] == '.')
        name[0] = '_';
    *renamed = 0;
    for (unsigned long k = 2;; k++) {
        int taken;
        if (take(b, name, &taken)) {
            free(name);
            return NULL;
        }
        if (!taken)
            return name;
        *renamed = 1;
        snprintf(name + n, 24, "-%lu", k);
    }
}

/* Writes data to path; as text (see lextag_write_text()) when text. */
static int write_file(const char *path, const char *data, size_t len, bool text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = text ? lextag_write_text(data, len, f, NULL) != 0
                   : fwrite(data, 1, len, f) != len;
    return fclose(f) != 0 || bad ? -1 : 0;
}

int bratdir_write(bratdir *b, const char *id, const char *text, size_t len, const char *ann,
                  size_t ann_len)
{
    int renamed = 0;
    const char *name = unique_name(b, id, &renamed); /* owned by the set */
    size_t room = strlen(b->dir) + (name ? strlen(name) : 0) + 8;
    char *txt = name ? malloc(room) : NULL, *annp = name ? malloc(room) : NULL;
    int rc = -1;
    if (txt && annp) {
        size_t d = strlen(b->dir);
        const char *sep = d && b->dir[d - 1] == '/' ? "" : "/";
        snprintf(txt, room, "%s%s%s.txt", b->dir, sep, name);
        snprintf(annp, room, "%s%s%s.ann", b->dir, sep, name);
        if (renamed)
            fprintf(stderr, "lextag: %s: written as %s and %s: an earlier document took its name\n",
                    id, txt, annp);
        /* brat decodes the text strictly: invalid bytes are written as U+FFFD */
        rc = write_file(txt, text, len, true) || write_file(annp, ann, ann_len, false) ? -1 : 0;
        if (rc)
            fprintf(stderr, "lextag: %s: cannot write %s and %s\n", id, txt, annp);
    } else {
        fprintf(stderr, "lextag: %s: out of memory\n", id);
    }
    free(txt);
    free(annp);
    return rc;
}
