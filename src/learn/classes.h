/* SPDX-License-Identifier: MIT */
/*
 * The class a decoded name takes from its own words or the words after it,
 * over the one the layer read: a definition ("X is an American rock band",
 * "X, a startup founded in 2019"), a king's, a queen's or a pope's numeral
 * ("Henry VIII"), a plural verb after one word ("Nice have been unable"),
 * the head word of a school, a laboratory or an observatory, a government
 * body the lists know.
 */
#ifndef LX_LEARN_CLASSES_H
#define LX_LEARN_CLASSES_H

#include <stdbool.h>
#include <stddef.h>

#include "learned.h"

/*
 * Is the one-word person [a, b) the subject of a plural verb, opening its
 * sentence alone or after one word ("Nice have been unable", "But
 * Deportivo were")?  A person is singular: such a name is a team or a
 * firm, written as its people, as British English writes them; or, in
 * -s, a plural ("Frames were cut", "Yazidis are"), no person's name at
 * all.  A name joined to another ("Adams and Platt are") is not alone.
 */
int lx_classes_plural_subject(const lx_fctx *c, size_t a, size_t b);

/*
 * Does the name [a, *b) end in a first name and a Roman numeral, a king's,
 * a queen's or a pope's ("Henry VIII", "Elizabeth I", "Clement VII")?
 * Such a name is a person's, its numeral included: the model read some as
 * organizations and left the numeral out of others ("James I of
 * England").  "I" after a name is the numeral only where no verb can
 * follow it (before "of", a comma, a stop, "and"), or after a monarch's
 * title.
 */
bool lx_classes_regnal_numbered(const lx_fctx *c, size_t a, size_t *b, size_t e);

/* Asked of most names: inline up to the first name that either shape
   needs before the numeral, the rest in lx_classes_regnal_numbered(). */
static inline bool lx_classes_regnal_name(const lx_fctx *c, size_t a, size_t *b, size_t e)
{
    const lx_token *v = c->tl->v;
    if (!(*b - a >= 2 && (v[*b - 2].bits & LX_EV_FIRSTNAME)) &&
        !(*b < e && (v[*b - 1].bits & LX_EV_FIRSTNAME)))
        return false;
    return lx_classes_regnal_numbered(c, a, b, e);
}

/*
 * The class a definition right after the name ending before token b gives
 * it: "X is an American rock band" (ORG), "X (born 1945) was a Canadian
 * politician" (PER), "X, a startup founded in 2019," (ORG).  After the
 * article, the noun phrase runs over words and hyphens up to punctuation,
 * a function word or a sentence's end; its head, the last of the kinds of
 * organization and person it names in a row ("a party politician", "a
 * record label"), decides.  LX_C_NONE when no such definition follows;
 * else *end_at is the token after the phrase.
 */
int lx_classes_defined(const lx_learn_lane *L, const lx_fctx *c, size_t b, size_t *end_at);

/*
 * A name opening its sentence that the layer read as a place, as another
 * kind of name or as no name, and that a definition types as a person or an
 * organization: "Coldplay are a British rock band", "Black Sabbath were an
 * English rock band" (the layer took it for a place).  The name is its
 * sentence's first capitalized words (after a "The"), or the place or other
 * name decoded there, up to the copula; a group "of" something ("a group
 * of islands") is no organization.  Token a opens its sentence (opener) or
 * a capitalized run within it, where only an apposition will do ("produced
 * by Kestrel, a German band"), and is capitalized or decoded as a name
 * (lx_spans_of() asks only of such tokens).  Returns the class and sets *b,
 * the name's end, or LX_C_NONE.
 */
int lx_classes_defined_opener(const lx_learn_lane *L, const lx_fctx *c, size_t r, size_t a,
                              bool opener, size_t *b);

/*
 * Is the name [a, b), which the layer read as a thing (MISC), exactly a
 * government body of the lists, of three words or more ("U.S. Immigration
 * and Customs Enforcement", "U.S. Army Corps of Engineers")?  Such a name
 * is the body; but one after a year, or before "election" or "race" (or a
 * word and one of them), names the election ("the 1992 United States
 * Senate special election").
 */
bool lx_classes_agency(const lx_learn_lane *L, const lx_fctx *c, size_t base, size_t a, size_t b);

/*
 * Is the name [a, b), which the layer read as a place or a thing, a
 * school, a laboratory, an observatory, an orchestra or a local public
 * body ("Saint Petersburg University", "Los Alamos National Laboratory",
 * "the European Southern Observatory", which a nation's adjective opens,
 * "the Los Angeles Philharmonic", "the Harlan County School Board")?
 * Those head words never end a place's name, where "Bank", "Union" or
 * "Hospital" may, nor a thing's.
 */
bool lx_classes_institution(const lx_fctx *c, size_t a, size_t b);

#endif
