/* SPDX-License-Identifier: MIT */
/*
 * The end of every unit suite's main(): run the suite (each test in a
 * child process, Check's default, unless fork is false) and turn its
 * verdict into the exit status meson reads.
 */
#ifndef LX_TEST_RUN_SUITE_H
#define LX_TEST_RUN_SUITE_H

#include <check.h>
#include <stdbool.h>
#include <stdlib.h>

static inline int lx_run_suite(Suite *s, bool fork)
{
    SRunner *sr = srunner_create(s);
    if (!fork)
        srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
