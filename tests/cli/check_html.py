#!/usr/bin/env python3
"""Checks a page of `tagger --format html` against the JSON output of the same run.

Usage: check_html.py PAGE.html RESULTS.jsonl INPUT...

PAGE.html is what `tagger --format html INPUT...` printed, RESULTS.jsonl what
`tagger INPUT...` printed (one JSON object per document, same order).  Checks:
- the page is one well-formed document: every element closed in order, one
  <html>, one <body>, an <article> per input;
- each article's text, marks and all, is the input file's text;
- its marks are the JSON mentions: the same spans, each naming the same
  entities (type, name, how the mention names it and id, in the mark's title);
- its entity table lists the JSON entities in the same order.
Prints what differs and exits 1, or exits 0 silently.
"""
import html.parser
import json
import sys

VOID = {"meta", "br", "hr", "img", "link", "input"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.articles = [], [], []
        self.in_text = self.in_row = False
        self.mark = None  # (start offset, title) of the open mark
        self.table = None  # class of the table we are in

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "article":
            self.articles.append({"text": "", "marks": [], "rows": []})
        elif tag == "div" and attrs.get("class") == "text":
            self.in_text = True
        elif tag == "mark" and self.in_text:
            self.mark = (len(self.articles[-1]["text"]), attrs.get("title", ""))
        elif tag == "table":
            self.table = attrs.get("class")
        elif tag == "tr" and self.table == "entities" and "class" in attrs:
            self.in_row, self.cells = True, []
        elif tag == "td" and self.in_row:
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("</%s> closes <%s> at line %d"
                                 % (tag, self.stack[-1] if self.stack else "nothing",
                                    self.getpos()[0]))
            return
        self.stack.pop()
        if tag == "div":
            self.in_text = False
        elif tag == "mark" and self.in_text:
            start, title = self.mark
            self.articles[-1]["marks"].append((start, len(self.articles[-1]["text"]), title))
        elif tag == "tr" and self.in_row:
            self.in_row = False
            self.articles[-1]["rows"].append((self.cells[1].split(" ")[0], self.cells[0]))

    def handle_data(self, data):
        if self.in_text:
            self.articles[-1]["text"] += data
        elif self.in_row and self.cells:
            self.cells[-1] += data


VIA_WORDS = {"demonym": " (its demonym)", "short": " (a short form)", "place": " (a place in it)"}


def title_parts(title):
    """A mark's title as the sorted list of the entities it names, each
    'TYPE NAME[ (via)], ID' (the relevance left off: JSON rounds it)."""
    return sorted(part.rsplit(", relevance ", 1)[0] for part in title.split("; "))


def mention_part(entity, mention):
    """What a mark's title says of one JSON mention, as title_parts() gives it."""
    return "%s %s%s, %s" % (entity["type"], entity["name"], VIA_WORDS.get(mention.get("via"), ""),
                            entity["id"] if entity.get("id") else "recognized, no id")


def page_text(data):
    """The bytes of an input as the page writes them: each byte of invalid
    UTF-8, and each control character but tab, newline and carriage return,
    as U+FFFD."""
    out, i = [], 0
    while i < len(data):
        b = data[i]
        n = 1 if b < 0x80 else 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else \
            4 if 0xF0 <= b <= 0xF4 else 0
        try:
            ch = data[i:i + n].decode("utf-8") if n else None
        except UnicodeDecodeError:
            ch = None
        if ch is None or (ch < " " and ch not in "\t\n\r"):
            out.append("\ufffd")
            i += 1
        else:
            out.append(ch)
            i += n
    return "".join(out)


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    page = Page()
    with open(argv[1], encoding="utf-8", newline="") as f:  # the page's CRs as they are
        source = f.read()
    page.feed(source)
    page.close()
    problems = page.problems
    if page.stack:
        problems.append("left open at the end: %s" % " ".join(page.stack))
    for tag in ("<html", "<body", "</body>", "</html>"):
        if source.count(tag) != 1:
            problems.append("%s appears %d times" % (tag, source.count(tag)))
    with open(argv[2], encoding="utf-8") as f:
        results = [json.loads(line) for line in f]
    inputs = argv[3:]
    if not len(page.articles) == len(results) == len(inputs):
        problems.append("%d articles, %d JSON results, %d inputs"
                        % (len(page.articles), len(results), len(inputs)))
    for art, res, path in zip(page.articles, results, inputs):
        with open(path, "rb") as f:
            text = page_text(f.read())
        if art["text"] != text:
            at = next((i for i, (a, b) in enumerate(zip(art["text"], text)) if a != b),
                      min(len(art["text"]), len(text)))
            problems.append("%s: the page's text differs from the input at character %d"
                            % (path, at))
        spans = {}
        for e in res["entities"]:
            for m in e["mentions"]:
                spans.setdefault((m["char_start"], m["char_end"]), []).append(
                    mention_part(e, m))
        want = sorted((s, e, sorted(names)) for (s, e), names in spans.items())
        got = sorted((s, e, title_parts(t)) for s, e, t in art["marks"])
        if got != want:
            extra = [m for m in got if m not in want][:3]
            missing = [m for m in want if m not in got][:3]
            problems.append("%s: marks differ from the JSON mentions: on the page only %s; "
                            "in JSON only %s" % (path, extra, missing))
        rows = [(e["type"], e["name"]) for e in res["entities"]]
        if art["rows"] != rows:
            problems.append("%s: entity table %s, JSON %s" % (path, art["rows"][:4], rows[:4]))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
