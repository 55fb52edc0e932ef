#!/usr/bin/env python3
"""CoNLL-2003 span-level scores of the tagger (scripts/eval, section c).

Usage: conll_eval.py [--no-recognize] TAGGER [CONLL_FILE]     (default: eng.testa)

--no-recognize tags with gazetteer names only (the tagger's option of that
name): the figures from before the recognizer of unlisted names (issue 8).
The recognizer's model is trained on eng.train only (scripts/train-names);
eng.testa is never used to train or tune it.

The file has one `word POS chunk NER` line per token, a blank line between
sentences and `-DOCSTART-` lines between documents (in this copy they close
each document rather than open it).  NER tags are IOB1: `I-X` continues an
entity of type X and `B-X` starts one only right after another X; the
decoder below accepts IOB2 as well.

Each document's text is rebuilt with tokens joined by one space and
sentences by a newline, so gold spans get character offsets; the tagger's
mentions are compared by (type, char_start, char_end), exact match only.
Types: PERSON -> PER, COUNTRY and PLACE -> LOC, ORG -> ORG.  MISC is not
scored: our mentions overlapping a gold MISC span are ignored, and demonym
mentions (`via` "demonym", e.g. "German", which CoNLL calls MISC) are left
out of LOC.
"""
import collections
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository

import paths
import scoring
import tagrun

OUR_TYPES = {"PERSON": "PER", "COUNTRY": "LOC", "PLACE": "LOC", "ORG": "ORG"}
SCORED = ("PER", "LOC", "ORG")
N_ERRORS = 10

Doc = collections.namedtuple("Doc", "key text gold n_sentences n_tokens")
Span = collections.namedtuple("Span", "type start end")


# ---- reading the data ------------------------------------------------------

def read_sentences_by_doc(path):
    """Documents as lists of sentences, each a list of (token, NER tag)."""
    docs, sentences, sentence = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if cols and cols[0] == "-DOCSTART-":
                docs.append(sentences)
                sentences = []
            elif cols:
                sentence.append((cols[0], cols[-1]))
            elif sentence:
                sentences.append(sentence)
                sentence = []
    if sentence:
        sentences.append(sentence)
    docs.append(sentences)
    return [d for d in docs if d]


def decode_iob(tags):
    """Entity spans (type, first token, end token exclusive) of IOB1 or IOB2 tags."""
    spans, open_span = [], None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, etype = tag.partition("-")
        continues = open_span and prefix == "I" and etype == open_span[0]
        if open_span and not continues:
            spans.append((open_span[0], open_span[1], i))
            open_span = None
        if prefix in ("B", "I") and not continues:
            open_span = (etype, i)
    return spans


def build_doc(key, sentences):
    """A Doc: the rebuilt text and its gold spans in character offsets."""
    lines, gold, pos = [], set(), 0
    for sentence in sentences:
        starts = []
        for token, _ in sentence:
            starts.append(pos)
            pos += len(token) + 1  # the space, or the newline after the last token
        lines.append(" ".join(token for token, _ in sentence))
        for etype, first, end in decode_iob([tag for _, tag in sentence]):
            last = sentence[end - 1][0]
            gold.add(Span(etype, starts[first], starts[end - 1] + len(last)))
    n_tokens = sum(len(s) for s in sentences)
    return Doc(key, "\n".join(lines) + "\n", gold, len(sentences), n_tokens)


def read_docs(path):
    """Every document of a CoNLL file as a Doc, keyed conll-NNN in file order."""
    return [build_doc("conll-%03d" % i, s) for i, s in enumerate(read_sentences_by_doc(path))]


# ---- predictions and scoring -----------------------------------------------

def predicted_spans(result):
    """(spans of our mentions in CoNLL types, number of demonym mentions left out)."""
    spans, demonyms = set(), 0
    for e in result.get("entities", []):
        etype = OUR_TYPES.get(e.get("type"))
        for m in e.get("mentions", []) if etype else []:
            if etype == "LOC" and m.get("via") == "demonym":
                demonyms += 1
            else:
                spans.add(Span(etype, m["char_start"], m["char_end"]))
    return spans, demonyms


def _overlaps(a, b):
    return a.start < b.end and b.start < a.end


class ConllScore:
    """Span counts per type, and the texts behind the errors."""

    def __init__(self):
        self.tally = scoring.Tally()
        self.fn_text = collections.Counter()
        self.fp_text = collections.Counter()
        self.ignored = collections.Counter()
        self.fp_kind = collections.Counter()

    def add(self, doc, pred, n_demonyms):
        """Score one document's predicted spans against its gold."""
        misc = [g for g in doc.gold if g.type == "MISC"]
        gold = {g for g in doc.gold if g.type in SCORED}
        kept = {p for p in pred if not any(_overlaps(p, g) for g in misc)}
        self.ignored["overlapping gold MISC"] += len(pred - kept)
        self.ignored["demonym mentions"] += n_demonyms
        self.tally.add(gold, kept)
        for s in gold - kept:
            self.fn_text[(s.type, doc.text[s.start:s.end])] += 1
        for s in kept - gold:
            self.fp_text[(s.type, doc.text[s.start:s.end])] += 1
            self.fp_kind[_fp_kind(s, gold)] += 1


def _fp_kind(span, gold):
    """Why a predicted span is wrong, judged from the gold spans it meets."""
    met = [g for g in gold if _overlaps(span, g)]
    if any((g.start, g.end) == (span.start, span.end) for g in met):
        return "same span, other type"
    if any(g.start <= span.start and span.end <= g.end for g in met):
        return "inside a longer gold span"
    return "crosses a gold span" if met else "no gold entity there"


# ---- report ----------------------------------------------------------------

def _by_type(counter, etype, n):
    return scoring.commonest(collections.Counter(
        {text: c for (t, text), c in counter.items() if t == etype}), n)


def report(docs, score, title_note=""):
    t = score.tally
    gold_counts = collections.Counter(g.type for d in docs for g in d.gold)
    print("=== (c) CoNLL-2003 eng.testa: exact entity spans%s ===" % title_note)
    print("documents %d, sentences %d, tokens %d; gold spans: %s"
          % (len(docs), sum(d.n_sentences for d in docs), sum(d.n_tokens for d in docs),
             ", ".join("%s %d" % kc for kc in sorted(gold_counts.items()))))
    print("ours: PERSON->PER, COUNTRY/PLACE->LOC, ORG->ORG; MISC not scored; left out: "
          + ", ".join("%s %d" % kc for kc in sorted(score.ignored.items())))
    for etype in SCORED:
        print(scoring.prf_line(etype, *t.counts(etype)))
    print(scoring.prf_line("micro", *t.counts()))
    print("false positives by kind: "
          + "; ".join("%s %d" % kc for kc in sorted(score.fp_kind.items())))
    for etype in SCORED:
        print(scoring.side_by_side("%s commonest false negatives" % etype,
                                   _by_type(score.fn_text, etype, N_ERRORS),
                                   "%s commonest false positives" % etype,
                                   _by_type(score.fp_text, etype, N_ERRORS)))
    print()


def main(argv):
    args = ["--no-recognize"] if argv[:1] == ["--no-recognize"] else []
    argv = argv[len(args):]
    if len(argv) not in (1, 2):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    docs = read_docs(argv[1] if len(argv) == 2 else paths.CONLL_TESTA)
    results = tagrun.tag_documents(argv[0], [(d.key, d.text) for d in docs], args)
    score = ConllScore()
    for doc in docs:
        score.add(doc, *predicted_spans(results[doc.key]))
    report(docs, score, " (gazetteers only: --no-recognize)" if args else "")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except tagrun.TaggerError as e:
        sys.exit("conll_eval: %s" % e)
