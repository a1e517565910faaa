/* SPDX-License-Identifier: MIT */
/*
 * The output stream: standard output, or a file written atomically (a
 * temporary file in the same folder, fsync, rename), so that a failed run
 * leaves the previous file untouched and no temporary file behind.
 */
#ifndef LEXTAG_CLI_OUTPUT_H
#define LEXTAG_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct output {
    FILE *f;
    const char *path; /* final path, or NULL for standard output */
    char *tmp;        /* temporary path while writing */
} output;

/* Opens the output; prints an error and returns -1 on failure. */
int output_open(output *o, const char *path);

/*
 * Finishes: flushes and checks for write errors; with commit, renames the
 * temporary file into place, else removes it.  Returns 0 or -1 (error
 * printed).
 */
int output_close(output *o, bool commit);

#endif
