/* SPDX-License-Identifier: MIT */
/*
 * `lextag train --data FILE.jsonl [--data ...] [--dev FILE.jsonl]
 * [--epochs N] [--runs N] [--map GOLD=LABEL,...] [--model FILE]
 * [--weights FILE] [-o IMAGE]`: reads every record's text and gold spans, maps the corpus
 * labels to PER, ORG, LOC and MISC (labels.h), trains, and writes a model
 * image (-o) and/or the bare weights (--weights, the file the build puts
 * into the built-in model).  Progress goes to stderr when it is a
 * terminal; the dev figures of each epoch (with --dev) and the final
 * summary always do.
 */
#include "train.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lextag/lextag.h>

#include "input.h"
#include "labels.h"
#include "options.h"

#define MAX_FILES 32

typedef struct train_opts {
    const char *data[MAX_FILES], *dev, *map, *model, *out, *weights;
    int n_data;
    unsigned epochs, runs;
} train_opts;

#define usage(...)                                                                        \
    cli_usage_error("train",                                                              \
                    "usage: lextag train --data FILE.jsonl [--data ...] [--dev FILE.jsonl] " \
                    "[--epochs N] [--runs N] [--map GOLD=LABEL,...] [--model FILE] "        \
                    "[--weights FILE] [-o IMAGE]",                                        \
                    __VA_ARGS__)

static const char help_text[] =
    "usage: lextag train --data FILE.jsonl [--data ...] [--dev FILE.jsonl] [--epochs N]\n"
    "                    [--runs N] [--map GOLD=LABEL,...] [--model FILE] [--weights FILE]\n"
    "                    [-o IMAGE]\n"
    "\n"
    "Trains the learned layer on gold spans (the JSONL that `lextag eval` reads) and\n"
    "writes it into a model image (-o) or a weights file (--weights).\n"
    "\n"
    "  --data FILE.jsonl      training records {\"text\", \"entities\"} (repeatable; a file\n"
    "                         given twice counts twice)\n"
    "  --dev FILE.jsonl       held-out records: dev F1 per epoch, and the best epoch kept\n"
    "                         (without it, the last epoch's weights are kept)\n"
    "  --epochs N             passes over the data (default 10)\n"
    "  --runs N               train N times, each on another shuffle of the documents,\n"
    "                         and average the weights each run keeps (default 1)\n"
    "  --map GOLD=LABEL,...   read corpus labels as PER, ORG, LOC or MISC (common ones,\n"
    "                         such as person or organisation, are known)\n"
    "  --model FILE           the lists, rules and clusters whose evidence the layer\n"
    "                         weighs (default: the built-in model)\n"
    "  --weights FILE         write the bare weights (what the build embeds)\n"
    "  -o, --output IMAGE     write a model image that --model loads\n"
    "\n"
    "The same data give the same bytes.  Exit status: 0 ok; 1 usage error; 2 bad\n"
    "model; 3 unreadable or unusable data (a record without text, no gold span).\n";

/* Returns 0, 1 (usage error) or -1 (help shown). */
static int parse_args(int argc, char **argv, train_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->epochs = 10;
    o->runs = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(help_text, stdout);
            return -1;
        }
        if (strcmp(a, "--data") == 0 && more && o->n_data < MAX_FILES)
            o->data[o->n_data++] = argv[++i];
        else if (strcmp(a, "--dev") == 0 && more)
            o->dev = argv[++i];
        else if (strcmp(a, "--map") == 0 && more)
            o->map = argv[++i];
        else if (strcmp(a, "--model") == 0 && more)
            o->model = argv[++i];
        else if (strcmp(a, "--weights") == 0 && more)
            o->weights = argv[++i];
        else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && more)
            o->out = argv[++i];
        else if (strcmp(a, "--epochs") == 0 && more) {
            long n;
            if (!cli_count(argv[++i], 1000, &n))
                return usage("--epochs must be a number from 1 to 1000");
            o->epochs = (unsigned) n;
        } else if (strcmp(a, "--runs") == 0 && more) {
            long n;
            if (!cli_count(argv[++i], 100, &n))
                return usage("--runs must be a number from 1 to 100");
            o->runs = (unsigned) n;
        } else
            return usage("unknown option or missing argument: '%s'", a);
    }
    if (!o->n_data)
        return usage("--data FILE.jsonl is missing");
    return o->out || o->weights ? 0 : usage("-o IMAGE or --weights FILE is missing");
}

/* Adds one JSONL record; returns 0, or 3 when it is not usable. */
static int add_record(lextag_trainer *tr, const label_map *lm, json_t *o, bool dev)
{
    json_t *text = json_object_get(o, "text"), *ents = json_object_get(o, "entities");
    if (!json_is_string(text))
        return 3;
    size_t n = json_array_size(ents), k = 0;
    lextag_span *v = calloc(n + 1, sizeof(*v));
    if (!v)
        return 3;
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(ents, i);
        const char *t = json_string_value(json_object_get(e, "type"));
        json_t *st = json_object_get(e, "start"), *en = json_object_get(e, "end");
        if (!t || !json_is_integer(st) || !json_is_integer(en) || json_integer_value(st) < 0 ||
            json_integer_value(en) < 0)
            continue;
        v[k++] = (lextag_span){(size_t) json_integer_value(st), (size_t) json_integer_value(en),
                               label_map_get(lm, t, true)};
    }
    lextag_error err;
    lextag_error_clear(&err);
    int rc = lextag_trainer_add(tr, json_string_value(text), json_string_length(text), v, k, dev,
                                &err);
    free(v);
    return rc ? 3 : 0;
}

static int read_file(lextag_trainer *tr, const label_map *lm, const char *path, bool dev,
                     bool tty)
{
    json_lines jl = {fopen(path, "r"), NULL, 0, 0};
    json_t *o;
    json_error_t jerr;
    int got = 0, rc = 0;
    size_t records = 0; /* blank lines are none */
    if (!jl.f) {
        fprintf(stderr, "lextag train: %s: cannot open\n", path);
        return 3;
    }
    while (!rc && (got = input_next_json(&jl, &o, &jerr)) != 0 && got != -2) {
        if (got < 0 || add_record(tr, lm, o, dev)) {
            fprintf(stderr, "lextag train: %s:%zu: not a usable record%s%s\n", path, jl.lineno,
                    o ? "" : ": ", o ? "" : jerr.text);
            rc = 3;
        }
        json_decref(o);
        if (tty && ++records % 100 == 0)
            fprintf(stderr, "\rlextag train: reading %s: %zu records", path, records);
    }
    if (tty)
        fprintf(stderr, "\rlextag train: reading %s: %zu records\n", path, records);
    if (!rc && got == -2) {
        fprintf(stderr, "lextag train: %s: read error: %s\n", path, strerror(errno));
        rc = 3;
    }
    free(jl.line);
    fclose(jl.f);
    return rc;
}

static void on_epoch(void *arg, const lextag_epoch *e)
{
    const train_opts *o = arg;
    char run[32] = "";
    if (e->runs > 1)
        snprintf(run, sizeof(run), "run %u/%u, ", e->run, e->runs);
    if (o->dev)
        fprintf(stderr, "%sepoch %u/%u: %zu mistakes; dev F1 PERSON %.3f ORG %.3f both %.3f%s\n",
                run, e->epoch, e->epochs, e->mistakes, e->dev_per, e->dev_org, e->dev_f1,
                e->best ? " (best)" : "");
    else
        fprintf(stderr, "%sepoch %u/%u: %zu mistakes\n", run, e->epoch, e->epochs, e->mistakes);
}

static int finish(lextag_trainer *tr, const train_opts *o, lextag_error *err)
{
    size_t spans, skipped, outside;
    lextag_trainer_counts(tr, &spans, &skipped, &outside);
    fprintf(stderr, "lextag train: %zu gold spans, %zu skipped (not on token boundaries or "
                    "overlapping), %zu outside the decoded regions\n", spans, skipped, outside);
    if (!spans) {
        /* weights learned from nothing would tag no name at all */
        fprintf(stderr, "lextag train: no gold span to learn from: no model written\n");
        return 3;
    }
    if (o->weights && lextag_trainer_write_weights(tr, o->weights, err))
        return 3;
    return o->out && lextag_trainer_write_image(tr, o->out, err) ? 3 : 0;
}

int cli_train(int argc, char **argv)
{
    train_opts o;
    label_map lm;
    lextag_error err;
    char buf[1200];
    lextag_error_clear(&err);
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (label_map_init(&lm, o.map)) {
        label_map_free(&lm);
        return usage("--map takes GOLD=LABEL pairs");
    }
    bool tty = isatty(2);
    lextag_model *m = o.model ? lextag_model_load(o.model, &err) : lextag_model_default(&err);
    lextag_trainer *tr = m ? lextag_trainer_new(m, &err) : NULL;
    rc = tr ? 0 : 2;
    for (int i = 0; !rc && i < o.n_data; i++)
        rc = read_file(tr, &lm, o.data[i], false, tty);
    if (!rc && o.dev)
        rc = read_file(tr, &lm, o.dev, true, tty);
    /* the dev figures of each epoch are the result of a run: always shown */
    if (!rc && (lextag_trainer_set_runs(tr, o.runs, &err) ||
                lextag_trainer_run(tr, o.epochs, tty || o.dev ? on_epoch : NULL, &o, &err)))
        rc = 3;
    if (!rc)
        rc = finish(tr, &o, &err);
    if (err.code)
        fprintf(stderr, "lextag train: %s\n", lextag_error_format(&err, buf, sizeof(buf)));
    lextag_trainer_free(tr);
    lextag_model_free(m);
    label_map_free(&lm);
    return rc;
}
