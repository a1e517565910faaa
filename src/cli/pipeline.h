/* SPDX-License-Identifier: MIT */
/*
 * The JSONL pipeline: a reader cuts the input into blocks of whole lines, a
 * persistent pool of workers parses, tags and formats every record of a
 * block into the block's own output, and whichever worker finishes the
 * oldest unwritten block writes it and every finished block after it.  A
 * fixed ring of blocks gives back-pressure: the reader waits for the writer,
 * so memory stays bounded on an endless stream, and the output is the same
 * for any number of threads.
 */
#ifndef LEXTAG_CLI_PIPELINE_H
#define LEXTAG_CLI_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <lextag/lextag.h>

#include "stats.h"

#define PIPELINE_EXIT_IO 3

typedef struct pipe_cfg {
    lextag_format format;
    const char *date;       /* --date: overrides the records' dates */
    const char *types;      /* --types or NULL */
    bool all_candidates;
    bool rules_only;        /* --rules-only */
    bool explain;           /* --explain */
    run_stats *stats;
    lextag_tagger **taggers; /* one per thread */
    int threads;
} pipe_cfg;

/* One document as the CLI tags it. */
typedef struct pipe_rec {
    const char *id;
    bool id_json;      /* id is a number, true or false: JSON text */
    const char *text;
    size_t len;
    const char *date;  /* the record's own date, or NULL */
    const char *error; /* an input record in error: write an error record */
    size_t index;      /* position in the output */
} pipe_rec;

/*
 * The date to tag record `id` with: `forced` (--date) when given, else the
 * record's own (the JSONL "date"), or NULL, with a warning on stderr, when
 * lextag cannot read it: the record is then tagged, and written, as if it
 * had none.
 */
const char *pipeline_record_date(const char *forced, const char *id, const char *date);

/*
 * Tags one record with t and writes it to out in the configured format (or
 * its error record); counts it in st.  Returns 1 when the record is in error
 * or could not be tagged (the run then exits with PIPELINE_EXIT_IO), else 0.
 */
int pipeline_tag_record(const pipe_cfg *c, lextag_tagger *t, const pipe_rec *r, FILE *out,
                        run_stats *st);

/*
 * Tags the JSONL files (standard input when n_files is 0; "-" is standard
 * input) to out.  Formats that number documents (Label Studio) are not
 * handled here.  Sets *status to PIPELINE_EXIT_IO when a record or file
 * failed; returns -1 on a write error, else 0.
 */
int pipeline_jsonl(const pipe_cfg *c, char **files, size_t n_files, FILE *out, int *status);

#endif
