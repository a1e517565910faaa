/* SPDX-License-Identifier: MIT */
/*
 * Streamed documents: blocks of 1 MiB read with read(2) (a memory map of the
 * whole file would count every touched page in the resident set), fed to a
 * lextag_stream whose callback counts each window's entities for --stats
 * and writes them with a lextag_doc_writer, side by side on the tagger's
 * threads where the format allows.
 */
#include "streamdoc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#define BLOCK (1u << 20)

/* Reads fd into pre up to limit bytes or the end; *end says which.  -1 on a read error. */
static int read_upto(int fd, doc_text *pre, size_t limit, bool *end)
{
    size_t cap = 1u << 16;
    char *buf = malloc(cap);
    pre->len = 0;
    *end = false;
    while (buf && pre->len <= limit) {
        if (pre->len == cap) {
            char *p = realloc(buf, cap * 2);
            if (!p)
                break;
            buf = p;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + pre->len, cap - pre->len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            *end = got == 0;
            break;
        }
        pre->len += (size_t) got;
    }
    pre->data = pre->owned = buf;
    return buf && (*end || pre->len > limit) ? 0 : -1;
}

/* STREAMDOC_MIN_BYTES, or the testing knob LEXTAG_STREAM_MIN_BYTES. */
static size_t min_bytes(void)
{
    const char *v = getenv("LEXTAG_STREAM_MIN_BYTES");
    char *end;
    unsigned long long n = v && *v ? strtoull(v, &end, 10) : 0;
    return v && *v && !*end ? (size_t) n : STREAMDOC_MIN_BYTES;
}

streamdoc_way streamdoc_wanted(const pipe_cfg *c, const char *path, int *fd, doc_text *pre)
{
    struct stat st;
    size_t min = min_bytes();
    bool end;
    memset(pre, 0, sizeof(*pre));
    bool std_in = strcmp(path, "-") == 0;
    if (c->all_candidates || !lextag_format_streams(c->format))
        return STREAMDOC_READ;
    /* a small file is not even opened here */
    if (!std_in && stat(path, &st) == 0 && S_ISREG(st.st_mode) && (size_t) st.st_size <= min)
        return STREAMDOC_READ;
    *fd = std_in ? dup(0) : open(path, O_RDONLY);
    if (*fd < 0 || fstat(*fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        if (*fd >= 0)
            close(*fd);
        return STREAMDOC_READ; /* reported by the whole-document reader */
    }
    if (S_ISREG(st.st_mode)) {
        if ((size_t) st.st_size > min)
            return STREAMDOC_STREAM;
        close(*fd);
        return STREAMDOC_READ;
    }
    if (read_upto(*fd, pre, min, &end) != 0) {
        fprintf(stderr, "lextag: %s: read error: %s\n", path, strerror(errno ? errno : ENOMEM));
        input_release(pre);
        close(*fd);
        return STREAMDOC_FAILED;
    }
    if (!end)
        return STREAMDOC_STREAM;
    close(*fd);
    return STREAMDOC_WHOLE;
}

typedef struct sink {
    lextag_doc_writer *w;
    run_stats st; /* entity counts, merged into the run's at the end */
} sink;

static int on_window(void *arg, const lextag_entity *v, size_t n, const char *text,
                     size_t text_start, unsigned threads)
{
    sink *k = arg;
    for (size_t i = 0; i < n; i++)
        stats_count(&k->st, v[i].type);
    return lextag_doc_writer_window(k->w, v, n, text, text_start, threads);
}

/* Feeds pre (then releases it) and fd to the end into the stream; returns
   0, or -1 with err or errno set. */
static int pump(lextag_stream *s, doc_text *pre, int fd, size_t *bytes, run_stats *st,
                lextag_error *err)
{
    int rc = 0;
    for (size_t o = 0; o < pre->len && !rc; o += BLOCK)
        rc = lextag_stream_feed(s, pre->data + o, pre->len - o < BLOCK ? pre->len - o : BLOCK,
                                err);
    *bytes += pre->len;
    input_release(pre);
    char *block = rc ? NULL : malloc(BLOCK);
    if (!block) {
        errno = rc ? errno : ENOMEM;
        return -1;
    }
    for (;;) {
        /* with timing, the reading counts as the reader's (CPU seconds per block) */
        double t0 = st->phases ? stats_cpu() : 0;
        ssize_t got = read(fd, block, BLOCK);
        if (st->phases)
            st->reader += stats_cpu() - t0;
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            rc = got < 0 ? -1 : lextag_stream_finish(s, err) ? -1 : 0;
            break;
        }
        *bytes += (size_t) got;
        if (lextag_stream_feed(s, block, (size_t) got, err)) {
            rc = -1;
            break;
        }
    }
    free(block);
    return rc;
}

int streamdoc_tag(const pipe_cfg *c, lextag_tagger *t, int fd, doc_text *pre, const char *path,
                  size_t index, FILE *out, int *status)
{
    lextag_options lo = {c->date, c->types, false, c->rules_only, c->explain};
    lextag_error err;
    lextag_error_clear(&err);
    sink k = {0};
    size_t bytes = 0;
    stats_init(&k.st, false, 0);
    lextag_stream *s = NULL;
    int failed = 1;
    errno = 0;
    if (!(k.w = lextag_doc_writer_new(c->format, index, path, lo.date, out, &err)))
        goto out;
    /* the stream's tagger is the run's first: its sink takes the formatting too */
    if (c->stats->phases)
        lextag_doc_writer_set_timing(k.w, &c->stats->phases[0]);
    if (!(s = lextag_stream_new_windows(t, &lo, on_window, &k, &err)))
        goto out;
    failed = pump(s, pre, fd, &bytes, c->stats, &err);
    /* what was delivered stays a well-formed document */
    if (lextag_doc_writer_finish(k.w, s, NULL) != 0)
        err.code = LEXTAG_ERR_IO;
    for (size_t i = 0; i < lextag_stream_limit_hits(s); i++)
        fprintf(stderr, "lextag: %s: warning: rule %s hit its match limits and was skipped\n",
                path, lextag_stream_limit_rule(s, i));
out:
    if (failed && err.code != LEXTAG_ERR_IO)
        fprintf(stderr, "lextag: %s: %s%s\n", path, err.code ? err.message : "read error: ",
                err.code ? "" : strerror(errno));
    if (failed)
        *status = PIPELINE_EXIT_IO;
    stats_add(&k.st, NULL, bytes, failed);
    stats_merge(c->stats, &k.st);
    pthread_mutex_destroy(&k.st.lock);
    lextag_stream_free(s);
    lextag_doc_writer_free(k.w);
    input_release(pre);
    close(fd);
    return ferror(out) ? -1 : 0;
}
