#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs one error golden: a bad gazetteer (bad.tsv) or rule file (bad.rules) in CASE_DIR must
make lextag exit 2 with nothing on stdout and exactly CASE_DIR/expected as the first line of
stderr (FILE:LINE:COL: error: ...).

Usage: run-error.py LEXTAG CASE_DIR
"""
import os, subprocess, sys

def main():
    lextag, case = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if os.path.exists(os.path.join(case, "bad.tsv")):
        args = ["--no-defaults", "--gazetteer", "bad.tsv"]
    else:
        args = ["--no-defaults", "--rules", "bad.rules"]
    p = subprocess.run([lextag] + args + ["-"], input=b"some text\n", cwd=case,
                       capture_output=True, timeout=60)
    with open(os.path.join(case, "expected"), encoding="utf-8") as f:
        want = f.read().rstrip("\n")
    got = p.stderr.decode("utf-8", "replace").split("\n")[0]
    problems = []
    if p.returncode != 2:
        problems.append("exit status %d, expected 2" % p.returncode)
    if p.stdout:
        problems.append("stdout not empty: %r" % p.stdout[:200])
    if got != want:
        problems.append("stderr line 1:\n  got      %s\n  expected %s" % (got, want))
    if problems:
        sys.exit("\n".join(problems))
    print("ok", os.path.basename(case))

if __name__ == "__main__":
    main()
