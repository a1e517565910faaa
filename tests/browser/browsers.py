# SPDX-License-Identifier: MIT
"""What the browser tests share: finding Chromium, the pinned npm packages, and skipping.

A browser test skips (exit 77, with the reason) only when Chromium, Node.js or the npm
packages are truly unavailable, and fails instead when LEXTAG_REQUIRE_BROWSER=1 (as .ci/run
sets), so CI cannot pass without running them.  The npm packages (package.json and
package-lock.json here) are installed once into a cache folder, never into the source tree:
$LEXTAG_TEST_CACHE, else $XDG_CACHE_HOME/lextag-tests, else ~/.cache/lextag-tests.
"""
import hashlib, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

def skip(reason):
    if os.environ.get("LEXTAG_REQUIRE_BROWSER") == "1":
        print("1..1\nnot ok 1 - browser test required (LEXTAG_REQUIRE_BROWSER=1) but %s" % reason)
        sys.exit(1)
    print("1..0 # SKIP %s" % reason)
    sys.exit(77)

def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        skip("chromium is not installed (apt-get install chromium)")
    return path

def node():
    path = shutil.which("node")
    if not path:
        skip("Node.js is not installed (apt-get install nodejs npm)")
    return path

def node_modules():
    """The pinned packages' node_modules folder, installed with `npm ci` when missing."""
    lock = open(os.path.join(HERE, "package-lock.json"), "rb").read()
    pkg = open(os.path.join(HERE, "package.json"), "rb").read()
    key = hashlib.sha256(pkg + lock).hexdigest()[:16]
    base = os.environ.get("LEXTAG_TEST_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "lextag-tests")
    home = os.path.join(base, "npm-" + key)
    marker = os.path.join(home, "node_modules", "@heartexlabs", "label-studio", "build",
                          "static", "js", "main.js")
    if os.path.exists(marker):
        return os.path.join(home, "node_modules")
    npm = shutil.which("npm")
    if not npm:
        skip("npm is not installed (apt-get install nodejs npm)")
    os.makedirs(base, exist_ok=True)
    work = tempfile.mkdtemp(prefix="npm-", dir=base)
    try:
        for name in ("package.json", "package-lock.json"):
            shutil.copy(os.path.join(HERE, name), work)
        p = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=work,
                           capture_output=True, timeout=900)
        if p.returncode != 0:
            skip("npm ci failed (no registry?): %s"
                 % p.stderr.decode(errors="replace").strip().splitlines()[-1:])
        try:
            os.rename(work, home)  # atomic: a concurrent run may have won the race
        except OSError:
            pass
    finally:
        shutil.rmtree(work, True)
    if not os.path.exists(marker):
        skip("the Label Studio build is missing from %s" % home)
    return os.path.join(home, "node_modules")
