#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Command-line interface as users meet it: options in any order (GNU), --help for every
command, a reader that closes the pipe, -o FILE (when it is replaced, and its mode), --threads
limits, the HTML legend, and test scripts that leave nothing in the temporary folder.

Usage: test_interface.py LEXTAG   (prints TAP; exits 1 when a check fails)
"""
import atexit, json, os, shutil, signal, stat, subprocess, sys, tempfile

LEXTAG = os.path.abspath(sys.argv[1])
HERE = os.path.dirname(os.path.abspath(__file__))
results = []

def run(args, stdin=b"", cwd=None, **kw):
    return subprocess.run([LEXTAG] + args, input=stdin, capture_output=True, cwd=cwd,
                          timeout=120, **kw)

def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))

def records(out):
    return [json.loads(l) for l in out.decode("utf-8").split("\n") if l.strip()]

def types_of(out):
    return sorted({e["type"] for r in records(out) for e in r.get("entities", [])})

def argument_order(tmp, a):
    p1 = run(["--types", "BILL", a])
    p2 = run([a, "--types", "BILL"])
    check("tag: options after the file act as before it",
          p2.returncode == 0 and p1.stdout == p2.stdout and types_of(p2.stdout) == ["BILL"],
          (p2.returncode, p2.stderr, types_of(p2.stdout)))
    p = run(["--", "--types"], cwd=tmp)
    check("tag: '--' ends options ('--types' is then a file)",
          p.returncode == 3 and b"--types" in p.stderr, p.stderr)
    gaz = os.path.join(tmp, "drugs.tsv")
    p1 = run(["info", "--no-defaults", "--gazetteer", gaz])
    p2 = run(["info", "--gazetteer", gaz, "--no-defaults"])
    check("info: options in any order", p1.returncode == 0 and p1.stdout == p2.stdout, p2.stderr)
    img = os.path.join(tmp, "order.lxm")
    p = run(["compile", "--no-defaults", "--gazetteer", gaz, "-o", img])
    check("compile: -o after other options", p.returncode == 0 and os.path.exists(img), p.stderr)
    gold = os.path.join(tmp, "gold.jsonl")
    p1 = run(["eval", "--json", gold, gold])
    p2 = run(["eval", gold, gold, "--json"])
    check("eval: options after the files", p2.returncode == 0 and p1.stdout == p2.stdout
          and json.loads(p2.stdout), p2.stderr)

def help_everywhere():
    p = run(["--help"])
    out = p.stdout.decode()
    check("main help lists every command",
          p.returncode == 0 and all("lextag %s" % c in out
                                    for c in ("compile", "info", "eval", "train")), out)
    for cmd in ("compile", "info", "eval", "train"):
        for flag in ("--help", "-h"):
            p = run([cmd, flag])
            check("%s %s: exit 0, its own usage on stdout" % (cmd, flag),
                  p.returncode == 0 and p.stdout.startswith(("usage: lextag %s" % cmd).encode())
                  and not p.stderr, (p.returncode, p.stdout[:80], p.stderr))
    p = run(["eval", "--no-such-option"])
    check("eval: unknown option is a usage error pointing at --help",
          p.returncode == 1 and b"lextag eval --help" in p.stderr, p.stderr)
    # the message names the option the user wrote, also inside a cluster
    # of short options, where argv[optind - 1] is something else
    for args, named in ((["-t1"], b"'-t'"), (["x.txt", "-qz"], b"'-z'"),
                        (["--no-such-option"], b"'--no-such-option'"),
                        (["-o"], b"'-o' needs an argument"),
                        (["eval", "g.jsonl", "--frob"], b"'--frob'"),
                        (["train", "--data", "d.jsonl", "--frob"], b"'--frob'")):
        p = run(args)
        check("%s: exit 1, the error names %s" % (" ".join(args), named.decode()),
              p.returncode == 1 and named in p.stderr.splitlines()[0], p.stderr)

def closed_pipe(tmp, big):
    # info's few kilobytes fit in the pipe's buffer: lextag may have written
    # them all and exited 0 before the reader goes away (as cat may), so
    # either ending is right there; the tagging output never fits.
    for args, name, endings in ((["info"], "info", (0, -signal.SIGPIPE)),
                                ([big, big], "tagging", (-signal.SIGPIPE,))):
        proc = subprocess.Popen([LEXTAG] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.read(10)
        proc.stdout.close()  # the reader goes away, as `head -c 10` does
        err = proc.stderr.read()
        rc = proc.wait(timeout=120)
        check("%s | head: no message, ends by SIGPIPE like cat" % name,
              err == b"" and rc in endings, (rc, err))
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            p = subprocess.run([LEXTAG, big], stdout=full, stderr=subprocess.PIPE, timeout=120)
        check("full disk is still an error: exit 3 with a message",
              p.returncode == 3 and b"write error" in p.stderr, (p.returncode, p.stderr))

def output_file(tmp, a):
    out = os.path.join(tmp, "out.jsonl")
    missing = os.path.join(tmp, "missing.txt")
    with open(out, "w") as f:
        f.write("previous\n")
    os.chmod(out, 0o640)
    p = run(["-o", out, missing])
    check("-o: nothing tagged: exit 3, old file untouched",
          p.returncode == 3 and open(out).read() == "previous\n", (p.returncode, p.stderr))
    check("-o: nothing tagged: says the file was left", b"left unchanged" in p.stderr, p.stderr)
    p = run(["-o", out, missing, a])
    r = records(open(out, "rb").read())
    check("-o: some documents tagged: replaced, still exit 3",
          p.returncode == 3 and [x["id"] for x in r] == [a], (p.returncode, r))
    check("-o: a replaced file keeps its mode", stat.S_IMODE(os.stat(out).st_mode) == 0o640,
          oct(os.stat(out).st_mode))
    for mask in (0o022, 0o027):
        new = os.path.join(tmp, "new-%o.jsonl" % mask)
        p = run(["-o", new, a], preexec_fn=lambda m=mask: os.umask(m))
        mode = stat.S_IMODE(os.stat(new).st_mode)
        check("-o: a new file gets 0666 & ~umask (umask %03o)" % mask,
              p.returncode == 0 and mode == 0o666 & ~mask, oct(mode))
    img = os.path.join(tmp, "mode.lxm")
    p = run(["compile", "-o", img], preexec_fn=lambda: os.umask(0o022))
    check("compile -o: a new image gets 0644 under umask 022",
          stat.S_IMODE(os.stat(img).st_mode) == 0o644, oct(os.stat(img).st_mode))
    check("-o: no temporary file left", not [n for n in os.listdir(tmp) if ".tmp-" in n],
          os.listdir(tmp))

def threads(a, big):
    p = run(["--threads", "257", a])
    check("--threads 257: usage error, nothing written",
          p.returncode == 1 and not p.stdout and b"1 to 256" in p.stderr, p.stderr)
    p1 = run(["--threads", "1", big])
    for n in ("64", "65", "256"):  # above 64 was once silently one thread
        pn = run(["--threads", n, big])
        check("--threads %s is honoured: same output as 1 thread, no error" % n,
              pn.returncode == 0 and p1.stdout == pn.stdout and len(pn.stdout) > 1000
              and not pn.stderr, pn.stderr)
    p = run(["--threads", "99999999999", a])
    check("--threads overflow: usage error", p.returncode == 1, p.stderr)

def html_legend(tmp):
    doc = os.path.join(tmp, "drug.txt")
    with open(doc, "w") as f:
        f.write("Quillomab eased it, said Sen. Harriet Quill on Monday.\n")
    gaz = os.path.join(tmp, "drugs.tsv")
    p = run(["--format", "html", doc, "--gazetteer", gaz])
    page = p.stdout.decode()
    legend = page[page.find('<div class="legend">'):]
    legend = legend[:legend.find("</div>")]
    check("html legend shows the custom type", p.returncode == 0 and ">DRUG</span>" in legend,
          legend)
    check("html legend shows a built-in type present", ">PERSON</span>" in legend, legend)
    check("html legend leaves out types not on the page",
          not any(">%s</span>" % t in page for t in ("BILL", "LAW", "CITATION")), legend)

def image_checksum(payload):
    """The checksum lextag writes into an image header (src/model/image.c): of the header,
    its checksum field as zero, and what follows it."""
    m = (1 << 64) - 1
    h = 0x9E3779B97F4A7C15
    n8 = len(payload) // 8 * 8
    for i in range(0, n8, 8):
        h = ((h ^ int.from_bytes(payload[i:i + 8], "little")) * 0xFF51AFD7ED558CCD) & m
        h ^= h >> 32
    for b in payload[n8:]:
        h = ((h ^ b) * 0x100000001B3) & m
    return h

def crafted_image(tmp):
    """An image whose checksum is right but whose type table points outside the strings:
    refused with exit 2, not read out of bounds."""
    img = os.path.join(tmp, "crafted.lxm")
    p = run(["compile", "--no-defaults", "--gazetteer", os.path.join(tmp, "drugs.tsv"), "-o", img])
    shutil.copyfile(img, os.path.join(tmp, "drugs.lxm"))
    data = bytearray(open(img, "rb").read())
    s_types = 12  # section index of the type table
    off = int.from_bytes(data[112 + 8 * s_types:120 + 8 * s_types], "little")
    data[off:off + 4] = (0xFFFFFF00).to_bytes(4, "little")
    data[16:24] = bytes(8)
    data[16:24] = image_checksum(bytes(data)).to_bytes(8, "little")
    with open(img, "wb") as f:
        f.write(data)
    p = run(["--model", img, "-"], stdin=b"Quillomab helps.\n")
    check("crafted image with a valid checksum: exit 2, index error",
          p.returncode == 2 and b"outside its table" in p.stderr and not p.stdout, p.stderr)
    # the header is checksummed too: a flipped content hash or section offset is corruption
    for at, what in ((32, "content hash"), (112 + 8 * s_types, "a section offset")):
        data = bytearray(open(os.path.join(tmp, "drugs.lxm"), "rb").read())
        data[at] ^= 0x08
        with open(img, "wb") as f:
            f.write(data)
        p = run(["--model", img, "-"], stdin=b"Quillomab helps.\n")
        check("image with a flipped bit in its header (%s): exit 2" % what,
              p.returncode == 2 and b"model image" in p.stderr and not p.stdout, p.stderr)

def invalid_run(tmp):
    """More than a stretch (1 MiB) of UTF-8 continuation bytes and no character boundary:
    the stretch cutter must still move on (it once looped for ever here)."""
    path = os.path.join(tmp, "continuation.bin")
    with open(path, "wb") as f:
        f.write(b"\x80" * (1 << 21) + b" Sen. Harriet Quill spoke.")
    try:
        p = run([path])
        r = records(p.stdout)
        ok = p.returncode == 0 and [e["text"] for e in r[0]["entities"]] == ["Harriet Quill"]
    except subprocess.TimeoutExpired as e:
        ok, p = False, e
    check("2 MiB of continuation bytes: tagged, the name after them found", ok, p)

def temp_cleanup(tmp):
    """Each test script removes its temporary folder, also when it fails: run them against a
    program that always fails, with TMPDIR pointing at an empty folder."""
    scratch = os.path.join(tmp, "scratch")
    os.mkdir(scratch)
    env = dict(os.environ, TMPDIR=scratch)
    for script in ("cli/test_cli.py", "cli/test_eval.py", "cli/test_formats.py",
                   "cli/test_recipes.py", "browser/test_html_view.py",
                   "browser/test_labelstudio.py"):
        p = subprocess.run([sys.executable, os.path.join(HERE, "..", script), "/bin/false"],
                           capture_output=True, env=env, timeout=300)
        left = os.listdir(scratch)
        check("%s fails against a broken program and leaves no temporary folder" % script,
              p.returncode != 0 and not left, (p.returncode, left))
        for n in left:
            shutil.rmtree(os.path.join(scratch, n), True)

def main():
    tmp = tempfile.mkdtemp(prefix="lextag-iface-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    a = os.path.join(tmp, "a.txt")
    with open(a, "w") as f:
        f.write("Sen. Harriet Quill met Microsoft executives about H.R. 2210 on Monday.\n")
    big = os.path.join(tmp, "big.txt")
    with open(big, "w") as f:
        f.write("Sen. Harriet Quill met Microsoft executives about H.R. 2210 on Monday.\n" * 40000)
    with open(os.path.join(tmp, "drugs.tsv"), "w") as f:
        f.write("Quillomab\tDRUG\n")
    with open(os.path.join(tmp, "gold.jsonl"), "w") as f:
        f.write(json.dumps({"id": "g1", "text": "Sen. Harriet Quill spoke.",
                            "entities": [{"type": "PERSON", "start": 5, "end": 18}]}) + "\n")
    argument_order(tmp, a)
    help_everywhere()
    closed_pipe(tmp, big)
    output_file(tmp, a)
    threads(a, big)
    html_legend(tmp)
    crafted_image(tmp)
    invalid_run(tmp)
    temp_cleanup(tmp)
    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            print("# " + str(detail)[:500].replace("\n", "\n# "))
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
