/* SPDX-License-Identifier: MIT */
/*
 * Differential fuzz target: the same input tagged three ways must give
 * byte-identical JSON: on one thread, on four threads, and with the model
 * saved as an image and loaded back.  The first input byte picks the stretch
 * length (64 bytes to 2 KiB), so small inputs are cut into many stretches
 * that the four-thread tagger really tags side by side; the length's parity
 * picks whether the resolver's losers are kept.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lextag/lextag.h>

#include "invariants.h"
#include "stretch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lextag_model *model, *reloaded;
static lextag_tagger *one, *four, *from_image;

static void cleanup(void)
{
    lextag_tagger_free(one);
    lextag_tagger_free(four);
    lextag_tagger_free(from_image);
    lextag_model_free(model);
    lextag_model_free(reloaded);
}

/* The built-in model written to an image file and mapped back. */
static lextag_model *save_and_load(const lextag_model *m)
{
    char path[] = "/tmp/lextag-fuzz-diff-XXXXXX";
    int fd = mkstemp(path);
    FUZZ_CHECK(fd >= 0);
    close(fd);
    lextag_error err;
    lextag_error_clear(&err);
    FUZZ_CHECK(lextag_model_save(m, path, &err) == 0);
    lextag_model *back = lextag_model_load(path, &err);
    unlink(path); /* the mapping outlives the name */
    FUZZ_CHECK(back != NULL);
    return back;
}

static void setup(void)
{
    model = lextag_model_default(NULL);
    FUZZ_CHECK(model != NULL);
    reloaded = save_and_load(model);
    one = lextag_tagger_new(model, NULL);
    four = lextag_tagger_new(model, NULL);
    from_image = lextag_tagger_new(reloaded, NULL);
    FUZZ_CHECK(one && four && from_image);
    FUZZ_CHECK(lextag_tagger_set_threads(four, 4, NULL) == 0);
    atexit(cleanup);
}

/* The result as JSON; the caller frees it. */
static char *tag_json(lextag_tagger *t, const char *text, size_t len, const lextag_options *opt,
                      size_t *out_len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, out_len);
    FUZZ_CHECK(f != NULL);
    lextag_result *r = lextag_tagger_tag(t, text, len, opt, NULL);
    FUZZ_CHECK(r != NULL);
    if (t == one)
        fuzz_check_result(r, text, len);
    FUZZ_CHECK(lextag_result_write(r, LEXTAG_FORMAT_JSON, "fuzz", opt->date, text, len, f,
                                   NULL) == 0);
    lextag_result_free(r);
    FUZZ_CHECK(fclose(f) == 0);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model)
        setup();
    if (size == 0)
        return 0;
    lx_stretch_size = (size_t) 64 << (data[0] % 6);
    const char *text = (const char *) data + 1;
    size_t len = size - 1, n1, n4, ni;
    lextag_options opt = {.date = "2018-06-20", .all_candidates = size % 2 == 1};
    char *j1 = tag_json(one, text, len, &opt, &n1);
    char *j4 = tag_json(four, text, len, &opt, &n4);
    char *ji = tag_json(from_image, text, len, &opt, &ni);
    FUZZ_CHECK(n1 == n4 && memcmp(j1, j4, n1) == 0);
    FUZZ_CHECK(n1 == ni && memcmp(j1, ji, n1) == 0);
    free(j1);
    free(j4);
    free(ji);
    return 0;
}
