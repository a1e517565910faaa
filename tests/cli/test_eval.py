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
    out = subprocess.run([LEXTAG, "eval", tmp], capture_output=True)
    checks.append(("a folder as gold: exit 3", out.returncode == 3))
    for bad in (["--types", "person"], ["--types", "PERSON,"], ["--date", "2018-02-30"]):
        out = subprocess.run([LEXTAG, "eval"] + bad + [g, p], capture_output=True)
        checks.append(("eval %s %s: a usage error, as in tagging" % tuple(bad),
                       out.returncode == 1 and not out.stdout))

    # records without an id pair up with lextag's own output for them ("line N"); a BOM
    # and blank lines are no records
    noid = os.path.join(tmp, "noid.jsonl")
    with open(noid, "wb") as f:
        f.write(b"\xef\xbb\xbf" + json.dumps({"text": "Sen. Harriet Quill spoke.", "entities": [
            {"start": 5, "end": 18, "type": "PERSON"}]}).encode() + b"\n \n\t\n" +
            json.dumps({"text": "Sen. Bram Tollet agreed.", "entities": [
                {"start": 5, "end": 16, "type": "PERSON"}]}).encode() + b"\n")
    tagged = subprocess.run([LEXTAG, "--input", "jsonl", noid], capture_output=True, timeout=60)
    pred = os.path.join(tmp, "noid-pred.jsonl")
    with open(pred, "wb") as f:
        f.write(tagged.stdout)
    out = subprocess.run([LEXTAG, "eval", "--json", "--types", "PERSON", noid, pred],
                         capture_output=True, timeout=60)
    r = json.loads(out.stdout) if out.returncode == 0 else {"PERSON": {"tp": None}}
    checks.append(("records without ids pair up by line, past a BOM and blank lines",
                   tagged.returncode == 0 and len(tagged.stdout.splitlines()) == 2 and
                   r["PERSON"]["tp"] == 2 and b"no prediction" not in out.stderr))
    # numbers and booleans as ids pair up by value, whatever the order of the predictions
    odd = os.path.join(tmp, "odd-ids.jsonl")
    with open(odd, "w") as f:
        # names of other lengths: records paired wrongly would not score alike
        names = ("Harriet Quill", "Bo Lind", "Marguerite Okonkwo-Hale", "Ivo Tam")
        for i, name in zip(("1e3", "2.5", "true", "false"), names):
            f.write('{"id": %s, "text": "Sen. %s spoke.", "entities": '
                    '[{"start": 5, "end": %d, "type": "PERSON"}]}\n' % (i, name, 5 + len(name)))
    tagged = subprocess.run([LEXTAG, "--input", "jsonl", odd], capture_output=True, timeout=60)
    scores = []
    for order in (1, -1):
        pred = os.path.join(tmp, "odd-pred.jsonl")
        with open(pred, "wb") as f:
            f.write(b"".join(tagged.stdout.splitlines(keepends=True)[::order]))
        out = subprocess.run([LEXTAG, "eval", "--json", "--types", "PERSON", odd, pred],
                             capture_output=True, timeout=60)
        r = json.loads(out.stdout) if out.returncode == 0 else {"PERSON": None}
        scores.append((r["PERSON"], b"no prediction" in out.stderr))
    checks.append(("numeric and boolean ids pair up by value, in any order",
                   scores[0] == scores[1] and scores[0][0]["tp"] >= 3 and not scores[0][1]))
    # integer ids wider than 64 bits, which tagging writes back as they came: the last two
    # differ in their last digit only, so a reading as floating point would pair them wrongly
    wide = os.path.join(tmp, "wide-ids.jsonl")
    with open(wide, "w") as f:
        for i, name in zip(("-98765432109876543210987", "123456789012345678901234567890",
                            "123456789012345678901234567891"), names):
            f.write('{"id": %s, "text": "Sen. %s spoke.", "entities": '
                    '[{"start": 5, "end": %d, "type": "PERSON"}]}\n' % (i, name, 5 + len(name)))
    tagged = subprocess.run([LEXTAG, "--input", "jsonl", wide], capture_output=True, timeout=60)
    pred = os.path.join(tmp, "wide-pred.jsonl")
    with open(pred, "wb") as f:
        f.write(b"".join(tagged.stdout.splitlines(keepends=True)[::-1]))
    out = subprocess.run([LEXTAG, "eval", "--json", "--types", "PERSON", wide, pred],
                         capture_output=True, timeout=60)
    r = json.loads(out.stdout) if out.returncode == 0 else {"PERSON": {"tp": None}}
    checks.append(("integer ids wider than 64 bits pair up by their digits",
                   tagged.returncode == 0 and r["PERSON"]["tp"] == 3 and r["PERSON"]["fp"] == 0
                   and b"no prediction" not in out.stderr))
    out = subprocess.run([LEXTAG, "train", "--data", wide, "--epochs", "1", "-o",
                          os.path.join(tmp, "wide.lxm")], capture_output=True, timeout=120)
    checks.append(("train reads records with such ids", out.returncode == 0))
    for name, ents in (("past the text", [{"start": 5, "end": 99, "type": "PERSON"}]),
                       ("start after end", [{"start": 9, "end": 5, "type": "PERSON"}]),
                       ("no integer start", [{"start": "5", "end": 9, "type": "PERSON"}])):
        bad = os.path.join(tmp, "bad.jsonl")
        with open(bad, "w") as f:
            f.write(json.dumps({"id": "x", "text": "Sen. Harriet Quill spoke.", "entities": ents})
                    + "\n")
        out = subprocess.run([LEXTAG, "eval", bad, bad], capture_output=True, timeout=60)
        checks.append(("a gold span %s: exit 3, the line named" % name,
                       out.returncode == 3 and b"bad.jsonl:1:" in out.stderr))
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
