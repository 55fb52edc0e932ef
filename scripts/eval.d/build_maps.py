#!/usr/bin/env python3
"""Build the Reuters label mapping tables from the gazetteers (rerunnable).

Usage: build_maps.py [--gazetteers DIR] [--out DIR]
       (or `scripts/eval --rebuild-maps`, which runs this first)

For each Reuters field it writes reuters-FIELD.tsv (format: maptables.py):
every label of all-FIELD-strings.lc.txt, matched against the entities of
gazetteers/*.tsv of the field's type:
  places  COUNTRY entities, by the label read as a name (`new-zealand` =
          `New Zealand`); a label no country is named is `unscored`;
  orgs    ORG entities, by the expansion cat-descriptions gives
          (`International Monetary Fund (IMF)`); abbreviations alone are
          not trusted (ITC, ISA, AID name other bodies today);
  people  PERSON entities whose name (two words or more, or a one-word
          canonical name) has the label's surname and only words of the
          description (`Treasury Secretary James Baker (JAMES-BAKER)`);
          the longest such name wins.
Hand-reviewed reuters-overrides.tsv rows replace the automatic match of
their label.  A label matching several entities, or none, maps to `-`
(scored as a miss; `unscored` for places); the review notes go to stderr.
Run it again whenever the gazetteers change.
"""
import argparse
import collections
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository

import gazetteers
import maptables
import paths
import reuters_data

FIELD_TYPES = {"places": "COUNTRY", "orgs": "ORG", "people": "PERSON"}
Override = collections.namedtuple("Override", "target comment")


# ---- overrides -------------------------------------------------------------

def read_overrides(path):
    """{field: {label: [Override]}} from the overrides file (field label target comment)."""
    out = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) != 4 or cols[0] not in FIELD_TYPES or not cols[3].strip():
                raise SystemExit("%s:%d: want FIELD LABEL TARGET COMMENT (tab-separated)"
                                 % (path, n))
            out[cols[0]][cols[1]].append(Override(cols[2], cols[3].strip()))
    return out


def resolve_overrides(overrides, index, known_ids):
    """Rows for one label's overrides: literal ids, '=Name' looked up, '-', 'unscored'."""
    rows = []
    for o in overrides:
        if o.target.startswith("="):
            found = index.named(gazetteers.name_keys(o.target[1:]))
            rows += [(e.id, "override %s: %s" % (o.target, o.comment)) for e in found]
        elif o.target in (maptables.NO_ENTITY, maptables.UNSCORED) or o.target in known_ids:
            rows.append((o.target, "override: " + o.comment))
        else:
            rows.append((o.target, "override (not in gazetteers): " + o.comment))
    return rows


# ---- automatic matching ----------------------------------------------------

class NameIndex:
    """The entities of one type, indexed by the keys of their names and aliases."""

    def __init__(self, entities):
        self.entities = entities
        self.by_name = collections.defaultdict(list)
        self.by_alias = collections.defaultdict(list)
        self.words = {}
        for e in entities:
            for key in gazetteers.name_keys(e.name):
                self.by_name[key].append(e)
            for key in set().union(*(gazetteers.name_keys(a) for a in e.aliases)):
                self.by_alias[key].append(e)

    def named(self, keys):
        """Entities whose canonical name has one of keys, else those with such an alias."""
        for index in (self.by_name, self.by_alias):
            found = {e.id: e for k in keys for e in index.get(k, ())}
            if found:
                return [found[i] for i in sorted(found)]
        return []

    def name_words(self, entity):
        """The folded word tuples of an entity's aliases (umlaut variants included)."""
        if entity.id not in self.words:
            self.words[entity.id] = set().union(
                *(gazetteers.word_variants(a) for a in entity.aliases))
        return self.words[entity.id]


def place_keys(label, _description):
    """A place label read as a name: `west-germany` -> 'West Germany'."""
    return gazetteers.name_keys(label.replace("-", " "))


def org_keys(_label, description):
    """An org's expansion, and the English name a bracket gives (GEPLACEA)."""
    names = re.findall(r"\[([^\]]*)\]", description) + [re.sub(r"\[[^\]]*\]", "", description)]
    return set().union(*(gazetteers.name_keys(n) for n in names))


def _person_score(index, entity, surname, allowed):
    """Words in the entity's longest name that fits the description, or 0."""
    single_ok = len(gazetteers.tokens(entity.name)) == 1
    fitting = [len(words) for words in index.name_words(entity)
               if surname in words and set(words) <= allowed
               and (len(words) >= 2 or single_ok)]
    return max(fitting, default=0)


def match_person(label, description, index):
    """Candidates for a people label: the people whose name fits best (see module doc)."""
    label_words = label.split("-")
    allowed = set(label_words) | set(gazetteers.tokens(description))
    scored = [(_person_score(index, e, label_words[-1], allowed), e) for e in index.entities]
    best = max((s for s, _ in scored), default=0)
    return [e for s, e in scored if best and s == best]


def auto_rows(field, label, description, index):
    """(rows, note): the automatic rows for a label, and a review note or None."""
    if field == "people":
        found = match_person(label, description, index)
    else:
        keys_of = place_keys if field == "places" else org_keys
        found = index.named(keys_of(label, description))
    ids = sorted({e.id for e in found})
    if len(ids) == 1:
        return [(ids[0], "matched: " + found[0].name)], None
    missing = maptables.UNSCORED if field == "places" else maptables.NO_ENTITY
    if not ids:
        return [(missing, "no entity matches %r" % (description or label))], "no match"
    names = ", ".join("%s (%s)" % (e.name, e.id) for e in sorted(found, key=lambda e: e.id))
    return [(missing, "ambiguous: " + names)], "ambiguous: " + names


# ---- tables ----------------------------------------------------------------

def build_rows(field, labels, descriptions, index, overrides, known_ids):
    """All rows of one field's table, and the review notes for stderr."""
    rows, notes = [], []
    for label in labels:
        if label in overrides:
            pairs = resolve_overrides(overrides[label], index, known_ids)
            if not pairs:
                pairs = [(maptables.NO_ENTITY, "override names not in gazetteers: "
                          + "; ".join(o.target for o in overrides[label]))]
        else:
            pairs, note = auto_rows(field, label, descriptions.get(label, ""), index)
            if note:
                notes.append((label, note))
        rows += [maptables.Row(label, ident, how) for ident, how in pairs]
    return rows, notes


def build_all(gaz_dir, out_dir):
    """Write the three tables; return the review notes."""
    entities = gazetteers.read_gazetteers(gaz_dir)
    known_ids = {e.id for e in entities}
    descriptions = reuters_data.read_descriptions(paths.REUTERS)
    overrides = read_overrides(paths.OVERRIDES)
    gaz_files = ", ".join(sorted(f for f in os.listdir(gaz_dir) if f.endswith(".tsv")))
    all_notes = []
    for field, etype in FIELD_TYPES.items():
        index = NameIndex([e for e in entities if e.type == etype])
        labels = reuters_data.read_label_list(paths.REUTERS, field)
        rows, notes = build_rows(field, labels, descriptions.get(field, {}), index,
                                 overrides.get(field, {}), known_ids)
        header = ["generated by build_maps.py from all-%s-strings.lc.txt, "
                  "cat-descriptions_120396.txt, reuters-overrides.tsv and %s -- do not edit; "
                  "edit reuters-overrides.tsv and run scripts/eval --rebuild-maps"
                  % (field, gaz_files or "no gazetteers"),
                  "id: an entity id; '-' no entity of ours (scored, always a miss); "
                  "'unscored' left out of the scores"]
        maptables.write_table(os.path.join(out_dir, "reuters-%s.tsv" % field), header, rows)
        all_notes += _review_notes(field, rows, notes)
    return all_notes


def _review_notes(field, rows, notes):
    """Lines for stderr: a summary, the unmatched labels in one line, each ambiguity."""
    lines = [_summary(field, rows)]
    unmatched = [label for label, note in notes if note == "no match"]
    if unmatched:
        lines.append("%s: no entity for %d labels: %s"
                     % (field, len(unmatched), " ".join(unmatched)))
    lines += ["%s %s: %s" % (field, label, note) for label, note in notes if note != "no match"]
    return lines


def _summary(field, rows):
    """One line: how many labels are mapped, '-' or unscored, and how many by override."""
    by_label = collections.defaultdict(list)
    for r in rows:
        by_label[r.label].append(r)
    kinds = collections.Counter(
        "mapped" if mine[0].id not in (maptables.NO_ENTITY, maptables.UNSCORED) else mine[0].id
        for mine in by_label.values())
    n_override = sum(any(r.how.startswith("override") for r in mine) for mine in by_label.values())
    return "%s: %d labels: %s (%d set by override)" % (
        field, len(by_label), ", ".join("%s %d" % kv for kv in sorted(kinds.items())), n_override)


def main(argv):
    ap = argparse.ArgumentParser(description="Build the Reuters label mapping tables.")
    ap.add_argument("--gazetteers", default=paths.GAZETTEERS, help="gazetteer directory")
    ap.add_argument("--out", default=paths.EVALD, help="where the tables go")
    args = ap.parse_args(argv)
    for note in build_all(args.gazetteers, args.out):
        print("build_maps: " + note, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
