/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the rule-file parser.  The input is a rule file; when it
 * parses, the model is built and tags the input itself (the patterns' own
 * text is the likeliest to match them), and the result is checked like any
 * other.  When it does not parse, the error must carry a location.
 */
#include <stdint.h>

#include <lextag/lextag.h>

#include "invariants.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *) data;
    lextag_error err;
    lextag_error_clear(&err);
    lextag_builder *b = lextag_builder_new(&err);
    FUZZ_CHECK(b != NULL);
    int rc = lextag_builder_add_rules_data(b, "fuzz.rules", text, size, &err);
    if (rc) {
        fuzz_check_error(rc, &err);
        lextag_builder_free(b);
        return 0;
    }
    lextag_model *m = lextag_builder_build(b, &err);
    lextag_builder_free(b);
    FUZZ_CHECK(m != NULL);
    lextag_tagger *t = lextag_tagger_new(m, &err);
    FUZZ_CHECK(t != NULL);
    lextag_options opt = {"2018-06-20", NULL, true, false, false};
    lextag_result *r = lextag_tagger_tag(t, text, size, &opt, &err);
    fuzz_check_result(r, text, size);
    lextag_result_free(r);
    lextag_tagger_free(t);
    lextag_model_free(m);
    return 0;
}
