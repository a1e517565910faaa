/* SPDX-License-Identifier: MIT */
/*
 * The JSONL pipeline (the ripgrep/pigz pattern).  The main thread reads
 * large blocks cut at line ends into a ring of slots; a persistent pool of
 * workers takes blocks in order and, record by record, parses the JSON,
 * tags the text and formats the result into the block's output.  When a
 * worker finishes the oldest block not yet written, it writes that block and
 * every finished block after it, then frees their slots; the reader waits
 * for a free slot, which bounds memory.  Records are never copied or
 * allocated one by one: a line is parsed in place in its block, and each
 * worker keeps its tagger, so its scratch memory, for the whole run.
 */
#include "pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "input.h"
#include "jsonl.h"
#include "outbuf.h"

/* A block takes a few milliseconds to tag; the ring holds several per
   worker so that a reader or writer that the system schedules late does not
   leave the workers idle (the machines this runs on are often shared). */
#define BLOCK_BYTES (256u << 10)
#define SLOTS_PER_WORKER 2
#define SLOTS_EXTRA 8

enum { SLOT_FREE, SLOT_FULL, SLOT_BUSY, SLOT_DONE };

typedef struct block {
    char *buf;
    size_t len, cap;
    size_t lineno;      /* lines of the file before this block */
    outbuf out;         /* the block's formatted output */
    int state;
    bool bad;           /* a record failed or was in error */
} block;

typedef struct reader {
    int fd;
    const char *path;
    char *carry;        /* a partial last line, moved to the next block */
    size_t carry_len, carry_cap;
    size_t lineno;
    bool eof;
} reader;

typedef struct pool {
    const pipe_cfg *c;
    FILE *out;
    pthread_mutex_t mu;
    pthread_cond_t work, room;
    block *slots;
    size_t n_slots;
    size_t filled, taken, written; /* block counts: read, handed out, written */
    bool eof, writing, write_failed, bad;
    int write_errno;    /* why the write failed, for the caller's message */
} pool;

typedef struct worker {
    pool *p;
    lextag_tagger *t;
    run_stats st;       /* merged into the run's after each block */
    double busy;        /* with timing: seconds spent tagging blocks */
    pthread_t th;
    bool running;
} worker;

const char *pipeline_record_date(const char *forced, const char *id, const char *date)
{
    if (forced)
        return forced;
    if (date && !lextag_date_valid(date)) {
        fprintf(stderr,
                "lextag: %s: warning: date \"%.40s\" is not YYYY-MM-DD; tagged without a date\n",
                id, date);
        return NULL;
    }
    return date;
}

/* A record that could not be tagged keeps its place in the formats that
   have an error record; the others name it on stderr. */
static void write_error(const pipe_cfg *c, const lextag_doc_ref *doc, const char *message,
                        FILE *out)
{
    if (lextag_write_error_doc(c->format, doc, message, out, NULL) == LEXTAG_ERR_INVALID)
        fprintf(stderr, "lextag: %s: %s\n", doc->id, message);
}

int pipeline_tag_record(const pipe_cfg *c, lextag_tagger *t, const pipe_rec *r, FILE *out,
                        run_stats *st)
{
    /* no error record carries a date: the date is settled once there is a text */
    lextag_doc_ref doc = {r->id, r->id_json, NULL, r->index};
    if (r->error) {
        write_error(c, &doc, r->error, out);
        stats_add(st, NULL, 0, true);
        return 1;
    }
    doc.date = pipeline_record_date(c->date, r->id, r->date);
    lextag_options lo = {doc.date, c->types, c->all_candidates, c->rules_only, c->explain};
    lextag_error err;
    lextag_error_clear(&err);
    lextag_result *res = lextag_tagger_tag(t, r->text, r->len, &lo, &err);
    /* a rule cut off by its match limits is skipped, never silently */
    for (size_t k = 0; k < lextag_result_limit_hits(res); k++)
        fprintf(stderr, "lextag: %s: warning: rule %s hit its match limits and was skipped\n",
                r->id, lextag_result_limit_rule(res, k));
    stats_add(st, res, r->len, !res);
    int failed = !res;
    if (res && lextag_result_write_ref(res, c->format, &doc, r->text, r->len, out, &err) != 0) {
        failed = 1;
        if (err.code != LEXTAG_ERR_IO) /* a write error is reported once, at the end */
            fprintf(stderr, "lextag: %s: %s\n", r->id, err.message);
    }
    if (!res)
        write_error(c, &doc, err.message, out);
    lextag_result_free(res);
    return failed;
}

/* One line (without its line end): parsed in place, or by jansson when unusual. */
static bool tag_line(worker *w, char *s, size_t len, size_t lineno, FILE *mem)
{
    jsonl_view v;
    char name[40];
    if (jsonl_parse_fast(s, len, &v) == 0) {
        if (!v.id)
            input_line_id(name, sizeof(name), lineno);
        pipe_rec r = {v.id ? v.id : name, v.id_json, v.text, v.len, v.date, NULL, 1};
        return pipeline_tag_record(w->p->c, w->t, &r, mem, &w->st);
    }
    jsonl_record rec; /* the fast reader declined the line: jansson reads it */
    if (input_parse_jsonl_slow(s, len, lineno, &rec) != 0) {
        input_record_free(&rec);
        return true;
    }
    pipe_rec r = {rec.id, rec.id_json, rec.text, rec.len, rec.date, rec.error, 1};
    bool bad = pipeline_tag_record(w->p->c, w->t, &r, mem, &w->st);
    input_record_free(&rec);
    return bad;
}

static void tag_block(worker *w, block *b)
{
    double t0 = w->p->c->stats->phases ? stats_cpu() : 0;
    FILE *mem = outbuf_open(&b->out);
    b->bad = false;
    if (!mem) {
        b->bad = true;
        return;
    }
    size_t lineno = b->lineno;
    char *s = b->buf, *end = b->buf + b->len;
    while (s < end) {
        char *nl = memchr(s, '\n', (size_t) (end - s));
        size_t len = (size_t) ((nl ? nl : end) - s);
        lineno++;
        size_t bom = lineno == 1 ? input_bom(s, len) : 0;
        while (len && s[len - 1] == '\r')
            len--;
        if (!input_blank_line(s + bom, len - bom))
            b->bad |= tag_line(w, s + bom, len - bom, lineno, mem);
        s = nl ? nl + 1 : end;
    }
    if (fclose(mem) != 0)
        b->bad = true;
    if (w->p->c->stats->phases)
        w->busy += stats_cpu() - t0;
    stats_merge(w->p->c->stats, &w->st);
}

static int grow(char **buf, size_t *cap, size_t want)
{
    if (want <= *cap)
        return 0;
    size_t c = *cap ? *cap : BLOCK_BYTES;
    while (c < want)
        c *= 2;
    char *p = realloc(*buf, c);
    if (!p) {
        fprintf(stderr, "lextag: out of memory\n");
        return -1;
    }
    *buf = p;
    *cap = c;
    return 0;
}

/*
 * Line ends in s[0..n), sixteen bytes at a time: the reader is the
 * pipeline's serial stage, and a memchr() call per record (a record is a
 * hundred bytes or so) was most of its time after read() itself.
 */
static size_t count_newlines(const char *s, size_t n)
{
    size_t count = 0, i = 0;
#if defined(__SSE2__)
    /* a compare gives -1 per line end: 255 rounds of them fit in a byte
       per lane, then the lanes are summed */
    const __m128i nl = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
    while (i + 16 <= n) {
        __m128i acc = zero;
        for (int r = 0; r < 255 && i + 16 <= n; r++, i += 16)
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (s + i)), nl));
        __m128i sums = _mm_sad_epu8(acc, zero);
        count += (size_t) _mm_cvtsi128_si32(sums) + (size_t) _mm_extract_epi16(sums, 4);
    }
#endif
    for (; i < n; i++)
        count += s[i] == '\n';
    return count;
}

/* Reads until the buffer holds `want` bytes or the input ends; -1 on error. */
static int read_more(reader *rd, block *b, size_t want)
{
    while (!rd->eof && b->len < want) {
        ssize_t got = read(rd->fd, b->buf + b->len, b->cap - b->len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            fprintf(stderr, "lextag: %s: read error: %s\n", rd->path, strerror(errno));
            return -1;
        }
        rd->eof = got == 0;
        b->len += (size_t) got;
    }
    return 0;
}

/*
 * Fills b with the next whole lines (at least BLOCK_BYTES unless the input
 * ends; a longer line is taken whole).  Returns 1 when b holds lines, 0 at
 * the end of the input, -1 on a read error or out of memory.
 */
static int fill_block(reader *rd, block *b)
{
    size_t want = BLOCK_BYTES, scan = 0;
    if (grow(&b->buf, &b->cap, rd->carry_len + want))
        return -1;
    if (rd->carry_len)
        memcpy(b->buf, rd->carry, rd->carry_len);
    b->len = rd->carry_len;
    rd->carry_len = 0;
    char *nl = NULL;
    for (;;) {
        if (read_more(rd, b, want))
            return -1;
        for (size_t i = b->len; i > scan && !nl; i--)
            if (b->buf[i - 1] == '\n')
                nl = b->buf + i - 1;
        if (nl || rd->eof)
            break;
        scan = b->len; /* a line longer than the block: read on */
        want = b->cap * 2;
        if (grow(&b->buf, &b->cap, want))
            return -1;
    }
    size_t cut = nl && !rd->eof ? (size_t) (nl + 1 - b->buf) : b->len;
    if (grow(&rd->carry, &rd->carry_cap, b->len - cut))
        return -1;
    rd->carry_len = b->len - cut;
    if (rd->carry_len)
        memcpy(rd->carry, b->buf + cut, rd->carry_len);
    b->len = cut;
    b->lineno = rd->lineno;
    rd->lineno += count_newlines(b->buf, cut) + (cut && b->buf[cut - 1] != '\n');
    return cut > 0;
}

/* Writes the finished blocks in order, from the oldest; called locked. */
static void write_ready(pool *p)
{
    if (p->writing)
        return;
    p->writing = true;
    while (p->written < p->taken && p->slots[p->written % p->n_slots].state == SLOT_DONE) {
        block *b = &p->slots[p->written % p->n_slots];
        bool failed = p->write_failed;
        pthread_mutex_unlock(&p->mu);
        int why = 0;
        double t0 = p->c->stats->phases ? stats_cpu() : 0;
        if (!failed && b->out.len &&
            (fwrite(b->out.v, 1, b->out.len, p->out) != b->out.len || ferror(p->out))) {
            failed = true;
            why = errno;
        }
        if (p->c->stats->phases) /* one writer at a time: p->writing */
            p->c->stats->writer += stats_cpu() - t0;
        if (!failed)
            stats_progress(p->c->stats);
        outbuf_clear(&b->out);
        pthread_mutex_lock(&p->mu);
        if (failed && !p->write_failed) { /* stop the reader and the workers */
            p->write_failed = true;
            p->write_errno = why;
            pthread_cond_broadcast(&p->work);
        }
        p->bad |= b->bad;
        b->state = SLOT_FREE;
        p->written++;
        pthread_cond_broadcast(&p->room);
    }
    p->writing = false;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    pool *p = w->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->taken == p->filled && !p->eof && !p->write_failed)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->taken == p->filled || p->write_failed)
            break;
        block *b = &p->slots[p->taken++ % p->n_slots];
        b->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->mu);
        tag_block(w, b);
        pthread_mutex_lock(&p->mu);
        b->state = SLOT_DONE;
        write_ready(p);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Feeds one input to the pool; the block after the last one read is slot `filled`. */
static int feed(pool *p, reader *rd, worker *inline_w)
{
    for (;;) {
        pthread_mutex_lock(&p->mu);
        block *b = &p->slots[p->filled % p->n_slots];
        while (b->state != SLOT_FREE && !p->write_failed)
            pthread_cond_wait(&p->room, &p->mu);
        bool stop = p->write_failed;
        pthread_mutex_unlock(&p->mu);
        if (stop)
            return 0;
        double t0 = p->c->stats->phases ? stats_cpu() : 0;
        int got = fill_block(rd, b);
        if (p->c->stats->phases)
            p->c->stats->reader += stats_cpu() - t0;
        if (got <= 0)
            return got;
        pthread_mutex_lock(&p->mu);
        b->state = SLOT_FULL;
        p->filled++;
        if (inline_w) { /* one thread: tag and write here */
            p->taken++;
            pthread_mutex_unlock(&p->mu);
            tag_block(inline_w, b);
            pthread_mutex_lock(&p->mu);
            b->state = SLOT_DONE;
            write_ready(p);
        }
        pthread_cond_signal(&p->work);
        pthread_mutex_unlock(&p->mu);
    }
}

static int feed_inputs(pool *p, char **files, size_t n_files, worker *inline_w, int *status)
{
    static char *stdin_only[] = {(char *) "-"};
    reader rd = {0};
    if (!n_files) {
        files = stdin_only;
        n_files = 1;
    }
    for (size_t i = 0; i < n_files; i++) {
        bool std_in = strcmp(files[i], "-") == 0;
        rd.path = std_in ? "standard input" : files[i];
        rd.fd = std_in ? 0 : open(files[i], O_RDONLY);
        rd.eof = false;
        rd.lineno = rd.carry_len = 0;
        if (rd.fd < 0) {
            fprintf(stderr, "lextag: %s: cannot open: %s\n", files[i], strerror(errno));
            *status = PIPELINE_EXIT_IO;
            continue;
        }
        if (feed(p, &rd, inline_w) != 0)
            *status = PIPELINE_EXIT_IO;
        if (!std_in)
            close(rd.fd);
    }
    free(rd.carry);
    return 0;
}

int pipeline_jsonl(const pipe_cfg *c, char **files, size_t n_files, FILE *out, int *status)
{
    int n = c->threads > 1 ? c->threads : 1, started = 0;
    pool p = {.c = c, .out = out, .n_slots = (size_t) n * SLOTS_PER_WORKER + SLOTS_EXTRA};
    worker *w = calloc((size_t) n, sizeof(*w));
    p.slots = calloc(p.n_slots, sizeof(*p.slots));
    if (!w || !p.slots) {
        free(w);
        free(p.slots);
        fprintf(stderr, "lextag: out of memory\n");
        *status = PIPELINE_EXIT_IO;
        return 0;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.room, NULL);
    for (int k = 0; k < n; k++) {
        w[k] = (worker){.p = &p, .t = c->taggers[k]};
        stats_init(&w[k].st, false, 0);
    }
    for (int k = 0; n > 1 && k < n; k++)
        if (pthread_create(&w[k].th, NULL, worker_main, &w[k]) == 0) {
            w[k].running = true;
            started++;
        }
    feed_inputs(&p, files, n_files, started ? NULL : &w[0], status);
    pthread_mutex_lock(&p.mu);
    p.eof = true;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int k = 0; k < n; k++)
        if (w[k].running)
            pthread_join(w[k].th, NULL);
    if (p.bad)
        *status = PIPELINE_EXIT_IO;
    for (size_t i = 0; i < p.n_slots; i++) {
        free(p.slots[i].buf);
        outbuf_free(&p.slots[i].out);
    }
    for (int k = 0; k < n; k++) {
        c->stats->workers += w[k].busy;
        stats_finish(&w[k].st, false);
    }
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.room);
    pthread_mutex_destroy(&p.mu);
    free(p.slots);
    free(w);
    if (p.write_failed && p.write_errno)
        errno = p.write_errno; /* the stream's error is reported with its cause */
    return p.write_failed ? -1 : 0;
}
