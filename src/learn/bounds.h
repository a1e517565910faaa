/* SPDX-License-Identifier: MIT */
/*
 * Passes over a stretch's learned spans, after decoding, that move a span's
 * ends, join two spans or split one, or drop spans: a head word after an
 * abbreviation or before "of" ("Warner Bros. Records", "the Journal of the
 * American Chemical Society"), two organizations read as one across "and",
 * a firm named for its partners, a list's name cut inside its parentheses,
 * and a term's acronym or a thing's name, which names no one.  A pass that
 * empties a span sets its end to its start, and lx_bounds_drop_emptied()
 * removes it.
 */
#ifndef LX_LEARN_BOUNDS_H
#define LX_LEARN_BOUNDS_H

#include <stddef.h>

#include "learned.h"

/* Removes the learned spans a pass emptied (end set to start). */
void lx_bounds_drop_emptied(lx_learn_lane *L);

/* Learned span i takes in span i + 1, which goes. */
void lx_bounds_absorb_next(lx_learn_lane *L, size_t i);

/*
 * "Warner Bros. Records", "Acme Co. Music": an organization's head word
 * that the layer read as a name of its own right after an abbreviation
 * that ends an organization's name makes one name with it, a body of its
 * own that the first name's list entry is not.  (The tokenizer may have
 * taken the period for a sentence's end; a head word alone names nothing.)
 */
int lx_bounds_head_after_abbreviation(lx_learn_lane *L, const lx_fctx *fc, size_t base,
                                      lx_arena *arena);

/*
 * "the Journal of the American Chemical Society", "the University of the
 * Punjab Press": a head word that names nothing alone, read as an
 * organization of its own, then "of" (and "the") and an organization, is
 * one name: the journal or the body "of" the other.  A word that opens
 * names ("Journal", "Institute") joins the organization after it even where
 * a list knows the word alone (a paper called "Journal"); the joined name,
 * another body, keeps neither list entry.
 */
int lx_bounds_head_of_body(lx_learn_lane *L, const lx_fctx *fc, size_t base, lx_arena *arena);

/*
 * "Banc One and First Chicago", "Harlow University and Dunmore College": two
 * organizations joined by "and" that the layer read as one.  The first ends
 * in a body's head word ("University", "Party") or is a list's name, and
 * the second is two words or more opening with a capitalized word that is
 * no company's designator ("Morgan Stanley and Co Inc" is one).  One name
 * holds "and" where the words before it are not a name of their own
 * ("Securities and Exchange Commission", "Social Democratic and Labour
 * Party"), or where one word follows it ("Procter and Gamble").
 */
int lx_bounds_split_joined_bodies(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * "Miles Davis for Columbia Records", "Chicago for Okeh Records",
 * "Columbia Records for Atlantic Records": a name, then "for" and a label's
 * or a company's name that ends in a body's head word, read as one
 * organization.  A person's name before "for" (a first name, then a
 * surname) becomes a person's, a town's one word leaves (a country's stays:
 * "Bulgaria for Citizens Movement" is a party), and a body
 * ending in the same head word stays one of its own.  A body named "for"
 * what it serves keeps its "for": the words before it hold a head word
 * ("Center for Constitutional Rights", "Association for Computing
 * Machinery") or the words after it end in none ("Alliance for European
 * Integration").  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_bounds_split_at_for(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * "the Cavendish Laboratory of the University of Cambridge", "the Leadership
 * Institute of the University of Southern California": a body, "of the"
 * and the larger body it is part of, read as one organization, are two.
 * The first is a name of two words or more ending in a body's head word,
 * and the second opens with a word that heads names before "of"
 * ("University", "Academy", "Institute"), or, after "of" alone, is a name
 * ending in a head word ("the Lamont Geological Observatory of Columbia
 * University"; "the U.N. Office of Project Services" is one).  "Board of
 * the Leadership Institute" stays whole: one word is no name.  Returns 0
 * or LEXTAG_ERR_NOMEM.
 */
int lx_bounds_split_part_of_body(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * "the OSCE Chechnya mission", "a UN Kosovo envoy": a body's acronym and
 * the place it sends a mission to, read as one organization, are the
 * acronym alone (the place is no part of its name; "BBC Scotland
 * reported", with no mission's noun after it, stays whole).
 */
void lx_bounds_place_after_acronym(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * "Nick Cave and the Bad Seeds", "Siouxsie and the Banshees": a singer's
 * name, "and the" and a plural name no list knows is one band's name.  The
 * person is no list's (that "Bush and the Democrats" are two), and the
 * plural's words are no place's, country's or people's ("Arafat and the
 * Palestinians", "St. Vincent and the Grenadines").
 */
void lx_bounds_backing_bands(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * A firm named for its partners (firms.h: "Paul, Weiss, Rifkind, Wharton &
 * Garrison LLP") that the layer read in part ("Wharton & Garrison LLP", with
 * "Maria Delgado of Paul" a person) is one organization: the learned
 * organization over its ampersand takes the whole name, the spans over the
 * other partners go ("Marsh" too, which a list knows as a company), and one
 * that runs into it from before ends before it, unless a list knows that
 * one.
 */
void lx_bounds_firm_names(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * Drops the learned spans that are a term's acronym or the phrase that
 * spells it out in the stretch ("support vector machine (SVM)", terms.h),
 * or a name a noun for a kind of thing introduced ("the protein TERT",
 * thing_named() in spans.c), written as there; a name a list gave its id
 * stays.
 */
void lx_bounds_drop_terms(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * Drops the learned spans that are a party of a court case's name, written
 * "A v. B" ("Harlow v. Fitzgerald", "Brown v. Board of Education"):
 * annotation names the case as a whole, a thing.  Only that spelling:
 * "Leeds v Chelsea" is a fixture of two clubs, "Sampras vs. Voinea" a
 * tennis draw's match.
 */
void lx_bounds_drop_case_parties(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * Drops the learned spans that are a state's postal code or "D.C." after a
 * place and a comma ("Washington, D.C. before the war", "Austin, TX"): the
 * place's state, written the way addresses write it, whose capitals and
 * stops read like a name's initials.
 */
void lx_bounds_drop_states_after_places(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * An unlisted body after a possessive takes in its owner where the owner
 * is part of its name: a capitalized common word or a saint's name ("the
 * Lord's Day Alliance", "St Aidan's Academy"); spans the layer read in the
 * owner are dropped.
 */
void lx_bounds_owner_in_name(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * An organization's name that ends in a designator written short ("Inc",
 * "Co") keeps the designator's stop where no sentence ends at it ("Acme
 * Corp., the lender"), and a second designator after the first and a
 * comma, read as a name of its own, joins it ("Baird & Co., Inc.").
 */
void lx_bounds_designator_stops(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * In a title-case line, an unlisted name sheds the verbs the headline
 * capitalizes, before it ("Judge Blocks Trump Plan") and after it
 * ("National Rifle Association Sues Cities").
 */
void lx_bounds_title_case_words(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * A name a list knows, which the learned layer cut inside its parentheses
 * ("Pakistan Muslim League (N" for "Pakistan Muslim League (N)"): the
 * entry takes the span's place.  (Not a name it read in pieces: "U.S. Court
 * of Appeals" and "Fifth Circuit" are two names to the news annotation
 * it learned from, though a list holds "U.S. Court of Appeals for the
 * Fifth Circuit".)  An entry marked ambiguous ("Apple") gets none of this.
 */
int lx_bounds_closed_entries(lx_learn_lane *L, const char *doc, lx_arena *arena);

/*
 * A span that a pass after decoding cut, grew or retyped into a name a list
 * knows takes that entry's id and source, as a span decoded whole does
 * ("Goldman Sachs" split off "Goldman Sachs and Qatalyst Partners"), and
 * so does one that ends in a stop the list's name lacks ("Inc." for "Inc").
 */
int lx_bounds_listed_spans(lx_learn_lane *L, const char *doc, lx_arena *arena);

#endif
