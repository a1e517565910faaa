#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`lextag eval` on small gold and prediction files written here, with the expected counts
worked out by hand; and, where the project's shared scorer is beside the checkout, the same
figures as that scorer.

Usage: test_eval.py LEXTAG   (TAP)
"""
import atexit, json, os, shutil, subprocess, sys, tempfile

LEXTAG = os.path.abspath(sys.argv[1])
NERSCORE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                        "shared", "tools", "nerscore")

GOLD = [
    {"id": "a", "text": "Ada Quill met Bert Lunn at Acme.", "entities": [
        {"start": 0, "end": 9, "type": "PER"}, {"start": 14, "end": 23, "type": "PER"},
        {"start": 27, "end": 31, "type": "ORG"}]},
    {"id": 2, "text": "Nothing here.", "entities": [{"start": 0, "end": 7, "type": "ORG"}]},
]
PRED = [
    # a: one exact PERSON, one PERSON off by a word (partial), ORG exact, one false ORG
    {"id": "a", "entities": [
        {"start": 0, "end": 9, "type": "PERSON"}, {"start": 18, "end": 23, "type": "PERSON"},
        {"start": 27, "end": 31, "type": "ORG"}, {"start": 14, "end": 18, "type": "ORG"}]},
    {"id": 2, "entities": []},
]

def main():
    tmp = tempfile.mkdtemp(prefix="lextag-eval-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    g, p = os.path.join(tmp, "gold.jsonl"), os.path.join(tmp, "pred.jsonl")
    for path, rows in ((g, GOLD), (p, PRED)):
        with open(path, "w") as f:
            f.write("".join(json.dumps(r) + "\n" for r in rows))
    out = subprocess.run([LEXTAG, "eval", "--json", g, p], capture_output=True, timeout=60)
    checks = []
    r = json.loads(out.stdout)
    checks.append(("exit 0", out.returncode == 0))
    checks.append(("PERSON exact: tp 1 fp 1 fn 1",
                   (r["PERSON"]["tp"], r["PERSON"]["fp"], r["PERSON"]["fn"]) == (1, 1, 1)))
    checks.append(("PERSON partial recall 1.0", r["PERSON"]["partial"]["r"] == 1.0))
    checks.append(("ORG exact: tp 1 fp 1 fn 1",
                   (r["ORG"]["tp"], r["ORG"]["fp"], r["ORG"]["fn"]) == (1, 1, 1)))
    checks.append(("micro precision 2/4", abs(r["micro"]["p"] - 0.5) < 1e-9))
    out = subprocess.run([LEXTAG, "eval", "--types", "PERSON", "--map", "PER=ORG", "--json", g, p],
                         capture_output=True, timeout=60)
    r = json.loads(out.stdout)
    checks.append(("--map renames gold types", r["PERSON"]["fn"] == 0 and r["PERSON"]["tp"] == 0))
    out = subprocess.run([LEXTAG, "eval", os.path.join(tmp, "missing.jsonl")], capture_output=True)
    checks.append(("missing gold file: exit 3", out.returncode == 3))
    if os.path.exists(NERSCORE):
        ns = subprocess.run([sys.executable, NERSCORE, g, p, "--json"], capture_output=True)
        n = json.loads(ns.stdout)
        r = json.loads(subprocess.run([LEXTAG, "eval", "--json", g, p], capture_output=True).stdout)
        checks.append(("agrees with the shared scorer", all(
            (r[t]["tp"], r[t]["fp"], r[t]["fn"]) == (n[t]["tp"], n[t]["fp"], n[t]["fn"])
            for t in ("PERSON", "ORG", "micro"))))
    print("1..%d" % len(checks))
    for i, (name, ok) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    sys.exit(0 if all(ok for _, ok in checks) else 1)

if __name__ == "__main__":
    main()
