/* SPDX-License-Identifier: MIT */
/*
 * Cues that capitalized words name a group (a band, a team, a firm), not a
 * person: a verb of joining, forming or leaving it, a contract or a tour
 * with it, a member of it or one who works at it, a plural verb or "their"
 * after it, its member's noun before a person's name.  A cue's words are
 * lowercase and stand right before or after a region: filters of their
 * hashes (verb_bits and the others in learned.h) turn most regions away
 * before any word list is probed.
 */
#ifndef LX_LEARN_CUES_H
#define LX_LEARN_CUES_H

#include <stdbool.h>
#include <stddef.h>

#include "learned.h"

/*
 * Does the name [a, b) name a group, as what a verb of founding makes
 * ("formed Nirvana", "co-founded the Lantern Guild"), what one joins
 * ("joined Led Zeppelin") or what members are of ("members of Carver
 * Stone")?  A band, a party or a company is formed, joined and has
 * members; a person seldom.
 */
bool lx_cues_names_a_group(const lx_toklist *tl, size_t a, size_t b);

/*
 * Does the name ending before token b name a person's group rather than
 * a group of its own: a possessive ("members of Suu Kyi's party") or a
 * noun of a person's following ("the newly formed Karzai government", "a
 * member of the Kennedy family")?
 */
bool lx_cues_persons_group(const lx_toklist *tl, size_t b);

/*
 * A name the layer read as no person's or organization's before a noun for
 * a band's member or a team's player and the person's name ("Coldplay
 * frontman Chris Martin", "Former Mudhoney guitarist Steve Turner", "Galway
 * midfielder Sean Keane") is the band's or the team's.
 * lx_retype_kind_named() retypes such a name read as a person's; this one
 * finds it where no span was.  The name is up to four capitalized words
 * from token a (past a sentence's
 * capitalized common word), none of them a nationality; a town is a
 * musician's home ("Seattle guitarist"), where it names a team.  Returns
 * the name's first token and sets *b, its end, or returns SIZE_MAX.
 */
size_t lx_cues_member_named(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t a,
                            bool opener, size_t *b);

/*
 * Capitalized words the layer read as no organization's (a person's, a
 * place's, a thing's or none) that a cue names a group (group_cue()) are
 * an organization's name: "signed with Sub Pop", "after leaving Genesis".
 * Encyclopedic writing about music names its bands with one word, which
 * the layer, taught by news, reads as a person's.  Up to four words, none
 * a known person's part (a title, or a first name with a surname; one
 * first name alone names no one in such writing: "joined Nirvana"), a
 * place's or a nation's, and none a word the document gives a person
 * elsewhere ("Coltrane" after "John Coltrane").  (Out of line: inlined
 * into lx_spans_of(), it slowed that function's loop by more than it costs.)
 * inner: a token of the region after its first may be other than a
 * capitalized word (false: none is a comma or a possessive).
 */
void lx_cues_group_by(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e, bool inner);

/* lx_cues_listed_by_kind() (below) once the word before the region is a
   lowercase "as", "like" or "including". */
void lx_cues_listed_after(lx_learn_lane *L, const lx_fctx *c, size_t s, size_t e);

/*
 * The names a plural kind of organization lists in region [s, e) are
 * organizations: "bands such as Oasis, Blur and Pulp", "companies
 * including Acme and Globex", whatever the layer read them as.  Each item
 * is up to four capitalized words between commas, "and" and "or"; an item
 * that is a known person's name (a title, a first name with a surname, a
 * list's person), a place or an event ("festivals such as") keeps its
 * reading, and the list ends at the first word that is none of these.
 * Relabels L->lab.  Inline: asked of every region, and the word before it
 * says no for nearly all.
 */
static inline void lx_cues_listed_by_kind(lx_learn_lane *L, const lx_fctx *c, size_t s,
                                          size_t e)
{
    if (s < 2 || !(c->tl->v[s - 1].flags & LX_TF_LOWER))
        return;
    const lx_token *w = &c->tl->v[s - 1];
    const char *f = lx_tok_fold(c->tl, w);
    if ((w->fold_len == 2 && f[0] == 'a' && f[1] == 's') ||
        (w->fold_len == 4 && memcmp(f, "like", 4) == 0) ||
        (w->fold_len == 9 && memcmp(f, "including", 9) == 0))
        lx_cues_listed_after(L, c, s, e);
}

#endif
