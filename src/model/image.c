/* SPDX-License-Identifier: MIT */
/*
 * Writing and mapping model images (see image.h for the layout).  Every
 * section's size is checked against the counts in the header and the
 * payload against its checksum before anything is used, so a truncated or
 * corrupted file is an error message, never a crash.
 */
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "utf8.h"

#define IMAGE_MAGIC "LEXTAGM"
#define IMAGE_VERSION 7u

enum {
    S_VSLOTS, S_VOCAB, S_VBLOOM, S_EKEYS, S_EVALS,
    S_NODE_FIRST, S_NODE_COUNT, S_ENTRY_IX, S_ANCHORS, S_POOL, S_ENTRIES,
    S_STRINGS, S_TYPES, S_SOURCES, S_RULES, S_LEARN, S_CLUSTERS, N_SECTIONS
};

typedef struct image_header {
    char magic[8];
    uint32_t version;
    uint32_t n_sections;
    uint64_t checksum; /* of the header (this field as 0) and everything after it */
    uint64_t total;    /* file size */
    char hash[24];
    uint32_t n_vocab, vslot_cap, n_nodes, n_edges, eslot_cap, n_entry_ix;
    uint32_t n_anchors, pool_len, n_entries, strings_len, n_types, n_sources;
    uint32_t n_rules, pad;
    uint64_t off[N_SECTIONS], len[N_SECTIONS];
} image_header;

static uint64_t checksum_from(uint64_t h, const unsigned char *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001B3ull;
    return h;
}

/*
 * The checksum of an image of len bytes: its header, with the checksum
 * field as zero, and everything after it.  A flipped section offset or
 * content hash is corruption as much as a flipped byte of a table.
 */
static uint64_t checksum(const unsigned char *image, size_t len)
{
    image_header h;
    memcpy(&h, image, sizeof(h));
    h.checksum = 0;
    _Static_assert(sizeof(h) % 8 == 0, "the header is whole words of the checksum");
    uint64_t sum = checksum_from(0x9E3779B97F4A7C15ull, (const unsigned char *) &h, sizeof(h));
    return checksum_from(sum, image + sizeof(h), len - sizeof(h));
}

void lx_image_seal(void *image, size_t len)
{
    image_header h;
    if (len < sizeof(h))
        return;
    memcpy(&h, image, sizeof(h));
    h.total = len;
    memcpy(image, &h, sizeof(h));
    h.checksum = checksum(image, len);
    memcpy(image, &h, sizeof(h));
}

/* Rule lines, each "FILE\tLINE\tRULE-LINE\n". */
static char *rules_blob(const struct lextag_model *m, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f)
        return NULL;
    for (size_t i = 0; i < m->rules.n; i++)
        fprintf(f, "%s\t%u\t%s\n", m->rules.v[i].file, m->rules.v[i].line,
                m->rules.v[i].text);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void set_sections(const struct lextag_model *m, const void **ptr, uint64_t *len,
                         const char *rules, size_t rules_len)
{
    const lx_trie *t = &m->trie;
    const void *p[N_SECTIONS] = {
        t->vslots, t->voc, t->vbloom, t->ekeys,
        t->evals, t->node_first, t->node_count, t->entry_ix, t->anchors, t->pool,
        m->entries, m->strings, m->types, m->sources, rules, m->learn_blob, m->clusters_blob,
    };
    uint64_t l[N_SECTIONS] = {
        (uint64_t) t->vslot_cap * 8, (uint64_t) t->n_vocab * sizeof(lx_vocab), LX_BLOOM_BITS / 8,
        (uint64_t) t->eslot_cap * 8, (uint64_t) t->eslot_cap * 4, (uint64_t) t->n_nodes * 4,
        (uint64_t) t->n_nodes * 4, (uint64_t) t->n_entry_ix * 4, (uint64_t) t->n_anchors * 4,
        t->pool_len, (uint64_t) m->n_entries * sizeof(lx_entry), m->strings_len,
        (uint64_t) m->n_types * 4, (uint64_t) m->n_sources * 4, rules_len,
        m->learn_blob ? m->learn_len : 0, m->clusters_blob ? m->clusters_len : 0,
    };
    memcpy(ptr, p, sizeof(p));
    memcpy(len, l, sizeof(l));
}

/* An image written through a path that is no regular file (a symbolic
   link, a FIFO, a device), as a shell redirect would write it. */
static int write_in_place(const char *path, const void *buf, size_t n, lextag_error *err)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(buf, 1, n, f) == n && fflush(f) == 0;
    if (f && fclose(f) != 0)
        ok = false;
    return ok ? 0 : lx_error_set(err, LEXTAG_ERR_IO, path, 0, 0, "cannot write: %s", strerror(errno));
}

int lx_image_write_file(const char *path, const void *buf, size_t n, lextag_error *err)
{
    int rc = 0;
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_in_place(path, buf, n, err);
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 16);
    if (!tmp)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, path, 0, 0, "out of memory");
    snprintf(tmp, pl + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd >= 0) {
        /* mkstemp makes 0600; an image is an ordinary file (0666 & ~umask),
           and a replaced one keeps its mode */
        struct stat old;
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, stat(path, &old) == 0 && S_ISREG(old.st_mode) ? old.st_mode & 07777
                                                                 : 0666 & ~mask);
    }
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f || fwrite(buf, 1, n, f) != n || fflush(f) != 0 || fsync(fd) != 0) {
        rc = lx_error_set(err, LEXTAG_ERR_IO, path, 0, 0, "cannot write: %s", strerror(errno));
        if (f)
            fclose(f);
        else if (fd >= 0)
            close(fd);
        if (fd >= 0)
            unlink(tmp);
    } else if (fclose(f) != 0 || rename(tmp, path) != 0) {
        rc = lx_error_set(err, LEXTAG_ERR_IO, path, 0, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return rc;
}

int lextag_model_save(const lextag_model *m, const char *path, lextag_error *err)
{
    if (!m || !path)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no model or no path");
    image_header h;
    const void *ptr[N_SECTIONS];
    size_t rules_len = 0;
    char *rules = rules_blob(m, &rules_len);
    unsigned char *buf = NULL;
    int rc = 0;
    if (!rules)
        return lx_error_set(err, LEXTAG_ERR_NOMEM, path, 0, 0, "out of memory");
    memset(&h, 0, sizeof(h));
    memcpy(h.magic, IMAGE_MAGIC, 8);
    h.version = IMAGE_VERSION;
    h.n_sections = N_SECTIONS;
    snprintf(h.hash, sizeof(h.hash), "%s", m->hash);
    const lx_trie *t = &m->trie;
    h.n_vocab = t->n_vocab, h.vslot_cap = t->vslot_cap, h.n_nodes = t->n_nodes;
    h.n_edges = t->n_edges, h.eslot_cap = t->eslot_cap, h.n_entry_ix = t->n_entry_ix;
    h.n_anchors = t->n_anchors, h.pool_len = t->pool_len, h.n_entries = m->n_entries;
    h.strings_len = m->strings_len, h.n_types = m->n_types, h.n_sources = m->n_sources;
    h.n_rules = (uint32_t) m->rules.n;
    set_sections(m, ptr, h.len, rules, rules_len);
    uint64_t off = sizeof(h);
    for (int i = 0; i < N_SECTIONS; i++) {
        h.off[i] = off;
        off += (h.len[i] + 7) & ~7ull;
    }
    h.total = off;
    buf = calloc(1, off);
    if (!buf) {
        rc = lx_error_set(err, LEXTAG_ERR_NOMEM, path, 0, 0, "out of memory");
        goto out;
    }
    for (int i = 0; i < N_SECTIONS; i++)
        if (h.len[i])
            memcpy(buf + h.off[i], ptr[i], h.len[i]);
    memcpy(buf, &h, sizeof(h));
    h.checksum = checksum(buf, off);
    memcpy(buf, &h, sizeof(h));
    rc = lx_image_write_file(path, buf, off, err);
out:
    free(buf);
    free(rules);
    return rc;
}

static int bad(lextag_error *err, const char *name, const char *why)
{
    return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0, "not a usable model image: %s",
                        why);
}

/* Section sizes must be what the counts say. */
static bool sizes_ok(const image_header *h)
{
    uint64_t want[N_SECTIONS] = {
        (uint64_t) h->vslot_cap * 8, (uint64_t) h->n_vocab * sizeof(lx_vocab), LX_BLOOM_BITS / 8,
        (uint64_t) h->eslot_cap * 8, (uint64_t) h->eslot_cap * 4, (uint64_t) h->n_nodes * 4,
        (uint64_t) h->n_nodes * 4, (uint64_t) h->n_entry_ix * 4, (uint64_t) h->n_anchors * 4,
        h->pool_len, (uint64_t) h->n_entries * sizeof(lx_entry), h->strings_len,
        (uint64_t) h->n_types * 4, (uint64_t) h->n_sources * 4, h->len[S_RULES],
        h->len[S_LEARN], h->len[S_CLUSTERS],
    };
    if (!h->vslot_cap || (h->vslot_cap & (h->vslot_cap - 1)) || !h->eslot_cap ||
        (h->eslot_cap & (h->eslot_cap - 1)) || !h->strings_len)
        return false;
    for (int i = 0; i < N_SECTIONS; i++)
        if (h->len[i] != want[i] || h->off[i] % 8 || h->off[i] < sizeof(*h) ||
            h->off[i] > h->total || h->len[i] > h->total - h->off[i])
            return false;
    return true;
}

/* An offset into a section of n bytes that ends with a NUL: a whole string. */
static bool str_ok(uint32_t off, uint32_t n, bool optional)
{
    return (optional && off == LX_NONE) || off < n;
}

/*
 * The trie's indices stay inside their tables, and both hash tables keep an
 * empty slot (their probe loops stop there).  A checksum only proves the
 * file is the one written; this proves a crafted one cannot read out of
 * bounds or loop for ever.
 */
static bool trie_ok(const lx_trie *t, uint32_t n_entries)
{
    bool empty = false;
    if (t->pool_len && t->pool[t->pool_len - 1] != '\0')
        return false;
    for (uint32_t i = 0; i < t->vslot_cap; i++) {
        /* a used slot holds hash << 32 | (vocabulary id + 1) */
        uint32_t v = (uint32_t) t->vslots[i];
        empty |= t->vslots[i] == 0;
        if (t->vslots[i] && (v == 0 || v > t->n_vocab))
            return false;
    }
    for (uint32_t i = 0; empty && i < t->n_vocab; i++) {
        const lx_vocab *v = &t->voc[i];
        if (!t->pool_len || v->str >= t->pool_len || (v->root != LX_NONE && v->root >= t->n_nodes))
            return false;
        /* a lookup reads past a token's first eight bytes in the pool only
           when the head says the entry has them */
        const char *w = t->pool + v->str;
        if (v->head != lx_head64(w, strlen(w)))
            return false;
        if (v->anchor != LX_NONE &&
            (v->anchor >= t->n_anchors || t->anchors[v->anchor] >= t->n_anchors - v->anchor))
            return false;
    }
    if (!empty)
        return false;
    empty = false;
    for (uint32_t i = 0; i < t->eslot_cap; i++) {
        empty |= t->ekeys[i] == UINT64_MAX;
        if (t->ekeys[i] != UINT64_MAX && t->evals[i] >= t->n_nodes)
            return false;
    }
    for (uint32_t i = 0; empty && i < t->n_nodes; i++)
        if ((uint64_t) t->node_first[i] + t->node_count[i] > t->n_entry_ix)
            return false;
    for (uint32_t i = 0; empty && i < t->n_entry_ix; i++)
        if (t->entry_ix[i] >= n_entries)
            return false;
    return empty;
}

/* Names that reach JSON (lextag info, entity types) must be UTF-8. */
static bool utf8_ok(const char *s)
{
    size_t n = strlen(s);
    return lx_utf8_valid_prefix(s, n) == n;
}

/* A type or source name: a non-empty UTF-8 string of the string table. */
static bool name_ok(const struct lextag_model *m, uint32_t off)
{
    return off < m->strings_len && m->strings[off] && utf8_ok(m->strings + off);
}

/* Entries, type and source tables point inside the string table. */
static bool tables_ok(const struct lextag_model *m)
{
    uint32_t n = m->strings_len;
    if (!n || m->strings[n - 1] != '\0')
        return false;
    for (uint32_t i = 0; i < m->n_types; i++)
        if (!name_ok(m, m->types[i]))
            return false;
    for (uint32_t i = 0; i < m->n_sources; i++)
        if (!name_ok(m, m->sources[i]))
            return false;
    for (uint32_t i = 0; i < m->n_entries; i++) {
        const lx_entry *e = &m->entries[i];
        if (!str_ok(e->name, n, false) || e->type >= m->n_types || !str_ok(e->id, n, true) ||
            e->source >= m->n_sources || !str_ok(e->attrs, n, true) ||
            (uint64_t) e->shape + e->n_tokens > n)
            return false;
    }
    return true;
}

/* Every rule an anchor list names exists (after the rules are restored), the
   rules' names are UTF-8, and the hash is what lextag writes: hex digits. */
static bool anchors_ok(const struct lextag_model *m)
{
    const lx_trie *t = &m->trie;
    if (strspn(m->hash, "0123456789abcdef") != strlen(m->hash))
        return false;
    for (size_t i = 0; i < m->rules.n; i++)
        if (!utf8_ok(m->rules.v[i].name) || !utf8_ok(m->rules.v[i].type) ||
            !utf8_ok(m->rules.v[i].file))
            return false;
    for (uint32_t i = 0; i < t->n_vocab; i++) {
        if (t->voc[i].anchor == LX_NONE)
            continue;
        const uint32_t *list = t->anchors + t->voc[i].anchor;
        for (uint32_t k = 1; k <= list[0]; k++)
            if (list[k] >= m->rules.n)
                return false;
    }
    return true;
}

static int restore_rules(struct lextag_model *m, const char *p, size_t n,
                         const char *name, lextag_error *err)
{
    const char *end = p + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t) (end - p));
        const char *t1 = memchr(p, '\t', (size_t) (end - p));
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t) (end - t1 - 1)) : NULL;
        if (!nl || !t1 || !t2 || t2 > nl)
            return bad(err, name, "damaged rule section");
        char file[512];
        snprintf(file, sizeof(file), "%.*s", (int) (t1 - p), p);
        unsigned line = (unsigned) strtoul(t1 + 1, NULL, 10);
        /* a rule that no longer parses is the image's fault, not the rule file's */
        lextag_error rule_err;
        lextag_error_clear(&rule_err);
        int rc = lx_rules_parse_line(&m->rules, file, line, t2 + 1, (size_t) (nl - t2 - 1),
                                     &rule_err);
        if (rc == LEXTAG_ERR_NOMEM)
            return lx_error_set(err, rc, name, 0, 0, "out of memory");
        if (rc)
            return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0,
                                "not a usable model image: rule %s:%u: %s", file, line,
                                rule_err.message);
        p = nl + 1;
    }
    return 0;
}

/* Reads and checks the header of image bytes into h. */
static int read_header(image_header *h, const unsigned char *b, size_t len, const char *name,
                       lextag_error *err)
{
    if (len < sizeof(*h))
        return bad(err, name, "file is too short");
    memcpy(h, b, sizeof(*h));
    if (memcmp(h->magic, IMAGE_MAGIC, 8) != 0)
        return bad(err, name, "wrong magic number");
    if (h->version != IMAGE_VERSION)
        return lx_error_set(err, LEXTAG_ERR_MODEL, name, 0, 0,
                            "model image format %u, this lextag reads format %u",
                            h->version, IMAGE_VERSION);
    if (h->total != len)
        return bad(err, name, "truncated or extended");
    if (h->n_sections != N_SECTIONS || !sizes_ok(h))
        return bad(err, name, "inconsistent section table");
    return 0;
}

int lx_image_learned(const void *data, size_t len, const void **weights, size_t *weights_len,
                     const void **clusters, size_t *clusters_len, const char *name,
                     lextag_error *err)
{
    image_header h;
    const unsigned char *b = data;
    int rc = read_header(&h, b, len, name, err);
    if (rc)
        return rc;
    *weights = h.len[S_LEARN] ? b + h.off[S_LEARN] : NULL;
    *weights_len = h.len[S_LEARN];
    *clusters = h.len[S_CLUSTERS] ? b + h.off[S_CLUSTERS] : NULL;
    *clusters_len = h.len[S_CLUSTERS];
    return 0;
}

int lx_image_attach(struct lextag_model *m, const void *data, size_t len,
                    const char *name, bool verify, lextag_error *err)
{
    image_header h;
    const unsigned char *b = data;
    int rc = read_header(&h, b, len, name, err);
    if (rc)
        return rc;
    if (verify && checksum(b, len) != h.checksum)
        return bad(err, name, "checksum mismatch (corrupted)");
    lx_trie *t = &m->trie;
    memset(m, 0, sizeof(*m));
    t->vslots = (uint64_t *) (b + h.off[S_VSLOTS]);
    t->voc = (lx_vocab *) (b + h.off[S_VOCAB]);
    t->vbloom = (uint64_t *) (b + h.off[S_VBLOOM]);
    t->ekeys = (uint64_t *) (b + h.off[S_EKEYS]);
    t->evals = (uint32_t *) (b + h.off[S_EVALS]);
    t->node_first = (uint32_t *) (b + h.off[S_NODE_FIRST]);
    t->node_count = (uint32_t *) (b + h.off[S_NODE_COUNT]);
    t->entry_ix = (uint32_t *) (b + h.off[S_ENTRY_IX]);
    t->anchors = (uint32_t *) (b + h.off[S_ANCHORS]);
    t->pool = (char *) (b + h.off[S_POOL]);
    t->n_vocab = h.n_vocab, t->vslot_cap = h.vslot_cap, t->n_nodes = h.n_nodes;
    t->n_edges = h.n_edges, t->eslot_cap = h.eslot_cap, t->n_entry_ix = h.n_entry_ix;
    t->n_anchors = h.n_anchors, t->pool_len = h.pool_len;
    m->entries = (lx_entry *) (b + h.off[S_ENTRIES]);
    m->strings = (char *) (b + h.off[S_STRINGS]);
    m->types = (uint32_t *) (b + h.off[S_TYPES]);
    m->sources = (uint32_t *) (b + h.off[S_SOURCES]);
    m->n_entries = h.n_entries, m->strings_len = h.strings_len;
    m->n_types = h.n_types, m->n_sources = h.n_sources;
    memcpy(m->hash, h.hash, sizeof(m->hash) - 1);
    m->frozen = true;
    if (verify && (!trie_ok(t, m->n_entries) || !tables_ok(m)))
        return bad(err, name, "an index points outside its table");
    rc = restore_rules(m, (const char *) b + h.off[S_RULES], h.len[S_RULES], name, err);
    if (!rc && verify && !anchors_ok(m))
        rc = bad(err, name, "a rule anchor names no rule, or a name is not UTF-8");
    if (!rc && h.len[S_LEARN]) {
        m->learn_blob = b + h.off[S_LEARN];
        m->learn_len = h.len[S_LEARN];
        rc = lx_weights_attach(&m->learn, m->learn_blob, m->learn_len, name, verify, err);
    }
    if (!rc && h.len[S_CLUSTERS]) {
        m->clusters_blob = b + h.off[S_CLUSTERS];
        m->clusters_len = h.len[S_CLUSTERS];
        rc = lx_clusters_attach(&m->clusters, m->clusters_blob, m->clusters_len, name, err);
    }
    if (!rc)
        lx_model_summarize(m);
    return rc;
}

lextag_model *lextag_model_load(const char *path, lextag_error *err)
{
    if (!path)
        return lx_error_set(err, LEXTAG_ERR_INVALID, NULL, 0, 0, "no path"), NULL;
    struct lextag_model *m = calloc(1, sizeof(*m));
    int fd = open(path, O_RDONLY);
    struct stat st;
    void *p = MAP_FAILED;
    if (!m) {
        lx_error_set(err, LEXTAG_ERR_NOMEM, path, 0, 0, "out of memory");
        goto fail;
    }
    if (fd < 0 || fstat(fd, &st) != 0) {
        lx_error_set(err, LEXTAG_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
        goto fail;
    }
    if (st.st_size < (off_t) sizeof(image_header)) {
        bad(err, path, "file is too short");
        goto fail;
    }
    p = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
        lx_error_set(err, LEXTAG_ERR_IO, path, 0, 0, "cannot map: %s", strerror(errno));
        goto fail;
    }
    close(fd);
    fd = -1;
    if (lx_image_attach(m, p, (size_t) st.st_size, path, true, err))
        goto fail;
    m->image = p;
    m->image_len = (size_t) st.st_size;
    return m;
fail:
    if (m)
        lx_ruleset_free(&m->rules);
    if (p != MAP_FAILED)
        munmap(p, (size_t) st.st_size);
    if (fd >= 0)
        close(fd);
    free(m);
    return NULL;
}
