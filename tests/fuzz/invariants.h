/* SPDX-License-Identifier: MIT */
/*
 * Checks shared by the fuzz targets: what every lextag result must satisfy
 * whatever the input.  Offsets are recomputed here from the bytes with a
 * decoder of our own (strict UTF-8; any other byte is one code point and one
 * UTF-16 unit, as Python's surrogateescape counts it), so a bug in the
 * library's offset maps cannot hide behind the same bug in the check.  A
 * violated invariant aborts, which is what a fuzzer reports.  Also the one
 * tagger of the built-in model that the targets share.
 */
#ifndef LX_FUZZ_INVARIANTS_H
#define LX_FUZZ_INVARIANTS_H

#include <stddef.h>

#include <lextag/lextag.h>

/* Aborts with a message when cond is false. */
#define FUZZ_CHECK(cond) \
    ((cond) ? (void) 0 : fuzz_fail(__FILE__, __LINE__, #cond))

void fuzz_fail(const char *file, int line, const char *what)
    __attribute__((noreturn));

/*
 * Checks every entity (and lost candidate) of r for text[0..len): inside the
 * text, sorted by byte_start, accepted entities not overlapping, all three
 * offset units slicing the same text, slices non-empty and free of invalid
 * UTF-8.  Then writes r as JSON, parses it back and checks that each
 * entity's "text" is exactly its slice.
 */
void fuzz_check_result(const lextag_result *r, const char *text, size_t len);

/* The offsets of every byte of a text, recomputed (see above). */
typedef struct fuzz_offsets fuzz_offsets;

fuzz_offsets *fuzz_offsets_new(const char *text, size_t len);
void fuzz_offsets_free(fuzz_offsets *o);

/*
 * Checks one entity of text[0..len) as fuzz_check_result() checks each:
 * inside the text, its three offset units slicing the same non-empty text,
 * free of invalid UTF-8.
 */
void fuzz_check_entity(const fuzz_offsets *o, const lextag_entity *e, const char *text,
                       size_t len);

/*
 * A tagger of the built-in model, made on the first call and freed at
 * exit: the targets reuse one across inputs, as a real caller would.
 */
lextag_tagger *fuzz_tagger(void);

/* Checks that a failed call left a usable error record in err. */
void fuzz_check_error(int code, const lextag_error *err);

#endif
