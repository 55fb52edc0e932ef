#!/usr/bin/env python3
"""Topic model evaluation: 5-fold cross-validation and cross-dataset tests, side by side
with fastText (scripts/eval --topics).

Usage: topics_eval.py [--tagger PATH] [--systems fasttext,keyword] [--data FILE]
                      [--folds 0,1,2,3,4] [--no-cross] [--default-mix] [--sample N]
                      [--work DIR]

Data: build/topics/all.jsonl from scripts/build-topic-data (records with id, source, fold,
text, labels; labels most specific first, then ancestors).  Both systems see the very same
folds and labels and are scored by the same code:

  fastText   Debian's `fasttext supervised`, -thread 1 -seed 1 (reproducible), -epoch 25
             -lr 0.5 -wordNgrams 2 -dim 50 -loss one-vs-all, one __label__ per most specific
             qcode of a record (several for a multi-topic Reuters story).  Ancestors are not
             given as labels: they follow from the taxonomy, and trained on them fastText puts
             the top-level topic first (--fasttext-labels all; docs/RESULTS.md has both).
             Text: lower-cased, words and punctuation split by spaces.
             Predictions: `fasttext predict-prob MODEL TEST -1 0.0`.
  keyword    our model, through the CLI contract of `tagger train`:
               TAGGER train --taxonomy models/taxonomy.tsv --stop-words STOP.txt -o MODEL.tsv
                 TRAIN.jsonl   ({"id","text","labels"} lines, labels as in all.jsonl; the stop
                 words made from the training part as scripts/train-topic-model makes them)
               TAGGER train --model MODEL.tsv --predict TEST.jsonl   ({"id","text"} lines)
             -> one JSON line per test record, in order: {"id", "topics": [{"id": qcode,
             "score": s}, ...]}: first the topics the tagger itself would output, in its
             order (most specific first), then the rest by score.  The top-1 topic is the
             first of the list, for both systems.  Test records carry no labels.

Training parts, for both systems: the training documents and the leads of their articles
(topiclib.with_leads(): the first 40 words, labelled as the article), as
scripts/train-topic-model trains the default model.

Metrics, for each system over the test documents:
  top-level accuracy  the top-1 topic's top-level ancestor is one of the document's
                      top-level gold topics;
  top-level macro-F1  mean F1 over the top-level topics present in the gold labels of the
                      documents scored; a document counts as class p (the top-1's top-level)
                      against its gold set G: TP for p in G, FP for p not in G, FN for each c
                      in G other than p (a wrong guess of a class absent from gold lowers the
                      recall of the true class, not a mean over absent classes);
  exact accuracy      the top-1 topic is one of the document's most specific gold topics;
  cross-dataset       train on every source but one (the IPTC definitions always stay in
                      training), test on the held-out source: top-level accuracy and macro-F1,
                      and the same on four coarse classes (World / Sports / Business /
                      Sci-Tech, scripts/eval.d/coarse-topics.tsv: the labels of news from
                      elsewhere the model will be judged on), over the documents whose gold
                      topics map to exactly one of them (n coarse).  Each held-out source is
                      also scored on its texts cut to their first 40 words (a
                      headline and its first sentence, the length of the outside test's
                      texts), and on those cut texts tagged as a feed tags a wire story
                      ("HEADLINE (Reuters)", "Reuters - ..."; a news agency's name must not
                      decide the topic), by the same model.  With --default-mix
                      the training part keeps only fold 0 of Reuters, as
                      scripts/train-topic-model trains the default model (Reuters whole is
                      82% of the training data without HuffPost, and its economy prior
                      decides short texts: docs/RESULTS.md).
A system that fails (missing, non-zero exit, malformed output) is reported with the reason
and shown as n/a; the other is still scored.  Exit status 1 if any system failed.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository

import paths  # noqa: E402

sys.path.insert(0, os.path.join(paths.ROOT, "scripts", "topics.d"))
import topiclib  # noqa: E402

DATA = os.path.join(paths.ROOT, "build", "topics", "all.jsonl")
TAXONOMY = os.path.join(paths.ROOT, "models", "taxonomy.tsv")
WORK = os.path.join(paths.ROOT, "build", "topics", "eval")
COARSE = os.path.join(paths.ROOT, "scripts", "eval.d", "coarse-topics.tsv")
# Every news source is held out in turn; the IPTC definitions, no news, are always trained on.
HELD_OUT = ("bbc", "huffpost", "reuters", "conll")
SOURCES = ("bbc", "huffpost", "reuters", "iptc", "conll")
FASTTEXT_ARGS = ["-epoch", "25", "-lr", "0.5", "-wordNgrams", "2", "-dim", "50",
                 "-loss", "one-vs-all", "-thread", "1", "-seed", "1", "-verbose", "0"]


class SystemError_(Exception):
    """A system could not train or predict; the message says which command and why."""


CPU_SECONDS = collections.Counter()  # per system name: CPU time of its commands


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd, what):
    """Run a command; its output; SystemError_ on failure.  CPU time goes to CPU_SECONDS."""
    cpu0 = _children_cpu()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        raise SystemError_("%s: cannot run %s: %s" % (what, cmd[0], e))
    finally:
        CPU_SECONDS[what.split()[0]] += _children_cpu() - cpu0
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SystemError_("%s: `%s` exited %d%s" % (what, " ".join(cmd), proc.returncode,
                                                     (": " + err[-1]) if err else ""))
    return proc.stdout


# ---------------------------------------------------------------- systems

class FastText:
    name = "fastText"

    _TOKEN = re.compile(r"\w+|[^\w\s]")

    def __init__(self, taxonomy, binary="fasttext", all_labels=False):
        self.taxonomy = taxonomy
        self.binary = binary
        self.all_labels = all_labels  # also train on the ancestors (--fasttext-labels all)

    def _line(self, text):
        words = self._TOKEN.findall(text.lower())
        return " ".join(words) if words else "_empty_"

    def train_predict(self, train, test, work):
        """([[(qcode, score)], ...] in test order, train seconds, predict seconds)."""
        if shutil.which(self.binary) is None:
            raise SystemError_("fastText: `%s` not found (scripts/ensure-deps --eval "
                               "installs the Debian package fasttext)" % self.binary)
        train_path = os.path.join(work, "fasttext-train.txt")
        test_path = os.path.join(work, "fasttext-test.txt")
        model = os.path.join(work, "fasttext-model")
        with open(train_path, "w", encoding="utf-8") as f:
            for r in train:
                labels = (r["labels"] if self.all_labels
                          else topiclib.most_specific(r["labels"], self.taxonomy))
                f.write(" ".join("__label__" + q for q in labels) + " " +
                        self._line(r["text"]) + "\n")
        with open(test_path, "w", encoding="utf-8") as f:
            for r in test:
                f.write(self._line(r["text"]) + "\n")
        t0 = time.monotonic()
        run([self.binary, "supervised", "-input", train_path, "-output", model] +
            FASTTEXT_ARGS, "fastText train")
        t1 = time.monotonic()
        out = run([self.binary, "predict-prob", model + ".bin", test_path, "-1", "0.0"],
                  "fastText predict")
        t2 = time.monotonic()
        lines = out.decode("utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) != len(test):
            raise SystemError_("fastText predict: %d lines for %d documents"
                               % (len(lines), len(test)))
        preds = []
        for line in lines:
            toks = line.split()
            preds.append([(toks[i][len("__label__"):], float(toks[i + 1]))
                          for i in range(0, len(toks) - 1, 2)])
        for suffix in (".bin", ".vec"):
            if os.path.exists(model + suffix):
                os.remove(model + suffix)
        return preds, t1 - t0, t2 - t1


class KeywordModel:
    name = "keyword"

    def __init__(self, tagger):
        self.tagger = tagger
        base = os.path.basename(tagger)
        if base != "tagger":  # a stand-in must never pass for the real model in a table
            self.name = "keyword:" + base[:14]

    def train_predict(self, train, test, work):
        if not os.access(self.tagger, os.X_OK):
            raise SystemError_("keyword: %s is not built (make)" % self.tagger)
        train_path = os.path.join(work, "keyword-train.jsonl")
        test_path = os.path.join(work, "keyword-test.jsonl")
        model = os.path.join(work, "keyword-model.tsv")
        stop_path = os.path.join(work, "keyword-stopwords.txt")
        with open(stop_path, "w", encoding="utf-8") as f:
            # As scripts/train-topic-model makes them, from this split's training part only.
            f.write("".join(w + "\n" for w in topiclib.stop_words(train)))
        with open(train_path, "w", encoding="utf-8") as f:
            for r in train:
                f.write(json.dumps({"id": r["id"], "text": r["text"], "labels": r["labels"]},
                                   ensure_ascii=False) + "\n")
        with open(test_path, "w", encoding="utf-8") as f:
            for r in test:
                f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False)
                        + "\n")
        t0 = time.monotonic()
        run([self.tagger, "train", "--taxonomy", TAXONOMY, "--stop-words", stop_path, "-o", model,
             train_path], "keyword train")
        t1 = time.monotonic()
        out = run([self.tagger, "train", "--model", model, "--predict", test_path],
                  "keyword predict")
        t2 = time.monotonic()
        return self._parse(out, test), t1 - t0, t2 - t1

    @staticmethod
    def _parse(out, test):
        lines = out.decode("utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) != len(test):
            raise SystemError_("keyword predict: %d lines for %d documents"
                               % (len(lines), len(test)))
        preds = []
        for n, (line, rec) in enumerate(zip(lines, test), 1):
            try:
                obj = json.loads(line)
                if obj["id"] != rec["id"]:
                    raise ValueError("id %r, expected %r (order lost)" % (obj["id"], rec["id"]))
                topics = [(t["id"], float(t["score"])) for t in obj["topics"]]
            except (ValueError, KeyError, TypeError) as e:
                raise SystemError_("keyword predict: output line %d: %s" % (n, e))
            preds.append(topics)
        return preds


# ---------------------------------------------------------------- metrics

Score = collections.namedtuple("Score", "n top_acc top_f1 exact_acc")


def score(records, preds, taxonomy):
    """Score of one system's predictions (top-1 of each ranked list) on records."""
    n_top = n_exact = 0
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    classes = set()
    for rec, ranked in zip(records, preds):
        gold_top = {topiclib.top_level(q, taxonomy) for q in rec["labels"]}
        classes |= gold_top
        first = ranked[0][0] if ranked else None
        pred_top = topiclib.top_level(first, taxonomy) if first in taxonomy else None
        if pred_top in gold_top:
            n_top += 1
            tp[pred_top] += 1
        elif pred_top is not None:
            fp[pred_top] += 1
        for c in gold_top - {pred_top}:
            fn[c] += 1
        if first in topiclib.most_specific(rec["labels"], taxonomy):
            n_exact += 1
    f1s = []
    for c in classes:
        denom = 2 * tp[c] + fp[c] + fn[c]
        f1s.append(2.0 * tp[c] / denom if denom else 0.0)
    n = len(records)
    return Score(n, n_top / n if n else 0.0, sum(f1s) / len(f1s) if f1s else 0.0,
                 n_exact / n if n else 0.0)


def read_coarse(path):
    """coarse-topics.tsv -> {top-level qcode: class}."""
    classes = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2 or not fields[0].startswith("medtop:") or not fields[1]:
                raise topiclib.DataError("%s:%d: fields 1-2 (qcode, class): missing" % (path, n))
            classes[fields[0]] = fields[1]
    return classes


def coarse_score(records, preds, taxonomy, coarse):
    """(n scored, accuracy, macro-F1 over the classes of the gold labels) of the top-1
    topics mapped to the coarse classes, on the records whose gold topics map to exactly
    one class."""
    right, n = 0, 0
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    for rec, ranked in zip(records, preds):
        gold = {coarse.get(topiclib.top_level(q, taxonomy)) for q in rec["labels"]} - {None}
        if len(gold) != 1:
            continue
        gold = gold.pop()
        first = ranked[0][0] if ranked else None
        pred = coarse.get(topiclib.top_level(first, taxonomy)) if first in taxonomy else None
        n += 1
        if pred == gold:
            right += 1
            tp[gold] += 1
        else:
            fn[gold] += 1
            if pred is not None:
                fp[pred] += 1
    classes = sorted(set(tp) | set(fn))  # those in the gold labels, as score() has them
    f1s = [2.0 * tp[c] / (2 * tp[c] + fp[c] + fn[c]) if tp[c] + fp[c] + fn[c] else 0.0
           for c in classes]
    return n, right / n if n else 0.0, sum(f1s) / len(f1s) if f1s else 0.0


# ---------------------------------------------------------------- driver

def load(path, sample):
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
                for key in ("id", "source", "fold", "text", "labels"):
                    if key not in r:
                        raise ValueError("field %s missing" % key)
            except ValueError as e:
                print("topics_eval: %s:%d: %s; skipped" % (path, n, e), file=sys.stderr)
                continue
            records.append(r)
    if sample:
        # A deterministic subset for quick runs: the first N of each source by hash of id.
        by_source = collections.defaultdict(list)
        for r in records:
            by_source[r["source"]].append(r)
        keep = set()
        for rs in by_source.values():
            rs.sort(key=lambda r: hashlib.sha1(r["id"].encode()).hexdigest())
            keep.update(r["id"] for r in rs[:sample])
        records = [r for r in records if r["id"] in keep]
    return records


def evaluate(system, splits, work, failures):
    """{split name: (test records, predictions)} for the splits a system got through, timings."""
    results, timings = {}, []
    for name, train, test in splits:
        os.makedirs(work, exist_ok=True)
        try:
            preds, t_train, t_pred = system.train_predict(train, test, work)
        except SystemError_ as e:
            print("topics_eval: %s" % e, file=sys.stderr)
            failures.append("%s (%s): %s" % (system.name, name, e))
            return results, timings
        results[name] = (test, preds)
        timings.append((name, len(train), len(test), t_train, t_pred))
        print("  %-8s %-18s train %6d docs %7.1f s, predict %5d docs %6.1f s"
              % (system.name, name, len(train), t_train, len(test), t_pred), file=sys.stderr)
    return results, timings


def fmt(x):
    return "  n/a " if x is None else "%.3f" % x


def print_tables(systems, results, taxonomy, folds, cross, data_name, default_mix):
    names = [s.name for s in systems]
    head = " | ".join("%-22s" % n for n in names)
    if folds:
        print_cv_table(systems, results, taxonomy, folds, head, data_name)
    if cross:
        print_cross_table(systems, results, taxonomy, read_coarse(COARSE), default_mix)


def print_cv_table(systems, results, taxonomy, folds, head, data_name):
    names = [s.name for s in systems]
    print("=== Topics: %d-fold cross-validation (folds %s of %s) ==="
          % (len(folds), ",".join(map(str, folds)), data_name))
    print("%-10s %6s | %s" % ("", "", head))
    print("%-10s %6s | %s" % ("test docs", "n", " | ".join("%-22s" % "top-acc top-F1 exact"
                                                           for _ in names)))
    for source in ("all",) + SOURCES:
        row, n = [], None
        for s in systems:
            cv = [results[s.name].get("fold %d" % k) for k in folds]
            if any(c is None for c in cv):
                row.append("%-22s" % "n/a")
                continue
            recs = [r for test, _ in cv for r in test]
            preds = [p for test, ps in cv for p in ps]
            keep = [i for i, r in enumerate(recs) if source in ("all", r["source"])]
            sc = score([recs[i] for i in keep], [preds[i] for i in keep], taxonomy)
            n = sc.n
            row.append("%s  %s  %s" % (fmt(sc.top_acc), fmt(sc.top_f1), fmt(sc.exact_acc)) +
                       " " * 3)
        print("%-10s %6s | %s" % (source, n if n is not None else "", " | ".join(row)))
    print()


def wire_tagged(text):
    """text as a news feed gives a wire story: "HEADLINE (Reuters)", then "Reuters - BODY"."""
    head, _, rest = text.partition("\n")
    return "%s (Reuters)\nReuters - %s" % (head.strip(), rest.strip())


def with_short_copies(records):
    """records, then each again cut to its first LEAD_WORDS words (marked short "cut"),
    then each cut so and tagged as a wire story (short "tagged")."""
    cut = [dict(r, id=r["id"] + "#short",
                text=topiclib.first_words(r["text"], topiclib.LEAD_WORDS), short="cut")
           for r in records]
    return records + cut + [dict(r, id=r["id"] + "#tagged", text=wire_tagged(r["text"]),
                                 short="tagged") for r in cut]


def print_cross_table(systems, results, taxonomy, coarse, default_mix):
    names = [s.name for s in systems]
    cols = "top-acc top-F1  coarse-acc coarse-F1"
    print("=== Topics: cross-dataset (train on the other sources + IPTC definitions%s) ==="
          % (", Reuters fold 0 only" if default_mix else ""))
    print("%-16s %6s %6s | %s" % ("", "", "", " | ".join("%-37s" % n for n in names)))
    print("%-16s %6s %6s | %s" % ("held out", "n", "coarse", " | ".join("%-37s" % cols
                                                                       for _ in names)))
    rows = [(source, source, False) for source in HELD_OUT]
    rows += [(source, "%s, %d w" % (source, topiclib.LEAD_WORDS), "cut") for source in HELD_OUT]
    rows += [(source, "%s, tagged" % source, "tagged") for source in HELD_OUT]
    for source, label, short in rows:
        row, n, n_coarse = [], "", ""
        for s in systems:
            got = results[s.name].get("held out " + source)
            if got is None:
                row.append("%-37s" % "n/a")
                continue
            keep = [i for i, r in enumerate(got[0]) if r.get("short", False) == short]
            recs, preds = [got[0][i] for i in keep], [got[1][i] for i in keep]
            sc = score(recs, preds, taxonomy)
            n_coarse, c_acc, c_f1 = coarse_score(recs, preds, taxonomy, coarse)
            n = sc.n
            row.append("%-37s" % ("%s  %s   %s      %s" % (fmt(sc.top_acc), fmt(sc.top_f1),
                                                          fmt(c_acc), fmt(c_f1))))
        print("%-16s %6s %6s | %s" % (label, n, n_coarse, " | ".join(row)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tagger", default=os.path.join(paths.ROOT, "build", "tagger"))
    ap.add_argument("--systems", default="fasttext,keyword")
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--folds", default="0,1,2,3,4", help="folds to test, or 'none'")
    ap.add_argument("--no-cross", action="store_true", help="skip the cross-dataset runs")
    ap.add_argument("--default-mix", action="store_true",
                    help="cross-dataset runs train on Reuters' fold 0 only, as the default "
                         "model does")
    ap.add_argument("--sample", type=int, default=0,
                    help="keep only N documents per source (quick runs)")
    ap.add_argument("--work", default=WORK)
    ap.add_argument("--fasttext-labels", choices=("specific", "all"), default="specific",
                    help="train fastText on the most specific labels (default) or on all")
    args = ap.parse_args()

    if not os.path.exists(args.data):
        print("topics_eval: %s not found (run scripts/build-topic-data)" % args.data,
              file=sys.stderr)
        return 2
    taxonomy = topiclib.read_taxonomy(TAXONOMY)
    records = load(args.data, args.sample)
    folds = [] if args.folds == "none" else [int(k) for k in args.folds.split(",")]
    splits = [("fold %d" % k, topiclib.with_leads([r for r in records if r["fold"] != k]),
               [r for r in records if r["fold"] == k]) for k in folds]
    if not args.no_cross:
        def trained_on(r, held_out):
            if r["source"] == held_out:
                return False
            return not args.default_mix or r["source"] != "reuters" or r["fold"] == 0
        splits += [("held out " + s, topiclib.with_leads([r for r in records
                                                          if trained_on(r, s)]),
                    with_short_copies([r for r in records if r["source"] == s]))
                   for s in HELD_OUT]
    known = {"fasttext": FastText(taxonomy, all_labels=args.fasttext_labels == "all"),
             "keyword": KeywordModel(args.tagger)}
    systems = [known[name] for name in args.systems.split(",")]

    failures, results, timings = [], {}, {}
    for s in systems:
        results[s.name], timings[s.name] = evaluate(s, splits, os.path.join(args.work, s.name),
                                                    failures)
    data_name = os.path.relpath(args.data, paths.ROOT)
    if data_name.startswith(".."):
        data_name = os.path.basename(args.data)
    print_tables(systems, results, taxonomy, folds, not args.no_cross, data_name,
                 args.default_mix)
    print()
    print("=== Topics: time (wall seconds, 1 thread) ===")
    for s in systems:
        t = timings[s.name]
        if t:
            cv = [x for x in t if x[0].startswith("fold")]
            print("%-9s train %6.1f s, predict %5.1f s over %d runs (cv: train %.1f s, "
                  "predict %.1f s per fold); CPU %.1f s in all"
                  % (s.name, sum(x[3] for x in t), sum(x[4] for x in t), len(t),
                     sum(x[3] for x in cv) / max(len(cv), 1),
                     sum(x[4] for x in cv) / max(len(cv), 1),
                     CPU_SECONDS[s.name.split(":")[0]]))
    for f in failures:
        print("FAILED %s" % f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
