# SPDX-License-Identifier: MIT
"""Readers for the hand-curated data of gazetteers/build.py (the files in gazetteers/curated/).

Those files are written by hand, not generated: word lists (one entry a line) and curated
entities in the gazetteer format (NAME<TAB>TYPE<TAB>ID<TAB>KEY=VALUE...). Lines starting
with '#' are comments. Python 3 standard library only.
"""

import os

CURATED_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "curated")


def _rows(name):
    """The data lines of curated/<name>, split at tabs, in file order."""
    with open(os.path.join(CURATED_DIR, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield [field.strip() for field in line.split("\t")]


def load_list(name):
    """A word or name list: the first field of every line, in file order."""
    return [row[0] for row in _rows(name)]


def load_entities(name):
    """Curated entities: (name, id, attributes) per line, in file order."""
    out = []
    for row in _rows(name):
        if len(row) < 3 or row[1] != "ORG":
            raise ValueError("curated/%s: want NAME<TAB>ORG<TAB>ID[<TAB>KEY=VALUE...]: %r"
                             % (name, "\t".join(row)))
        attrs = {}
        for kv in row[3:]:
            k, sep, v = kv.partition("=")
            if not sep:
                raise ValueError("curated/%s: attribute without '=': %r" % (name, kv))
            attrs[k.strip()] = v.strip()
        out.append((row[0], row[2], attrs))
    return out
