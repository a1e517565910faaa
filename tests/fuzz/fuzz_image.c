/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the model image loader, past its checksum.  The input is an
 * image (the seeds are small valid ones from `lextag compile`); its header's
 * size and checksum are set to match the bytes before loading, so a mutation
 * reaches the section table and the sections themselves instead of stopping
 * at "checksum mismatch".  The loader must either refuse the image with an
 * error or give a model that tags text within the invariants.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lextag/lextag.h>

#include "image.h"
#include "invariants.h"
#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Text with the seeds' names, rule matches, bill numbers and odd bytes. */
static const char probe[] =
    "Sen. Harriet Quill met Quillomab Labs and North Harbor Bank on Monday about H.R. 2210, "
    "42 U.S.C. 1983 and the Fair Harbor Access Act.\n\xff\xfe Zo\xc3\xab Baird \xf0\x9f\x98\x80 "
    "ACME-77 said Omar Lindqvist.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* mapped images are page-aligned: copy into an aligned buffer */
    uint64_t *buf = malloc(size / 8 * 8 + 8);
    FUZZ_CHECK(buf != NULL);
    memcpy(buf, data, size);
    lx_image_seal(buf, size);
    struct lextag_model *m = calloc(1, sizeof(*m));
    FUZZ_CHECK(m != NULL);
    lextag_error err;
    lextag_error_clear(&err);
    int rc = lx_image_attach(m, buf, size, "fuzz.lxm", true, &err);
    if (rc) {
        fuzz_check_error(rc, &err);
        lx_ruleset_free(&m->rules);
        free(m);
        free(buf);
        return 0;
    }
    m->image_static = true; /* buf is freed here, not by the model */
    char *info = lextag_model_info(m);
    FUZZ_CHECK(info != NULL);
    free(info);
    lextag_tagger *t = lextag_tagger_new(m, &err);
    FUZZ_CHECK(t != NULL);
    lextag_options opt = {.date = "2018-06-20", .all_candidates = size % 2 == 1};
    lextag_result *r = lextag_tagger_tag(t, probe, sizeof(probe) - 1, &opt, &err);
    fuzz_check_result(r, probe, sizeof(probe) - 1);
    lextag_result_free(r);
    lextag_tagger_free(t);
    lextag_model_free(m);
    free(buf);
    return 0;
}
