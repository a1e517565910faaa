/* SPDX-License-Identifier: MIT */
/*
 * The output stream: standard output, or a file written atomically (a
 * temporary file in the same folder, fsync, rename), so that a failed run
 * leaves the previous file untouched and no temporary file behind.  A new
 * file gets mode 0666 & ~umask, as a shell redirect gives; a replaced file
 * keeps its mode.  A path that is no regular file (a device, a FIFO, a
 * symbolic link) is written in place, as a shell redirect writes it.  A
 * reader that closed the pipe is not reported: the run just ends (see
 * output_reader_gone).
 */
#ifndef LEXTAG_CLI_OUTPUT_H
#define LEXTAG_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct output {
    FILE *f;
    const char *path;  /* final path, or NULL for standard output */
    char *tmp;         /* temporary path while writing; NULL when in place */
    bool reader_gone;  /* set by output_close: the pipe's reader went away */
} output;

/* Opens the output; prints an error and returns -1 on failure. */
int output_open(output *o, const char *path);

/*
 * Finishes: flushes and checks for write errors; with commit, renames the
 * temporary file into place, else removes it.  Returns 0 or -1 (error
 * printed, unless the reader of a pipe went away: then o->reader_gone).
 */
int output_close(output *o, bool commit);

/* True when f writes to a pipe or socket whose reader has closed it. */
bool output_reader_gone(FILE *f);

#endif
