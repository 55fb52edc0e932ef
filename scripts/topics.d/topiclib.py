"""Shared readers for the topic data: the IPTC vocabulary, our taxonomy and the mapping tables.

Used by scripts/build-taxonomy, scripts/build-topic-data and scripts/eval.d/topics_eval.py,
so that the three agree on what a topic's parent is and on how a document's labels are
ordered.  Standard library only.

  read_iptc(path)        cptall-en-GB.json -> {qcode: Concept}; every concept, retired or not
  read_taxonomy(path)    models/taxonomy.tsv -> {qcode: Topic}
  read_mapping(path)     scripts/topics.d/NAME.tsv -> {dataset label: [qcodes]} ([] = dropped)
  expand_labels(qs, tx)  most specific topics first, then their ancestors, no duplicates
  most_specific(qs, tx)  the labels that are no other label's ancestor
  top_level(q, tx)       the level-1 ancestor of q (q itself at level 1)
  common_words(records)  the words common to every news source of a training set
  stop_words(records)    a training set's stop words: those and the news agencies' names
  first_words(text, n)   the first n words of a text, as written
  with_leads(records)    a training set and the leads of its articles (first 40 words)

Bad lines raise DataError naming file, line and field; callers report it and go on with
the other lines where that makes sense (a mapping table with a bad line is fatal: a silently
dropped mapping would change the training data).
"""
import collections
import json
import re
import unicodedata

IPTC_PREFIX = "http://cv.iptc.org/newscodes/mediatopic/"

Concept = collections.namedtuple("Concept", "qcode label definition parent retired")
Topic = collections.namedtuple("Topic", "qcode parent label definition")


class DataError(Exception):
    """A malformed line or field; str() is 'file:line: field: message'."""


def one_line(text):
    """Text on one line: tabs, newlines and runs of spaces become one space."""
    return " ".join((text or "").split())


def _qcode_of_uri(uri):
    if not uri.startswith(IPTC_PREFIX):
        return None
    return "medtop:" + uri[len(IPTC_PREFIX):]


def read_iptc(path):
    """Every concept of the IPTC Media Topics export, keyed by qcode.

    parent is the qcode of the first `broader` concept (Media Topics is a tree: one
    broader concept each), or None at the top level.  retired is True when the concept
    carries a `retired` date.
    """
    with open(path, encoding="utf-8") as f:
        scheme = json.load(f)
    concepts = {}
    for c in scheme["conceptSet"]:
        parents = [q for q in (_qcode_of_uri(u) for u in c.get("broader", [])) if q]
        concepts[c["qcode"]] = Concept(
            c["qcode"], one_line(c.get("prefLabel", {}).get("en-GB", "")),
            one_line(c.get("definition", {}).get("en-GB", "")),
            parents[0] if parents else None, "retired" in c)
    return concepts


def iptc_level(qcode, concepts):
    """Depth of a concept: 1 for a top-level topic."""
    level = 1
    while concepts[qcode].parent:
        qcode = concepts[qcode].parent
        level += 1
    return level


def read_taxonomy(path):
    """models/taxonomy.tsv as {qcode: Topic}; parent is None for a top-level topic."""
    topics = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4:
                raise DataError("%s:%d: expected 4 tab-separated columns, found %d"
                                % (path, n, len(cols)))
            qcode, parent, label, definition = cols
            if not qcode.startswith("medtop:"):
                raise DataError("%s:%d: qcode: '%s' is not a medtop: qcode" % (path, n, qcode))
            topics[qcode] = Topic(qcode, None if parent == "-" else parent, label, definition)
    for t in topics.values():
        if t.parent and t.parent not in topics:
            raise DataError("%s: parent_qcode: %s of %s is not in the taxonomy"
                            % (path, t.parent, t.qcode))
    return topics


def read_mapping(path, taxonomy=None):
    """A mapping table as {dataset label: [qcodes]}; '-' maps to [] (dropped).

    With a taxonomy, every qcode must be in it.
    """
    mapping = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 3:
                raise DataError("%s:%d: expected 3 tab-separated columns (label, qcodes, "
                                "comment), found %d" % (path, n, len(cols)))
            label, qcodes = cols[0], cols[1]
            if label in mapping:
                raise DataError("%s:%d: dataset_label: '%s' is listed twice" % (path, n, label))
            codes = [] if qcodes == "-" else qcodes.split(",")
            for q in codes:
                if not q.startswith("medtop:") or not q[7:].isdigit():
                    raise DataError("%s:%d: qcode: '%s' is not a medtop: qcode" % (path, n, q))
                if taxonomy is not None and q not in taxonomy:
                    raise DataError("%s:%d: qcode: %s is not in models/taxonomy.tsv "
                                    "(run scripts/build-taxonomy)" % (path, n, q))
            mapping[label] = codes
    return mapping


def ancestors(qcode, taxonomy):
    """The parents of qcode up to the top level, nearest first."""
    out = []
    parent = taxonomy[qcode].parent
    while parent:
        out.append(parent)
        parent = taxonomy[parent].parent
    return out


def _depth(qcode, taxonomy):
    return len(ancestors(qcode, taxonomy))


def most_specific(qcodes, taxonomy):
    """The qcodes that are no other qcode's ancestor, in their given order, no duplicates."""
    implied = set()
    for q in qcodes:
        implied.update(ancestors(q, taxonomy))
    seen, out = set(), []
    for q in qcodes:
        if q not in implied and q not in seen:
            seen.add(q)
            out.append(q)
    return out


def expand_labels(qcodes, taxonomy):
    """Most specific topics first (deepest first, then as given), then ancestors, no duplicates.

    ['medtop:20000209', 'medtop:20000344'] -> [..209, ..344, medtop:04000000].
    """
    specific = sorted(most_specific(qcodes, taxonomy), key=lambda q: -_depth(q, taxonomy))
    out = list(specific)
    for q in specific:
        for a in ancestors(q, taxonomy):
            if a not in out:
                out.append(a)
    return out


def top_level(qcode, taxonomy):
    """The level-1 ancestor of qcode, or qcode itself when it is top-level."""
    chain = ancestors(qcode, taxonomy)
    return chain[-1] if chain else qcode


_WORD = re.compile(r"[^\W_]+")


def _words(text):
    """The distinct words of a text as the topic model keys them: case folded, marks
    dropped, runs of letters and digits of two or more characters, not all digits (an
    approximation of the tagger's normalisation that agrees on plain English words)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return {w for w in _WORD.findall(folded) if len(w) > 1 and not w.isdigit()}


def common_words(records, rank=300, skip=("iptc", "conll")):
    """Words among the `rank` most document-frequent of every source of `records` but
    those in `skip` (the IPTC definitions are no news text; CoNLL's stories are all sport,
    whose commonest words are the topic's own): "its", "said", "would".

    A word every news source uses that often says how a source writes, not what a text is
    about; in training it takes the weight of whatever topics its source's articles carry
    (Reuters' "its" for economy, against HuffPost's short headlines), which misleads on a
    source of another style.  Ranks, not shares, so that sources of short texts (headlines)
    and of long ones compare.  Sorted; empty with fewer than two sources.
    """
    df = collections.defaultdict(collections.Counter)
    for r in records:
        if r["source"] not in skip and not r.get("lead"):  # a lead is a copy, no document
            df[r["source"]].update(_words(r["text"]))
    if len(df) < 2:
        return []
    tops = [{w for w, _ in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:rank]}
            for c in df.values()]
    return sorted(set.intersection(*tops))


# The news agencies whose name a feed puts on its stories whatever they are about: "Iraq
# Violence Kills 12 (Reuters)", "AP - Derek Jeter hit...".  In the training data the name
# says which source a text comes from, and so takes that source's labels: Reuters-21578 signs
# off 18,094 of its economy stories "Reuter" (the feature `reuter`, as "Reuters" is keyed),
# and a sport report tagged "(Reuters)" came out as economy (docs/RESULTS.md).
NEWS_AGENCIES = (
    "reuters",  # Reuters; also its sign-off "Reuter", the same key
    "ap",       # the Associated Press
    "afp",      # Agence France-Presse
    "upi",      # United Press International
)


def stop_words(records):
    """The stop words of a training set: its common_words() and NEWS_AGENCIES, sorted."""
    return sorted(set(common_words(records)) | set(NEWS_AGENCIES))


LEAD_WORDS = 40  # a headline and its first sentence or so


def first_words(text, n):
    """The first n words of text, as it is written (its line breaks kept)."""
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return text[:ends[n - 1]] if len(ends) > n else text


def with_leads(records, skip=("iptc",)):
    """records, then the lead of each news article of more than LEAD_WORDS words: its
    first LEAD_WORDS words, labelled as the article, id + "#lead", marked "lead".

    News puts the story first (a headline, then a sentence that says what happened), so
    the lead carries the article's labels; trained on both, the model learns the short
    texts it will meet (headlines with a sentence, as news feeds give) from long ones,
    which otherwise teach it only what many words add up to.
    """
    return records + [dict(r, id=r["id"] + "#lead", text=first_words(r["text"], LEAD_WORDS),
                           lead=True)
                      for r in records
                      if r["source"] not in skip and len(r["text"].split()) > LEAD_WORDS]
