#!/bin/sh
# run-jsonl-tests.sh - tests of --jsonl: records written back byte for byte,
# error records, -j threads, --format tsv/es-bulk/html, the progress line and the
# GNU parallel recipe of docs/PIPELINES.md.
#
# Usage: tests/cli/run-jsonl-tests.sh [path/to/tagger]
#
# Output checks are in tests/cli/jsonl_checks.py.  The 50,000-record Reuters
# stream (scripts/make-jsonl-stream, built once into build/) is used when
# ../shared is there; the -j and GNU parallel tests fall back to a stream
# made from docs/examples when it is not.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TAGGER=${1:-build/tagger}
case $TAGGER in /*) ;; *) TAGGER="$ROOT/$TAGGER" ;; esac
SHARED="$ROOT/../shared"
CHECK="python3 $HERE/jsonl_checks.py"
. "$HERE/harness.sh"
cd "$ROOT" || exit 2

# check NAME CHECK-ARGS... : a jsonl_checks.py check.
check() {
    name=$1
    shift
    if msg=$($CHECK "$@" 2>&1); then
        pass "$name${msg:+ ($msg)}"
    else
        fail "$name" "$msg"
    fi
}

# py NAME CODE : Python assertions over `out` (the output lines, parsed).
py() {
    if msg=$(python3 -c "
import json
lines = open('$TMP/out', 'rb').read().split(b'\n')[:-1]
out = [json.loads(l) if l.strip() else None for l in lines]
err = open('$TMP/err').read()
$2" 2>&1); then
        pass "$1"
    else
        fail "$1" "$msg"
    fi
}

# ------------------------------------------------------------ small stream
{
    printf '{"id":"s1","body":"North Korea and Japan met in Pyongyang."}\n'
    printf '\n'
    printf '{"id":"s3","body":"Talks in France\n'
    printf '{"id":"s4","title":"no body"}\n'
    printf '{"id":"s5","body":"Caf\351 in Paris"}\n'
    printf '[1,2]\n'
    printf '{"id":"s7","n":12345678901234567890,"x":1.10,"body":"Iran and Iraq.","e":"\\u00e9\\/"}\n'
    printf '{"id":"s8","body":"x"} trailing\n'
    printf '{"id":"s9","body":7}\n'
    printf '{"id":"s10", "body" : "Paris, France" }\r\n'
} >"$TMP/small.jsonl"
printf '2\tempty\n3\ttruncated\n4\tno_body\n5\tbad_utf8\n6\tarray\n8\ttrailing\n9\tbody_number\n' \
    >"$TMP/small.manifest"

run "small stream" 1 --jsonl "$TMP/small.jsonl" &&
    check "one line out per line in; good records unchanged, bad ones flagged" \
        stream "$TMP/small.jsonl" "$TMP/out" "$TMP/small.manifest" &&
    check "one diagnostic per bad line, with file and line" \
        diagnostics "$TMP/err" "$TMP/small.manifest" "$TMP/small.jsonl"
py "error records say what and where" "
assert out[2]['error']['message'] == 'malformed JSON: the line ends inside a value (cut off?)', out[2]
assert out[3]['error']['message'] == \"field 'body' is missing\" and out[3]['id'] == 's4'
assert out[4]['error']['message'] == 'invalid UTF-8 at byte 22', out[4]
assert out[4]['input'] == '{\"id\":\"s5\",\"body\":\"Caf\ufffd in Paris\"}'
assert out[8]['error']['message'] == \"field 'body' is a number, not a string\"
assert {e['id'] for e in out[0]['annotations']['entities']} >= {'KP', 'JP'}
assert lines[6].startswith(b'{\"id\":\"s7\",\"n\":12345678901234567890,\"x\":1.10,')
"

run "stdin" 1 --jsonl <"$TMP/small.jsonl" && stderr=$(head -1 "$TMP/err") &&
    [ "$stderr" = "tagger: -:3: malformed JSON: the line ends inside a value (cut off?)" ] &&
    pass "stdin is read by default, named '-'" || fail "stdin" "$(head -2 "$TMP/err")"

printf '{"id":"t1","body":"France."}\n{"id":"t2"}\n' >"$TMP/two.jsonl"
: >"$TMP/empty.jsonl"
run "several files" 1 --jsonl "$TMP/two.jsonl" /nonexistent.jsonl "$TMP/empty.jsonl" \
    "$TMP/small.jsonl" &&
    py "several files: per-file line numbers, a missing file named, an empty one, the rest tagged" "
assert len(out) == 2 + 10, len(out)
assert out[1]['error'] == {'file': '$TMP/two.jsonl', 'line': 2, 'message': \"field 'body' is missing\"}
assert out[4]['error']['file'] == '$TMP/small.jsonl' and out[4]['error']['line'] == 3
lines = err.splitlines()
assert lines[0] == 'tagger: $TMP/two.jsonl:2: field \'body\' is missing', lines[0]
assert lines[1] == 'tagger: /nonexistent.jsonl: No such file or directory', lines[1]
"

# ("Éste", not "Über", before "Japan": --all-matches lists every candidate,
# and "Über" is one of Uber's, diacritics aside)
printf '{"id":"n1","meta":{"title":"Éste Japan"},"article":{"body":"Señor: North Korea."}}\n' \
    >"$TMP/nested.jsonl"
run "nested fields" 0 --jsonl --text-field meta.title --text-field article.body \
    --output-field tags "$TMP/nested.jsonl" &&
    py "dotted text fields; mentions name their field, offsets relative to it" "
tags = out[0]['tags']
m = {e['id']: e['mentions'][0] for e in tags['entities']}
assert m['JP']['field'] == 'meta.title' and (m['JP']['start'], m['JP']['char_start']) == (6, 5), m['JP']
assert m['KP']['field'] == 'article.body' and (m['KP']['start'], m['KP']['char_start']) == (8, 7)
assert 'annotations' not in out[0]
"

run "all matches" 0 --jsonl --all-matches --text-field meta.title --text-field article.body \
    "$TMP/nested.jsonl" &&
    py "--all-matches: the candidates in the output field, offsets relative to their field" "
found = out[0]['annotations']['matches']
assert [(m['id'], m['field'], m['start'], m['char_start']) for m in found] == [
    ('JP', 'meta.title', 6, 5), ('KP', 'article.body', 8, 7)], found
"

run "filters" 1 --jsonl --no-mentions --types COUNTRY --min-relevance 0.3 "$TMP/small.jsonl" &&
    py "--no-mentions, --types and --min-relevance apply to records" "
ents = [e for rec in out if rec and 'annotations' in rec for e in rec['annotations']['entities']]
assert ents, 'something is left'
assert all(e['type'] == 'COUNTRY' and e['relevance'] >= 0.3 and 'mentions' not in e for e in ents)
"

run "tsv filters" 1 --jsonl --format tsv --no-mentions --types COUNTRY --min-relevance 0.3 \
    "$TMP/small.jsonl" && python3 -c "
rows = [l.split('\t') for l in open('$TMP/out').read().splitlines()]
assert rows, 'no rows'
assert all(len(r) == 8 and r[1] == 'COUNTRY' and r[4:] == ['', '', '', ''] for r in rows), rows
assert {r[0] for r in rows} == {'s1', 's7', 's10'}, rows
" && pass "tsv: --no-mentions gives one line per entity; --types, --min-relevance apply" ||
    fail "tsv filters" "$(head -3 "$TMP/out")"

run "html" 1 --jsonl --format html "$TMP/small.jsonl" &&
    python3 -c "
import re
page = open('$TMP/out', encoding='utf-8').read()
heads = re.findall(r'<article>\n<h2>([^<]*)</h2>', page)
errors = re.findall(r'<h2>([^<]*)</h2>\n<p class=\"error\">not tagged: ', page)
# one article per record (the blank line is none), in order; the bad ones say why
assert heads == ['s1', '$TMP/small.jsonl:3', '$TMP/small.jsonl:4', '$TMP/small.jsonl:5',
                 '$TMP/small.jsonl:6', 's7', '$TMP/small.jsonl:8', '$TMP/small.jsonl:9', 's10'], heads
assert len(errors) == 6, errors
assert page.startswith('<!DOCTYPE html>') and page.endswith('</body>\n</html>\n')
assert 'title=\"COUNTRY North Korea, KP, relevance' in page
" && pass "html: an article per record in order, the bad ones with their error" ||
    fail "html" "$(grep -c '<article>' "$TMP/out") articles"
run "bad format" 2 --jsonl --format xml "$TMP/small.jsonl" &&
    grep -q "unknown format 'xml'" "$TMP/err" && pass "--format rejects an unknown format"
run "bad jobs" 2 --jsonl -j 0 "$TMP/small.jsonl" &&
    grep -q "number of threads" "$TMP/err" && pass "-j rejects 0"

"$TAGGER" --jsonl "$TMP/nested.jsonl" --text-field article.body >/dev/null 2>"$TMP/err"
[ ! -s "$TMP/err" ] && pass "no progress line when stderr is not a terminal" ||
    fail "no progress" "$(head -c 200 "$TMP/err")"

# A 1.3 MB record (over one batch), a last line without a newline, a CRLF line.
python3 -c "
import json
body = 'Japan and France. ' * 70000
print(json.dumps({'id': 'big', 'body': body}))
print('{\"id\":\"last\",\"body\":\"North Korea\"}', end='')
" >"$TMP/long.jsonl"
run "long lines" 0 --jsonl -j 2 "$TMP/long.jsonl" &&
    py "a 1.3 MB line is tagged whole; a last line without newline gets one" "
assert len(out) == 2 and lines[0].startswith(b'{\"id\": \"big\"') and len(lines[0]) > 1260000
ents = {e['id']: e for e in out[0]['annotations']['entities']}
assert ents['JP']['count'] == 70000 and ents['FR']['count'] == 70000
assert out[1]['annotations']['entities'][0]['id'] == 'KP'
"
run "crlf" 1 --jsonl "$TMP/small.jsonl"
tail -n 1 "$TMP/out" | grep -q '^{"id":"s10", "body" : "Paris, France" ,"annotations":{.*}}'"$(printf '\r')"'$' &&
    pass "a CRLF line keeps its white space and carriage return around the added field" ||
    fail "crlf" "$(tail -n 1 "$TMP/out" | od -c | tail -3)"

# ------------------------------------------------------------ formats
run "es-bulk" 1 --jsonl --format es-bulk "$TMP/small.jsonl" &&
    check "es-bulk: action/document pairs, _id from the id field, bad lines left out" \
        bulk "$TMP/out" && [ "$(wc -l <"$TMP/out")" -eq 6 ] ||
    fail "es-bulk pair count" "$(wc -l <"$TMP/out") lines, expected 3 pairs"
run "es-bulk plain file" 0 --format es-bulk --pretty docs/examples/north-korea.txt &&
    py "es-bulk for a plain file: one pair, _id the file name, no --pretty" "
assert len(out) == 2 and out[0] == {'index': {'_id': 'docs/examples/north-korea.txt'}}, out[0]
assert out[1]['id'] == 'docs/examples/north-korea.txt' and out[1]['facets']['country']
"

# ------------------------------------------------------------ streams
STREAM="$ROOT/build/reuters-50k.jsonl"
if [ -d "$SHARED/data/reuters21578" ]; then
    if [ ! -s "$STREAM" ] || [ "$STREAM" -ot scripts/make-jsonl-stream ]; then
        ./scripts/make-jsonl-stream "$STREAM" || fail "make-jsonl-stream" "could not build $STREAM"
    fi
else
    skip "50,000-record Reuters stream" "$SHARED/data/reuters21578 not found"
    # A stand-in for the -j, format and GNU parallel tests below.
    STREAM="$TMP/synthetic.jsonl"
    python3 -c "
import json
sents = open('docs/examples/north-korea.txt').read().split('. ')
with open('$STREAM', 'w') as f:
    for i in range(3000):
        body = '. '.join(sents[(i + k) % len(sents)] for k in range(4))
        f.write(json.dumps({'id': 'syn-%d' % i, 'title': 'Report %d' % i, 'body': body}) + '\n')
    "
    : >"$STREAM.manifest"
fi
FIELDS="--text-field title --text-field body"

if [ -s "$STREAM.manifest" ]; then
    # Standard input, so that the -j 1 run below can name its input the same:
    # half the stream, a pause past the progress line's first second, then
    # the rest, so that the line is due however fast the tagger gets.
    half=$(($(wc -l <"$STREAM") / 2))
    # shellcheck disable=SC2086 # FIELDS is meant to split
    { head -n "$half" "$STREAM"; sleep 1.2; tail -n +"$((half + 1))" "$STREAM"; } |
        $CHECK tty "$TMP/big.out" "$TMP/big.err" "$TAGGER" --jsonl -j 2 $FIELDS
    status=$?
    [ "$status" -eq 1 ] && pass "50k stream: exit status 1 (some lines were bad)" ||
        fail "50k stream exit status" "got $status; $(head -c 300 "$TMP/big.err")"
    check "50k stream: as many lines out as in, in order, good records unchanged, bad ones flagged" \
        stream "$STREAM" "$TMP/big.out" "$STREAM.manifest"
    check "50k stream: one diagnostic per bad line, in order" \
        diagnostics "$TMP/big.err" "$STREAM.manifest" -
    check "50k stream: a progress line when stderr is a terminal" progress "$TMP/big.err"
    # Bounded memory: the model plus a fixed window of batches, far below
    # the 48 MB read and the 88 MB written.
    # (Not under make check-asan: shadow memory and quarantine inflate RSS.)
    rss=$(cat "$TMP/big.err.maxrss")
    if [ -n "${TAGGER_SANITIZED:-}" ]; then
        skip "50k stream memory" "sanitizer build, peak memory $((rss / 1024)) MB not comparable"
    elif [ "$rss" -lt 81920 ]; then
        pass "50k stream: peak memory $((rss / 1024)) MB (< 80 MB)"
    else
        fail "50k stream memory" "peak resident memory $rss kB"
    fi
    # -j 1 on the first 5,000 lines gives the same bytes as -j 2 did.
    head -n 5000 "$STREAM" >"$TMP/head.jsonl"
    # shellcheck disable=SC2086
    "$TAGGER" --jsonl -j 1 $FIELDS <"$TMP/head.jsonl" >"$TMP/j1.out" 2>/dev/null
    head -n 5000 "$TMP/big.out" >"$TMP/j2.out"
    if cmp -s "$TMP/j1.out" "$TMP/j2.out"; then
        pass "-j 1 and -j 2 write byte-identical output (5,000 records)"
    else
        fail "-j 1 and -j 2 differ" "$(cmp "$TMP/j1.out" "$TMP/j2.out")"
    fi
    SAMPLE="$TMP/head.jsonl"
else
    # shellcheck disable=SC2086
    "$TAGGER" --jsonl -j 1 $FIELDS "$STREAM" >"$TMP/j1.out" 2>"$TMP/err"
    # shellcheck disable=SC2086
    "$TAGGER" --jsonl -j 3 $FIELDS "$STREAM" >"$TMP/j3.out" 2>>"$TMP/err"
    cmp -s "$TMP/j1.out" "$TMP/j3.out" && pass "-j 1 and -j 3 write byte-identical output" ||
        fail "-j 1 and -j 3 differ" "$(cmp "$TMP/j1.out" "$TMP/j3.out")"
    SAMPLE="$STREAM"
fi

# TSV on good records only: one line per mention of the JSON output.
head -n 1500 "$SAMPLE" | python3 -c "
import json, sys
for line in sys.stdin.buffer:
    try:
        rec = json.loads(line)
    except ValueError:
        continue
    if isinstance(rec, dict) and isinstance(rec.get('body'), str):
        sys.stdout.buffer.write(line)
" >"$TMP/good.jsonl"
# shellcheck disable=SC2086
"$TAGGER" --jsonl $FIELDS "$TMP/good.jsonl" >"$TMP/good.out" 2>"$TMP/err"
# shellcheck disable=SC2086
"$TAGGER" --jsonl --format tsv $FIELDS "$TMP/good.jsonl" >"$TMP/good.tsv" 2>>"$TMP/err"
check "tsv: one line per mention, text at its field's offsets" tsv "$TMP/good.tsv" "$TMP/good.out"
# shellcheck disable=SC2086
"$TAGGER" --jsonl --format es-bulk $FIELDS "$TMP/good.jsonl" >"$TMP/good.bulk" 2>>"$TMP/err"
check "es-bulk on $(wc -l <"$TMP/good.jsonl") records" bulk "$TMP/good.bulk"

# ------------------------------------------------------------ GNU parallel
if command -v parallel >/dev/null 2>&1; then
    # The recipe of docs/PIPELINES.md, with 2 local job slots ("2/:" is the
    # --sshlogin form of this machine) and small blocks so several run.
    # shellcheck disable=SC2086
    parallel --pipe --block 500k --sshlogin 2/: "$TAGGER" --jsonl -j 1 $FIELDS \
        <"$TMP/good.jsonl" >"$TMP/parallel.out" 2>"$TMP/err"
    check "GNU parallel --pipe output equals the single-process output, sorted by id" \
        sorted_equal "$TMP/parallel.out" "$TMP/good.out"
else
    skip "GNU parallel recipe" "parallel not installed (scripts/ensure-deps installs it)"
fi

finish
