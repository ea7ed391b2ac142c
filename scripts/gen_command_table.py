#!/usr/bin/env python3
"""Writes the command table (commands.json) from a real redis-server's COMMAND and COMMAND DOCS.

Starts redis-server on a free 127.0.0.1 port with persistence off, asks it for every command and
subcommand, stops it by its PID and writes one JSON object per command, sorted by name, so that a
regeneration shows up as a readable diff. Only the Python standard library is used.

Usage: gen_command_table.py [--redis-server PATH] [--out FILE]
"""

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                           "org", "vertxdynomite", "command", "commands.json")


class Resp:
    """A minimal blocking RESP2 client: enough for COMMAND and COMMAND DOCS."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.reader = self.sock.makefile("rb")

    def call(self, *args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            b = a.encode()
            out += b"$%d\r\n%s\r\n" % (len(b), b)
        self.sock.sendall(out)
        return self._read()

    def _read(self):
        line = self.reader.readline()
        if not line.endswith(b"\r\n"):
            raise IOError("connection closed by redis-server")
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            raise IOError("redis-server replied " + rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.reader.read(n + 2)[:-2].decode()
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self._read() for _ in range(n)]
        raise IOError("not a RESP2 reply: %r" % line)

    def close(self):
        self.reader.close()
        self.sock.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis(binary, workdir):
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", workdir, "--logfile", os.path.join(workdir, "redis.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise IOError("redis-server exited with %d; see %s" % (proc.returncode, workdir))
        try:
            client = Resp(port)
            if client.call("PING") == "PONG":
                return proc, client
            client.close()
        except OSError:
            pass
        time.sleep(0.05)
    stop_redis(proc)
    raise IOError("redis-server did not answer PING within 10 s")


def stop_redis(proc):
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


def pairs(flat):
    """Redis replies maps as flat [k1, v1, k2, v2, ...] arrays."""
    return dict(zip(flat[::2], flat[1::2]))


def key_spec(raw):
    spec = pairs(raw)
    begin = pairs(spec["begin_search"])
    find = pairs(spec["find_keys"])
    begin_spec = pairs(begin["spec"]) if begin["spec"] else {}
    find_spec = pairs(find["spec"]) if find["spec"] else {}
    if begin["type"] == "index":
        b = {"index": begin_spec["index"]}
    elif begin["type"] == "keyword":
        b = {"keyword": begin_spec["keyword"], "startfrom": begin_spec["startfrom"]}
    else:
        b = {"unknown": True}
    if find["type"] == "range":
        f = {"range": {"lastkey": find_spec["lastkey"], "step": find_spec["keystep"], "limit": find_spec["limit"]}}
    elif find["type"] == "keynum":
        f = {"keynum": {"index": find_spec["keynumidx"], "firstkey": find_spec["firstkey"],
                        "step": find_spec["keystep"]}}
    else:
        f = {"unknown": True}
    out = {"flags": spec["flags"], "begin": b, "find": f}
    if "notes" in spec:
        out["notes"] = spec["notes"]
    return out


def entry(info, doc):
    name, arity, flags, first, last, step, acl, tips, specs = info[:9]
    e = {
        "name": name,
        "arity": arity,
        "flags": flags,
        "acl": [c.lstrip("@") for c in acl],
        "first": first,
        "last": last,
        "step": step,
        "specs": [key_spec(s) for s in specs],
    }
    if tips:
        e["tips"] = tips
    e["group"] = doc.get("group", "")
    e["since"] = doc.get("since", "")
    e["summary"] = doc.get("summary", "")
    if "deprecated" in (doc.get("doc_flags") or []):
        e["deprecated"] = True
    if doc.get("replaced_by"):
        e["replaced_by"] = doc["replaced_by"]
    return e


def collect(client):
    commands = client.call("COMMAND")
    docs = pairs(client.call("COMMAND", "DOCS"))
    version = pairs(info_lines(client.call("INFO", "server"))).get("redis_version", "?")
    entries = []
    for info in commands:
        doc = pairs(docs[info[0]])
        entries.append(entry(info, doc))
        sub_docs = pairs(doc.get("subcommands") or [])
        for sub in info[9]:
            entries.append(entry(sub, pairs(sub_docs.get(sub[0]) or [])))
    entries.sort(key=lambda e: e["name"])
    return version, entries


def info_lines(text):
    flat = []
    for line in text.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            flat += [k, v]
    return flat


def write(path, version, entries):
    lines = [json.dumps(e, separators=(",", ":"), ensure_ascii=False) for e in entries]
    header = {"source": "COMMAND and COMMAND DOCS of redis-server " + version,
              "generator": "scripts/gen-command-table", "count": len(entries)}
    head = json.dumps(header, separators=(",", ":"))[:-1]
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + ',"commands":[\n' + ",\n".join(lines) + "\n]}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis-server", default=os.environ.get("REDIS_SERVER", "redis-server"))
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gen-command-table-") as workdir:
        proc, client = start_redis(args.redis_server, workdir)
        try:
            version, entries = collect(client)
        finally:
            client.close()
            stop_redis(proc)
    write(os.path.normpath(args.out), version, entries)
    print("wrote %d commands and subcommands from redis-server %s to %s"
          % (len(entries), version, os.path.normpath(args.out)))


if __name__ == "__main__":
    sys.exit(main())
