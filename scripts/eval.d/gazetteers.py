"""Read the tagger's gazetteer TSV files and compare names loosely.

Only what the evaluation needs: each entity's id, type, canonical name and
names (canonical name and aliases, flags stripped, demonyms left out), in
the format gazetteers/README.md defines.  Name comparison folds case,
accents and punctuation, so that the Reuters slug `west-germany`, the
description `Organisation for Economic Cooperation and Development` and the
alias `Organization for Economic Co-operation and Development` can meet.
"""
import collections
import glob
import os
import re
import unicodedata

Entity = collections.namedtuple("Entity", "id type name aliases")

# German transliteration, tried besides plain accent stripping (Schlüter = Schlueter).
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                         "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# British and American spellings of the words organisation names use.
_SPELLING = {"organisation": "organization", "labour": "labor", "centre": "center",
             "programme": "program", "defence": "defense"}
# Words that names drop or add freely ("Organization of the Petroleum ...").
_FILLER = {"the", "and"}


def fold(text):
    """Text in lower case, without accents."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def tokens(text):
    """The words of text, folded: 'Co-operation' gives ['co', 'operation']."""
    return re.findall(r"[^\W_]+", fold(text))


def name_keys(text):
    """Comparison keys of a name: words folded, respelt and joined without spaces.

    Joining makes `Co-operation` equal `Cooperation` and `Guinea-Bissau` equal
    the slug `guinea-bissau`; fillers ('the', 'and') are left out.  A name
    with German umlauts gets a second key with them transliterated.
    """
    keys = set()
    for variant in {text, text.translate(_GERMAN)}:
        words = [_SPELLING.get(w, w) for w in tokens(variant) if w not in _FILLER]
        if words:
            keys.add("".join(words))
    return keys


def word_variants(text):
    """The folded words of a name, once plain and once with umlauts transliterated."""
    return {tuple(tokens(v)) for v in {text, text.translate(_GERMAN)}}


def _parse_aliases(field):
    """The names of an alias field, flags in braces removed and demonyms left out."""
    names = []
    for entry in field.split("|"):
        text, _, flags = entry.partition("{")
        if text.strip() and "demonym" not in flags:
            names.append(text.strip())
    return names


def read_gazetteer(path):
    """The entities of one gazetteer file; comment, blank and short lines skipped."""
    entities = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\r\n").split("\t")
            if line.startswith("#") or len(cols) < 6:
                continue
            names = _parse_aliases(cols[5])
            if cols[2] not in names:
                names.insert(0, cols[2])
            entities.append(Entity(cols[0], cols[1], cols[2], names))
    return entities


def read_gazetteers(directory):
    """The entities of every *.tsv file in directory, files in name order."""
    entities = []
    for path in sorted(glob.glob(os.path.join(directory, "*.tsv"))):
        entities.extend(read_gazetteer(path))
    return entities


def ids_in(directory):
    """The set of entity ids the gazetteers in directory define."""
    return {e.id for e in read_gazetteers(directory)}
