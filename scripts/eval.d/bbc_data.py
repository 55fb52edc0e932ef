"""Read the BBC News articles of ../shared/data/bbc-news: one text file per
article under a folder per category (business/001.txt, ...), title line,
blank line, body.  A few files are not valid UTF-8 (a Latin-1 pound sign);
their bad bytes become U+FFFD here, which is all that word counts need
(scripts/build-topic-data reads them as Latin-1 for their labels' sake)."""
import os


def read_texts(data_root):
    """Every article's text, folders and files in sorted order."""
    root = os.path.join(data_root, "bbc-news")
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in sorted(filenames):
            if fn.endswith(".txt"):
                with open(os.path.join(dirpath, fn), "rb") as f:
                    yield f.read().decode("utf-8", errors="replace")
