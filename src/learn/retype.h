/* SPDX-License-Identifier: MIT */
/*
 * Passes over a stretch's learned spans, after decoding, that change what
 * a span reads as: its type, from what the text says of it (a definition
 * elsewhere in the stretch, "known as", a noun for its kind before it, a
 * title, a composer's possessive, a company's full name, a body named for
 * the person, a researcher's "at"), and the words at its edges that the
 * same reading takes in ("Glass Lantern", "Faber and Faber", "Los Lobos del
 * Sur").
 */
#ifndef LX_LEARN_RETYPE_H
#define LX_LEARN_RETYPE_H

#include <stddef.h>

#include "learned.h"

/*
 * A name a definition typed ("Velvet Compass was an English rock band") is
 * of that type wherever else the stretch writes it the same way, unless a
 * list gave that mention its id.
 */
void lx_retype_as_defined(lx_learn_lane *L, const char *doc);

/*
 * A name given as what another goes by ("Marta Vieira da Silva, known as
 * Marta"; "the Hudson Valley Players (also known as the Players)") is of
 * the other's type, unless a list gave it its id.
 */
void lx_retype_as_known(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * A name the layer read as a person's that a noun for a band, a firm or a
 * paper heads ("the Brooklyn string quartet Argus Strings", "the label Def
 * Jam", "the magazine Der Spiegel"), unless it is a first name and a
 * surname, or whose member or player it names before a name ("Fleet Foxes
 * frontman Robin Pecknold", "Norwich striker Keith O'Neill"), or that a
 * person is "of" ("Ben Gibbard of Death Cab", "formerly of Rilo Kiley"),
 * or that a body's kind ends after "the" ("the opposition Pakatan Harapan
 * coalition", "the Yisrael Beitenu party"; not a first name and a
 * surname), is an organization's, unless a list gave it its id.  (A party, a council
 * or a trio heads its leader's or its players' names: "the liberal
 * democratic party Vladimir Zhirinovsky", "pace trio David Millns".)
 */
void lx_retype_kind_named(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * "Rachmaninoff's Third Piano Concerto", "Bach's St Matthew Passion",
 * "Beethoven's Ninth": one word written with "'s" before the title of a
 * piece of music (music-works.txt) or a bare ordinal is the composer, a
 * person, though the layer, which learned from news that "X's" before a
 * capitalized phrase is mostly a firm's ("Microsoft's Windows"), read an
 * organization.  A name a list gave its id stays as it is.
 */
void lx_retype_composers_of_works(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * "the band Los Lobos del Sur", "Banco de la Plata": a name's particle
 * ("del", "de la") goes on with the name before it, which the layer read
 * as an organization and the rest, from the particle, as a person's.  The
 * person's span joins the organization's when one space parts them and no
 * list gave either an id.
 */
void lx_retype_particle_tails(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * "Senator Ford", "Justice Jackson": a person's title and a surname, read as
 * an organization (the layer knows "Ford" as a firm), are the person: the
 * span keeps the surname, as a person's.  A second word that is a common
 * word or heads bodies leaves the organization alone ("General Electric",
 * "Justice Department", "Dr Pepper"), as does a list's id.
 */
void lx_retype_titled_people(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * "Glass Lantern's music ...", "Young Fathers toured ...": a name opening
 * its sentence with a common word loses that word to the layer, which
 * reads such a word there as no name's ("Lantern").  Where the stretch
 * wrote the whole name before and the layer read it in full ("Glass
 * Lantern is an English band"), the span takes its first word back.
 */
void lx_retype_sentence_opener_names(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * "Faber and Faber", "Farrar & Farrar": one surname twice, joined by "and",
 * names a firm of its founders, never two people of one name.  The two
 * words (one span or two, of one word each) become one organization; a
 * first name that is no surname is left alone.
 */
void lx_retype_repeated_name_firms(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * A company named in full as a word and its trade ("Juniper Networks",
 * "Arista Systems", "Kestrel Motors") or its designator ("Lomason Corp")
 * goes by the word alone in the rest of the text: "Juniper shareholders",
 * "Shares of Juniper".  A learned person's name of that one word is the
 * company's, unless a person of the stretch bears the word in a longer
 * name ("Michael Dell" beside "Dell Technologies") or a list gave the
 * word its id.
 */
void lx_retype_company_short_names(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * A company a list knows by one everyday word ("Apple", "Target"), which
 * the layer read as a person's name alone ("Apple said it would comply"):
 * no one goes by a common noun alone unless named in full first, so unless
 * a person's name of the stretch bears the word ("Fiona Apple") or a list
 * of people knows it, the word is the company's.  A surname a company
 * bears is left alone ("Dupont was a member of the party").
 */
void lx_retype_listed_firm_words(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * An organization of a first name and a surname that heads bodies, no
 * list's, followed by "at" and a capitalized name ("George Church at
 * Harvard University", "Hannah Bank at the Sanger Institute"), is a person
 * and the institution the person works at: a body at a university is
 * rare, a researcher there common.
 */
void lx_retype_affiliated_people(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * A person's name read as an organization's because an organization is
 * named for the person in the same text ("Iris Murdoch" beside "the Iris
 * Murdoch Society"): an organization that is a first name and a surname,
 * that no list gave its id, and that opens another organization's name
 * right before a head word of such a body ("Society", "Foundation",
 * "School", ...), is the person.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_retype_eponyms_of_bodies(lx_learn_lane *L, const lx_fctx *c, const char *doc, size_t base);

/*
 * A person's name of one word that reads as a plural no list knows
 * ("Pixies", "Monkees", "Ramones"), or a longer one ending in the plural
 * of an English word ("Cocteau Twins"), names a group or a team: an
 * organization.
 */
void lx_retype_plural_names(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * A learned person's name that a business report says is a company's: its
 * share price moved by a sum in pence or cents ("Glaxo Wellcome climbed 14
 * pence", "Hanson gained 3p"), its shares traded ("Fiat shares closed
 * lower"), or, opening its sentence, it speaks of "its"
 * profit, sales or shares ("Fiat said on Wednesday its first-half profit
 * had fallen").  A first name, or a surname alone, keeps the person's
 * reading for the second cue: "Smith said its sales" may be the firm's
 * spokesman speaking.  A list's id keeps it too.
 */
void lx_retype_firms_in_reports(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * One name of one word, one reading: where a mention of a name the lists
 * do not know stands where only a business or a team does (see
 * firm_mention() and team_mention() in retype.c: "Petofi's board of
 * directors", "chief executive officer of Petofi", "Nice's home defeat"),
 * the mentions of it the layer read as a person's are the organization's
 * too ("Petofi said").
 */
void lx_retype_firm_mentions(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * A name the model read as of no person's kind (MISC) after a possessive
 * and a kin's noun: "his daughter Benazir Bhutto", "his sister Maria Anna
 * Mozart".  Its words are a person's name in shape.  Names from languages
 * the training text seldom holds read so.  (That the name ends in the
 * surname of a person found nearby says less: in long text, "Cirque Lodge"
 * and "Henry Cabot Lodge".)  Adds them as PERSON spans; returns 0 or
 * LEXTAG_ERR_NOMEM.
 */
int lx_retype_kin_names(lx_learn_lane *L, const lx_fctx *c, size_t base);

/*
 * "honoured by Queen Elizabeth", "King George said": a monarch's title and
 * one given name, which the rules read as a person (context:title) and the
 * layer as nothing (a place's or a ship's name, to it) or as a body with
 * its title ("Emperor Akihito").  Where no learned span touches such a
 * rule candidate of cands, the candidate joins the spans, or takes the
 * place of such a body's span, unless a preposition of places before them
 * or a place after a comma makes the two words a town's name ("in Prince
 * Rupert", "Prince George, British Columbia").  Returns 0 or
 * LEXTAG_ERR_NOMEM.
 */
int lx_retype_titled_monarchs(lx_learn_lane *L, const lx_fctx *c, const lx_candvec *cands,
                              size_t base);

#endif
