#!/usr/bin/env python3
"""Reuters-21578 document-level scores of the tagger (scripts/eval, section b).

Usage: reuters_eval.py [--places-too] [--train] TAGGER

On the ModApte test split (LEWISSPLIT="TEST", TOPICS="YES": 3,299 documents)
each document's gold labels of a category field are compared with the labels
our entities predict, through the tables reuters-FIELD.tsv (maptables.py):
  PLACES  COUNTRY entity ids: the country facet, which holds the countries
          our places point to too (a dateline city is a mention of its
          country, `via` place); --places-too also counts the `country` of
          PLACE entities at the place's own relevance (the measure used up to
          2026-11-30);
  ORGS    ORG entity ids;
  PEOPLE  PERSON entity ids.
--train scores the ModApte training split instead (9,603 documents), the
one to tune on.
Gold labels a table marks `unscored` (or does not list) are left out and
counted; predicted ids no label maps to (RU, ...) are not scored either, and
are listed.  Each field is scored twice: with every entity, and with only
the entities of relevance >= 0.4 (the default facet threshold, TAGGER_FACET_THRESHOLD).
PEOPLE is scored twice more with the recognized people (id null, issue 8)
counted too, each by the one label whose description its name fits, by
the rule build_maps.py matches gazetteer names with: the label's surname
and only words of the description ("James Baker" and "Baker" fit
`Treasury Secretary James Baker (JAMES-BAKER)`); a name that fits several
labels counts for none.
"""
import collections
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository

import gazetteers
import maptables
import paths
import reuters_data
import scoring
import tagrun

EXPECTED_DOCS = 3299
EXPECTED_TRAIN_DOCS = 9603
FACET_THRESHOLD = 0.4
VARIANTS = (("all entities", 0.0), ("relevance >= %.1f" % FACET_THRESHOLD, FACET_THRESHOLD))
N_ERRORS = 15
N_NOTES = 10

Field = collections.namedtuple("Field", "tag table title types via_place")
FIELDS = (Field("PLACES", "places", "PLACES (countries)", ("COUNTRY",), False),
          Field("ORGS", "orgs", "ORGS", ("ORG",), False),
          Field("PEOPLE", "people", "PEOPLE", ("PERSON",), False))
FieldScore = collections.namedtuple("FieldScore", "tally n_docs unscored outside")


def predicted_ids(result, field, min_relevance):
    """{entity id: name} the result predicts for a field, at a relevance threshold."""
    ids = {}
    for e in result.get("entities", []):
        if e.get("relevance", 0.0) < min_relevance:
            continue
        if e.get("type") in field.types:
            ids[e["id"]] = e.get("name", e["id"])
        elif field.via_place and e.get("type") == "PLACE" and e.get("country"):
            ids.setdefault(e["country"], e["country"])
    return ids


def _split_gold(labels, mapping):
    """(scored gold labels, unscored gold labels) of one document."""
    scored = {l for l in labels if l in mapping.ids_of}
    return scored, set(labels) - scored


def _map_predictions(ids, mapping):
    """(labels predicted, 'Name (ID)' of ids no label maps to)."""
    labels, outside = set(), set()
    for ident, name in ids.items():
        if ident in mapping.labels_of:
            labels |= mapping.labels_of[ident]
        else:
            outside.add("%s (%s)" % (name, ident) if name != ident else ident)
    return labels, outside


def people_by_name(descriptions):
    """A function from a recognized person's name to the one people label
    whose description it fits (module doc), or None."""
    fits = [(label.split("-")[-1], set(label.split("-")) | set(gazetteers.tokens(d)), label)
            for label, d in descriptions.items()]

    def label_of(name):
        words = set(gazetteers.tokens(name))
        found = [label for surname, allowed, label in fits
                 if surname in words and words <= allowed]
        return found[0] if len(found) == 1 else None
    return label_of


def recognized_labels(result, field, min_relevance, label_of):
    """Labels of the recognized entities (id null) of a field, by label_of()."""
    return {label_of(e["name"]) for e in result.get("entities", [])
            if e.get("id") is None and e.get("type") in field.types
            and e.get("relevance", 0.0) >= min_relevance} - {None}


def score_field(docs, results, field, mapping, min_relevance, label_of=None):
    """FieldScore of one field at one relevance threshold over all docs;
    with label_of, the recognized entities count too (people_by_name())."""
    tally = scoring.Tally()
    unscored, outside = collections.Counter(), collections.Counter()
    n_docs = 0
    for doc in docs:
        gold, not_scored = _split_gold(doc.labels[field.tag], mapping)
        ids = predicted_ids(results[doc.newid], field, min_relevance)
        if label_of:
            ids.pop(None, None)  # counted below, by name
        pred, unmapped = _map_predictions(ids, mapping)
        if label_of:
            pred |= (recognized_labels(results[doc.newid], field, min_relevance, label_of)
                     & mapping.ids_of.keys())  # the scored labels
        tally.add(gold, pred)
        unscored.update(not_scored)
        outside.update(unmapped)
        n_docs += bool(gold)
    return FieldScore(tally, n_docs, unscored, outside)


def _listing(counter, n):
    """'a 12, b 3, ...' of the n commonest, or 'none'."""
    pairs = scoring.commonest(counter, n)
    more = len([c for c in counter.values() if c]) - len(pairs)
    text = ", ".join("%s %d" % kc for kc in pairs) or "none"
    return text + (", and %d more" % more if more > 0 else "")


def unfindable_labels(tally, mapping, known_ids):
    """{label: gold count} of scored labels no gazetteer entity can predict."""
    return collections.Counter({l: tally.tp[l] + tally.fn[l] for l in tally.gold_labels()
                                if not mapping.ids_of[l] & known_ids})


def report_field(field, variant, score, mapping, known_ids, by_name=False):
    """Print one field's block for one variant (by_name: recognized entities
    counted by name, so that the gazetteers' misses are not the tagger's)."""
    t = score.tally
    labels = t.gold_labels()
    n_gold = sum(t.tp.values()) + sum(t.fn.values())
    print("--- %s, %s ---" % (field.title, variant))
    print("gold: %d labels (%d distinct) in %d documents; unscorable gold labels: %s"
          % (n_gold, len(labels), score.n_docs, _listing(score.unscored, N_NOTES)))
    print(scoring.prf_line("micro", *t.counts()))
    print(scoring.macro_line("macro", t.macro(labels), len(labels)))
    if not by_name:
        print("gold labels with no entity in gazetteers/*.tsv (always missed): "
              + _listing(unfindable_labels(t, mapping, known_ids), N_NOTES))
    print("predictions outside the Reuters labels (not scored, docs): "
          + _listing(score.outside, N_NOTES))
    print(scoring.side_by_side("commonest false negatives", scoring.commonest(t.fn, N_ERRORS),
                               "commonest false positives", scoring.commonest(t.fp, N_ERRORS)))
    print()


def fields(places_too=False):
    """FIELDS, with PLACES counting PLACE entities' countries when places_too."""
    return (FIELDS[0]._replace(via_place=places_too),) + FIELDS[1:]


def main(argv):
    places_too = "--places-too" in argv
    train = "--train" in argv
    argv = [a for a in argv if a not in ("--places-too", "--train")]
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    split = "TRAIN" if train else "TEST"
    docs = reuters_data.modapte_split(reuters_data.read_documents(paths.REUTERS), split)
    expected = EXPECTED_TRAIN_DOCS if train else EXPECTED_DOCS
    print("=== (b) Reuters-21578, ModApte %s split: document-level labels ===" % split.lower())
    print('documents: %d (LEWISSPLIT="%s" and TOPICS="YES"; expected %d)%s'
          % (len(docs), split, expected, "" if len(docs) == expected else "  MISMATCH"))
    print("text: TITLE, DATELINE and BODY; tables: scripts/eval.d/reuters-*.tsv")
    print()
    results = tagrun.tag_documents(argv[0], [(d.newid, d.text) for d in docs])
    known_ids = gazetteers.ids_in(paths.GAZETTEERS)
    label_of = people_by_name(reuters_data.read_descriptions(paths.REUTERS)["people"])
    for field in fields(places_too):
        mapping = maptables.read_mapping(paths.map_table(field.table))
        for variant, threshold in VARIANTS:
            score = score_field(docs, results, field, mapping, threshold)
            report_field(field, variant, score, mapping, known_ids)
        for variant, threshold in VARIANTS if field.tag == "PEOPLE" else ():
            score = score_field(docs, results, field, mapping, threshold, label_of)
            report_field(field, variant + ", recognized people by name too", score, mapping,
                         known_ids, by_name=True)
    return 0 if len(docs) == expected else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except tagrun.TaggerError as e:
        sys.exit("reuters_eval: %s" % e)
