#!/usr/bin/env python3
"""Check the JSON the tagger printed.

Usage: check_output.py OUTPUT [ASSERTIONS] [INPUT...]

OUTPUT holds one JSON object per line, or one pretty-printed object. Each
object must have the keys of a result (SPEC.md). When INPUT files are given,
the i-th result is checked against the i-th file: every mention's text must
be the file's bytes at [start, end) and its code points at
[char_start, char_end) (invalid bytes counting one code point each, as
Python's surrogateescape decodes them). ASSERTIONS is Python code run with
`docs` (the results) and `by_id(doc)` (entities keyed by id) in scope.
"""
import json
import sys

KEYS = {"topics", "entities", "facets", "facet_ids"}


def load(path):
    text = open(path, encoding="utf-8").read()
    if not text.strip():
        return []
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def check_offsets(doc, path):
    raw = open(path, "rb").read()
    chars = raw.decode("utf-8", errors="surrogateescape")
    for ent in doc["entities"]:
        assert ent["count"] == len(ent.get("mentions", [])) or "mentions" not in ent, ent
        for m in ent.get("mentions", []):
            got = raw[m["start"]:m["end"]].decode("utf-8", errors="surrogateescape")
            assert got == m["text"], (m, got)
            assert chars[m["char_start"]:m["char_end"]] == m["text"], (m, path)


def main(argv):
    docs = load(argv[1])
    assertions = argv[2] if len(argv) > 2 else ""
    for doc in docs:
        missing = KEYS - set(doc)
        assert not missing, "missing keys %s" % missing
        rel = [e["relevance"] for e in doc["entities"]]
        assert rel == sorted(rel, reverse=True), "entities not sorted by relevance"
        assert all(0 <= r <= 1 for r in rel), rel
    for doc, path in zip(docs, argv[3:]):
        check_offsets(doc, path)

    def by_id(doc):
        return {e["id"]: e for e in doc["entities"]}

    try:
        exec(compile(assertions, "assertions", "exec"), {"docs": docs, "by_id": by_id})
    except AssertionError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        line = assertions.splitlines()[tb.tb_lineno - 1].strip()
        raise AssertionError("%s %s" % (line, e)) from None
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except AssertionError as e:
        print("assertion failed: %s" % (e,), file=sys.stderr)
        sys.exit(1)
    except Exception as e:  # a crash of the checker is a failure too
        print("%s: %s" % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
