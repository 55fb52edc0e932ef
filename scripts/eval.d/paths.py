"""Where the evaluation finds the repository, the shared data and its own tables.

The repository root is two levels above this file (scripts/eval.d/); the
shared data sits beside the repository, in ../shared, as for scripts/eval.
"""
import os

EVALD = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(EVALD))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
GAZETTEERS = os.path.join(ROOT, "gazetteers")
REUTERS = os.path.join(SHARED, "data", "reuters21578")
CONLL_TESTA = os.path.join(SHARED, "data", "conll2003", "eng.testa")
OVERRIDES = os.path.join(EVALD, "reuters-overrides.tsv")


def map_table(field):
    """Path of the mapping table for a Reuters field: 'places', 'orgs' or 'people'."""
    return os.path.join(EVALD, "reuters-%s.tsv" % field)
