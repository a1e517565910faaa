/* SPDX-License-Identifier: MIT */
/*
 * lextag command line.  Documents flow in batches: the main thread reads a
 * batch of documents (files or JSONL lines), the workers tag them with one
 * shared read-only model, each into its own output buffer, and the main
 * thread writes the buffers in input order.  A batch bounds memory whatever
 * the input size, and the output does not depend on the number of threads.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lextag/lextag.h>

#include "bratdir.h"
#include "eval.h"
#include "input.h"
#include "options.h"
#include "output.h"
#include "pipeline.h"
#include "stats.h"
#include "streamdoc.h"
#include "train.h"

#define EXIT_USAGE 1
#define EXIT_MODEL 2
#define EXIT_IO 3
#define BATCH_PER_THREAD 64
#define BATCH_BYTES (64u << 20)

typedef struct job {
    const char *id;     /* borrowed from the record or argv */
    const char *text;
    size_t len;
    const char *date;
    const char *error;  /* input error: write an error record */
    size_t index;       /* position in the output */
    char *raw;          /* JSONL mode: the line, parsed by the worker */
    size_t raw_len, lineno;
    jsonl_record rec;   /* JSONL mode: owns id/text/date/error */
    doc_text doc;       /* file mode */
    char *out;          /* serialized output */
    size_t out_len;
    int failed;         /* tagging failed (out of memory) */
} job;

typedef struct run {
    const cli_options *opt;
    lextag_format format;
    const char *brat_dir; /* brat with -o DIR: one .ann and .txt per document */
    bratdir *brat;        /* ... written there */
    size_t n_docs;        /* documents handed out so far */
    run_stats stats;
    pipe_cfg cfg;         /* how each record is tagged and written */
    const lextag_model *model;
    lextag_tagger **taggers;
    job *jobs;            /* the batch being read */
    size_t n_jobs;
    job *flight;          /* the batch the workers are tagging meanwhile */
    size_t n_flight;
    atomic_size_t next;
    pthread_t th[CLI_MAX_THREADS];
    int started;          /* workers running on the flight batch */
} run;

typedef struct worker_arg {
    run *r;
    lextag_tagger *t;
} worker_arg;

static worker_arg worker_args[CLI_MAX_THREADS];

/* Set when standard output's reader went away: main ends as cat does. */
static bool reader_gone;

static void print_model_error(const lextag_error *err)
{
    char buf[1200];
    fprintf(stderr, "%s\n", lextag_error_format(err, buf, sizeof(buf)));
    if (err->context[0] && err->column) {
        fprintf(stderr, "  %s\n  ", err->context);
        for (unsigned i = 1; i < err->column && i < sizeof(err->context); i++)
            fputc(err->context[i - 1] == '\t' ? '\t' : ' ', stderr);
        fputs("^\n", stderr);
    }
}

static lextag_model *load_model(const cli_options *o)
{
    lextag_error err;
    lextag_error_clear(&err);
    if (o->model_file) {
        lextag_model *m = lextag_model_load(o->model_file, &err);
        if (!m)
            print_model_error(&err);
        return m;
    }
    if (!o->no_defaults && !o->n_gazetteers && !o->n_rules) {
        /* the built-in model alone: a compiled image, nothing to build */
        lextag_model *m = lextag_model_default(&err);
        if (!m)
            print_model_error(&err);
        return m;
    }
    lextag_builder *b = lextag_builder_new(&err);
    lextag_model *m = NULL;
    if (!b)
        goto out;
    if (!o->no_defaults && lextag_builder_add_defaults(b, &err))
        goto out;
    for (size_t i = 0; i < o->n_gazetteers; i++)
        if (lextag_builder_add_gazetteer(b, o->gazetteers[i], &err))
            goto out;
    for (size_t i = 0; i < o->n_rules; i++)
        if (lextag_builder_add_rules(b, o->rules[i], &err))
            goto out;
    m = lextag_builder_build(b, &err);
out:
    if (!m)
        print_model_error(&err);
    lextag_builder_free(b);
    return m;
}

/* brat with -o DIR: the document's annotations into mem; bratdir_write()
   writes them and the text, in input order, under a name of their own. */
static int tag_brat(run *r, lextag_tagger *t, job *j, FILE *mem)
{
    lextag_options lo = {pipeline_record_date(r->opt->date, j->id, j->date), r->opt->types,
                         false, r->opt->rules_only, r->opt->explain};
    lextag_result *res = lextag_tagger_tag(t, j->text, j->len, &lo, NULL);
    int failed = !res || lextag_result_write_doc(res, LEXTAG_FORMAT_BRAT, j->index, NULL, NULL,
                                                 j->text, j->len, mem, NULL) != 0;
    if (!res)
        fprintf(stderr, "lextag: %s: out of memory\n", j->id);
    lextag_result_free(res);
    return failed;
}

/*
 * Tags one job into `direct` when given (one thread: output goes straight to
 * the stream, so a huge document's JSON is never held in memory), else into
 * the job's own buffer, written later in input order.
 */
static void tag_job(run *r, lextag_tagger *t, job *j, FILE *direct)
{
    /* JSONL lines are parsed here, in the workers, not by the reader */
    if (j->raw) {
        if (input_parse_jsonl(j->raw, j->raw_len, j->lineno, &j->rec) != 0) {
            j->failed = 1;
            return;
        }
        j->id = j->rec.id;
        j->text = j->rec.text;
        j->len = j->rec.len;
        j->date = j->rec.date;
        j->error = j->rec.error;
    }
    /* brat files are written in input order, by write_jobs() */
    FILE *mem = direct && !r->brat ? direct : open_memstream(&j->out, &j->out_len);
    if (!mem) {
        j->failed = 1;
        return;
    }
    if (r->brat && !j->error) {
        j->failed = tag_brat(r, t, j, mem);
    } else {
        pipe_rec rec = {j->id, j->rec.id_json, j->text, j->len, j->date, j->error, j->index};
        j->failed = pipeline_tag_record(&r->cfg, t, &rec, mem, &r->stats);
    }
    if (mem != direct && fclose(mem) != 0)
        j->failed = 1;
}

static void *worker(void *p)
{
    worker_arg *w = p;
    run *r = w->r;
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->n_flight)
            break;
        tag_job(r, w->t, &r->flight[i], NULL);
    }
    return NULL;
}

/* Writes the jobs of a tagged batch in order and frees them. */
static int write_jobs(run *r, job *jobs, size_t n, FILE *out, int *status)
{
    int rc = 0;
    double t0 = r->stats.phases ? stats_cpu() : 0;
    for (size_t i = 0; i < n; i++) {
        job *j = &jobs[i];
        /* out NULL: discard the job (after a write error) */
        if (out && r->brat && !j->error && !j->failed) {
            if (bratdir_write(r->brat, j->id, j->text, j->len, j->out, j->out_len))
                j->failed = 1;
        } else if (out && j->out && fwrite(j->out, 1, j->out_len, out) != j->out_len) {
            rc = -1;
        }
        if (j->failed || j->error)
            *status = EXIT_IO;
        free(j->out);
        free(j->raw);
        input_record_free(&j->rec);
        input_release(&j->doc);
        memset(j, 0, sizeof(*j));
    }
    if (!out)
        return 0;
    if (r->stats.phases)
        r->stats.writer += stats_cpu() - t0;
    stats_progress(&r->stats);
    return rc || ferror(out) ? -1 : 0;
}

/* Waits for the batch in flight, if any, and writes it. */
static int land(run *r, FILE *out, int *status)
{
    if (!r->n_flight)
        return 0;
    for (int k = 0; k < r->started; k++)
        pthread_join(r->th[k], NULL);
    r->started = 0;
    int rc = write_jobs(r, r->flight, r->n_flight, out, status);
    r->n_flight = 0;
    return rc;
}

/*
 * Hands the batch just read to the workers and returns, so that reading the
 * next batch overlaps tagging this one; the previous batch is written first,
 * which keeps the output in input order.  One thread, or a single document
 * (which then uses every thread itself), is tagged here and now, straight to
 * the output.  Returns -1 on a write error.
 */
static int flush_batch(run *r, FILE *out, int *status)
{
    int nt = r->opt->threads;
    int rc = land(r, out, status);
    if (rc || !r->n_jobs)
        return rc;
    if (nt == 1 || r->n_jobs == 1) {
        for (size_t i = 0; i < r->n_jobs; i++)
            tag_job(r, r->taggers[0], &r->jobs[i], out);
        rc = write_jobs(r, r->jobs, r->n_jobs, out, status);
        r->n_jobs = 0;
        return rc;
    }
    job *tmp = r->flight;
    r->flight = r->jobs;
    r->n_flight = r->n_jobs;
    r->jobs = tmp;
    r->n_jobs = 0;
    atomic_store(&r->next, 0);
    for (int k = 0; k < nt; k++) {
        worker_args[k] = (worker_arg){r, r->taggers[k]};
        if (pthread_create(&r->th[k], NULL, worker, &worker_args[k]) != 0)
            break;
        r->started++;
    }
    if (!r->started) { /* no thread to be had: tag here */
        worker_arg w = {r, r->taggers[0]};
        worker(&w);
    }
    return 0;
}

/* A large document, streamed (streamdoc.h) after the documents before it. */
static int stream_file(run *r, const char *path, int fd, doc_text *pre, FILE *out, int *status)
{
    doc_text rest = *pre;
    memset(pre, 0, sizeof(*pre));
    if ((r->n_jobs && flush_batch(r, out, status)) || land(r, out, status)) {
        input_release(&rest);
        close(fd);
        return -1;
    }
    return streamdoc_tag(&r->cfg, r->taggers[0], fd, &rest, path, r->n_docs++, out, status);
}

static int tag_files(run *r, FILE *out, size_t batch, int *status)
{
    static char *stdin_only[] = {(char *) "-"};
    char **files = r->opt->n_files ? r->opt->files : stdin_only;
    size_t n = r->opt->n_files ? r->opt->n_files : 1, bytes = 0;
    for (size_t i = 0; i < n; i++) {
        job *j = &r->jobs[r->n_jobs];
        int fd = -1;
        streamdoc_way way =
            r->brat_dir ? STREAMDOC_READ : streamdoc_wanted(&r->cfg, files[i], &fd, &j->doc);
        if (way == STREAMDOC_STREAM) {
            if (stream_file(r, files[i], fd, &j->doc, out, status))
                return -1;
            bytes = 0;
            continue;
        }
        double t0 = r->stats.phases ? stats_cpu() : 0;
        if (way == STREAMDOC_FAILED ||
            (way == STREAMDOC_READ && input_read_file(files[i], &j->doc) != 0)) {
            *status = EXIT_IO;
            stats_add(&r->stats, NULL, 0, true); /* an input counted, as a bad record is */
            continue;
        }
        if (r->stats.phases)
            r->stats.reader += stats_cpu() - t0;
        j->id = files[i];
        j->index = r->n_docs++;
        j->text = j->doc.data;
        j->len = j->doc.len;
        bytes += j->len;
        if (++r->n_jobs == batch || bytes >= BATCH_BYTES || i + 1 == n) {
            if (flush_batch(r, out, status))
                return -1;
            bytes = 0;
        }
    }
    return r->n_jobs ? flush_batch(r, out, status) : 0;
}

static int tag_jsonl_stream(run *r, FILE *in, FILE *out, size_t batch, int *status,
                            size_t *lineno)
{
    char *line = NULL;
    size_t cap = 0, bytes = 0;
    ssize_t got;
    int rc = 0;
    while ((got = getline(&line, &cap, in)) >= 0) {
        size_t len = (size_t) got;
        ++*lineno;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t bom = *lineno == 1 ? input_bom(line, len) : 0;
        if (input_blank_line(line + bom, len - bom))
            continue;
        len -= bom;
        memmove(line, line + bom, len);
        job *j = &r->jobs[r->n_jobs];
        if (!(j->raw = malloc(len + 1))) {
            fprintf(stderr, "lextag: out of memory\n");
            rc = -1;
            break;
        }
        memcpy(j->raw, line, len);
        j->raw[len] = '\0';
        j->raw_len = len;
        j->lineno = *lineno;
        j->index = r->n_docs++;
        bytes += len;
        if (++r->n_jobs == batch || bytes >= BATCH_BYTES) {
            if ((rc = flush_batch(r, out, status)))
                break;
            bytes = 0;
        }
    }
    if (!rc && ferror(in)) {
        fprintf(stderr, "lextag: read error: %s\n", strerror(errno));
        *status = EXIT_IO;
    }
    free(line);
    if (!rc && r->n_jobs)
        rc = flush_batch(r, out, status);
    return rc;
}

static int tag_jsonl(run *r, FILE *out, size_t batch, int *status)
{
    size_t lineno = 0;
    if (!r->opt->n_files)
        return tag_jsonl_stream(r, stdin, out, batch, status, &lineno);
    for (size_t i = 0; i < r->opt->n_files; i++) {
        const char *path = r->opt->files[i];
        FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
        if (!in) {
            fprintf(stderr, "lextag: %s: cannot open: %s\n", path, strerror(errno));
            *status = EXIT_IO;
            continue;
        }
        lineno = 0;
        int rc = tag_jsonl_stream(r, in, out, batch, status, &lineno);
        if (in != stdin)
            fclose(in);
        if (rc)
            return rc;
    }
    return 0;
}

/* A type the model never tags ("PERSONS") would filter every entity out
   without a word: say so. */
static void warn_unknown_types(const char *types, const lextag_model *m)
{
    for (const char *p = types; p && *p;) {
        size_t n = strcspn(p, ",");
        char *name = n ? strndup(p, n) : NULL;
        if (name && !lextag_model_has_type(m, name))
            fprintf(stderr, "lextag: warning: --types: the model tags no entity of type '%s' "
                            "(see 'lextag info')\n", name);
        free(name);
        p += n + (p[n] == ',');
    }
}

static int cmd_tag(const cli_options *o, lextag_model *m)
{
    run r = {.opt = o, .model = m, .format = (lextag_format) lextag_format_from_name(o->format)};
    size_t batch = (size_t) o->threads * BATCH_PER_THREAD;
    int status = 0;
    output out;
    struct stat st;
    warn_unknown_types(o->types, m);
    if (r.format == LEXTAG_FORMAT_BRAT && o->output &&
        ((stat(o->output, &st) == 0 && S_ISDIR(st.st_mode)) ||
         (o->output[strlen(o->output) - 1] == '/' && mkdir(o->output, 0777) == 0)))
        r.brat_dir = o->output;
    r.jobs = calloc(batch, sizeof(job));
    r.flight = calloc(batch, sizeof(job));
    r.taggers = calloc((size_t) o->threads, sizeof(*r.taggers));
    if (r.brat_dir)
        r.brat = bratdir_new(r.brat_dir, o->jsonl);
    if (!r.jobs || !r.flight || !r.taggers || (r.brat_dir && !r.brat)) {
        fprintf(stderr, "lextag: out of memory\n");
        status = EXIT_IO;
        goto done;
    }
    for (int k = 0; k < o->threads; k++)
        if (!(r.taggers[k] = lextag_tagger_new(m, NULL))) {
            fprintf(stderr, "lextag: out of memory\n");
            status = EXIT_IO;
            goto done;
        }
    /* the first tagger also takes single large documents: let it use every
       thread on their stretches */
    lextag_error err;
    lextag_error_clear(&err);
    if (lextag_tagger_set_threads(r.taggers[0], (unsigned) o->threads, &err) != 0) {
        fprintf(stderr, "lextag: --threads %d: %s\n", o->threads, err.message);
        status = EXIT_USAGE;
        goto done;
    }
    if (output_open(&out, r.brat_dir ? NULL : o->output) != 0) {
        status = EXIT_IO;
        goto done;
    }
    size_t total = 0;
    for (size_t i = 0; !o->jsonl && i < o->n_files; i++)
        if (stat(o->files[i], &st) == 0 && S_ISREG(st.st_mode))
            total += (size_t) st.st_size;
    stats_init(&r.stats, !o->quiet && isatty(2), total);
    /* a diagnostic: the time of each phase, in the --stats summary */
    if (o->stats && getenv("LEXTAG_TIMING") &&
        (r.stats.phases = calloc((size_t) o->threads, sizeof(*r.stats.phases)))) {
        r.stats.n_phases = (size_t) o->threads;
        for (int k = 0; k < o->threads; k++) {
            r.stats.phases[k].cpu = strcmp(getenv("LEXTAG_TIMING"), "cpu") == 0;
            lextag_tagger_set_timing(r.taggers[k], &r.stats.phases[k]);
        }
    }
    r.cfg = (pipe_cfg){r.format,      o->date,  o->types, o->all_candidates, o->rules_only,
                       o->explain,    &r.stats, r.taggers, o->threads};
    /* Label Studio numbers its tasks, brat -o DIR writes files: batches */
    bool piped = o->jsonl && !r.brat_dir && r.format != LEXTAG_FORMAT_LABELSTUDIO;
    int rc = lextag_write_begin(r.format, out.f, NULL) ? -1 : 0;
    if (!rc)
        rc = piped       ? pipeline_jsonl(&r.cfg, o->files, o->n_files, out.f, &status)
             : o->jsonl ? tag_jsonl(&r, out.f, batch, &status)
                        : tag_files(&r, out.f, batch, &status);
    if (land(&r, out.f, &status))
        rc = -1;
    if (!rc && lextag_write_end(r.format, out.f, NULL))
        rc = -1;
    /* a write error leaves the batch being read: nothing more is written */
    write_jobs(&r, r.jobs, r.n_jobs, NULL, &status);
    r.n_jobs = 0;
    /* -o FILE is replaced only when a document was tagged: a run that read
       nothing leaves the old file as it was */
    size_t tagged = r.stats.docs - r.stats.errors;
    if (!rc && !tagged && out.path)
        fprintf(stderr, "lextag: %s: left unchanged: no document was tagged\n", out.path);
    /* output_close reports the write error (the stream's error flag is set) */
    if (output_close(&out, rc == 0 && (tagged || !out.path)) != 0 || rc)
        status = EXIT_IO;
    reader_gone = out.reader_gone;
    stats_finish(&r.stats, o->stats);
done:
    free(r.stats.phases); /* the taggers are not used after this */
    for (int k = 0; r.taggers && k < o->threads; k++)
        lextag_tagger_free(r.taggers[k]);
    free(r.taggers);
    free(r.jobs);
    free(r.flight);
    bratdir_free(r.brat);
    return status;
}

static int cmd_info(lextag_model *m)
{
    char *s = lextag_model_info(m);
    if (!s) {
        fprintf(stderr, "lextag: out of memory\n");
        return EXIT_IO;
    }
    puts(s);
    free(s);
    output out = {.f = stdout};
    int rc = output_close(&out, true);
    reader_gone = out.reader_gone;
    return rc ? EXIT_IO : 0;
}

static int cmd_compile(const cli_options *o, lextag_model *m)
{
    lextag_error err;
    lextag_error_clear(&err);
    if (lextag_model_save(m, o->output, &err) != 0) {
        print_model_error(&err);
        return EXIT_IO;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "eval") == 0)
        return cli_eval(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "train") == 0)
        return cli_train(argc - 1, argv + 1);
    cli_options o;
    int rc = cli_parse(&o, argc, argv);
    if (rc) {
        cli_options_free(&o);
        return rc < 0 ? 0 : EXIT_USAGE;
    }
    /* a closed pipe shows as a write error, so that -o files are cleaned up;
       the run then ends quietly (below) */
    signal(SIGPIPE, SIG_IGN);
    lextag_model *m = load_model(&o);
    if (!m) {
        cli_options_free(&o);
        return EXIT_MODEL;
    }
    switch (o.cmd) {
    case CMD_INFO:
        rc = cmd_info(m);
        break;
    case CMD_COMPILE:
        rc = cmd_compile(&o, m);
        break;
    default:
        rc = cmd_tag(&o, m);
    }
    lextag_model_free(m);
    cli_options_free(&o);
    if (reader_gone) {
        /* the reader closed the pipe: end as cat and grep do, by SIGPIPE
           with no message, so a shell pipeline sees the usual status */
        signal(SIGPIPE, SIG_DFL);
        raise(SIGPIPE);
    }
    return rc;
}
