#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Only the public API leaves liblextag.so.

Usage: check-exports.py LIBLEXTAG.so include/lextag/lextag.h

Fails when `nm -D --defined-only` lists a symbol that is not lextag_*
(the version node itself, an absolute symbol, is allowed), and when a
function the public header declares is not exported (a declaration
without LEXTAG_EXPORT).
"""
import re
import subprocess
import sys


def main():
    lib, header = sys.argv[1], sys.argv[2]
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    exported, leaks = set(), []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        kind, name = parts[1], parts[2].split("@")[0]
        if kind == "A" and re.fullmatch(r"LEXTAG_[0-9.]+", name):
            continue
        if name.startswith("lextag_"):
            exported.add(name)
        else:
            leaks.append(line.strip())
    with open(header, encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    declared = set(re.findall(r"\b(lextag_\w+)\s*\(", text))
    missing = sorted(declared - exported)
    for l in leaks:
        print("exported but not public API:", l)
    for m in missing:
        print("declared in lextag.h but not exported (LEXTAG_EXPORT?):", m)
    if not exported:
        print("no lextag_ symbol exported at all")
    print("%d public symbols exported, %d leaks, %d missing" % (len(exported), len(leaks), len(missing)))
    return 1 if leaks or missing or not exported else 0


if __name__ == "__main__":
    sys.exit(main())
