"""The Reuters label mapping tables: their format, reading and writing.

scripts/eval.d/reuters-{places,orgs,people}.tsv map each Reuters label of a
category field to the ids of our entities, one row per (label, id):

    label <TAB> id <TAB> how the row was made

id is an entity id (ISO alpha-2 or a former ISO code such as SU for
countries, a QID or source id otherwise), or one of
    -         the label is ours to find but no gazetteer entity has it yet:
              scored, and always a miss;
    unscored  the label is not something the tagger tags (a region, ...):
              left out of the scores and counted apart.
A label with several rows has several ids; any of them predicts it.
"""
import collections

NO_ENTITY = "-"
UNSCORED = "unscored"

Row = collections.namedtuple("Row", "label id how")
Mapping = collections.namedtuple("Mapping", "ids_of labels_of unscored")


def write_table(path, header_lines, rows):
    """Write rows (label, id, how) sorted by label then id, after '#' header lines."""
    with open(path, "w", encoding="utf-8") as f:
        for line in header_lines:
            f.write("# %s\n" % line)
        f.write("# label\tid\thow\n")
        for row in sorted(rows):
            f.write("%s\t%s\t%s\n" % row)


def read_rows(path):
    """The rows of a table."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            label, ident, how = (line.rstrip("\r\n").split("\t") + ["", ""])[:3]
            rows.append(Row(label, ident, how))
    return rows


def read_mapping(path):
    """Mapping(ids_of={label: set of ids}, labels_of={id: set of labels}, unscored=set).

    A '-' label is in ids_of with no ids; an unscored label only in unscored.
    """
    ids_of = {}
    labels_of = collections.defaultdict(set)
    unscored = set()
    for row in read_rows(path):
        if row.id == UNSCORED:
            unscored.add(row.label)
            continue
        ids_of.setdefault(row.label, set())  # a '-' label is scored too
        if row.id != NO_ENTITY:
            ids_of[row.label].add(row.id)
            labels_of[row.id].add(row.label)
    return Mapping(ids_of, dict(labels_of), unscored)
