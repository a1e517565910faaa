/* SPDX-License-Identifier: MIT */
/*
 * `lextag eval`: scores entity spans against a gold standard (exact match
 * and partial overlap, per type, micro and macro averages), with the same
 * exact-match figures as ../shared/tools/nerscore on the same files.
 */
#ifndef LEXTAG_CLI_EVAL_H
#define LEXTAG_CLI_EVAL_H

/*
 * Runs `lextag eval GOLD.jsonl [PRED.jsonl] [OPTIONS]`; argv[0] is "eval".
 * Returns the exit status: 0 ok, 1 usage error, 2 bad gazetteer, rule or
 * model file, 3 a file that cannot be read or parsed (or a write error).
 */
int cli_eval(int argc, char **argv);

#endif
