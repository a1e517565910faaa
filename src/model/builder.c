/* SPDX-License-Identifier: MIT */
/*
 * The public builder: reads gazetteer and rule files (or folders of them)
 * into a model and freezes it.  Files are read whole; folders are read in
 * name order so that a model's content, and its hash, do not depend on the
 * order the file system lists them in.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builder.h"
#include "error.h"
#include "gazetteer.h"
#include "model.h"
#include "embedded.h"
#include "utf8.h"
#include "vec.h"

struct lextag_builder {
    struct lextag_model *m;
    lx_pairvec pairs;
    lx_toklist tl;
};

const char *lextag_version(void)
{
    return LEXTAG_VERSION;
}

lextag_builder *lextag_builder_new(lextag_error *err)
{
    lextag_builder *b = calloc(1, sizeof(*b));
    if (b && (b->m = calloc(1, sizeof(*b->m))) && lx_model_init(b->m) == 0)
        return b;
    lextag_builder_free(b);
    lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return NULL;
}

void lextag_builder_free(lextag_builder *b)
{
    if (!b)
        return;
    if (b->m) {
        lx_model_release(b->m);
        free(b->m);
    }
    free(b->pairs.v);
    lx_toklist_free(&b->tl);
    free(b);
}

static int read_file(const char *path, char **data, size_t *len, lextag_error *err)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    if (!f)
        return lx_error_set(err, LEXTAG_ERR_IO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    for (;;) {
        if (lx_vec_reserve(&buf, &cap, n + 65536, 1, 131072)) {
            free(buf);
            fclose(f);
            return lx_error_set(err, LEXTAG_ERR_NOMEM, path, 0, 0, "out of memory");
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return lx_error_set(err, LEXTAG_ERR_IO, path, 0, 0, "read error");
    }
    *data = buf;
    *len = n;
    return 0;
}

int lextag_builder_add_gazetteer_data(lextag_builder *b, const char *name,
                                      const char *data, size_t len, lextag_error *err)
{
    char source[300];
    if (!b || !name || (!data && len))
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0,
                            "no builder, no name, or NULL data with a length");
    if (!b->m) /* no fresh model after the last build: out of memory */
        return lx_error_set(err, LEXTAG_ERR_NOMEM, name, 0, 0, "out of memory");
    if (b->m->frozen)
        return lx_error_set(err, LEXTAG_ERR_INVALID, name, 0, 0, "model already built");
    /* "gazetteer:" + file name without folder and extension, in UTF-8 (an
       image stores it, and reads back only UTF-8), and part of the hash:
       the entities' source names it */
    size_t n;
    const char *stem = lextag_path_stem(name, &n);
    memcpy(source, "gazetteer:", 10);
    lx_utf8_clean(stem, n, source + 10, sizeof(source) - 10);
    lx_model_hash(b->m, source, strlen(source) + 1);
    return lx_gazetteer_parse(b->m, &b->pairs, &b->tl, name, source, data, len, err);
}

int lextag_builder_add_rules_data(lextag_builder *b, const char *name,
                                  const char *data, size_t len, lextag_error *err)
{
    if (!b || !name || (!data && len))
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0,
                            "no builder, no name, or NULL data with a length");
    if (!b->m) /* no fresh model after the last build: out of memory */
        return lx_error_set(err, LEXTAG_ERR_NOMEM, name, 0, 0, "out of memory");
    if (b->m->frozen)
        return lx_error_set(err, LEXTAG_ERR_INVALID, name, 0, 0, "model already built");
    lx_model_hash(b->m, data, len);
    /* an image stores the file's name, and reads back only UTF-8 */
    char file[PATH_MAX];
    lx_utf8_clean(name, strlen(name), file, sizeof(file));
    return lx_rules_parse(&b->m->rules, file, data, len, err);
}

typedef int (*add_fn)(lextag_builder *, const char *, const char *, size_t, lextag_error *);

static int add_one(lextag_builder *b, const char *path, add_fn fn, lextag_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = read_file(path, &data, &len, err);
    if (rc)
        return rc;
    rc = fn(b, path, data, len, err);
    free(data);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Adds every file of folder `dir` ending in `ext`, in name order. */
static int add_dir(lextag_builder *b, const char *dir, const char *ext, add_fn fn,
                   lextag_error *err)
{
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t n = 0;
    int rc = 0;
    if (!d)
        return lx_error_set(err, LEXTAG_ERR_IO, dir, 0, 0, "cannot open folder: %s",
                            strerror(errno));
    for (struct dirent *de; (de = readdir(d));) {
        size_t l = strlen(de->d_name), el = strlen(ext);
        if (l <= el || strcmp(de->d_name + l - el, ext) != 0 || de->d_name[0] == '.')
            continue;
        char **v = realloc(names, (n + 1) * sizeof(*v));
        if (!v || !(v[n] = malloc(strlen(dir) + l + 2))) {
            names = v ? v : names;
            rc = lx_error_set(err, LEXTAG_ERR_NOMEM, dir, 0, 0, "out of memory");
            break;
        }
        names = v;
        sprintf(names[n++], "%s/%s", dir, de->d_name);
    }
    closedir(d);
    if (names)
        qsort(names, n, sizeof(*names), cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (!rc)
            rc = add_one(b, names[i], fn, err);
        free(names[i]);
    }
    free(names);
    return rc;
}

static int add_path(lextag_builder *b, const char *path, const char *ext, add_fn fn,
                    lextag_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return lx_error_set(err, LEXTAG_ERR_IO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    if (S_ISDIR(st.st_mode))
        return add_dir(b, path, ext, fn, err);
    return add_one(b, path, fn, err);
}

int lextag_builder_add_gazetteer(lextag_builder *b, const char *path, lextag_error *err)
{
    if (!b || !path)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no builder or no path");
    return add_path(b, path, ".tsv", lextag_builder_add_gazetteer_data, err);
}

int lextag_builder_add_rules(lextag_builder *b, const char *path, lextag_error *err)
{
    if (!b || !path)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no builder or no path");
    return add_path(b, path, ".rules", lextag_builder_add_rules_data, err);
}

int lx_builder_add_embedded(lextag_builder *b, lextag_error *err)
{
    for (size_t i = 0; i < lx_embedded_count; i++) {
        const lx_embedded_file *f = &lx_embedded_files[i];
        add_fn fn = f->is_rules ? lextag_builder_add_rules_data
                                : lextag_builder_add_gazetteer_data;
        int rc = fn(b, f->name, (const char *) f->data, f->len, err);
        if (rc)
            return rc;
    }
    return 0;
}

static uint64_t word_hash(void *arg, const char *w, size_t n)
{
    lx_toklist *tl = arg;
    if (lx_tokenize(tl, w, n) || tl->n != 1)
        return 0;
    return tl->v[0].hash;
}

/* The model's clusters become c, stored in blob (owned: freed with the model). */
static void set_clusters(struct lextag_model *m, const lx_clusters *c, const void *blob,
                         size_t len, bool owned)
{
    if (m->clusters_owned)
        free((void *) m->clusters_blob);
    m->clusters = *c;
    m->clusters_blob = blob;
    m->clusters_len = len;
    m->clusters_owned = owned;
    lx_model_hash(m, blob, len);
}

/* The model's weights become w, stored in blob (owned: freed with the model). */
static void set_weights(struct lextag_model *m, const lx_weights *w, const void *blob,
                        size_t len, bool owned)
{
    if (m->learn_owned)
        free((void *) m->learn_blob);
    m->learn = *w;
    m->learn_blob = blob;
    m->learn_len = len;
    m->learn_owned = owned;
    lx_model_hash(m, blob, len);
}

int lextag_builder_add_clusters(lextag_builder *b, const char *path, lextag_error *err)
{
    char *data;
    size_t len, blob_len;
    if (!b->m)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
    int rc = read_file(path, &data, &len, err);
    if (rc)
        return rc;
    void *blob = lx_clusters_parse(path, data, len, word_hash, &b->tl, &blob_len, err);
    free(data);
    if (!blob)
        return err && err->code ? err->code : LEXTAG_ERR_NOMEM;
    lx_clusters c;
    lx_clusters_attach(&c, blob, blob_len, path, NULL);
    set_clusters(b->m, &c, blob, blob_len, true);
    return 0;
}

int lextag_builder_add_weights(lextag_builder *b, const char *path, lextag_error *err)
{
    char *data;
    size_t len;
    lx_weights w;
    if (!b->m)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
    int rc = read_file(path, &data, &len, err);
    if (rc)
        return rc;
    if ((rc = lx_weights_attach(&w, data, len, path, true, err))) {
        free(data);
        return rc;
    }
    set_weights(b->m, &w, data, len, true);
    return 0;
}

int lx_builder_add_learned(lextag_builder *b, const void *weights, size_t weights_len,
                           const void *clusters, size_t clusters_len, const char *name,
                           lextag_error *err)
{
    if (!b->m)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
    lx_clusters c = {0};
    lx_weights w = {0};
    int rc = 0;
    /* both are checked before either replaces what the model has */
    if (clusters && (rc = lx_clusters_attach(&c, clusters, clusters_len, name, err)))
        return rc;
    if (weights && (rc = lx_weights_attach(&w, weights, weights_len, name, false, err)))
        return rc;
    /* in the order lextag-modelc adds them, so that the built-in lists and
       rules with the built-in layer hash as the built-in model does */
    if (clusters)
        set_clusters(b->m, &c, clusters, clusters_len, false);
    if (weights)
        set_weights(b->m, &w, weights, weights_len, false);
    return 0;
}

lextag_model *lextag_builder_build(lextag_builder *b, lextag_error *err)
{
    if (!b)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no builder"), NULL;
    struct lextag_model *m = b->m;
    if (!m)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory"), NULL;
    if (m->frozen)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "model already built"),
               NULL;
    if (lx_trie_set_entries(&m->trie, b->pairs.v, b->pairs.n) ||
        lx_model_freeze(m, err)) {
        lx_error_set(err, LEXTAG_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    lx_model_hash(m, "", 0);
    /* the builder hands its model over and starts a fresh one */
    b->m = calloc(1, sizeof(*b->m));
    if (!b->m || lx_model_init(b->m)) {
        /* the built model is fine; only later use of the builder fails */
        lextag_model_free(b->m);
        b->m = NULL;
    }
    b->pairs.n = 0;
    return m;
}
