#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs one golden case: lextag on CASE/input.txt must print exactly CASE/expected.json.

Usage: run-golden.py LEXTAG CASE_DIR
CASE_DIR/args (optional) holds extra arguments, one per line; "@" at the start of an argument
is replaced by the folder of this script (for the shared test gazetteer).  The comparison is on
parsed JSON, so key order and spacing do not matter; every value does.
"""
import json, os, subprocess, sys

def check_offsets(path, doc):
    """All three offset units slice exactly the entity text (computed here, independently)."""
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8", "surrogateescape")  # an invalid byte is one code point
    u16 = text.encode("utf-16-le", "surrogatepass")
    for e in doc["entities"]:
        by = raw[e["byte_start"]:e["byte_end"]].decode("utf-8")
        cp = text[e["start"]:e["end"]]
        un = u16[2 * e["utf16_start"]:2 * e["utf16_end"]].decode("utf-16-le", "surrogatepass")
        if not (by == cp == un == e["text"]):
            sys.exit("offsets do not slice %r: bytes %r, code points %r, UTF-16 %r"
                     % (e["text"], by, cp, un))


def main():
    lextag, case = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    args = []
    if os.path.exists(os.path.join(case, "args")):
        with open(os.path.join(case, "args"), encoding="utf-8") as f:
            args = [a.rstrip("\n").replace("@", here + "/", 1) if a.startswith("@") else a.rstrip("\n")
                    for a in f if a.strip()]
    p = subprocess.run([lextag] + args + [os.path.join(case, "input.txt")],
                       capture_output=True, timeout=60)
    if p.returncode != 0:
        sys.exit("lextag exited %d: %s" % (p.returncode, p.stderr.decode(errors="replace")))
    got = json.loads(p.stdout)
    got["id"] = "input.txt"
    check_offsets(os.path.join(case, "input.txt"), got)
    with open(os.path.join(case, "expected.json"), encoding="utf-8") as f:
        want = json.load(f)
    if got != want:
        print("expected:", json.dumps(want, ensure_ascii=False, indent=1))
        print("got:     ", json.dumps(got, ensure_ascii=False, indent=1))
        sys.exit(1)
    print("ok", os.path.basename(case))

if __name__ == "__main__":
    main()
