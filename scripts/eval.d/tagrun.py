"""Run the tagger once over many documents.

The documents are written to a temporary directory, one UTF-8 file each
(`KEY.txt`), and the tagger is run once over the directory; its JSON lines
are matched back to the keys by file name.  (Once the tagger reads JSON
Lines, this is the one place to change.)
"""
import json
import os
import subprocess
import sys
import tempfile


class TaggerError(Exception):
    """The tagger could not be run or did not answer for every document."""


def _write_documents(directory, docs):
    for key, text in docs:
        with open(os.path.join(directory, key + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)


def _parse_output(stdout):
    """{key: result} from the tagger's JSON lines, the key being the file's stem."""
    results = {}
    for line in stdout.splitlines():
        if line.strip():
            obj = json.loads(line)
            results[os.path.splitext(os.path.basename(obj["id"]))[0]] = obj
    return results


def tag_documents(tagger, docs, args=()):
    """Tag docs, a list of (key, text), with one tagger run; return {key: result}.

    Keys must be usable as file names.  A tagger exit status of 1 (some
    input was bad) is reported on stderr; a missing result raises TaggerError.
    """
    with tempfile.TemporaryDirectory(prefix="tagger-eval-") as tmp:
        _write_documents(tmp, docs)
        try:
            proc = subprocess.run([tagger, *args, tmp], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, encoding="utf-8", check=False)
        except OSError as e:
            raise TaggerError("cannot run %s: %s" % (tagger, e)) from e
    if proc.returncode not in (0, 1):
        raise TaggerError("%s exited with status %d: %s"
                          % (tagger, proc.returncode, proc.stderr.strip()[:500]))
    if proc.returncode == 1:
        sys.stderr.write("eval: the tagger reported bad input:\n" + proc.stderr[:2000])
    results = _parse_output(proc.stdout)
    missing = [key for key, _ in docs if key not in results]
    if missing:
        raise TaggerError("no result for %d documents (first: %s)" % (len(missing), missing[0]))
    return results
