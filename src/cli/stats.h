/* SPDX-License-Identifier: MIT */
/*
 * Run statistics: documents, bytes, entities per type, errors and time, for
 * the --stats summary and the progress line shown on a terminal.
 */
#ifndef LEXTAG_CLI_STATS_H
#define LEXTAG_CLI_STATS_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include <lextag/lextag.h>

#define STATS_TYPES 32

typedef struct run_stats {
    pthread_mutex_t lock;
    size_t docs, bytes, errors, total_bytes;
    const char *types[STATS_TYPES]; /* borrowed from the model */
    size_t counts[STATS_TYPES];
    double t0, last_progress;
    bool progress;                  /* stderr is a terminal and not --quiet */
    /* --stats with LEXTAG_TIMING set in the environment: where the time went */
    lextag_timing *phases;          /* the taggers' phase times, one per tagger; NULL: off */
    size_t n_phases;
    double reader, writer, workers; /* busy seconds: reading, writing, tagging (JSONL:
                                       CPU seconds per block of records) */
} run_stats;

/* Starts the clock; total_bytes (0 when unknown) gives the progress an ETA. */
void stats_init(run_stats *s, bool progress, size_t total_bytes);

/* Counts one entity of type `type` (borrowed from the model; not
   thread-safe: for a run_stats of one thread, merged later). */
void stats_count(run_stats *s, const char *type);

/* Counts one tagged document (thread-safe). */
void stats_add(run_stats *s, const lextag_result *r, size_t bytes, bool error);

/* Adds src's counts to dst (thread-safe for dst) and zeroes them in src. */
void stats_merge(run_stats *dst, run_stats *src);

/* Redraws the progress line at most a few times a second (main thread). */
void stats_progress(run_stats *s);

/* Seconds on CLOCK_MONOTONIC. */
double stats_now(void);

/* CPU seconds of the calling thread (a system call: per block, not per record). */
double stats_cpu(void);

/* Clears the progress line and, with json, prints the summary on stderr
   (with phases, a "timing" member: see DESIGN.md). */
void stats_finish(run_stats *s, bool json);

#endif
