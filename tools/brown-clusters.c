/* SPDX-License-Identifier: MIT */
/*
 * brown-clusters: induce Brown word clusters from plain text (build-time tool,
 * not part of the library; run by hand to regenerate gazetteers/clusters/).
 *
 * Algorithm: Brown et al. (1992) class-based bigram clustering in the
 * restricted-window form of Liang (2005, "Semi-supervised learning for natural
 * language", section 3): words are taken in order of frequency; the C most
 * frequent start as C singleton clusters; each further word enters as a new
 * cluster and the pair of the C+1 active clusters whose merge loses the least
 * average mutual information (AMI) between adjacent clusters is merged. When
 * all words are in, the C clusters are merged down to one, and the order of
 * those last merges is the hierarchy: a word's bit string is the path from
 * the root to its cluster (0 = left, 1 = right).
 *
 * The merge losses L(a,b) of all active pairs live in one table that is
 * updated in O(C^2) per step (Brown et al.'s incremental update), so a run
 * costs O(V C^2) for V words. Bigram counts between active clusters are a
 * dense (C+1)^2 matrix, filled from per-word neighbour lists when a word
 * enters. Bigrams are counted inside a line only, and a bigram with a word
 * below --min-count is dropped. Ties are broken by order (word rank, slot
 * index), so the output depends on the input bytes only.
 *
 * Tokens: lowercase ASCII letters and digits, any non-ASCII letter bytes,
 * and apostrophes inside a word; everything else separates words.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vocab {
    char **word;
    long *count;
    size_t n, cap;
    uint32_t *slot; /* hash table of word indexes + 1; 0 = empty */
    size_t mask;
};

struct bigrams {
    uint64_t *key; /* (first << 32) | second, sorted by key */
    long *count;
    size_t n, cap;
};

struct state {
    int cap; /* C + 1 slots */
    double *n; /* bigram counts between slots, row = left */
    double *q; /* AMI contribution of each ordered slot pair */
    double *loss; /* merge loss, upper triangle (a < b) */
    double *nl, *nr; /* left and right marginals of each slot */
    double *s; /* s(a): AMI terms that involve slot a */
    int *active; /* slot in use */
    int *node; /* slot -> hierarchy node (phase 2) or cluster id */
    double total; /* number of bigrams */
};

static void *checked(void *p)
{
    if (!p) {
        fprintf(stderr, "brown-clusters: out of memory\n");
        exit(2);
    }
    return p;
}

#define xmalloc(size) checked(calloc((size) + 1, 1))
#define xrealloc(p, size) checked(realloc((p), (size)))

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void vocab_rehash(struct vocab *v)
{
    size_t size = (v->mask + 1) * 2;
    free(v->slot);
    v->slot = xmalloc(size * sizeof *v->slot);
    v->mask = size - 1;
    for (size_t i = 0; i < v->n; i++) {
        size_t h = hash_str(v->word[i]) & v->mask;
        while (v->slot[h])
            h = (h + 1) & v->mask;
        v->slot[h] = (uint32_t)(i + 1);
    }
}

static uint32_t vocab_add(struct vocab *v, const char *w)
{
    size_t h = hash_str(w) & v->mask;
    while (v->slot[h]) {
        uint32_t i = v->slot[h] - 1;
        if (strcmp(v->word[i], w) == 0) {
            v->count[i]++;
            return i;
        }
        h = (h + 1) & v->mask;
    }
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1024;
        v->word = xrealloc(v->word, v->cap * sizeof *v->word);
        v->count = xrealloc(v->count, v->cap * sizeof *v->count);
    }
    v->word[v->n] = xmalloc(strlen(w) + 1);
    strcpy(v->word[v->n], w);
    v->count[v->n] = 1;
    v->slot[h] = (uint32_t)(v->n + 1);
    uint32_t id = (uint32_t)v->n++;
    if (v->n * 2 > v->mask)
        vocab_rehash(v);
    return id;
}

/* Length of a separator or apostrophe sequence at p, classifying UTF-8
 * punctuation (U+0080-U+00BF, U+2000-U+206F) as separators and U+2019 as an
 * apostrophe. Returns 0 for a word byte, 1 for an ASCII separator. */
static int char_class(const unsigned char *p, int *apos)
{
    *apos = 0;
    if (*p < 0x80) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
            return 0;
        *apos = *p == '\'';
        return 1;
    }
    if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0xBF)
        return 2;
    if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && p[2] >= 0x80 && p[2] <= 0xBF) {
        *apos = p[1] == 0x80 && p[2] == 0x99;
        return 3;
    }
    return 0;
}

/* Reads the whole text as word ids, with UINT32_MAX at the end of each line. */
static void read_corpus(FILE *f, struct vocab *v, uint32_t **ids, size_t *nids)
{
    size_t cap = 1 << 16, len = 0, wcap = 256;
    char *word = xmalloc(wcap);
    uint32_t *out = xmalloc(cap * sizeof *out);
    char *line = NULL;
    size_t linecap = 0;
    while (getline(&line, &linecap, f) > 0) {
        const unsigned char *p = (const unsigned char *)line;
        size_t wl = 0;
        for (;;) {
            int apos = 0, skip = *p ? char_class(p, &apos) : 1;
            int inner = apos && wl && *p && p[skip] && !char_class(p + skip, &(int){0});
            if (skip == 0 || inner) {
                if (wl + 2 >= wcap)
                    word = xrealloc(word, wcap *= 2);
                word[wl++] = inner ? '\'' : (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
                p += inner ? skip : 1;
                continue;
            }
            if (wl) {
                word[wl] = 0;
                if (len + 2 >= cap)
                    out = xrealloc(out, (cap *= 2) * sizeof *out);
                out[len++] = vocab_add(v, word);
                wl = 0;
            }
            if (!*p)
                break;
            p += skip;
        }
        if (len && out[len - 1] != UINT32_MAX) /* a word pushed left room for this */
            out[len++] = UINT32_MAX;
    }
    free(line);
    free(word);
    *ids = out;
    *nids = len;
}

static const struct vocab *sort_vocab;

static int by_rank(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    long cx = sort_vocab->count[x], cy = sort_vocab->count[y];
    if (cx != cy)
        return cx > cy ? -1 : 1;
    return strcmp(sort_vocab->word[x], sort_vocab->word[y]);
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Neighbour lists of every ranked word: right[w] = words that follow w. */
struct adjacency {
    size_t *start; /* V + 1 offsets */
    uint32_t *word; /* neighbour rank */
    double *count;
};

static void build_adjacency(uint64_t *keys, size_t n, size_t nwords, int swap, struct adjacency *a)
{
    for (size_t i = 0; i < n && swap; i++)
        keys[i] = (keys[i] << 32) | (keys[i] >> 32);
    qsort(keys, n, sizeof *keys, by_key);
    a->start = xmalloc((nwords + 1) * sizeof *a->start);
    a->word = xmalloc((n + 1) * sizeof *a->word);
    a->count = xmalloc((n + 1) * sizeof *a->count);
    size_t m = 0;
    for (size_t i = 0; i < n; m++) {
        size_t j = i;
        while (j < n && keys[j] == keys[i])
            j++;
        uint32_t first = (uint32_t)(keys[i] >> 32);
        a->start[first + 1] = m + 1;
        a->word[m] = (uint32_t)keys[i];
        a->count[m] = (double)(j - i);
        i = j;
    }
    for (size_t w = 1; w <= nwords; w++)
        if (a->start[w] < a->start[w - 1])
            a->start[w] = a->start[w - 1];
}

static double qv(double nab, double nla, double nrb, double total)
{
    return nab > 0 ? nab / total * log(nab * total / (nla * nrb)) : 0.0;
}

#define N(a, b) st->n[(size_t)(a) * st->cap + (b)]
#define Q(a, b) st->q[(size_t)(a) * st->cap + (b)]
#define LOSS(a, b) st->loss[(size_t)(a) * st->cap + (b)]

static void refresh_q(struct state *st, int a)
{
    st->s[a] = 0;
    for (int d = 0; d < st->cap; d++) {
        if (!st->active[d])
            continue;
        Q(a, d) = qv(N(a, d), st->nl[a], st->nr[d], st->total);
        Q(d, a) = qv(N(d, a), st->nl[d], st->nr[a], st->total);
        st->s[a] += Q(a, d) + (d == a ? 0 : Q(d, a));
    }
}

/* The AMI lost by merging slots a and b, from scratch: O(C). */
static double pair_loss(const struct state *st, int a, int b)
{
    double nla = st->nl[a] + st->nl[b], nra = st->nr[a] + st->nr[b], t = st->total;
    double self = N(a, a) + N(a, b) + N(b, a) + N(b, b);
    double loss = st->s[a] + st->s[b] - Q(a, b) - Q(b, a) - qv(self, nla, nra, t);
    for (int d = 0; d < st->cap; d++) {
        if (!st->active[d] || d == a || d == b)
            continue;
        loss -= qv(N(a, d) + N(b, d), nla, st->nr[d], t);
        loss -= qv(N(d, a) + N(d, b), st->nl[d], nra, t);
    }
    return loss;
}

static void refresh_losses(struct state *st, int a)
{
    for (int d = 0; d < st->cap; d++)
        if (st->active[d] && d != a) {
            if (d < a)
                LOSS(d, a) = pair_loss(st, d, a);
            else
                LOSS(a, d) = pair_loss(st, a, d);
        }
}

/* Word w enters slot k: its counts against the active clusters, then the
 * losses of the existing pairs gain the terms of the new cluster. */
static void add_word(struct state *st, const struct adjacency *right, const struct adjacency *left,
             const int *wslot, uint32_t w, int k)
{
    double t = st->total;
    st->nl[k] = st->nr[k] = 0;
    for (size_t e = right->start[w]; e < right->start[w + 1]; e++) {
        st->nl[k] += right->count[e];
        if (wslot[right->word[e]] >= 0)
            N(k, wslot[right->word[e]]) += right->count[e];
    }
    for (size_t e = left->start[w]; e < left->start[w + 1]; e++) {
        st->nr[k] += left->count[e];
        if (wslot[left->word[e]] >= 0 && left->word[e] != w)
            N(wslot[left->word[e]], k) += left->count[e];
    }
    st->active[k] = 1;
    refresh_q(st, k);
    for (int l = 0; l < st->cap; l++) {
        if (!st->active[l] || l == k)
            continue;
        for (int m = l + 1; m < st->cap; m++) {
            if (!st->active[m] || m == k)
                continue;
            LOSS(l, m) += Q(l, k) + Q(k, l) + Q(m, k) + Q(k, m) -
                      qv(N(l, k) + N(m, k), st->nl[l] + st->nl[m], st->nr[k], t) -
                      qv(N(k, l) + N(k, m), st->nl[k], st->nr[l] + st->nr[m], t);
        }
        st->s[l] += Q(l, k) + Q(k, l);
    }
    refresh_losses(st, k);
}

/* Change of the pair (l, m)'s loss terms with the merged cluster when i and
 * j become one: the terms of l+m against i and j give way to those against i+j. */
static double merged_pair_terms(const struct state *st, int l, int m, int i, int j)
{
    double t = st->total, nlp = st->nl[l] + st->nl[m], nrp = st->nr[l] + st->nr[m];
    double li = N(l, i) + N(m, i), lj = N(l, j) + N(m, j);
    double il = N(i, l) + N(i, m), jl = N(j, l) + N(j, m);
    double nli = st->nl[i], nlj = st->nl[j], nri = st->nr[i], nrj = st->nr[j];
    return qv(li + lj, nlp, nri + nrj, t) + qv(il + jl, nli + nlj, nrp, t) - qv(li, nlp, nri, t) -
           qv(il, nli, nrp, t) - qv(lj, nlp, nrj, t) - qv(jl, nlj, nrp, t);
}

/* Merges slot j into slot i (i < j), updating every other pair's loss in O(1). */
static void merge_slots(struct state *st, int i, int j, double *dq)
{
    double t = st->total, nlk = st->nl[i] + st->nl[j], nrk = st->nr[i] + st->nr[j];
    for (int d = 0; d < st->cap; d++) {
        if (!st->active[d] || d == i || d == j)
            continue;
        dq[d] = qv(N(d, i) + N(d, j), st->nl[d], nrk, t) + qv(N(i, d) + N(j, d), nlk, st->nr[d], t) -
            Q(d, i) - Q(i, d) - Q(d, j) - Q(j, d);
    }
    for (int l = 0; l < st->cap; l++) {
        if (!st->active[l] || l == i || l == j)
            continue;
        for (int m = l + 1; m < st->cap; m++)
            if (st->active[m] && m != i && m != j)
                LOSS(l, m) += dq[l] + dq[m] - merged_pair_terms(st, l, m, i, j);
    }
    N(i, i) += N(i, j) + N(j, i) + N(j, j);
    for (int d = 0; d < st->cap; d++) {
        if (st->active[d] && d != i && d != j) {
            st->s[d] += dq[d];
            N(i, d) += N(j, d);
            N(d, i) += N(d, j);
        }
    }
    for (int d = 0; d < st->cap; d++)
        N(j, d) = N(d, j) = Q(j, d) = Q(d, j) = 0;
    st->nl[i] = nlk;
    st->nr[i] = nrk;
    st->active[j] = 0;
    refresh_q(st, i);
    refresh_losses(st, i);
}

static void best_pair(const struct state *st, int *bi, int *bj)
{
    double best = INFINITY;
    *bi = *bj = -1;
    for (int a = 0; a < st->cap; a++) {
        if (!st->active[a])
            continue;
        for (int b = a + 1; b < st->cap; b++)
            if (st->active[b] && LOSS(a, b) < best) {
                best = LOSS(a, b);
                *bi = a;
                *bj = b;
            }
    }
}

struct corpus {
    struct vocab vocab;
    uint32_t *rank_word; /* rank -> vocabulary id, most frequent first */
    size_t nwords; /* words at or above the minimum count */
    struct adjacency right, left;
    double total;
};

static void load_corpus(FILE *f, long min_count, struct corpus *c)
{
    uint32_t *ids;
    size_t nids;
    c->vocab.mask = 1023;
    c->vocab.slot = xmalloc(1024 * sizeof *c->vocab.slot);
    read_corpus(f, &c->vocab, &ids, &nids);
    struct vocab *v = &c->vocab;
    c->rank_word = xmalloc((v->n + 1) * sizeof *c->rank_word);
    for (size_t i = 0; i < v->n; i++)
        c->rank_word[i] = (uint32_t)i;
    sort_vocab = v;
    qsort(c->rank_word, v->n, sizeof *c->rank_word, by_rank);
    uint32_t *rank = xmalloc((v->n + 1) * sizeof *rank);
    c->nwords = 0;
    for (size_t r = 0; r < v->n; r++) {
        rank[c->rank_word[r]] = v->count[c->rank_word[r]] >= min_count ? (uint32_t)r : UINT32_MAX;
        c->nwords += v->count[c->rank_word[r]] >= min_count;
    }
    uint64_t *keys = xmalloc((nids + 1) * sizeof *keys), *copy;
    size_t nkeys = 0;
    for (size_t i = 0; i + 1 < nids; i++) {
        if (ids[i] == UINT32_MAX || ids[i + 1] == UINT32_MAX)
            continue;
        uint32_t a = rank[ids[i]], b = rank[ids[i + 1]];
        if (a != UINT32_MAX && b != UINT32_MAX)
            keys[nkeys++] = ((uint64_t)a << 32) | b;
    }
    copy = xmalloc((nkeys + 1) * sizeof *copy);
    memcpy(copy, keys, nkeys * sizeof *keys);
    build_adjacency(keys, nkeys, c->nwords, 0, &c->right);
    build_adjacency(copy, nkeys, c->nwords, 1, &c->left);
    c->total = (double)nkeys;
    free(keys);
    free(copy);
    free(rank);
    free(ids);
}

static void state_init(struct state *st, int cap, double total)
{
    size_t sq = (size_t)cap * cap;
    st->cap = cap;
    st->n = xmalloc(sq * sizeof *st->n);
    st->q = xmalloc(sq * sizeof *st->q);
    st->loss = xmalloc(sq * sizeof *st->loss);
    st->nl = xmalloc(cap * sizeof *st->nl);
    st->nr = xmalloc(cap * sizeof *st->nr);
    st->s = xmalloc(cap * sizeof *st->s);
    st->active = xmalloc(cap * sizeof *st->active);
    st->node = xmalloc(cap * sizeof *st->node);
    st->total = total;
}

/* Phase 1: every word enters in rank order; once C clusters are active, each
 * entry is followed by the cheapest merge. Leaves wslot[w] = w's final slot. */
static void cluster_words(struct state *st, const struct corpus *c, int *wslot)
{
    int *head = xmalloc(st->cap * sizeof *head), *next = xmalloc(c->nwords * sizeof *next);
    double *dq = xmalloc(st->cap * sizeof *dq);
    int free_slot = 0;
    for (size_t w = 0; w < c->nwords; w++)
        wslot[w] = next[w] = -1;
    for (size_t w = 0; w < c->nwords; w++) {
        int k = free_slot, i, j;
        wslot[w] = k;
        head[k] = (int)w;
        next[w] = -1;
        add_word(st, &c->right, &c->left, wslot, (uint32_t)w, k);
        if (w + 1 < (size_t)st->cap) {
            free_slot = k + 1;
            continue;
        }
        best_pair(st, &i, &j);
        merge_slots(st, i, j, dq);
        int tail = head[j];
        while (next[tail] >= 0) {
            wslot[tail] = i;
            tail = next[tail];
        }
        wslot[tail] = i;
        next[tail] = head[i];
        head[i] = head[j];
        free_slot = j;
        if ((w + 1) % 1000 == 0)
            fprintf(stderr, "\rbrown-clusters: %zu/%zu words", w + 1, c->nwords);
    }
    fprintf(stderr, "\n");
    free(head);
    free(next);
    free(dq);
}

/* Phase 2: merges the remaining clusters down to one; each merge is a tree
 * node whose left child (bit 0) is the lower slot. Fills parent/bit per node. */
static int build_tree(struct state *st, int *parent, char *bit)
{
    double *dq = xmalloc(st->cap * sizeof *dq);
    int nodes = st->cap, i, j;
    for (int a = 0; a < st->cap; a++) {
        st->node[a] = a;
        parent[a] = -1;
    }
    for (;;) {
        best_pair(st, &i, &j);
        if (i < 0)
            break;
        merge_slots(st, i, j, dq);
        parent[st->node[i]] = parent[st->node[j]] = nodes;
        bit[st->node[i]] = '0';
        bit[st->node[j]] = '1';
        parent[nodes] = -1;
        st->node[i] = nodes++;
    }
    free(dq);
    return nodes;
}

static char **paths;

static int by_path(const void *a, const void *b)
{
    const int *x = a, *y = b;
    int d = strcmp(paths[x[1]], paths[y[1]]);
    return d ? d : x[0] - y[0];
}

static void write_paths(const struct corpus *c, const int *wslot, const int *parent, const char *bit,
            int cap)
{
    paths = xmalloc(cap * sizeof *paths);
    char *buf = xmalloc((size_t)cap * 2 + 2);
    for (int leaf = 0; leaf < cap; leaf++) {
        size_t len = 0;
        for (int n = leaf; parent[n] >= 0; n = parent[n])
            buf[len++] = bit[n];
        paths[leaf] = xmalloc(len + 2);
        for (size_t k = 0; k < len; k++)
            paths[leaf][k] = buf[len - 1 - k];
        strcpy(paths[leaf] + len, len ? "" : "0");
    }
    int *rows = xmalloc(c->nwords * 2 * sizeof *rows);
    for (size_t w = 0; w < c->nwords; w++) {
        rows[2 * w] = (int)w;
        rows[2 * w + 1] = wslot[w];
    }
    qsort(rows, c->nwords, 2 * sizeof *rows, by_path);
    for (size_t r = 0; r < c->nwords; r++) {
        uint32_t id = c->rank_word[rows[2 * r]];
        printf("%s\t%s\t%ld\n", paths[rows[2 * r + 1]], c->vocab.word[id], c->vocab.count[id]);
    }
    for (int leaf = 0; leaf < cap; leaf++)
        free(paths[leaf]);
    free(paths);
    free(rows);
    free(buf);
}

static void release(struct corpus *c, struct state *st)
{
    for (size_t i = 0; i < c->vocab.n; i++)
        free(c->vocab.word[i]);
    void *blocks[] = {c->vocab.word, c->vocab.count, c->vocab.slot, c->rank_word, c->right.start,
              c->right.word, c->right.count, c->left.start, c->left.word, c->left.count,
              st->n, st->q, st->loss, st->nl, st->nr, st->s, st->active, st->node};
    for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
        free(blocks[i]);
}

static void usage(void)
{
    fprintf(stderr, "usage: brown-clusters [--clusters C] [--min-count N] [--note TEXT]... INPUT\n"
            "Writes BITSTRING<TAB>WORD<TAB>COUNT lines to standard output.\n");
    exit(2);
}

int main(int argc, char **argv)
{
    long clusters = 256, min_count = 3;
    const char *input = NULL;
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--clusters") == 0 && a + 1 < argc)
            clusters = strtol(argv[++a], NULL, 10);
        else if (strcmp(argv[a], "--min-count") == 0 && a + 1 < argc)
            min_count = strtol(argv[++a], NULL, 10);
        else if (strcmp(argv[a], "--note") == 0 && a + 1 < argc)
            printf("# %s\n", argv[++a]);
        else if (argv[a][0] == '-' || input)
            usage();
        else
            input = argv[a];
    }
    if (!input || clusters < 2 || clusters > 4096 || min_count < 1)
        usage();
    FILE *f = fopen(input, "r");
    if (!f) {
        perror(input);
        return 1;
    }
    struct corpus c = {0};
    load_corpus(f, min_count, &c);
    fclose(f);
    struct state st;
    state_init(&st, (int)clusters + 1, c.total);
    int *wslot = xmalloc((c.nwords + 1) * sizeof *wslot);
    int *parent = xmalloc((size_t)st.cap * 2 * sizeof *parent);
    char *bit = xmalloc((size_t)st.cap * 2);
    cluster_words(&st, &c, wslot);
    build_tree(&st, parent, bit);
    printf("# brown-clusters --clusters %ld --min-count %ld: %zu words, %.0f bigrams\n", clusters,
           min_count, c.nwords, c.total);
    printf("# BITSTRING<TAB>WORD<TAB>COUNT\n");
    write_paths(&c, wslot, parent, bit, st.cap);
    release(&c, &st);
    free(wslot);
    free(parent);
    free(bit);
    return ferror(stdout) ? 1 : 0;
}
