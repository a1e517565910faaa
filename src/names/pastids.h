/* SPDX-License-Identifier: MIT */
/*
 * Ids of members of a Congress long past.  The list of members of Congress
 * holds every member since 1789, and many of those born before 1900 share
 * their names with people better known today: "George Harrison" and "John
 * Howard" name a nineteenth-century member each, but a text that does not
 * speak of Congress means the musician or the Australian prime minister.
 * Such entries carry era=past; their ids are given only in a document that
 * speaks of Congress (a word of congress-words.txt).  The name stays a
 * person's either way.
 */
#ifndef LX_PASTIDS_H
#define LX_PASTIDS_H

#include <stdbool.h>
#include <stddef.h>

#include "candidate.h"
#include "model.h"

/* Does text[0..len) hold a word of congress-words.txt, whole and as written? */
bool lx_pastids_congress(const char *text, size_t len);

/*
 * Takes the ids off the candidates of v[0..n) and w[0..nw) (a window's kept
 * and lost ones) that read an era=past entry of m, unless the document
 * speaks of Congress.  *congress says whether it does: true when an earlier
 * window of the document found so, and set here when text[0..len) is the
 * first to show it (the text is read at most once, and only when some
 * candidate needs it).
 */
void lx_pastids_settle(const struct lextag_model *m, lx_cand *v, size_t n, lx_cand *w,
                       size_t nw, const char *text, size_t len, bool *congress);

#endif
