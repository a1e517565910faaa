#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The JSONL pipeline: the output is byte-identical for any --threads, and the fast record reader
reads every record exactly as jansson does.

  - --threads 1, 2 and 7 give the same bytes and exit status, for JSON, doccano and CoNLL output,
    on several thousand records spread over many input blocks, with lines longer than a block,
    CRLF line ends, blank lines, records in error and several input files;
  - each record, made to take the jansson path (an escaped key forces it), gives the same output
    as the record read by the fast reader (the same JSON values: jansson writes 1e3 as 1000.0,
    and reads no integer wider than 64 bits, so the one such id stays on the fast path);
  - a record's id keeps its JSON value: a string, a number (as written, of any width), true or
    false comes back as it went in (a line jansson cannot read, such as one with a lone
    surrogate escape, is a record in error named by its line);
  - ids named by line number count the lines of each file, blank ones included;
  - one document with tens of thousands of entities (its JSON formatted in parallel chunks)
    gives the same bytes for --threads 1, 2 and 7;
  - --threads N starts N workers, for N above the old silent cap of 64 too;
  - by default, one worker per processor the process may run on (its CPU affinity).

Usage: test_threads.py LEXTAG   (TAP)
"""
import atexit, json, os, shutil, subprocess, sys, tempfile, time

LEXTAG = os.path.abspath(sys.argv[1])

FIRST = ["Ada", "Bruno", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo"]
LAST = ["Quill", "Marten", "Oakhurst", "Vell", "Brandt", "Sorel", "Tamsin", "Ulwin"]
ORGS = ["Microsoft", "the Senate Finance Committee", "Goldman Sachs", "Reuters"]


def sentence(i):
    p = "%s %s" % (FIRST[i % 8], LAST[(i // 8) % 8])
    o = ORGS[i % 4]
    return ("Sen. %s told %s on Monday that H.R. %d of the %dth Congress and 42 U.S.C. %d "
            "would pass; %s later repeated it." % (p, o, 100 + i, 110 + i % 8, 1900 + i,
                                                   p.split()[1]))


def records():
    """Valid records of every shape the fast reader takes, and some it declines."""
    out = []
    for i in range(4000):
        t = sentence(i)
        k = i % 10
        if k == 0:
            out.append(json.dumps({"id": i, "text": t}))
        elif k == 1:
            out.append(json.dumps({"text": t + " \u00e9t\u00e9 \U0001F600 \"quoted\"\t\\"},
                                  ensure_ascii=(i % 20 == 1)))
        elif k == 2:
            out.append(json.dumps({"id": "d-%d" % i, "meta": {"a": [1, 2.5, None, True, {"b": []}]},
                                   "date": "2019-0%d-11" % (1 + i % 9), "text": t}))
        elif k == 3:
            out.append('{ "id" : "x\\u0041%d" ,"text":"%s" , "n": -0.25 }' % (i, t))
        elif k == 4:
            out.append(json.dumps({"id": None, "text": t, "id2": 1.5}))
        else:
            out.append(json.dumps({"id": "r%d" % i, "text": t, "text2": "unused"}))
    return out


def awkward():
    """Lines the reader must reject or hand to jansson, unchanged."""
    return ['{"id": 1e3, "text": "Ada Quill met Reuters."}',
            '{"id": 1.25, "text": "Ada Quill met Reuters."}',
            '{"id": -0, "text": "Ada Quill met Reuters."}',
            '{"id": [1, 2], "text": "Ada Quill met Reuters."}',
            '{"id": true, "text": "x"}',
            '{"id": "dup", "text": "first Ada Quill", "text": "second Hugo Marten met Reuters"}',
            '{"id": 12345678901234567890, "text": "big id"}',
            '{"id": "t", "text": 5}',
            '{"id": "u"}',
            '[1, 2, 3]',
            'not json at all',
            '{"id": "v", "text": "unterminated',
            '{"id": "w", "text": "ok"} trailing',
            '{"id": "x", "text": "bad \\q escape"}',
            '{"id": "y", "text": "ctrl \x01 char"}',
            '{"id": "z", "text": "nul \\u0000 inside", "date": "2020-01-02"}',
            '{"id": "deep", "text": "d", "n": ' + "[" * 40 + "]" * 40 + '}',
            '{"id":"lead0","text":"a","n":01}']


def run(args, data=None, files=()):
    p = subprocess.run([LEXTAG, "-q", "--input", "jsonl"] + args + list(files), input=data,
                       capture_output=True, timeout=600)
    return p.returncode, p.stdout


def thread_count(n, cpus=None):
    """Threads of a JSONL run with --threads n (None: the default), seen while it waits for
    input; with cpus, the run may use those processors only."""
    args = ["--threads", str(n)] if n else []
    p = subprocess.Popen([LEXTAG, "-q", "--input", "jsonl"] + args,
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    n = n or len(cpus or os.sched_getaffinity(0))
    want = n + 1 if n > 1 else 1  # one thread tags on the reader's: no worker
    seen = 0
    for i in range(100):
        time.sleep(0.05)
        with open("/proc/%d/status" % p.pid) as f:
            seen = int(next(l for l in f if l.startswith("Threads:")).split()[1])
        if seen > want or (seen == want and (want > 1 or i >= 10)):
            break
    p.stdin.close()
    p.wait(timeout=60)
    return seen


def main():
    tmp = tempfile.mkdtemp(prefix="lextag-threads-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    lines = records()
    long_text = " ".join(sentence(i) for i in range(900))  # longer than one input block
    lines.insert(1000, json.dumps({"id": "long", "text": long_text}))
    lines += awkward() + ["", "   ", '{"text": "after blanks, Ada Quill"}']
    data = "\n".join(l + ("\r" if i % 7 == 0 else "") for i, l in enumerate(lines))
    data = data.encode("utf-8", "surrogateescape")  # no newline at the end
    a, b = os.path.join(tmp, "a.jsonl"), os.path.join(tmp, "b.jsonl")
    with open(a, "wb") as f:
        f.write(data)
    with open(b, "wb") as f:
        f.write(b'\n{"text": "Hugo Marten"}\n\n{"text": "Greta Vell"}\n')
    checks = []
    for fmt in ["json", "doccano", "conll"]:
        outs = {t: run(["--format", fmt, "--threads", str(t)], data) for t in (1, 2, 7)}
        same = outs[1] == outs[2] == outs[7]
        checks.append(("%s: --threads 1, 2 and 7 give the same bytes and status (%d bytes)"
                       % (fmt, len(outs[1][1])), same and len(outs[1][1]) > 100000))
    rc, out = run(["--threads", "7"], files=(a, b))
    got = [json.loads(l) for l in out.decode().splitlines()]
    n_in = sum(1 for l in lines if l.strip())  # a line of spaces is blank: no record
    checks.append(("every non-blank line answers once, in order, over two files (%d of %d)"
                   % (len(got), n_in + 2), len(got) == n_in + 2 and rc == 3))
    checks.append(("ids by line number count each file's own lines",
                   [g["id"] for g in got[-2:]] == ["line 2", "line 4"]))
    checks.append(("a record after blank lines is named by its line",
                   got[-3]["id"] == "line %d" % len(lines)))
    # the same records through jansson: an escaped key sends a line there
    slow = [l[:-1] + ', "\\u006b": 0}'
            if l.startswith("{") and l.endswith("}") and "12345678901234567890" not in l else l
            for l in lines[:3000] + awkward()]
    fast_out = run(["--threads", "2"], "\n".join(lines[:3000] + awkward()).encode())
    slow_out = run(["--threads", "2"], "\n".join(slow).encode())
    values = lambda o: (o[0], [json.loads(l) for l in o[1].decode().splitlines()])
    checks.append(("the fast reader and jansson read every record alike",
                   values(fast_out) == values(slow_out)))
    kept, tried = 0, 0
    for line, answer in zip(lines[:3000] + awkward(), values(fast_out)[1]):
        try:
            want = json.loads(line)["id"]
        except (ValueError, KeyError, TypeError):
            continue
        if isinstance(want, (str, int, float, bool)) and "error" not in answer:
            tried += 1
            kept += answer["id"] == want and type(answer["id"]) is type(want)
    checks.append(("ids keep their JSON values (%d of %d)" % (kept, tried),
                   kept == tried and tried > 3000 // 2))
    for fmt, (rc1, o1) in [("json", run(["--threads", "1"], data))]:
        checks.append(("records in error give exit status 3 (%s)" % fmt, rc1 == 3))
    # one document with enough entities that its JSON is formatted on several threads
    dense = os.path.join(tmp, "dense.txt")
    with open(dense, "w") as f:
        f.write(" ".join(sentence(i % 64) for i in range(12000)))
    outs = {}
    for t in (1, 2, 7):
        p = subprocess.run([LEXTAG, "-q", "--threads", str(t), dense], capture_output=True,
                           timeout=600)
        outs[t] = (p.returncode, p.stdout)
    n_ents = len(json.loads(outs[1][1])["entities"]) if outs[1][0] == 0 else 0
    checks.append(("one document of %d entities: --threads 1, 2 and 7 give the same bytes"
                   % n_ents, outs[1] == outs[2] == outs[7] and n_ents > 3 * 8192))
    if os.path.exists("/proc/self/status"):
        for n in (3, 100):
            got = thread_count(n)
            checks.append(("--threads %d runs %d workers beside the reader (%d threads)"
                           % (n, n, got), got == n + 1))
        mine = sorted(os.sched_getaffinity(0))
        got = thread_count(None, {mine[0]})
        checks.append(("pinned to one processor, the default is one thread (%d threads)" % got,
                       got == 1))
        if len(mine) >= 2:
            got = thread_count(None, set(mine[:2]))
            checks.append(("on two processors, the default is two workers (%d threads)" % got,
                           got == 3))
    print("1..%d" % len(checks))
    bad = 0
    for i, (name, ok) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
