/* SPDX-License-Identifier: MIT */
/*
 * Rule files: NAME<TAB>TYPE<TAB>PCRE2-PATTERN[<TAB>KEY=VALUE...] per line.
 *
 * Recognized attributes:
 *   prio=N          resolver priority (default LX_PRIO_RULE)
 *   id=TEMPLATE     canonical id; {group} is replaced by that named group's
 *                   text, {group:lower} lowercased, {group:digits} digits only
 *   anchor=A|B|...  literal tokens (matched folded); the rule then runs only in
 *                   a window around each occurrence instead of over the text
 *   window=N        bytes searched before and after an anchor (default 160)
 *   anchor_case=cap an anchor counts only where written with a capital
 *                   ("A" in "A.1234", never the word "a")
 *   kind=bill|statebill|citation|act
 *                   hand the match to the legislation module, which builds
 *                   ids and may split lists into several spans
 *   kind=state      evidence of a state (state=XX, forms=...): never run by
 *                   the matcher; src/legis/stateev.c reads all of them in
 *                   one joined pass over a document that holds a state
 *                   bill (so no group numbers or recursion, checked here)
 *   case=any        compile the pattern caseless
 *   emit=no         the rule provides context only (no entity)
 *   country=skip    no entity when the match is exactly a country's name
 *                   (a national side in a team slot is a place)
 * A line "@NAME<TAB>PATTERN" defines a fragment: later lines of the same
 * file write {{NAME}} for "(?:PATTERN)" (a fragment may use earlier ones).
 * Lines "#> TEXT" after a rule are examples the rule must tag, "#! TEXT"
 * examples it must not; the rule-examples test runs them all.
 */
#ifndef LX_RULES_H
#define LX_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "lextag/lextag.h"

enum lx_rule_kind {
    LX_RULE_PLAIN = 0,
    LX_RULE_BILL,
    LX_RULE_CITATION,
    LX_RULE_ACT,
    LX_RULE_STATEBILL,
    LX_RULE_STATE,
};

typedef struct lx_rule_example {
    char *text;
    bool positive;
} lx_rule_example;

typedef struct lx_rule {
    char *name;
    char *type;
    char *pattern;
    char *source;      /* "rule:" + NAME, as reported in output */
    char *file;        /* file the rule came from */
    char *text;        /* the rule's line as written (for model images) */
    unsigned line;
    int prio;
    char *id_template; /* NULL: no id */
    char **anchors;    /* folded anchor tokens */
    size_t n_anchors;
    size_t window;
    enum lx_rule_kind kind;
    bool caseless;
    bool emit;
    bool skip_country;
    bool anchor_cap;   /* an anchor fires only where written with a capital ("A", not "a") */
    pcre2_code *code;  /* match through lx_rule_code(), which JIT compiles it */
    atomic_bool jitted;
    lx_rule_example *examples;
    size_t n_examples;
} lx_rule;

typedef struct lx_ruleset {
    lx_rule *v;
    size_t n, cap;
} lx_ruleset;

/*
 * Parses rule text (a whole file's contents) and appends its rules to rs,
 * compiling each pattern.  `file` names the text in error messages.
 * Errors: LEXTAG_ERR_PARSE with err->file/line/column set (the column of a
 * bad pattern points at the offending character), LEXTAG_ERR_NOMEM.
 */
int lx_rules_parse(lx_ruleset *rs, const char *file, const char *text,
                   size_t len, lextag_error *err);

/*
 * Parses and compiles one rule line (no comments, no examples) as if it were
 * line `lineno` of `file`.  Used to restore rules from a model image.
 */
int lx_rules_parse_line(lx_ruleset *rs, const char *file, unsigned lineno,
                        const char *line, size_t len, lextag_error *err);

/* Frees every rule.  NULL-safe. */
void lx_ruleset_free(lx_ruleset *rs);

/*
 * The rule's compiled pattern, compiled to machine code (JIT) the first time
 * any thread asks for it.  A model holds some fifty rules and a text
 * anchors few of them: compiling them all at load was two thirds of the
 * time to tag a short text.  Safe from any thread: the first compiles
 * under a lock, the others wait for it; a rule's matches are JIT matches
 * from the first one on, as when it was compiled at load.
 */
const pcre2_code *lx_rule_code(const lx_rule *r);

/*
 * Value of the attribute KEY=VALUE as written in the rule's line (an
 * attribute the parser does not keep, like kind=state's state= and
 * forms=), or NULL; *n its length.  Borrowed from r->text.
 */
const char *lx_rule_attr(const lx_rule *r, const char *key, size_t *n);

/*
 * Span of the named group `name` in a match (ovector from pcre2).  Returns
 * false when the pattern has no such group or it did not participate.
 */
bool lx_rule_group(const lx_rule *r, const char *name, const PCRE2_SIZE *ov,
                   size_t *start, size_t *end);

/*
 * Expands r->id_template for a match into the arena-free buffer `out` of
 * size `cap`.  Returns false when a referenced group is unset or the result
 * does not fit.
 */
bool lx_rule_expand_id(const lx_rule *r, const char *subject,
                       const PCRE2_SIZE *ov, char *out, size_t cap);

#endif
