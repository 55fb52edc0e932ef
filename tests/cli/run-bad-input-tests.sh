#!/bin/sh
# run-bad-input-tests.sh - the bad-input corpus (tests/data/bad/MANIFEST).
#
# Usage: tests/cli/run-bad-input-tests.sh [--slow] [path/to/tagger]
#
# Runs the tagger on each case of the manifest and checks its exit status,
# the diagnostic on stderr, the number of JSON results, the entities of each
# (so that the good input given after the bad one is seen to be processed)
# and, with tests/cli/check_output.py, every mention's byte and code point
# offsets against its file.  Any sanitizer or valgrind report on stderr
# fails the case too.  The big inputs are generated here, in a scratch
# directory, never committed: the 10 MB word and the 33 MiB documents
# always, the 200 MB document only with --slow.
set -u

SLOW=0
if [ "${1:-}" = --slow ]; then
    SLOW=1
    shift
fi
TAGGER=${1:-build/tagger}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BAD="$ROOT/tests/data/bad"
CHECK="python3 $HERE/check_output.py"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
case $TAGGER in /*) ;; *) TAGGER="$(pwd)/$TAGGER" ;; esac
cd "$ROOT" || exit 2

passed=0
failed=0
skipped=0
pass() { passed=$((passed + 1)); echo "PASS $1 ($2 s)"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; echo "     $2"; }

# ------------------------------------------------------------ generated input
mkdir "$TMP/emptydir"
# 10 MB of letters without a space (an adversarial single "word"), then a
# sentence that must still be tagged.
python3 - "$TMP/letters-10m.txt" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("Koreakorea" * (1 << 20))
    f.write("\nNorth Korea said so.\n")
EOF
# Past the 32 MiB limit of one document: a text file, and a record line.
python3 - "$TMP/over-limit.txt" "$TMP/over-limit.jsonl" <<'EOF'
import sys
body = "North Korea " * (33 * (1 << 20) // 12 + 1)
open(sys.argv[1], "w").write(body)
with open(sys.argv[2], "w") as f:
    f.write('{"id":"a","body":"Japan"}\n{"id":"big","body":"%s"}\n{"id":"c","body":"Peru"}\n' % body)
EOF
# A compiled model file cut in half.
"$TAGGER" compile -q -o "$TMP/model.tgm" "$BAD/model-source.tsv" &&
    head -c $(($(wc -c <"$TMP/model.tgm") / 2)) "$TMP/model.tgm" >"$TMP/model-half.tgm"
# A JSON Lines stream with records nested 100,000 (arrays) and 5,000
# (objects) deep between two good ones.
python3 - "$TMP/nested.jsonl" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"id":"a","body":"North Korea and Japan held talks."}\n')
    f.write('{"id":"deep","body":"Peru","x":' + "[" * 100000 + "]" * 100000 + "}\n")
    f.write('{"id":"deep2","body":"Peru","x":' + '{"a":' * 5000 + "1" + "}" * 5000 + "}\n")
    f.write('{"id":"c","body":"Talks in Seoul and Tokyo."}\n')
EOF
# models/topics.model cut in the middle: at the first feature line after the
# middle byte whose key is longer than three bytes, three bytes into the key,
# so that the last line is a half line.
python3 - models/topics.model "$TMP/topics-cut.model" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
line = re.compile(rb"\nfeature\t[^\t]{4}").search(data, len(data) // 2)
open(sys.argv[2], "wb").write(data[:line.start() + len(b"\nfeature\t") + 3])
EOF
# models/topics.model cut at a line end, as a partial download or a full
# disk may leave it: before the first topic line after the middle byte, so
# that every line is whole and only the end line tells that some are gone.
python3 - models/topics.model "$TMP/topics-cut-eol.model" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
cut = data.index(b"\ntopic\t", len(data) // 2) + 1
open(sys.argv[2], "wb").write(data[:cut])
EOF
if [ "$SLOW" -eq 1 ]; then
    # 200 MB on one line: real sentences, no line break.
    python3 - "$TMP/big-200m.txt" <<'EOF'
import sys
s = ("North Korea and Japan held talks in Geneva on Monday, officials said, "
     "while markets in Seoul rose and the central bank kept rates on hold. ")
with open(sys.argv[1], "w") as f:
    for _ in range(200 * (1 << 20) // len(s)):
        f.write(s)
EOF
fi

# ------------------------------------------------------------ one case
# check_entities RESULTS-FILE SPEC [jsonl]: the ids of each result against
# SPEC; in --jsonl output the result is each record's "annotations", and
# "error" means the record carries an error member naming its line.
check_entities() {
    python3 - "$1" "$2" "${3:-}" <<'EOF'
import json, sys
def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), "duplicate keys in %s" % keys
    return dict(pairs)
docs = [json.loads(l, object_pairs_hook=no_duplicates)
        for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
specs = sys.argv[2].split(";") if sys.argv[2] else []
jsonl = sys.argv[3] == "jsonl"
for i, (doc, spec) in enumerate(zip(docs, specs)):
    if jsonl:
        if spec == "error":
            err = doc.get("error")
            assert isinstance(err, dict) and err["line"] == i + 1, "line %d: %s" % (i + 1, doc)
            assert "annotations" not in doc, "line %d: annotated and an error" % (i + 1)
            continue
        assert "error" not in doc, "line %d: unexpected error %s" % (i + 1, doc["error"])
        doc = doc["annotations"]
    ids = {e["id"] for e in doc["entities"]}
    if spec == "*":
        continue
    if spec == "-":
        assert not ids, "result %d: expected no entity, got %s" % (i + 1, sorted(ids))
        continue
    for want in spec.split(","):
        if want.startswith("!"):
            assert want[1:] not in ids, "result %d: %s should not be there" % (i + 1, want[1:])
        else:
            assert want in ids, "result %d: %s missing from %s" % (i + 1, want, sorted(ids))
EOF
}

run_case() {
    name=$1 want_exit=$2 want_err=$3 want_results=$4 entities=$5 args=$6
    args=$(printf '%s' "$args" | sed -e "s|@BAD@|$BAD|g" -e "s|@TMP@|$TMP|g")
    t0=$(date +%s.%N)
    # "<FILE" as the last argument: standard input from FILE.
    stdin=/dev/null
    case $args in *" <"*) stdin=${args##* <} && args=${args% <*} ;; esac
    # shellcheck disable=SC2086 # the arguments are meant to split
    "$TAGGER" $args <"$stdin" >"$TMP/out" 2>"$TMP/err"
    got=$?
    secs=$(awk "BEGIN { printf \"%.2f\", $(date +%s.%N) - $t0 }")
    if [ "$got" -ne "$want_exit" ]; then
        fail "$name" "exit status $got, expected $want_exit; stderr: $(head -c 400 "$TMP/err")"
        return
    fi
    if grep -qE 'Sanitizer|runtime error:|==[0-9]+== [A-Z]' "$TMP/err"; then
        fail "$name" "sanitizer or valgrind report: $(head -c 600 "$TMP/err")"
        return
    fi
    if [ "$want_err" = "-" ]; then
        if [ -s "$TMP/err" ]; then
            fail "$name" "stderr should be empty: $(head -c 400 "$TMP/err")"
            return
        fi
    else
        rest=$want_err
        while [ -n "$rest" ]; do
            part=${rest%% && *}
            if [ "$part" = "$rest" ]; then rest=""; else rest=${rest#* && }; fi
            if ! grep -qF -- "$part" "$TMP/err"; then
                fail "$name" "stderr lacks '$part': $(head -c 400 "$TMP/err")"
                return
            fi
        done
    fi
    n=$(grep -c . "$TMP/out")
    if [ "$n" -ne "$want_results" ]; then
        fail "$name" "$n JSON results, expected $want_results"
        return
    fi
    # The files the results came from (their ids), for the offset checks;
    # up to the first result that is not a file (standard input).
    docs=$(python3 -c '
import json, os, sys
for l in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(l) if l.strip() else {}
    if not os.path.isfile(str(doc.get("id"))):
        break
    print(doc["id"])' "$TMP/out" 2>/dev/null)
    case " $args " in *" --jsonl "*) jsonl=jsonl ;; *) jsonl="" ;; esac
    if [ -n "$jsonl" ]; then
        if ! msg=$(check_entities "$TMP/out" "$entities" jsonl 2>&1); then
            fail "$name" "$(echo "$msg" | tail -1)"
            return
        fi
    elif [ "$want_results" -gt 0 ]; then
        # shellcheck disable=SC2086
        if ! msg=$($CHECK "$TMP/out" "" $docs 2>&1); then
            fail "$name" "output check: $msg"
            return
        fi
        if ! msg=$(check_entities "$TMP/out" "$entities" 2>&1); then
            fail "$name" "$(echo "$msg" | tail -1)"
            return
        fi
    fi
    pass "$name" "$secs"
}

# ------------------------------------------------------------ the manifest
TAB=$(printf '\t')
while IFS="$TAB" read -r name mode want_exit want_err want_results entities args; do
    case $name in '#'* | '') continue ;; esac
    if [ "$mode" = slow ] && [ "$SLOW" -eq 0 ]; then
        skipped=$((skipped + 1))
        echo "SKIP $name (slow; run with --slow)"
        continue
    fi
    run_case "$name" "$want_exit" "$want_err" "$want_results" "$entities" "$args"
done <"$BAD/MANIFEST"

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
