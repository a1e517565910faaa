/* SPDX-License-Identifier: MIT */
/* Command-line options of lextag and their parser. */
#ifndef LEXTAG_CLI_OPTIONS_H
#define LEXTAG_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

/* The most --threads (lextag_tagger_set_threads accepts more). */
#define CLI_MAX_THREADS 256

enum cli_command { CMD_TAG, CMD_INFO, CMD_COMPILE };

typedef struct cli_options {
    enum cli_command cmd;
    bool jsonl;
    const char *format;
    const char *date;
    const char **gazetteers;
    size_t n_gazetteers;
    const char **rules;
    size_t n_rules;
    bool no_defaults;
    const char *model_file;
    const char *types;
    int threads;
    const char *output;
    bool all_candidates;
    bool rules_only;
    bool explain;
    bool quiet;
    bool stats;
    char **files;
    size_t n_files;
} cli_options;

/*
 * Parses argv.  Returns 0 to go on, -1 when the program should exit with
 * status 0 (--help, --version: already printed), or 1 for a usage error
 * (already reported on stderr).
 */
int cli_parse(cli_options *o, int argc, char **argv);

/* Frees the arrays of o. */
void cli_options_free(cli_options *o);

/*
 * What is wrong with s as a --types list (comma-separated type names in
 * capitals, none empty), or NULL when nothing is.  Tagging and eval ask.
 */
const char *cli_types_problem(const char *s);

/* Is s a whole number from 1 to max?  Then *n is it. */
bool cli_count(const char *s, long max, long *n);

/*
 * Reports a usage error of `lextag` (cmd NULL) or `lextag CMD` on stderr:
 * the message, then the line `hint` (where to read more).  Returns 1, the
 * status of a usage error.
 */
__attribute__((format(printf, 3, 4))) int cli_usage_error(const char *cmd, const char *hint,
                                                          const char *fmt, ...);

#endif
