#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The multi-machine recipe of the README, for real: GNU parallel --sshlogin against an sshd.

The test starts its own sshd on 127.0.0.1 (a free port, a throw-away host key and client key in
a temporary folder, no PAM), then runs

  parallel --ssh "ssh -F CONFIG" --sshlogin 2/lextag-test --pipe --block 64k -k \\
           LEXTAG --input jsonl --threads 1

and checks that every record comes back exactly once and, with -k, in input order, and that the
output is byte for byte what one local lextag writes.  It is skipped (TAP SKIP) when sshd,
ssh-keygen or GNU parallel is not installed; .ci/run installs openssh-server.

Usage: test_sshlogin.py LEXTAG   (TAP)
"""
import atexit, json, os, shutil, socket, subprocess, sys, tempfile, time

LEXTAG = os.path.abspath(sys.argv[1])
SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if os.path.exists("/usr/sbin/sshd") else None)


def records(n):
    for i in range(n):
        yield json.dumps({"id": "r%05d" % i,
                          "text": "Rep. Hugo Marten%d asked Reuters about S. %d in the %dth Congress."
                                  % (i, 10 + i, 110 + i % 9)}) + "\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_sshd(tmp):
    port = free_port()
    host_key, user_key = os.path.join(tmp, "host_key"), os.path.join(tmp, "user_key")
    for k in (host_key, user_key):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", k], check=True)
    auth = os.path.join(tmp, "authorized_keys")
    shutil.copy(user_key + ".pub", auth)
    os.chmod(auth, 0o600)
    conf = os.path.join(tmp, "sshd_config")
    with open(conf, "w") as f:
        f.write("ListenAddress 127.0.0.1\nPort %d\nHostKey %s\nAuthorizedKeysFile %s\n"
                "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n"
                "StrictModes no\nPermitRootLogin prohibit-password\nPidFile %s\n"
                "MaxStartups 50\nMaxSessions 50\n"
                % (port, host_key, auth, os.path.join(tmp, "sshd.pid")))
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # privilege separation folder
    d = subprocess.Popen([SSHD, "-D", "-e", "-f", conf], stderr=open(os.path.join(tmp, "sshd.log"), "w"))
    client = os.path.join(tmp, "ssh_config")
    with open(client, "w") as f:
        f.write("Host lextag-test\n  HostName 127.0.0.1\n  Port %d\n  IdentityFile %s\n"
                "  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n"
                "  LogLevel ERROR\n  BatchMode yes\n" % (port, user_key))
    for _ in range(100):  # until it answers
        time.sleep(0.1)
        if subprocess.run(["ssh", "-F", client, "lextag-test", "true"],
                          capture_output=True).returncode == 0:
            return d, client
    d.terminate()
    return None, client


def main():
    missing = [p for p, w in (("sshd", SSHD), ("ssh-keygen", shutil.which("ssh-keygen")),
                              ("GNU parallel", shutil.which("parallel"))) if not w]
    if missing:
        print("1..0 # SKIP not installed: %s" % ", ".join(missing))
        return 0
    tmp = tempfile.mkdtemp(prefix="lextag-ssh-")
    atexit.register(shutil.rmtree, tmp, True)  # removed whether the test passes or fails
    n = 4000
    src = os.path.join(tmp, "in.jsonl")
    with open(src, "w") as f:
        f.writelines(records(n))
    d, client = start_sshd(tmp)
    checks = []
    if not d:
        print("1..1\nnot ok 1 - sshd on 127.0.0.1 answers (log: %s)" % open(os.path.join(tmp, "sshd.log")).read()[-300:])
        return 1
    try:
        cmd = ["parallel", "--will-cite", "--ssh", "ssh -F %s" % client, "--sshlogin", "2/lextag-test",
               "--pipe", "--block", "64k", "-k", LEXTAG, "--input", "jsonl", "--threads", "1"]
        with open(src, "rb") as fin:
            p = subprocess.run(cmd, stdin=fin, capture_output=True, timeout=600)
        local = subprocess.run([LEXTAG, "--input", "jsonl", "--threads", "1", src],
                               capture_output=True, timeout=600)
    finally:
        d.terminate()
        d.wait(timeout=30)
    logins = open(os.path.join(tmp, "sshd.log")).read().count("Accepted publickey")
    ids = [json.loads(l)["id"] for l in p.stdout.decode().splitlines() if l.strip()]
    want = ["r%05d" % i for i in range(n)]
    blocks = max(1, os.path.getsize(src) // 65536)
    checks.append(("parallel --sshlogin exits 0 %s" % p.stderr.decode()[-200:].strip(),
                   p.returncode == 0))
    checks.append(("the jobs ran over ssh (%d logins after the first)" % (logins - 1), logins >= 2))
    checks.append(("every record comes back once (%d of %d), in %d+ blocks"
                   % (len(set(ids)), n, blocks), sorted(ids) == want))
    checks.append(("with -k, in input order", ids == want))
    checks.append(("the same bytes as one local lextag", p.stdout == local.stdout))
    print("1..%d" % len(checks))
    for i, (name, ok) in enumerate(checks, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
