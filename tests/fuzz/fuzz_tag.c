/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: arbitrary bytes tagged with the built-in model.  The model
 * and tagger are made once and reused, as a real caller would; every result
 * goes through the invariant checks (offsets in all three units, sorting,
 * slices, JSON round trip).  The input's length picks whether the resolver's
 * losers are kept, so both result lists get checked.
 */
#include <stdint.h>

#include <lextag/lextag.h>

#include "invariants.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lextag_tagger *tagger = fuzz_tagger();
    lextag_options opt = {NULL, NULL, size % 2 == 1, false, false};
    lextag_error err;
    lextag_error_clear(&err);
    lextag_result *r = lextag_tagger_tag(tagger, (const char *) data, size, &opt, &err);
    fuzz_check_result(r, (const char *) data, size);
    lextag_result_free(r);
    return 0;
}
