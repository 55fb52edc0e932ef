"""PLACES micro P/R/F1 on the Reuters-21578 ModApte *training* split across
relevance thresholds: the data to choose the facet threshold and weights on,
so that the test split stays unseen.
Run: python3 scripts/eval.d/tune_places.py [--places-too] [TAGGER]
(--places-too: also count the country of PLACE entities at their own
relevance, the measure used up to 2026-11-30; see reuters_eval.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import maptables  # noqa: E402
import paths  # noqa: E402
import reuters_data  # noqa: E402
import reuters_eval  # noqa: E402
import scoring  # noqa: E402
import tagrun  # noqa: E402


def main():
    args = [a for a in sys.argv[1:] if a != "--places-too"]
    tagger = args[0] if args else os.path.join(paths.ROOT, "build", "tagger")
    docs = [d for d in reuters_data.read_documents(paths.REUTERS)
            if d.attrs.get("LEWISSPLIT") == "TRAIN" and d.attrs.get("TOPICS") == "YES"]
    results = tagrun.tag_documents(tagger, [(d.newid, d.text) for d in docs])
    field = reuters_eval.fields("--places-too" in sys.argv)[0]
    mapping = maptables.read_mapping(paths.map_table("places"))
    print("ModApte train: %d documents" % len(docs))
    for t in (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        s = reuters_eval.score_field(docs, results, field, mapping, t)
        tp, fp, fn = (sum(c.values()) for c in (s.tally.tp, s.tally.fp, s.tally.fn))
        p, r, f = scoring.prf(tp, fp, fn)
        print("relevance >= %.2f  P %.3f  R %.3f  F1 %.3f" % (t, p, r, f))


if __name__ == "__main__":
    main()
