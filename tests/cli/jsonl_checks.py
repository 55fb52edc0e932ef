#!/usr/bin/env python3
"""Checks of --jsonl output for tests/cli/run-jsonl-tests.sh.

Usage: jsonl_checks.py COMMAND ARGS...

  stream IN OUT MANIFEST [FIELD]
      OUT has one line per line of IN, in order; every good line of IN comes
      back unchanged but for FIELD (default annotations) spliced in before
      its closing brace; every line named in MANIFEST (LINE<TAB>KIND) is
      flagged with an error naming that line, or, for kind "empty", is kept
      as it is.  Prints the number of good and bad lines.
  diagnostics ERR MANIFEST NAME
      ERR (stderr of the run, possibly with progress lines drawn with
      carriage returns) holds exactly one "tagger: NAME:LINE: ..." line per
      bad line of MANIFEST, in order, and nothing else but progress.
  progress ERR
      ERR holds at least one progress line (records, MB, records/s, bad).
  bulk OUT
      OUT is action/document pairs: {"index":{...}} then a JSON object whose
      "id" equals the action's _id when it has one.
  tsv TSV JSON
      TSV has one line per mention of the JSON output (same options), each
      with 8 columns whose text is the record's field at [start, end).
  sorted_equal A B
      A and B hold the same lines once sorted by record id.
  tty OUT ERR COMMAND...
      Runs COMMAND with stdout to OUT and stderr on a pseudo-terminal whose
      output goes to ERR (stdin is passed on); exits with COMMAND's status.
      Writes COMMAND's peak resident memory (kB) to ERR.maxrss.
"""
import json
import re
import resource
import sys

ERROR_KINDS = {"truncated", "no_body", "body_number", "bad_utf8", "array", "trailing"}


def read_manifest(path):
    rows = {}
    for line in open(path):
        n, kind = line.rstrip("\n").split("\t")
        rows[int(n)] = kind
    return rows


def lines_of(path):
    data = open(path, "rb").read()
    assert data.endswith(b"\n") or not data, "output does not end in a newline"
    return data.split(b"\n")[:-1]


def check_stream(in_path, out_path, manifest_path, field="annotations"):
    src, out, manifest = lines_of(in_path), lines_of(out_path), read_manifest(manifest_path)
    assert len(out) == len(src), "%d lines in, %d out" % (len(src), len(out))
    key = b',"' + field.encode() + b'":'
    good = bad = 0
    for n, (a, b) in enumerate(zip(src, out), 1):
        kind = manifest.get(n)
        if kind == "empty":
            assert b == a, "line %d: an empty line was not kept" % n
            continue
        if kind in ERROR_KINDS:
            rec = json.loads(b)
            err = rec["error"]
            assert err["line"] == n and err["message"], (n, err)
            if kind in ("truncated", "array", "trailing"):
                assert rec["input"].encode() == a, "line %d: input not kept" % n
            bad += 1
            continue
        assert kind is None, kind
        cut = a.rstrip().rindex(b"}")
        assert b.startswith(a[:cut] + key), "line %d changed before the added field" % n
        assert b.endswith(a[cut:]), "line %d changed after the added field" % n
        # One parse of the whole line: valid JSON, and the added field is the
        # last member (the bytes between the splice and the closing brace).
        rec = json.loads(b)
        added = rec[field]
        assert list(rec)[-1] == field and "error" not in rec, n
        assert "entities" in added and "id" not in added, n
        good += 1
    print("%d good lines unchanged but for the added field, %d bad lines flagged" % (good, bad))


def stderr_lines(path):
    """Diagnostic lines of a stderr capture, progress drawings removed."""
    text = open(path, "rb").read().decode("utf-8", "replace").replace("\r\n", "\n")
    diags, progress = [], []
    for chunk in re.split(r"\r\x1b\[K", text):
        for line in chunk.split("\n"):
            if re.match(r"tagger: \d+ records, [\d.]+ MB, \d+ records/s, \d+ bad$", line):
                progress.append(line)
            elif line:
                diags.append(line)
    return diags, progress


def check_diagnostics(err_path, manifest_path, name):
    diags, _ = stderr_lines(err_path)
    want = [n for n, kind in sorted(read_manifest(manifest_path).items()) if kind in ERROR_KINDS]
    got = []
    for d in diags:
        m = re.match(r"tagger: (.*):(\d+): \S", d)
        assert m and m.group(1) == name, "unexpected stderr line: %r" % d
        got.append(int(m.group(2)))
    assert got == want, "diagnostics for lines %s, expected %s" % (got[:10], want[:10])


def check_progress(err_path):
    _, progress = stderr_lines(err_path)
    assert progress, "no progress line on the terminal"


def check_bulk(out_path):
    lines = lines_of(out_path)
    assert lines and len(lines) % 2 == 0, "odd number of lines: %d" % len(lines)
    for i in range(0, len(lines), 2):
        action, doc = json.loads(lines[i]), json.loads(lines[i + 1])
        assert list(action) == ["index"], action
        assert isinstance(doc, dict) and "index" not in doc, doc
        if "_id" in action["index"]:
            assert str(doc["id"]) == action["index"]["_id"], (action, doc.get("id"))
        assert "facets" in doc["annotations"]
    print("%d action/document pairs" % (len(lines) // 2))


def check_tsv(tsv_path, json_path):
    records = {}
    mentions = 0
    for line in lines_of(json_path):
        rec = json.loads(line) if line.strip() else {}
        if "annotations" in rec:
            records[rec["id"]] = rec
            mentions += sum(len(e["mentions"]) for e in rec["annotations"]["entities"])
    rows = lines_of(tsv_path)
    assert len(rows) == mentions, "%d TSV lines for %d mentions" % (len(rows), mentions)
    unescape = lambda s: re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(
        m.group(1), m.group(1)), s)
    for row in rows:
        cols = row.decode().split("\t")
        assert len(cols) == 8, cols
        rid, typ, name, eid, start, end, text, field = map(unescape, cols)
        value = records[rid]
        for part in field.split("."):
            value = value[part]
        got = value.encode()[int(start):int(end)].decode()
        assert got == text, (rid, field, start, end, got, text)
        assert typ in ("PERSON", "COUNTRY", "ORG", "PLACE") and name  # id: empty when recognized
    print("%d TSV lines, one per mention" % len(rows))


def check_sorted_equal(a_path, b_path):
    def keyed(path):
        out = []
        for line in lines_of(path):
            rec = json.loads(line)
            out.append((str(rec.get("id")), line))
        return sorted(out)
    a, b = keyed(a_path), keyed(b_path)
    assert len(a) == len(b), "%d lines against %d" % (len(a), len(b))
    for (ida, la), (idb, lb) in zip(a, b):
        assert la == lb, "record %s differs from %s" % (ida, idb)
    print("%d lines equal after sorting by id" % len(a))


def run_tty(out_path, err_path, *cmd):
    import os
    import pty
    import subprocess
    master, slave = pty.openpty()
    with open(out_path, "wb") as out:
        child = subprocess.Popen(cmd, stdout=out, stderr=slave)
    os.close(slave)
    data = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not chunk:
            break
        data.append(chunk)
    os.close(master)
    with open(err_path, "wb") as err:
        err.write(b"".join(data))
    status = child.wait()
    with open(err_path + ".maxrss", "w") as rss:  # kilobytes, on Linux
        rss.write("%d\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return status


def main(argv):
    commands = {"stream": check_stream, "diagnostics": check_diagnostics,
                "progress": check_progress, "bulk": check_bulk, "tsv": check_tsv,
                "sorted_equal": check_sorted_equal, "tty": run_tty}
    return commands[argv[1]](*argv[2:]) or 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except AssertionError as e:
        print("assertion failed: %s" % (e,), file=sys.stderr)
        sys.exit(1)
    except Exception as e:  # a crash of the checker is a failure too
        print("%s: %s" % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
