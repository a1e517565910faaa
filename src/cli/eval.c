/* SPDX-License-Identifier: MIT */
/*
 * `lextag eval`: scores predicted spans against gold spans, per type, as
 * exact matches (same start, end and type: the CoNLL convention, and what
 * ../shared/tools/nerscore computes) and as partial matches (a prediction
 * that overlaps a gold span of its type, each gold span matched at most
 * once, left to right).  Documents are paired by id; spans are code points.
 * Without PRED.jsonl the gold texts are tagged with the model.
 */
#include "eval.h"

#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lextag/lextag.h>

#include "input.h"
#include "labels.h"
#include "options.h"

#define MAX_TYPES 64

typedef struct span {
    size_t start, end;
    int type;
} span;

typedef struct doc {
    char *id;
    span *v;
    size_t n;
} doc;

typedef struct eval_opts {
    const char *gold, *pred, *types, *map, *date;
    const char *gaz[64], *rules[64];
    int n_gaz, n_rules;
    const char *model;
    bool json, no_defaults, rules_only;
} eval_opts;

typedef struct scorer {
    char *types[MAX_TYPES]; /* interned type names */
    int n_types;
    label_map map;
    bool rules_only; /* tag the gold texts with the rules only */
} scorer;

static int type_index(scorer *s, const char *name)
{
    for (int i = 0; i < s->n_types; i++)
        if (strcmp(s->types[i], name) == 0)
            return i;
    if (s->n_types == MAX_TYPES)
        return -1;
    s->types[s->n_types] = strdup(name);
    return s->n_types++;
}

/* A record's id as tagging names it: its own, or "line N" when it has none
   (so a gold file and the output of tagging it pair up by line).  A number
   or a boolean is keyed by its value as jansson writes it, the same for
   gold and predictions ("1e3" and "1000.0" are one id; tagging writes an
   id back as it was written, so the two files agree). */
static char *id_string(json_t *id, size_t lineno)
{
    char buf[64];
    if (json_is_string(id))
        return strdup(json_string_value(id));
    if (json_is_integer(id)) {
        snprintf(buf, sizeof(buf), "%lld", (long long) json_integer_value(id));
        return strdup(buf);
    }
    if (json_is_real(id) || json_is_boolean(id))
        return json_dumps(id, JSON_ENCODE_ANY);
    input_line_id(buf, sizeof(buf), lineno);
    return strdup(buf);
}

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->type - y->type;
}

/* Spans of one record, sorted, duplicates dropped (scores are over sets). */
/* Code points in the UTF-8 string s[0..n) (jansson holds valid UTF-8). */
static size_t code_points(const char *s, size_t n)
{
    size_t cp = 0;
    for (size_t i = 0; i < n; i++)
        cp += ((unsigned char) s[i] & 0xC0) != 0x80;
    return cp;
}

/*
 * Reads a record's spans into d.  A span must have a type, and integer
 * start and end with 0 <= start <= end (<= the text's length in code points
 * when the record holds its text): else returns why not, and reads nothing.
 */
static const char *read_spans(scorer *s, json_t *ents, json_t *text, bool gold, doc *d)
{
    size_t n = json_array_size(ents), k = 0;
    if (ents && !json_is_array(ents) && !json_is_null(ents))
        return "\"entities\" is not an array";
    size_t len = json_is_string(text) ? code_points(json_string_value(text),
                                                    json_string_length(text))
                                      : SIZE_MAX;
    d->v = calloc(n + 1, sizeof(span));
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(ents, i);
        const char *t = json_string_value(json_object_get(e, "type"));
        json_t *st = json_object_get(e, "start"), *en = json_object_get(e, "end");
        if (!t || !json_is_integer(st) || !json_is_integer(en))
            return "an entity without a type, or without integer start and end";
        json_int_t a = json_integer_value(st), b = json_integer_value(en);
        if (a < 0 || a > b || (size_t) b > len)
            return "an entity's start and end are not 0 <= start <= end <= the text's length";
        int ti = type_index(s, gold ? label_map_get(&s->map, t, false) : t);
        if (ti < 0)
            continue;
        d->v[k++] = (span){(size_t) json_integer_value(st), (size_t) json_integer_value(en), ti};
    }
    qsort(d->v, k, sizeof(span), cmp_span);
    d->n = 0;
    for (size_t i = 0; i < k; i++)
        if (!d->n || cmp_span(&d->v[d->n - 1], &d->v[i]) != 0)
            d->v[d->n++] = d->v[i];
    return NULL;
}

typedef struct counts {
    size_t tp, fp, fn, ptp, pfp, pfn;
} counts;

static void score_doc(const doc *g, const doc *p, int type, counts *c)
{
    size_t ng = 0, np = 0, tp = 0, ptp = 0;
    bool *used = calloc(g->n + 1, sizeof(bool));
    if (!used)
        return;
    for (size_t i = 0; i < g->n; i++)
        ng += g->v[i].type == type;
    for (size_t j = 0; p && j < p->n; j++)
        np += p->v[j].type == type;
    for (size_t j = 0; p && j < p->n; j++) {
        const span *q = &p->v[j];
        if (q->type != type)
            continue;
        bool partial = false;
        for (size_t i = 0; i < g->n; i++) {
            const span *x = &g->v[i];
            if (x->type != type)
                continue;
            tp += x->start == q->start && x->end == q->end;
            if (!partial && !used[i] && x->start < q->end && q->start < x->end) {
                used[i] = partial = true;
                ptp++;
            }
        }
    }
    free(used);
    c->tp += tp;
    c->fp += np - tp;
    c->fn += ng - tp;
    c->ptp += ptp;
    c->pfp += np - ptp;
    c->pfn += ng - ptp;
}

typedef struct docset {
    doc *v;
    size_t n, cap;
} docset;

static doc *docset_add(docset *ds)
{
    if (ds->n == ds->cap) {
        size_t cap = ds->cap ? ds->cap * 2 : 256;
        doc *v = realloc(ds->v, cap * sizeof(*v));
        if (!v)
            return NULL;
        ds->v = v;
        ds->cap = cap;
    }
    doc *d = &ds->v[ds->n++];
    memset(d, 0, sizeof(*d));
    return d;
}

static const doc *docset_find(const docset *ds, const char *id)
{
    /* ids are mostly in the same order in both files: look near the hint first */
    static size_t hint;
    for (size_t k = 0; k < ds->n; k++) {
        size_t i = (hint + k) % ds->n;
        if (strcmp(ds->v[i].id, id) == 0) {
            hint = i + 1;
            return &ds->v[i];
        }
    }
    return NULL;
}

/* Tags one gold text and turns the result into spans. */
static void tag_text(scorer *s, lextag_tagger *t, const char *text, size_t len,
                     const char *date, doc *d)
{
    lextag_options o = {date, NULL, false, s->rules_only, false};
    lextag_result *r = lextag_tagger_tag(t, text, len, &o, NULL);
    size_t n = lextag_result_count(r), k = 0;
    d->v = calloc(n + 1, sizeof(span));
    for (size_t i = 0; i < n; i++) {
        const lextag_entity *e = lextag_result_entity(r, i);
        int ti = type_index(s, e->type);
        if (ti >= 0)
            d->v[k++] = (span){e->start, e->end, ti};
    }
    qsort(d->v, k, sizeof(span), cmp_span);
    d->n = k;
    lextag_result_free(r);
}

/*
 * Reads a JSONL file of {"id", "entities", "text"?} into out; with a tagger,
 * also tags each text into tagged.
 */
static int read_docs(scorer *s, const char *path, bool gold, lextag_tagger *t,
                     const char *date, docset *out, docset *tagged)
{
    json_lines jl = {fopen(path, "r"), NULL, 0, 0};
    size_t no_entities = 0;
    json_t *o;
    json_error_t jerr;
    int got = 0, rc = 0;
    if (!jl.f) {
        fprintf(stderr, "lextag eval: %s: cannot open\n", path);
        return 3;
    }
    while (!rc && (got = input_next_json(&jl, &o, &jerr)) > 0) {
        doc *d = docset_add(out);
        d->id = id_string(json_object_get(o, "id"), jl.lineno);
        json_t *ents = json_object_get(o, "entities");
        const char *bad = read_spans(s, ents, json_object_get(o, "text"), gold, d);
        if (bad) {
            fprintf(stderr, "lextag eval: %s:%zu: %s\n", path, jl.lineno, bad);
            rc = 3;
        }
        no_entities += !ents;
        json_t *text = json_object_get(o, "text");
        if (!rc && t && json_is_string(text)) {
            doc *p = docset_add(tagged);
            p->id = strdup(d->id);
            const char *dt = date ? date : json_string_value(json_object_get(o, "date"));
            tag_text(s, t, json_string_value(text), json_string_length(text), dt, p);
        }
        json_decref(o);
    }
    if (!rc && got == -1) {
        fprintf(stderr, "lextag eval: %s:%zu: not JSON: %s\n", path, jl.lineno, jerr.text);
        rc = 3;
    }
    if (!rc && no_entities)
        fprintf(stderr, "lextag eval: warning: %s: %zu records have no \"entities\" member "
                        "(read as having none)\n", path, no_entities);
    if (!rc && got == -2) {
        fprintf(stderr, "lextag eval: %s: read error: %s\n", path, strerror(errno));
        rc = 3;
    }
    free(jl.line);
    fclose(jl.f);
    return rc;
}

static double ratio(size_t a, size_t b)
{
    return b ? (double) a / (double) b : 0.0;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void report(const scorer *s, const int *types, int n, const counts *c, bool json)
{
    counts sum = {0};
    double macro_f = 0, macro_pf = 0;
    json_t *root = json_object();
    for (int k = 0; k <= n; k++) {
        const counts *x = k < n ? &c[k] : &sum;
        const char *name = k < n ? s->types[types[k]] : "micro";
        double p = ratio(x->tp, x->tp + x->fp), r = ratio(x->tp, x->tp + x->fn);
        double pp = ratio(x->ptp, x->ptp + x->pfp), pr = ratio(x->ptp, x->ptp + x->pfn);
        if (k < n) {
            sum.tp += x->tp, sum.fp += x->fp, sum.fn += x->fn;
            sum.ptp += x->ptp, sum.pfp += x->pfp, sum.pfn += x->pfn;
            macro_f += f1(p, r) / n;
            macro_pf += f1(pp, pr) / n;
        }
        if (json)
            json_object_set_new(root, name,
                                json_pack("{s:f,s:f,s:f,s:I,s:I,s:I,s:{s:f,s:f,s:f}}", "p", p,
                                          "r", r, "f1", f1(p, r), "tp", (json_int_t) x->tp,
                                          "fp", (json_int_t) x->fp, "fn", (json_int_t) x->fn,
                                          "partial", "p", pp, "r", pr, "f1", f1(pp, pr)));
        else
            printf("%-8s P=%.3f R=%.3f F1=%.3f  (tp=%zu fp=%zu fn=%zu)   partial P=%.3f R=%.3f "
                   "F1=%.3f\n",
                   name, p, r, f1(p, r), x->tp, x->fp, x->fn, pp, pr, f1(pp, pr));
    }
    if (json) {
        json_object_set_new(root, "macro", json_pack("{s:f,s:f}", "f1", macro_f,
                                                     "partial_f1", macro_pf));
        char *out = json_dumps(root, JSON_COMPACT);
        puts(out);
        free(out);
    } else {
        printf("macro    F1=%.3f   partial F1=%.3f\n", macro_f, macro_pf);
    }
    json_decref(root);
}

static const char eval_usage[] =
    "usage: lextag eval GOLD.jsonl [PRED.jsonl] [OPTIONS]\n"
    "\n"
    "Scores predicted spans against gold spans (code points), per type: exact\n"
    "and partial matches.  Without PRED.jsonl the gold texts are tagged.\n"
    "GOLD holds one record a line: {\"id\", \"text\", \"entities\": [{\"type\",\n"
    "\"start\", \"end\"}, ...]}, offsets in code points, end exclusive; PRED is\n"
    "lextag's JSON output.  Records pair up by id (\"line N\" without one).\n"
    "Options may come before or after the files; '--' ends them.\n"
    "\n"
    "  --types T1,T2,...      types to score (default PERSON,ORG)\n"
    "  --map GOLD=PRED,...    rename gold types before scoring\n"
    "  --json                 print the scores as JSON\n"
    "  --gazetteer PATH       add a gazetteer when tagging (repeatable)\n"
    "  --rules PATH           add a rules file when tagging (repeatable)\n"
    "  --no-defaults          do not load the built-in model\n"
    "  --model FILE           tag with a compiled model image\n"
    "  --rules-only           tag without the learned layer\n"
    "  --date YYYY-MM-DD      document date when tagging\n"
    "  -h, --help             show this help\n";

#define usage(...) \
    cli_usage_error("eval", "Try 'lextag eval --help' for more information.", __VA_ARGS__)

/* Options anywhere before "--" (GNU order).  Returns 0, 1 (usage error) or -1 (help shown). */
static int parse_args(int argc, char **argv, eval_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->types = "PERSON,ORG";
    bool opts = true;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (!opts || a[0] != '-' || !a[1]) {
            if (!o->gold)
                o->gold = a;
            else if (!o->pred)
                o->pred = a;
            else
                return usage("too many files");
        } else if (strcmp(a, "--") == 0)
            opts = false;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(eval_usage, stdout);
            return -1;
        } else if (strcmp(a, "--json") == 0)
            o->json = true;
        else if (strcmp(a, "--no-defaults") == 0)
            o->no_defaults = true;
        else if (strcmp(a, "--rules-only") == 0)
            o->rules_only = true;
        else if (strcmp(a, "--model") == 0 && more)
            o->model = argv[++i];
        else if (strcmp(a, "--types") == 0 && more) {
            o->types = argv[++i];
            if (cli_types_problem(o->types))
                return usage("--types: '%s' %s", o->types, cli_types_problem(o->types));
        }
        else if (strcmp(a, "--map") == 0 && more)
            o->map = argv[++i];
        else if (strcmp(a, "--date") == 0 && more) {
            o->date = argv[++i];
            if (!lextag_date_valid(o->date))
                return usage("--date must be a day of the calendar, YYYY-MM-DD, not '%s'",
                             o->date);
        }
        else if (strcmp(a, "--gazetteer") == 0 && more && o->n_gaz < 64)
            o->gaz[o->n_gaz++] = argv[++i];
        else if (strcmp(a, "--rules") == 0 && more && o->n_rules < 64)
            o->rules[o->n_rules++] = argv[++i];
        else
            return strcmp(a, "--gazetteer") == 0 || strcmp(a, "--rules") == 0
                       ? usage("too many --gazetteer or --rules, or a missing argument")
                       : usage("unknown option or missing argument: '%s'", a);
    }
    return o->gold ? 0 : usage("GOLD.jsonl is missing");
}

static lextag_model *build_model(const eval_opts *o)
{
    lextag_error err;
    char buf[1200];
    lextag_error_clear(&err);
    if (o->model || (!o->no_defaults && !o->n_gaz && !o->n_rules)) {
        lextag_model *m = o->model ? lextag_model_load(o->model, &err) : lextag_model_default(&err);
        if (!m)
            fprintf(stderr, "%s\n", lextag_error_format(&err, buf, sizeof(buf)));
        return m;
    }
    lextag_builder *b = lextag_builder_new(&err);
    lextag_model *m = NULL;
    int rc = b ? 0 : 1;
    if (!rc && !o->no_defaults)
        rc = lextag_builder_add_defaults(b, &err);
    for (int i = 0; !rc && i < o->n_gaz; i++)
        rc = lextag_builder_add_gazetteer(b, o->gaz[i], &err);
    for (int i = 0; !rc && i < o->n_rules; i++)
        rc = lextag_builder_add_rules(b, o->rules[i], &err);
    if (!rc)
        m = lextag_builder_build(b, &err);
    if (!m)
        fprintf(stderr, "%s\n", lextag_error_format(&err, buf, sizeof(buf)));
    lextag_builder_free(b);
    return m;
}

static void free_docs(docset *ds)
{
    for (size_t i = 0; i < ds->n; i++) {
        free(ds->v[i].id);
        free(ds->v[i].v);
    }
    free(ds->v);
}

int cli_eval(int argc, char **argv)
{
    eval_opts o;
    scorer s = {0};
    docset gold = {0}, pred = {0};
    lextag_model *m = NULL;
    lextag_tagger *t = NULL;
    int rc = parse_args(argc, argv, &o);
    if (rc < 0)
        return 0;
    s.rules_only = o.rules_only;
    if (!rc)
        rc = label_map_init(&s.map, o.map) ? usage("--map takes GOLD=PRED pairs") : 0;
    if (!rc && !o.pred && (!(m = build_model(&o)) || !(t = lextag_tagger_new(m, NULL))))
        rc = 2;
    if (!rc)
        rc = read_docs(&s, o.gold, true, t, o.date, &gold, &pred);
    if (!rc && o.pred)
        rc = read_docs(&s, o.pred, false, NULL, NULL, &pred, NULL);
    if (!rc) {
        int types[MAX_TYPES], n = 0;
        char *copy = strdup(o.types), *save = NULL;
        for (char *tn = strtok_r(copy, ",", &save); tn && n < MAX_TYPES;
             tn = strtok_r(NULL, ",", &save))
            if ((types[n] = type_index(&s, tn)) >= 0)
                n++;
        free(copy);
        counts c[MAX_TYPES] = {{0}};
        size_t missing = 0;
        for (size_t i = 0; i < gold.n; i++) {
            const doc *p = docset_find(&pred, gold.v[i].id);
            missing += p == NULL;
            for (int k = 0; k < n; k++)
                score_doc(&gold.v[i], p, types[k], &c[k]);
        }
        report(&s, types, n, c, o.json);
        if (missing)
            fprintf(stderr, "lextag eval: warning: %zu gold documents have no prediction\n",
                    missing);
    }
    free_docs(&gold);
    free_docs(&pred);
    for (int i = 0; i < s.n_types; i++)
        free(s.types[i]);
    label_map_free(&s.map);
    lextag_tagger_free(t);
    lextag_model_free(m);
    return rc;
}
