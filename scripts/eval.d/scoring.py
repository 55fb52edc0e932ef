"""Precision, recall and F1 over labelled items, and their printing.

A Tally counts true positives, false positives and false negatives per label
(a Reuters category, a CoNLL entity type); add() takes one document's gold
and predicted sets.  Micro figures pool the counts, macro figures average
the per-label figures.  Every listing is sorted (count, then name) so the
output is stable from run to run.
"""
import collections


def prf(tp, fp, fn):
    """(precision, recall, F1); a ratio with nothing to divide by is 0."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Tally:
    """True positives, false positives and false negatives, per label."""

    def __init__(self):
        self.tp = collections.Counter()
        self.fp = collections.Counter()
        self.fn = collections.Counter()

    def add(self, gold, pred):
        """Count one document (or one set of spans): gold and pred are sets."""
        self.tp.update(_label_of(x) for x in gold & pred)
        self.fp.update(_label_of(x) for x in pred - gold)
        self.fn.update(_label_of(x) for x in gold - pred)

    def counts(self, label=None):
        """(tp, fp, fn) for one label, or pooled over all labels."""
        if label is not None:
            return self.tp[label], self.fp[label], self.fn[label]
        return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())

    def gold_labels(self):
        """Labels with at least one gold item, sorted."""
        return sorted(l for l in set(self.tp) | set(self.fn) if self.tp[l] + self.fn[l])

    def macro(self, labels):
        """Mean precision, recall and F1 over labels."""
        if not labels:
            return 0.0, 0.0, 0.0
        rows = [prf(*self.counts(l)) for l in labels]
        return tuple(sum(col) / len(rows) for col in zip(*rows))


def _label_of(item):
    """The label of a counted item: the item itself, or the first of a tuple."""
    return item[0] if isinstance(item, tuple) else item


def prf_line(name, tp, fp, fn, width=8):
    """One line: name, P, R, F1 and the counts behind them."""
    p, r, f = prf(tp, fp, fn)
    return "%-*s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)" % (
        width, name, p, r, f, tp, fp, fn)


def macro_line(name, values, n_labels, width=8):
    """One line of macro-averaged P, R, F1 over n_labels labels."""
    return "%-*s P %.3f  R %.3f  F1 %.3f   (mean over %d labels)" % (
        (width, name) + tuple(values) + (n_labels,))


def commonest(counter, n):
    """The n commonest (key, count) pairs, ties broken by key."""
    return sorted(((k, c) for k, c in counter.items() if c), key=lambda kc: (-kc[1], kc[0]))[:n]


def side_by_side(left_title, left, right_title, right, indent="  "):
    """Two (key, count) listings as two columns under their titles."""
    wl = max([len(left_title) - 6] + [len(str(k)) + 2 for k, _ in left])
    wr = max([len(right_title) - 6] + [len(str(k)) + 2 for k, _ in right])
    lines = ["%s%-*s      %s" % (indent, wl + 6, left_title, right_title)]
    for i in range(max(len(left), len(right))):
        cells = [("%-*s%6d" % (w, pairs[i][0], pairs[i][1])) if i < len(pairs) else " " * (w + 6)
                 for w, pairs in ((wl, left), (wr, right))]
        lines.append((indent + cells[0] + "      " + cells[1]).rstrip())
    return "\n".join(lines)
