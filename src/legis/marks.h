/* SPDX-License-Identifier: MIT */
/*
 * The state evidence of one document (matches of the kind=state rules and
 * the "115th Congress" marks), indexed so that settling each state bill
 * costs a binary search, not a walk over every mark: the marks are sorted
 * by start, and each bill type ("hb", "s.") has the list of the marks that
 * can speak for it, as have Congress ("us") and the unnamed state
 * ("state").  A document dense with bills then settles in
 * O(marks log marks), where a scan per bill was quadratic.
 *
 * Ties between marks at the same distance go to the lower rank (the
 * earlier rule of the rule files, the Congress marks last), then to the
 * earlier mark.
 */
#ifndef LX_MARKS_H
#define LX_MARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LX_MARK_CODE 8
#define LX_MARK_TYPE 8

enum { LX_MARKS_STATE = 1, LX_MARKS_US = 2 }; /* which marks a query wants */

typedef struct lx_mark {
    size_t s, e;
    uint32_t rank;            /* order of its rule */
    char code[LX_MARK_CODE];  /* "tx", "state" (some state), "us" (Congress) */
    const char *forms;        /* in the rule's line; NULL for "state" and "us" */
    size_t forms_len;
} lx_mark;

/* Marks of one kind, as indices into lx_marks.v, sorted by start. */
typedef struct lx_mark_list {
    char type[LX_MARK_TYPE]; /* bill type the marks speak for ("" for us, state) */
    size_t *v;
    size_t n, cap;
} lx_mark_list;

typedef struct lx_marks {
    lx_mark *v;
    size_t n, cap;
    size_t maxlen;              /* longest mark, bounds the walks back */
    lx_mark_list us, some;      /* Congress; some state not named */
    lx_mark_list *types;        /* one per bill type some mark speaks for */
    size_t n_types, types_cap;
} lx_marks;

/*
 * Appends a mark (unsorted until lx_marks_index); code[0..cl) and forms are
 * borrowed from the rule line.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_marks_add(lx_marks *mv, size_t s, size_t e, uint32_t rank, const char *code, size_t cl,
                 const char *forms, size_t fl);

/*
 * Sorts the marks and builds the lists.  A state written right after a
 * Congress mark of rank below `members_rank` ("the Senator from Nevada")
 * speaks for no state bill.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_marks_index(lx_marks *mv, const char *t, uint32_t members_rank);

/* Frees the marks and lists; mv may then be reused. */
void lx_marks_free(lx_marks *mv);

/*
 * The mark within [lo, hi) nearest to the bill t[s..e), not overlapping it,
 * that speaks for a bill of `type` (want & LX_MARKS_STATE) or is Congress's
 * (want & LX_MARKS_US); NULL if none.
 */
const lx_mark *lx_marks_nearest(const lx_marks *mv, size_t s, size_t e, size_t lo, size_t hi,
                                const char *type, int want);

/* How many marks of the document the same test accepts. */
size_t lx_marks_count(const lx_marks *mv, const char *type, int want);

/* Is a mark of some unnamed state ("the Legislature") within [lo, hi)? */
bool lx_marks_some_state(const lx_marks *mv, size_t lo, size_t hi);

/*
 * The mark speaking for `type` that ends at most 3 bytes of white space
 * before pos ("Texas House Bill 2"); NULL if none.
 */
const lx_mark *lx_marks_before(const lx_marks *mv, const char *t, size_t pos, const char *type);

#endif
