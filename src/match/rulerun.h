/* SPDX-License-Identifier: MIT */
/*
 * The rule engine's part of the first pass: every PCRE2 rule without
 * anchors over the whole stretch, then each anchored rule only in the
 * windows where its literal anchors occur (noted by the token scan), with
 * the windows of one rule merged.  A rule that hits its match or depth
 * limit is skipped for the rest of the stretch and reported, never retried.
 */
#ifndef LX_RULERUN_H
#define LX_RULERUN_H

#include "stretch.h"

/*
 * Runs the model's rules over doc[a..b) of a document of len bytes, pushing
 * their candidates onto t->cands; rules cut off by their limits are added to
 * out->limits.  Clears the lane's windows.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_rulerun_stretch(lx_lane *t, const char *doc, size_t len, size_t a, size_t b,
                       const lx_legis_doc *ld, lx_stretch_out *out);

#endif
