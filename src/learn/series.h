/* SPDX-License-Identifier: MIT */
/*
 * Passes over a stretch's learned spans, after decoding, that read the names
 * of a list ("A, B and C") alike: a list's entry the layer left out between
 * names of its type, the odd item out typed as most of the list, the names
 * read as people or organizations in a list of works, and the lone acronyms
 * a list or a definition makes formats or methods; and one reading per
 * stretch, for a list's entry the layer read as a name elsewhere in it
 * ("Congress").
 */
#ifndef LX_LEARN_SERIES_H
#define LX_LEARN_SERIES_H

#include <stddef.h>

#include "learned.h"

/*
 * The items of a list share a type: a list's entry (a gazetteer's, with its
 * id) that the learned layer left out is one of them, as the rules read it,
 * when it stands between two learned names of its type joined by commas,
 * "and" or "or" ("Google, Amazon and Oracle Corp."), or next to one joined
 * by "and" or "or" ("Microsoft and Google").  Alone, "Amazon" is as likely
 * the river.
 */
int lx_series_items(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * The items of a list share a type: capitalized words the layer read as no
 * name, which go on a list after a learned person's or organization's name
 * ("works by Mahler, Bruckner and Shostakovich"), are names of its type
 * when they are no word a list knows as something else (a place, a
 * people, a title, an English word) and the list is one: three names or
 * more, joined by commas and ending in "and" or "or" (its last name may be
 * a learned one of the same type).  They get the source "context:list", as
 * the rules' own list items do.
 */
int lx_series_unread_items(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * The items of a list share a type: in a list of three names or more,
 * joined by commas, "and" or "or", where two thirds or more are of one type
 * (people or organizations), the others take that type, unless may_retype()
 * says no ("Kraftwerk influenced Depeche Mode, New Order and the Pet Shop
 * Boys": a band read as a person).
 */
int lx_series_types(lx_learn_lane *L, const lx_fctx *fc, size_t base, lx_arena *arena);

/*
 * A name read as a person's or an organization's among works: in a list of
 * three items or more, joined by commas, "and" or "or", where two thirds or
 * more are names the layer read as titles or events ("Gone with the Wind,
 * Great Expectations, Lonesome Dove and Catch-22"), the others are titles
 * too, unless may_be_work() says no.  Such a name is dropped.
 */
void lx_series_works(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * In a sentence standing alone (an encyclopedia's), a lone acronym that no
 * list knows, in a list of such acronyms ("SGML, RDF, RDFS", "TER, METEOR")
 * or defined as a thing that is neither a body nor a person ("SVM is a
 * supervised learning model"), is a format, a method or a metric rather
 * than the organization the layer read.  It stays one where the text says
 * it is a body (acronym_as_body()), or where it is an item of a list with
 * an organization that is no acronym ("FRELIMO, RENAMO and the Democratic
 * Movement of Mozambique").  Alone and with no such word around it, it is
 * left to the layer: a band or a label ("ABBA toured", "released on RCA")
 * is written so too.  News text, where such an acronym is mostly an
 * organization, keeps the layer's reading.
 */
void lx_series_technical_acronyms(lx_learn_lane *L, const lx_fctx *fc, size_t base);

/*
 * One name, one reading in a stretch: a list's entry with an id (not an
 * ambiguous one) that the learned layer read as a name of the entry's type
 * somewhere in the stretch is one too where it left it out, when it
 * stands as a phrase of its own (phrase_ends()) and does not end a longer
 * name (ends_longer_name(): "Indian National Congress").  "Congress" read
 * in one sentence and missed in the next is the same Congress.
 */
int lx_series_one_reading(lx_learn_lane *L, const lx_fctx *fc, size_t base);

#endif
