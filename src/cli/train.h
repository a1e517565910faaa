/* SPDX-License-Identifier: MIT */
/*
 * `lextag train`: trains the learned layer on annotated JSONL (the GOLD
 * format `lextag eval` reads) and writes a model image and/or weights.
 */
#ifndef LEXTAG_CLI_TRAIN_H
#define LEXTAG_CLI_TRAIN_H

/* Runs `lextag train ...`; argv[0] is "train".  Returns the exit status. */
int cli_train(int argc, char **argv);

#endif
