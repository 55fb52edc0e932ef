"""Read Reuters-21578 (Distribution 1.0, SGML) and its category descriptions.

Documents: each <REUTERS> element of reut2-*.sgm, decoded as latin-1, with its
attributes, its category labels (<PLACES>, <ORGS>, <PEOPLE>, ... as lists of
<D> values) and its text: TITLE + "\\n" + DATELINE + "\\n" + BODY, entities
unescaped.  A TYPE="UNPROC" text has no such parts; its whole <TEXT> is used.
Control characters (the wire's &#2; &#3; ... markers) are removed.

Descriptions: cat-descriptions_120396.txt expands the codes, e.g.
`International Monetary Fund (IMF)` or `Treasury Secretary James Baker
(JAMES-BAKER)`; read_descriptions() returns them per category field.
"""
import collections
import glob
import html
import os
import re

Doc = collections.namedtuple("Doc", "newid attrs labels text")

_DOC_RE = re.compile(r"<REUTERS([^>]*)>(.*?)</REUTERS>", re.S)
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
FIELDS = ("TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES")


def _element(body, tag):
    """Raw content of the first <tag ...>...</tag> in body, or None."""
    m = re.search(r"<%s(?:\s[^>]*)?>(.*?)</%s>" % (tag, tag), body, re.S)
    return m.group(1) if m else None


def _clean(raw):
    """SGML text as plain text: entities unescaped, control characters removed."""
    return _CONTROL_RE.sub("", html.unescape(raw or ""))


def _labels(body, field):
    """The <D> values of a category field, in document order."""
    return re.findall(r"<D>(.*?)</D>", _element(body, field) or "")


def _text(body):
    """The document text: title, dateline and body, or the unprocessed text."""
    text_el = _element(body, "TEXT") or ""
    parts = [_element(text_el, tag) for tag in ("TITLE", "DATELINE", "BODY")]
    if all(p is None for p in parts):
        return _clean(text_el).strip() + "\n"
    return "\n".join(_clean(p).strip() for p in parts) + "\n"


def _parse_doc(attr_text, body):
    attrs = dict(_ATTR_RE.findall(attr_text))
    labels = {f: _labels(body, f) for f in FIELDS}
    return Doc(attrs["NEWID"], attrs, labels, _text(body))


def read_documents(directory):
    """Every document of reut2-*.sgm in directory, in file and document order."""
    docs = []
    for path in sorted(glob.glob(os.path.join(directory, "reut2-*.sgm"))):
        with open(path, encoding="latin-1") as f:
            sgml = f.read()
        docs.extend(_parse_doc(m.group(1), m.group(2)) for m in _DOC_RE.finditer(sgml))
    return docs


def modapte_split(docs, split):
    """A ModApte split: LEWISSPLIT=split ("TRAIN" or "TEST") and TOPICS="YES"."""
    return [d for d in docs
            if d.attrs.get("LEWISSPLIT") == split and d.attrs.get("TOPICS") == "YES"]


def modapte_test(docs):
    """The ModApte test split: LEWISSPLIT="TEST" and TOPICS="YES"."""
    return modapte_split(docs, "TEST")


def read_label_list(directory, field):
    """The legal labels of a field ('places', 'orgs', 'people') from all-*-strings.lc.txt."""
    with open(os.path.join(directory, "all-%s-strings.lc.txt" % field), encoding="latin-1") as f:
        return sorted(set(f.read().split()))


def _section(text, heading):
    """Text of the @heading[...] section whose title starts with heading."""
    start = text.index("@heading[" + heading)
    end = text.find("@heading[", start + 1)
    return text[start:end if end >= 0 else len(text)]


def _coded_items(section):
    """(code, description) for each item of a section ending in '(CODE)'.

    Items are separated by '@*' or blank lines; a description may span
    lines, and may itself contain parentheses, as in 'Robert (Bob) Hawke'.
    """
    section = re.sub(r"@(begin|end)\[\w+\]|@heading\[[^\]]*\]", "\n\n", section)
    items = re.split(r"@\*|\n\s*\n", section)
    out = []
    for item in (i.strip() for i in items):
        m = re.search(r"\(([A-Z][A-Z.'-]*)\)$", item)
        if m:
            out.append((m.group(1).lower(), " ".join(item[:m.start()].split())))
    return out


def read_descriptions(directory):
    """{'orgs': {code: expansion}, 'people': {code: description}} from cat-descriptions."""
    with open(os.path.join(directory, "cat-descriptions_120396.txt"), encoding="latin-1") as f:
        text = f.read()
    return {"orgs": dict(_coded_items(_section(text, "Organization Codes"))),
            "people": dict(_coded_items(_section(text, "People Codes")))}
