#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fault tests for the lextag command line: bad inputs, failing outputs and
pathological rules must give an error and the documented exit status, never
a crash, a hang or lost records.

Usage: run-faults.py LEXTAG CASE   (CASE: one of the functions named case_*)
Each case runs in a fresh temporary folder and exits non-zero on failure.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile

LEXTAG = None
EXIT_IO = 3
EXIT_MODEL = 2

GOOD = ("WASHINGTON - Microsoft said on Tuesday that Brad Smith met the "
        "Federal Trade Commission over H.R. 4760.\n")


class Failure(Exception):
    pass


def check(cond, what, *context):
    if not cond:
        raise Failure(what + "".join("\n  " + str(c)[:2000] for c in context))


def run(args, stdin=None, stdout=subprocess.PIPE, timeout=60, preexec=None):
    return subprocess.run([LEXTAG] + args, input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=timeout,
                          preexec_fn=preexec)


def records(out):
    lines = out.decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def not_crashed(p):
    # a negative status is a death by signal (SIGSEGV, SIGABRT, SIGPIPE, ...)
    check(p.returncode >= 0, "killed by signal %d" % -p.returncode, p.stderr)
    check(b"Sanitizer" not in p.stderr and b"runtime error" not in p.stderr,
          "sanitizer report", p.stderr)


def write(name, data):
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def case_missing_input():
    write("a.txt", GOOD)
    write("c.txt", GOOD)
    p = run(["a.txt", "missing.txt", "c.txt"])
    not_crashed(p)
    check(p.returncode == EXIT_IO, "exit %d, expected 3" % p.returncode, p.stderr)
    check(b"missing.txt" in p.stderr, "no error naming the missing file", p.stderr)
    recs = records(p.stdout)
    check([r["id"] for r in recs] == ["a.txt", "c.txt"], "other inputs not tagged", p.stdout)
    check(all(r["entities"] for r in recs), "no entities in the good inputs", p.stdout)


def case_folder_input():
    write("a.txt", GOOD)
    os.mkdir("folder")
    p = run(["folder", "a.txt"])
    not_crashed(p)
    check(p.returncode == EXIT_IO, "exit %d, expected 3" % p.returncode, p.stderr)
    check([r["id"] for r in records(p.stdout)] == ["a.txt"], "a.txt not tagged", p.stdout)


def case_dev_full():
    write("a.txt", GOOD)
    with open("/dev/full", "wb") as full:
        p = run(["a.txt"], stdout=full)
    not_crashed(p)
    check(p.returncode != 0, "exit 0 writing to /dev/full", p.stderr)
    check(b"error" in p.stderr, "no error message", p.stderr)


def case_closed_pipe():
    # far more output than a pipe holds, and a reader that goes away at once
    lines = "".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in range(20000))
    write("in.jsonl", lines)
    r, w = os.pipe()
    os.close(r)
    # the test runner may ignore SIGPIPE: give lextag the default action back,
    # so that only lextag's own handling keeps it alive
    p = subprocess.run([LEXTAG, "--input", "jsonl", "in.jsonl"], stdout=w,
                       stderr=subprocess.PIPE, timeout=120,
                       preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_DFL))
    os.close(w)
    # a reader that went away is no error worth a message: lextag finishes its
    # clean-up, then ends by SIGPIPE as cat does (and only then: no crash)
    check(p.returncode == -signal.SIGPIPE, "not ended by SIGPIPE: status %d" % p.returncode,
          p.stderr)
    check(p.stderr == b"", "a message on a closed pipe", p.stderr)


def no_temp_files():
    left = [f for f in os.listdir(".") if ".tmp" in f]
    check(not left, "temporary files left behind", left)


def case_atomic_output():
    write("a.txt", GOOD)
    p = run(["-o", "out.json", "a.txt"])
    check(p.returncode == 0 and p.stdout == b"", "first run failed", p.stderr)
    before = open("out.json", "rb").read()
    check(records(before)[0]["id"] == "a.txt", "bad first output", before)
    # a run that fails while writing: the file size limit makes write() fail
    # with EFBIG (SIGXFSZ ignored), as a full disk would
    write("big.txt", GOOD * 20000)

    def small_files():
        import resource
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    p = run(["-o", "out.json", "big.txt", "a.txt"], preexec=small_files)
    not_crashed(p)
    check(p.returncode != 0, "exit 0 although writing failed", p.stderr)
    check(b"error" in p.stderr, "no error message", p.stderr)
    check(open("out.json", "rb").read() == before, "previous output changed")
    no_temp_files()
    # a run that fails before writing (bad rules) leaves it alone too
    write("bad.rules", "x\tORG\t(unclosed\n")
    p = run(["-o", "out.json", "--rules", "bad.rules", "a.txt"])
    check(p.returncode == EXIT_MODEL, "exit %d, expected 2" % p.returncode, p.stderr)
    check(open("out.json", "rb").read() == before, "previous output changed")
    no_temp_files()
    # an output folder that does not exist
    p = run(["-o", "nowhere/out.json", "a.txt"])
    not_crashed(p)
    check(p.returncode == EXIT_IO, "exit %d, expected 3" % p.returncode, p.stderr)
    no_temp_files()


def case_jsonl_garbage():
    long_text = "Microsoft said " * 700000          # a ~10 MB line
    lines = [
        json.dumps({"id": "ok1", "text": GOOD}).encode(),
        b"\x00\x01\xff\xfe binary \x80\x81",
        b"this is not JSON",
        b"[1, 2, 3]",
        b'"a string"',
        b"42",
        json.dumps({"id": "notext"}).encode(),
        json.dumps({"id": "numtext", "text": 12}).encode(),
        json.dumps({"id": "nulltext", "text": None}).encode(),
        json.dumps({"id": "objtext", "text": {"a": 1}}).encode(),
        b'{"id": "truncated", "text": "Micro',
        b'{"id": "badutf8", "text": "Micro\xffsoft"}',
        b'{"id": "crlf", "text": "Apple Inc."}\r',
        b" \t ",  # blank: no record, as an empty line
        json.dumps({"id": "long", "text": long_text}).encode(),
        json.dumps({"id": "ok2", "text": GOOD, "date": "2018-06-20"}).encode(),
        b"{" * 100000,
        json.dumps({"id": "last", "text": "Brad Smith"}).encode(),  # no newline
    ]
    write("in.jsonl", b"\n".join(lines))
    p = run(["--input", "jsonl", "in.jsonl"], timeout=120)
    not_crashed(p)
    recs = records(p.stdout)
    check(len(recs) == len(lines) - 1, "%d records for %d lines, one blank" %
          (len(recs), len(lines)), p.stdout[:3000])
    # record k answers line k + 1, up to the blank line 14; line k + 2 after it
    errors = {"binary": 1, "not": 2, "array": 3, "str": 4, "num": 5, "notext": 6,
              "numtext": 7, "nulltext": 8, "objtext": 9, "truncated": 10,
              "badutf8": 11, "braces": 15}
    for name, i in errors.items():
        check("error" in recs[i] and "entities" not in recs[i],
              "record %d (%s) is not an error record" % (i + 1, name), recs[i])
    for i in (0, 12, 13, 14, 16):
        check("entities" in recs[i], "record %d was not tagged" % (i + 1), recs[i])
    check([recs[i]["id"] for i in (0, 6, 13, 14, 16)] ==
          ["ok1", "notext", "long", "ok2", "last"], "ids out of order")
    check(recs[15]["id"] == "line 17", "a record after a blank line not named by its line",
          recs[15])
    check(recs[2]["id"] == "line 3", "record without id not named by its line", recs[2])
    check(p.returncode == EXIT_IO, "exit %d, expected 3 (bad records)" % p.returncode,
          p.stderr)


def case_random_bytes():
    import random
    rnd = random.Random(7)
    write("random.bin", bytes(rnd.randrange(256) for _ in range(200000)))
    write("nul.bin", b"\x00" * 100000 + b"Microsoft\x00Brad Smith\x00" + b"\x00" * 1000)
    p = run(["random.bin", "nul.bin"])
    not_crashed(p)
    check(p.returncode == 0, "exit %d" % p.returncode, p.stderr)
    recs = records(p.stdout)
    check([r["id"] for r in recs] == ["random.bin", "nul.bin"], "records missing", p.stdout)
    ents = recs[1]["entities"]
    check(any(e["text"] == "Microsoft" for e in ents), "NUL bytes stopped tagging", ents)


def case_catastrophic_rule():
    write("cat.rules", "catastrophic\tX\t^(a+)+$\n")
    write("a.txt", "a" * 30000 + "b\n")
    try:
        # a hang detector, not a benchmark: the limits cut off in milliseconds
        p = run(["--rules", "cat.rules", "a.txt"], timeout=5)
    except subprocess.TimeoutExpired:
        raise Failure("the catastrophic rule was not cut off within 5 s")
    not_crashed(p)
    check(p.returncode == 0, "exit %d" % p.returncode, p.stderr)
    check(b"warning" in p.stderr and b"catastrophic" in p.stderr,
          "no warning naming the rule", p.stderr)
    rec = records(p.stdout)[0]
    check(rec.get("rule_limit_hits") == 1, "no rule_limit_hits count", rec)
    check(rec.get("rules_cut_off") == ["catastrophic"], "rule not named", rec)


def case_broken_rule_file():
    write("bad.rules", "# rules\nok\tORG\tAcme\nbad\tORG\tAcme (Corp\n")
    write("a.txt", GOOD)
    p = run(["--rules", "bad.rules", "a.txt"])
    not_crashed(p)
    check(p.returncode == EXIT_MODEL, "exit %d, expected 2" % p.returncode, p.stderr)
    check(p.stdout == b"", "output although the model failed", p.stdout)
    first = p.stderr.decode().splitlines()[0]
    check(first.startswith("bad.rules:3:") and ": error: " in first,
          "not a bad.rules:3:COL: error: message", first)


def case_long_entity():
    # a gazetteer entry matches across whitespace, but not across megabytes
    write("a.txt", "Brad" + " " * 100000 + "Smith said.\n")
    write("g.tsv", "Brad Smith\tPERSON\n")
    p = run(["--no-defaults", "--gazetteer", "g.tsv", "a.txt"])
    not_crashed(p)
    check(p.returncode == 0, "exit %d" % p.returncode, p.stderr)
    ents = records(p.stdout)[0]["entities"]
    check(all(e["byte_end"] - e["byte_start"] <= 1024 for e in ents),
          "entity longer than 1024 bytes", [(e["byte_start"], e["byte_end"]) for e in ents])


def main():
    global LEXTAG
    if len(sys.argv) != 3 or not hasattr(sys.modules[__name__], "case_" + sys.argv[2]):
        sys.exit("usage: run-faults.py LEXTAG CASE")
    LEXTAG = os.path.abspath(sys.argv[1])
    fn = getattr(sys.modules[__name__], "case_" + sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="lextag-fault-") as d:
        os.chdir(d)
        try:
            fn()
        except Failure as e:
            print("FAIL %s: %s" % (sys.argv[2], e))
            sys.exit(1)
    print("ok %s" % sys.argv[2])


if __name__ == "__main__":
    main()
