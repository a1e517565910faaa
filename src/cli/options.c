/* SPDX-License-Identifier: MIT */
/*
 * Option parsing with getopt_long.  The option list mirrors DESIGN.md's
 * command-line contract and the lextag(1) manual.
 */
#define _GNU_SOURCE /* sched_getaffinity */
#include "options.h"

#include <getopt.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lextag/lextag.h>

static const char usage_text[] =
    "usage: lextag [OPTIONS] [FILE...]          tag files (or standard input)\n"
    "       lextag compile -o FILE [OPTIONS]      save the model as an image\n"
    "       lextag info [OPTIONS]                 describe the model\n"
    "       lextag eval GOLD.jsonl [PRED.jsonl]   score spans against gold spans\n"
    "       lextag train --data FILE.jsonl [OPTIONS] -o IMAGE|--weights FILE\n"
    "                                             train the learned layer\n"
    "       lextag COMMAND --help                 help on one command\n"
    "\n"
    "Tags people, organizations and US legislation references and prints\n"
    "JSON Lines: one object per document with exact entity offsets.\n"
    "Options may come before or after the files; '--' ends them.\n"
    "\n"
    "  --input text|jsonl     jsonl: one {\"id\", \"text\", \"date\"?} per line\n"
    "  --format F             json (default), brat, conll, doccano, labelstudio, html;\n"
    "                         brat with -o DIR/ (a trailing slash) writes DIR/NAME.ann\n"
    "                         and DIR/NAME.txt per document\n"
    "  --date YYYY-MM-DD      document date (for the Congress of bill numbers)\n"
    "  --gazetteer PATH       add a gazetteer file or folder (repeatable)\n"
    "  --rules PATH           add a rules file or folder (repeatable)\n"
    "  --no-defaults          do not load the built-in model\n"
    "  --model FILE           load a compiled model image\n"
    "  --types T1,T2,...      keep only these entity types\n"
    "  --threads N            threads, 1 to 256 (default: every processor the process\n"
    "                         may run on); output is the same for any N, in input order\n"
    "  --all-candidates       also print the candidates that lost overlaps or that the\n"
    "                         learned layer overruled\n"
    "  --rules-only           tag without the learned layer (rules and lists only)\n"
    "  --explain              give each PERSON/ORG an \"explain\" member\n"
    "  -o FILE                write output to FILE (replaced atomically, and only\n"
    "                         when at least one document was tagged)\n"
    "  -q, --quiet            no progress line\n"
    "  --stats                print a JSON summary on stderr at the end\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n"
    "\n"
    "Exit status: 0 ok, 1 usage error, 2 bad or unreadable gazetteer, rule or\n"
    "model file, 3 input or output error (other inputs are still processed).\n";

static const char compile_text[] =
    "usage: lextag compile -o FILE [--gazetteer PATH]... [--rules PATH]... [--no-defaults]\n"
    "\n"
    "Builds the model (the built-in one, plus or instead of the given gazetteers\n"
    "and rules) and saves it as an image for --model FILE.\n"
    "\n"
    "  -o FILE                the image to write (replaced atomically)\n"
    "  --gazetteer PATH       add a gazetteer file or folder (repeatable)\n"
    "  --rules PATH           add a rules file or folder (repeatable)\n"
    "  --no-defaults          leave out the built-in model\n"
    "  -h, --help             show this help\n";

static const char info_text[] =
    "usage: lextag info [--model FILE | [--gazetteer PATH]... [--rules PATH]... [--no-defaults]]\n"
    "\n"
    "Prints what the model holds (types, entries, rules) as JSON.\n"
    "\n"
    "  --model FILE           describe a compiled model image\n"
    "  --gazetteer PATH       add a gazetteer file or folder (repeatable)\n"
    "  --rules PATH           add a rules file or folder (repeatable)\n"
    "  --no-defaults          leave out the built-in model\n"
    "  -h, --help             show this help\n";

enum {
    OPT_INPUT = 256, OPT_FORMAT, OPT_DATE, OPT_GAZ, OPT_RULES, OPT_NODEF,
    OPT_MODEL, OPT_TYPES, OPT_THREADS, OPT_ALL, OPT_STATS, OPT_RULES_ONLY, OPT_EXPLAIN,
};

static const struct option long_opts[] = {
    {"input", required_argument, NULL, OPT_INPUT},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"date", required_argument, NULL, OPT_DATE},
    {"gazetteer", required_argument, NULL, OPT_GAZ},
    {"rules", required_argument, NULL, OPT_RULES},
    {"no-defaults", no_argument, NULL, OPT_NODEF},
    {"model", required_argument, NULL, OPT_MODEL},
    {"types", required_argument, NULL, OPT_TYPES},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"all-candidates", no_argument, NULL, OPT_ALL},
    {"stats", no_argument, NULL, OPT_STATS},
    {"rules-only", no_argument, NULL, OPT_RULES_ONLY},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"output", required_argument, NULL, 'o'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* The long name of option c. */
static const char *option_name(int c)
{
    for (const struct option *p = long_opts; p->name; p++)
        if (p->val == c)
            return p->name;
    return "?";
}

/* Does option c only matter to tagging (or, for info, to writing a file)?
   info and compile refuse it rather than ignore it. */
static bool tagging_only(enum cli_command cmd, int c)
{
    switch (c) {
    case OPT_INPUT: case OPT_FORMAT: case OPT_DATE: case OPT_TYPES: case OPT_THREADS:
    case OPT_ALL: case OPT_STATS: case OPT_RULES_ONLY: case OPT_EXPLAIN: case 'q':
        return true;
    case 'o':
        return cmd == CMD_INFO;
    default:
        return false;
    }
}

int cli_usage_error(const char *cmd, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "lextag%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s\n", hint);
    return 1;
}

#define usage_error(...) \
    cli_usage_error(NULL, "Try 'lextag --help' for more information.", __VA_ARGS__)

static int push(const char ***v, size_t *n, const char *s)
{
    const char **p = realloc(*v, (*n + 1) * sizeof(*p));
    if (!p)
        return -1;
    p[(*n)++] = s;
    *v = p;
    return 0;
}

const char *cli_types_problem(const char *s)
{
    for (const char *p = s; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == ','))
            return "is not a comma-separated list of types in capitals";
    /* an empty list or an empty item is a slip (an unset shell variable), not
       a request for every type or for none */
    if (!*s || *s == ',' || s[strlen(s) - 1] == ',' || strstr(s, ",,"))
        return "has an empty type";
    return NULL;
}

static int check_types(const char *s)
{
    const char *problem = cli_types_problem(s);
    return problem ? usage_error("--types: '%s' %s", s, problem) : 0;
}

static int parse_one(cli_options *o, int c, const char *arg)
{
    switch (c) {
    case OPT_INPUT:
        if (strcmp(arg, "text") && strcmp(arg, "jsonl"))
            return usage_error("--input must be text or jsonl, not '%s'", arg);
        o->jsonl = strcmp(arg, "jsonl") == 0;
        return 0;
    case OPT_FORMAT:
        if (lextag_format_from_name(arg) < 0)
            return usage_error("unknown --format '%s' (known: json, brat, conll, doccano, "
                               "labelstudio, html)", arg);
        o->format = arg;
        return 0;
    case OPT_DATE:
        if (!lextag_date_valid(arg))
            return usage_error("--date must be a day of the calendar, YYYY-MM-DD, not '%s'", arg);
        o->date = arg;
        return 0;
    case OPT_GAZ:
        return push(&o->gazetteers, &o->n_gazetteers, arg) ? 1 : 0;
    case OPT_RULES:
        return push(&o->rules, &o->n_rules, arg) ? 1 : 0;
    case OPT_NODEF:
        o->no_defaults = true;
        return 0;
    case OPT_MODEL:
        o->model_file = arg;
        return 0;
    case OPT_TYPES:
        o->types = arg;
        return check_types(arg);
    case OPT_THREADS: {
        long v;
        if (!cli_count(arg, CLI_MAX_THREADS, &v))
            return usage_error("--threads must be a number from 1 to %d, not '%s'",
                               CLI_MAX_THREADS, arg);
        o->threads = (int) v;
        return 0;
    }
    case OPT_ALL:
        o->all_candidates = true;
        return 0;
    case OPT_STATS:
        o->stats = true;
        return 0;
    case OPT_RULES_ONLY:
        o->rules_only = true;
        return 0;
    case OPT_EXPLAIN:
        o->explain = true;
        return 0;
    case 'o':
        o->output = arg;
        return 0;
    case 'q':
        o->quiet = true;
        return 0;
    default:
        return 1;
    }
}

/*
 * The option getopt_long() turned down.  A short one is named by optopt:
 * in "-t1" or "-qx", argv[optind - 1] is the argument before the cluster
 * (or the program), not the option.
 */
static int bad_option(int argc, char **argv)
{
    if (optopt > 0 && optopt < 256 && optopt != '?') {
        if (optopt == 'o')
            return usage_error("%s", "option '-o' needs an argument");
        return usage_error("unknown option '-%c'", optopt);
    }
    const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
    return usage_error("unknown option or missing argument: '%s'", arg);
}

/*
 * The processors this process may run on: those of its CPU affinity
 * (taskset, a container's cpuset), as nproc counts them, else every one
 * online.
 */
static long processors(void)
{
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
#endif
    return sysconf(_SC_NPROCESSORS_ONLN);
}

int cli_parse(cli_options *o, int argc, char **argv)
{
    memset(o, 0, sizeof(*o));
    o->format = "json";
    /* like ripgrep: all processors unless told otherwise (output is the same) */
    long ncpu = processors();
    o->threads = ncpu < 1 ? 1 : ncpu > CLI_MAX_THREADS ? CLI_MAX_THREADS : (int) ncpu;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "info") == 0) {
        o->cmd = CMD_INFO;
        first = 2;
    } else if (argc > 1 && strcmp(argv[1], "compile") == 0) {
        o->cmd = CMD_COMPILE;
        first = 2;
    }
    optind = first;
    opterr = 0;
    int c;
    /* no '+': GNU order, options anywhere before "--" */
    while ((c = getopt_long(argc, argv, "o:qhV", long_opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(o->cmd == CMD_INFO ? info_text : o->cmd == CMD_COMPILE ? compile_text
                                                                          : usage_text,
                  stdout);
            return -1;
        }
        if (c == 'V') {
            printf("lextag %s\n", lextag_version());
            return -1;
        }
        if (c == '?' || c == ':')
            return bad_option(argc, argv);
        if (o->cmd != CMD_TAG && tagging_only(o->cmd, c))
            return usage_error("%s does not take --%s: it tags nothing",
                               o->cmd == CMD_INFO ? "info" : "compile", option_name(c));
        int rc = parse_one(o, c, optarg);
        if (rc)
            return rc;
    }
    o->files = argv + optind;
    o->n_files = (size_t) (argc - optind);
    if (o->cmd != CMD_TAG && o->n_files)
        return usage_error("unexpected argument '%s'", o->files[0]);
    if (o->cmd == CMD_COMPILE && !o->output)
        return usage_error("%s", "compile needs -o FILE");
    if (o->model_file && (o->n_gazetteers || o->n_rules))
        return usage_error("%s", "--model cannot be combined with --gazetteer or --rules");
    return 0;
}

bool cli_count(const char *s, long max, long *n)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || end == s || v < 1 || v > max)
        return false;
    *n = v;
    return true;
}

void cli_options_free(cli_options *o)
{
    free(o->gazetteers);
    free(o->rules);
}
