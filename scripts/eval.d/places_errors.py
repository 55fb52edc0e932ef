"""Error analysis of PLACES on the Reuters-21578 ModApte *training* split.

Every (document, Reuters country label) that the gold labels or our entities
name is put in one evidence category, from the mentions of the entities
that predict it (COUNTRY entities, whose mentions include the places that
point to them, as reuters_eval.py scores PLACES):

    absent        no entity of ours predicts the label (only false negatives)
    dateline      a place or name in the dateline line (line 2 of the text)
    title         a mention in the title line, none in the dateline
    name3+/name2/name1   that many mentions of the country's own name in the body
    place-only    only places in the body (a city, a state)
    demonym-only  only demonyms ("British")
    place+demonym both, and no name

For each category it prints how many such pairs there are, how many are
gold, and at the facet threshold the true positives, false positives and
false negatives, so the biggest sources of error show, and with --show CAT
a sample of that category's errors (document id, label, mentions).

Run: python3 scripts/eval.d/places_errors.py [--threshold 0.4] [--show CAT] [TAGGER]
Tune on this split only; the test split stays unseen (tune_places.py).
"""
import argparse
import collections
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import maptables  # noqa: E402
import paths  # noqa: E402
import reuters_data  # noqa: E402
import tagrun  # noqa: E402

CATEGORIES = ("absent", "dateline", "title", "name3+", "name2", "name1", "place-only",
              "demonym-only", "place+demonym")


def line_spans(text):
    """[(start, end)] byte spans of the lines of a text."""
    spans, pos = [], 0
    data = text.encode("utf-8")
    for line in data.split(b"\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def evidence(result, mapping):
    """{label: (relevance, [(via, start, text, type)])} our entities give for each label."""
    out = {}
    for e in result.get("entities", []):
        if e.get("type") != "COUNTRY":
            continue
        ident = e["id"]
        for label in mapping.labels_of.get(ident, ()):
            rel, mentions = out.get(label, (0.0, []))
            rel = max(rel, e.get("relevance", 0.0))
            mentions = mentions + [(m.get("via", "name"), m["start"], m["text"], "C")
                                   for m in e.get("mentions", [])]
            out[label] = (rel, mentions)
    return out


def category(mentions, lines):
    """The evidence category of a label's mentions (see the module comment)."""
    if not mentions:
        return "absent"
    title_end = lines[0][1]
    dl = lines[1] if len(lines) > 1 else (0, 0)
    if any(dl[0] <= m[1] < dl[1] for m in mentions):
        return "dateline"
    if any(m[1] < title_end for m in mentions):
        return "title"
    vias = collections.Counter(m[0] for m in mentions)
    n_name = vias["name"]
    if n_name >= 3:
        return "name3+"
    if n_name:
        return "name%d" % n_name
    if vias["place"] and vias["demonym"]:
        return "place+demonym"
    return "place-only" if vias["place"] else "demonym-only"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tagger", nargs="?", default=os.path.join(paths.ROOT, "build", "tagger"))
    ap.add_argument("--threshold", type=float, default=0.4)
    ap.add_argument("--show", help="print sample errors of this category")
    ap.add_argument("--kind", choices=("fp", "fn"), help="only this kind of error with --show")
    ap.add_argument("-n", type=int, default=40, help="how many samples with --show")
    args = ap.parse_args()
    docs = [d for d in reuters_data.read_documents(paths.REUTERS)
            if d.attrs.get("LEWISSPLIT") == "TRAIN" and d.attrs.get("TOPICS") == "YES"]
    results = tagrun.tag_documents(args.tagger, [(d.newid, d.text) for d in docs])
    mapping = maptables.read_mapping(paths.map_table("places"))
    rows = collections.defaultdict(collections.Counter)
    samples = []
    for d in docs:
        lines = line_spans(d.text)
        gold = {l for l in d.labels["PLACES"] if l in mapping.ids_of}
        ev = evidence(results[d.newid], mapping)
        for label in gold | set(ev):
            rel, mentions = ev.get(label, (0.0, []))
            cat = category(mentions, lines)
            is_gold = label in gold
            above = label in ev and rel >= args.threshold
            row = rows[cat]
            row["pairs"] += 1
            row["gold"] += is_gold
            kind = ("tp" if is_gold else "fp") if above else ("fn" if is_gold else "tn")
            row[kind] += 1
            if cat == args.show and kind in ("fp", "fn") and kind == (args.kind or kind):
                samples.append((kind, d.newid, label, rel, mentions, d.text.split("\n")[0]))
    print("ModApte train: %d documents, threshold %.2f" % (len(docs), args.threshold))
    print("%-14s %6s %6s %6s %6s %6s %6s  %s" % ("category", "pairs", "gold", "tp", "fp", "fn",
                                                  "tn", "gold share"))
    tot = collections.Counter()
    for cat in CATEGORIES:
        r = rows[cat]
        tot.update(r)
        share = r["gold"] / r["pairs"] if r["pairs"] else 0.0
        print("%-14s %6d %6d %6d %6d %6d %6d  %.2f" % (cat, r["pairs"], r["gold"], r["tp"],
                                                       r["fp"], r["fn"], r["tn"], share))
    p = tot["tp"] / max(1, tot["tp"] + tot["fp"])
    r_ = tot["tp"] / max(1, tot["tp"] + tot["fn"])
    print("%-14s %6d %6d %6d %6d %6d %6d  P %.3f R %.3f F1 %.3f" % (
        "total", tot["pairs"], tot["gold"], tot["tp"], tot["fp"], tot["fn"], tot["tn"], p, r_,
        2 * p * r_ / max(1e-9, p + r_)))
    for kind, newid, label, rel, mentions, title in samples[:args.n]:
        ms = "; ".join("%s:%s@%d" % (m[0], m[2], m[1]) for m in mentions[:6])
        print("%s %s %-14s %.3f  %s  | %s" % (kind, newid, label, rel, ms, title[:60]))


if __name__ == "__main__":
    main()
