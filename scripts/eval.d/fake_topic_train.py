#!/usr/bin/env python3
"""A stand-in for `tagger train`, to test the wiring of topics_eval.py before the real one exists.

Usage: fake_topic_train.py train [--taxonomy FILE] [--stop-words FILE] -o MODEL TRAIN.jsonl
       fake_topic_train.py train --model MODEL --predict TEST.jsonl

It speaks the CLI contract topics_eval.py expects of build/tagger (see there) with the
plainest learner there is: multinomial naive Bayes over lower-cased words, one class per
record's first (most specific) label, add-one smoothing; the model is a JSON file of word
counts.  Scores are the posterior probabilities, sorted descending.  It is not our keyword
model and its figures are never reported as such:
    scripts/eval --topics --tagger scripts/eval.d/fake_topic_train.py --sample 300
"""
import collections
import json
import math
import re
import sys

WORD = re.compile(r"\w+")


def words(text):
    return WORD.findall(text.lower())


def train(train_path, model_path):
    docs, counts = collections.Counter(), collections.defaultdict(collections.Counter)
    with open(train_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            label = rec["labels"][0]
            docs[label] += 1
            counts[label].update(words(rec["text"]))
    with open(model_path, "w", encoding="utf-8") as f:
        json.dump({"docs": docs, "counts": counts}, f, sort_keys=True)


def predict(model_path, test_path):
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    vocab = set()
    for c in model["counts"].values():
        vocab.update(c)
    n_docs = sum(model["docs"].values())
    totals = {l: sum(c.values()) for l, c in model["counts"].items()}
    with open(test_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            ws = words(rec["text"])
            logp = {}
            for label, n in model["docs"].items():
                counts, denom = model["counts"][label], totals[label] + len(vocab)
                logp[label] = math.log(n / n_docs) + sum(
                    math.log((counts.get(w, 0) + 1) / denom) for w in ws if w in vocab)
            top = max(logp.values())
            z = sum(math.exp(v - top) for v in logp.values())
            topics = sorted(((math.exp(v - top) / z, l) for l, v in logp.items()), reverse=True)
            print(json.dumps({"id": rec["id"], "topics": [{"id": l, "score": round(s, 4)}
                                                          for s, l in topics]}))


def main(argv):
    if len(argv) > 2 and argv[1] == "--taxonomy":  # accepted and ignored: labels come expanded
        argv = argv[:1] + argv[3:]
    if len(argv) > 2 and argv[1] == "--stop-words":  # accepted and ignored
        argv = argv[:1] + argv[3:]
    if len(argv) == 4 and argv[0] == "train" and argv[1] == "-o":
        train(argv[3], argv[2])
    elif len(argv) == 5 and argv[0] == "train" and argv[1] == "--model" and \
            argv[3] == "--predict":
        predict(argv[2], argv[4])
    else:
        print("usage: fake_topic_train.py train -o MODEL TRAIN.jsonl | "
              "train --model MODEL --predict TEST.jsonl", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
