#!/bin/sh
# run-cli-tests.sh - tests of the tagger command on real files.
#
# Usage: tests/cli/run-cli-tests.sh [path/to/tagger]
#
# Each test runs the command and checks its exit status, stderr and, with
# tests/cli/check_output.py, the JSON it printed: every mention's text must
# equal the input at its byte and code point offsets, plus the test's own
# assertions.  Tests on data in ../shared (the seed articles, BBC News) run
# when that folder is there and are reported as skipped otherwise.
set -u

TAGGER=${1:-build/tagger}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED="$ROOT/../shared"
CHECK="python3 $HERE/check_output.py"
. "$HERE/harness.sh"

# stderr_has NAME TEXT : stderr of the last run contains TEXT.
stderr_has() {
    if grep -qF -- "$2" "$TMP/err"; then
        return 0
    fi
    fail "$1" "stderr lacks '$2': $(head -c 300 "$TMP/err")"
    return 1
}

# json_ok NAME [PYTHON-ASSERTIONS] [INPUT-FILES...] : see check_output.py.
json_ok() {
    name=$1
    shift
    if msg=$($CHECK "$TMP/out" "$@" 2>&1); then
        pass "$name"
    else
        fail "$name" "$msg"
    fi
}

# ------------------------------------------------------------------ usage
if run "help" 0 --help && grep -q "^Usage: tagger" "$TMP/out" && grep -q -- "--gazetteer" "$TMP/out"; then
    pass "--help prints usage on stdout and exits 0"
else
    fail "--help prints usage on stdout and exits 0"
fi

if run "version" 0 --version && grep -qx "tagger [0-9]*\.[0-9]*\.[0-9]*" "$TMP/out"; then
    pass "--version"
else
    fail "--version" "$(cat "$TMP/out")"
fi

run "bad option" 2 --no-such-option && stderr_has "bad option" "--help" &&
    pass "an unknown option exits 2 with a hint"
run "bad type" 2 --types PERSON,CITY docs/examples/north-korea.txt &&
    stderr_has "bad type" "unknown type 'CITY'" && pass "--types rejects an unknown type"
run "bad relevance" 2 --min-relevance 1.5 docs/examples/north-korea.txt &&
    stderr_has "bad relevance" "expected a number from 0 to 1" &&
    pass "--min-relevance rejects a value outside [0, 1]"
run "bad topics" 2 --topics 3x docs/examples/north-korea.txt &&
    stderr_has "bad topics" "--topics: expected a whole number from 0 to 1000, got '3x'" &&
    pass "--topics rejects a value that is not all digits"
run "bad train option" 2 train --l2 inf docs/examples/north-korea.txt &&
    stderr_has "bad train option" "tagger train: --l2: expected a number of at least 0, got 'inf'" &&
    pass "tagger train names the option, not its value, when the value is bad"
printf 'its\n# a comment\n\nforeign minister\n' > "$TMP/stop.txt"
run "bad stop words" 2 train --stop-words "$TMP/stop.txt" docs/examples/north-korea.txt &&
    stderr_has "bad stop words" "tagger train: $TMP/stop.txt:4: field 1 (word): one word per line" &&
    pass "tagger train names the file and line of a stop word list's bad line"

# Entity ids are learned only when asked for: the same records, with and without.
for i in 1 2 3 4; do
    printf '{"text": "North Korea fired a missile at sea, the army said.", "labels": ["medtop:16000000"]}\n'
    printf '{"text": "The league match ended in a draw after a late goal.", "labels": ["medtop:15000000"]}\n'
done >"$TMP/train.jsonl"
if run "train counts" 0 train --min-df 2 --max-df-share 1 "$TMP/train.jsonl" &&
    grep -q "^feature	@countries:1	" "$TMP/out" && ! grep -q "^feature	@KP	" "$TMP/out" &&
    run "train ids" 0 train --entity-ids --min-df 2 --max-df-share 1 "$TMP/train.jsonl" &&
    grep -q "^feature	@KP	" "$TMP/out" && grep -q ", entity ids\.$" "$TMP/out"; then
    pass "tagger train learns entity ids only with --entity-ids"
else
    fail "tagger train learns entity ids only with --entity-ids" "$(head -c 300 "$TMP/out")"
fi

# ------------------------------------------------------------------ tagging
cd "$ROOT" || exit 2
EX=docs/examples/north-korea.txt

run "example" 0 "$EX" && json_ok "example article: countries, demonyms, accents, offsets" "
ents = by_id(docs[0])
assert docs[0]['id'] == '$EX'
vias = [(m['text'], m.get('via')) for m in ents['KP']['mentions']]
assert vias == [('PYONGYANG', 'place'), ('North Korea', None), ('North Korean', 'demonym'),
                ('North Korea', None), ('Pyongyang', 'place')], vias
assert ents['KP']['relevance'] > ents['KR']['relevance'] > ents['US']['relevance']
assert {m['text'] for m in ents['US']['mentions']} == {'U.S.', 'United States'}
assert [m['text'] for m in ents['CI']['mentions']] == ['Côte d’Ivoire']
assert ents['KR']['count'] == 4 and ents['JP']['count'] == 2, 'Seoul, Tokyo stand for them'
places = {e['name']: e['country'] for e in docs[0]['entities'] if e['type'] == 'PLACE'}
assert places == {'Seoul': 'KR', 'Pyongyang': 'KP', 'Tokyo': 'JP'}, places
assert docs[0]['entities'][0]['id'] == 'KP', 'most relevant first'
assert 'KP' in docs[0]['facet_ids']['country']
" "$EX"

run "stdin" 0 - <"$EX" && json_ok "'-' reads standard input, id '-'" "
assert docs[0]['id'] == '-' and 'KP' in by_id(docs[0])
" "$EX"

run "pretty" 0 --pretty "$EX" && json_ok "--pretty output is the same object" "
assert len(docs) == 1 and 'KP' in by_id(docs[0])
" "$EX"

run "no mentions" 0 --no-mentions --types COUNTRY --min-relevance 0.5 "$EX" &&
    json_ok "--no-mentions, --types and --min-relevance filter the output" "
assert docs[0]['entities'], 'some entity is left'
for e in docs[0]['entities']:
    assert 'mentions' not in e and e['type'] == 'COUNTRY' and e['relevance'] >= 0.5, e
"

# --all-matches: every gazetteer candidate, nothing resolved, as JSON or TSV.
printf 'He flew to New York City, then to Georgia. A North Korean envoy met Kim Jong Un.\n' \
    >"$TMP/nested.txt"
if run "all matches" 0 --all-matches "$TMP/nested.txt" "$EX" && python3 -c "
import json
docs = [json.loads(l) for l in open('$TMP/out', encoding='utf-8')]
assert [set(d) for d in docs] == [{'id', 'matches'}] * 2, docs
for d, path in zip(docs, ['$TMP/nested.txt', '$EX']):
    raw = open(path, 'rb').read()
    chars = raw.decode('utf-8')
    for m in d['matches']:
        assert raw[m['start']:m['end']].decode('utf-8') == m['text'] == \
            chars[m['char_start']:m['char_end']], m
got = {(m['text'], m['name'], m.get('candidates', 1), m.get('via')) for m in docs[0]['matches']}
assert ('York', 'York', 2, None) in got and ('New York City', 'New York', 1, None) in got, got
assert {('Georgia', 'Georgia', 2, None), ('North Korean', 'North Korea', 1, 'demonym'),
        ('Kim Jong Un', 'Kim Jong Un', 1, None)} <= got, got
georgia = {m['id'] for m in docs[0]['matches'] if m['text'] == 'Georgia'}
assert georgia == {'GE', 'US-GA'}, georgia
starts = [m['start'] for m in docs[0]['matches']]
assert starts == sorted(starts), starts
# the example, resolved, has Pyongyang for North Korea; as a candidate it is a place
assert any(m['text'] == 'Pyongyang' and m['type'] == 'PLACE' for m in docs[1]['matches'])
"; then
    pass "--all-matches: nested, overlapping and ambiguous candidates, offsets exact"
else
    fail "--all-matches" "$(head -c 300 "$TMP/out")"
fi
if run "all matches tsv" 0 --all-matches --format tsv --types COUNTRY "$TMP/nested.txt" &&
    python3 -c "
rows = [l.split('\t') for l in open('$TMP/out', encoding='utf-8').read().splitlines()]
assert [(r[1], r[3], r[6]) for r in rows] == [('COUNTRY', 'GE', 'Georgia'),
                                              ('COUNTRY', 'KP', 'North Korean')], rows
assert all(len(r) == 7 and r[0] == '$TMP/nested.txt' for r in rows), rows
"; then
    pass "--all-matches --format tsv: one line per candidate, --types applies"
else
    fail "--all-matches tsv" "$(head -c 300 "$TMP/out")"
fi
printf 'Caf\351 in Paris.\n' >"$TMP/latin1-paris.txt"
run "all matches bad utf-8" 1 --all-matches "$TMP/latin1-paris.txt" &&
    stderr_has "all matches bad utf-8" "byte 3: invalid UTF-8 (1 bad byte in all)" &&
    grep -q '"text":"Paris","start":8' "$TMP/out" &&
    pass "--all-matches says where the bad bytes are and still lists the rest"
run "all matches html" 2 --all-matches --format html "$EX" &&
    stderr_has "all matches html" "--all-matches writes json or tsv, not --format html" &&
    pass "--all-matches refuses a format it cannot write"

# Directories: recursive, sorted, hidden files skipped.
mkdir -p "$TMP/dir/sub" "$TMP/dir/.hidden"
printf 'Talks between Japan and China.\n' >"$TMP/dir/b.txt"
printf 'Russia said no.\n' >"$TMP/dir/a.txt"
printf 'Iran and Iraq.\n' >"$TMP/dir/sub/c.txt"
printf 'France.\n' >"$TMP/dir/.hidden/d.txt"
printf 'Peru.\n' >"$TMP/dir/.e.txt"
run "directory" 0 "$TMP/dir" && json_ok "a directory is read recursively in sorted order" "
ids = [d['id'].rsplit('/dir/', 1)[1] for d in docs]
assert ids == ['a.txt', 'b.txt', 'sub/c.txt'], ids
assert set(by_id(docs[1])) == {'JP', 'CN'} and set(by_id(docs[2])) == {'IR', 'IQ'}
"

# Links in a directory: a link to a file is read, a link to a directory is
# not followed (a link to the directory itself would never end).
mkdir -p "$TMP/links"
printf 'Talks in Chile.\n' >"$TMP/links/a.txt"
ln -s a.txt "$TMP/links/b-link.txt"
ln -s . "$TMP/links/c-loop"
run "directory with links" 0 "$TMP/links" && json_ok "a link to a file is read, one to a directory is not followed" "
ids = [d['id'].rsplit('/links/', 1)[1] for d in docs]
assert ids == ['a.txt', 'b-link.txt'], ids
assert all(set(by_id(d)) == {'CL'} for d in docs), docs
"

# A missing file is reported; the other file is still tagged; exit 1.
cp "$EX" "$TMP/good.txt"
run "missing file" 1 /nonexistent/article.txt "$TMP/good.txt" &&
    stderr_has "missing file" "tagger: /nonexistent/article.txt: No such file or directory" &&
    json_ok "a missing file is named on stderr, the rest is tagged, exit 1" "
assert len(docs) == 1 and docs[0]['id'].endswith('good.txt') and 'KP' in by_id(docs[0])
" "$TMP/good.txt"

# Invalid UTF-8: a warning, a valid result, exact offsets around the bad bytes.
printf 'Caf\351 talks: North Korea and South\377Korea met in Japan.\n' >"$TMP/latin1.txt"
run "invalid utf-8" 1 "$TMP/latin1.txt" &&
    stderr_has "invalid utf-8" "latin1.txt: byte 3: invalid UTF-8 (2 bad bytes in all)" &&
    json_ok "invalid UTF-8 is read as separators, with a warning and exact offsets" "
ents = by_id(docs[0])
assert set(ents) - {None} == {'KP', 'JP'}, set(ents)  # None: recognized names
assert ents['KP']['mentions'][0]['start'] == 12 and ents['KP']['mentions'][0]['char_start'] == 12
assert docs[0]['warnings'][0]['code'] == 'invalid_utf8' and docs[0]['warnings'][0]['count'] == 2
" "$TMP/latin1.txt"

: >"$TMP/empty.txt"
run "empty" 0 "$TMP/empty.txt" && json_ok "an empty file gives an empty result" "
assert docs[0]['entities'] == [] and docs[0]['facets']['country'] == []
"

printf 'Report\000on North Korea\000\n' >"$TMP/nul.txt"
run "nul" 0 "$TMP/nul.txt" && json_ok "NUL bytes separate words and do not stop the document" "
assert by_id(docs[0])['KP']['mentions'][0]['start'] == 10
" "$TMP/nul.txt"

# ------------------------------------------------------------------ gazetteers
printf '# user entities\nACME\tORG\tAcme Corporation\t-\t-\tAcme Corporation|ACME\nBAD\tCITY\tNowhere\t-\t-\tNowhere\nKP\tCOUNTRY\tNorth Korea\tQ423\t-\tHermit Kingdom\n' >"$TMP/user.tsv"
printf 'ACME said the Hermit Kingdom and Nowhere would not sign; acme did.\n' >"$TMP/acme.txt"
run "user gazetteer" 1 --gazetteer "$TMP/user.tsv" "$TMP/acme.txt" &&
    stderr_has "user gazetteer" "user.tsv:3: field 2 (type): unknown type 'CITY'" &&
    json_ok "--gazetteer adds entities and aliases; a bad line is named and skipped" "
ents = by_id(docs[0])
assert set(ents) - {None} == {'ACME', 'KP'}, set(ents)  # None: recognized names
assert [m['text'] for m in ents['ACME']['mentions']] == ['ACME'], 'acronym is case-sensitive'
assert ents['ACME']['type'] == 'ORG' and ents['KP']['mentions'][0]['text'] == 'Hermit Kingdom'
" "$TMP/acme.txt"

run "missing gazetteer" 3 --gazetteer /nonexistent.tsv "$EX" &&
    stderr_has "missing gazetteer" "/nonexistent.tsv: cannot open" &&
    pass "a gazetteer that cannot be read exits 3"

run "no builtin" 0 --no-builtin "$EX" && json_ok "--no-builtin leaves only user gazetteers" "
assert docs[0]['entities'] == []
"

# ------------------------------------------------------------------ ../shared
SEEDS="$SHARED/fixtures/seeds"
if [ -d "$SEEDS" ]; then
    # Every rule of the seed gold files: entities, top3, must_not, the
    # sidebar rule and the top topic.
    for seed in 000_45fc9d99be84174a 001_9301c262b0a3d84c; do
        "$TAGGER" "$SEEDS/$seed.txt" >"$TMP/out" 2>"$TMP/err"
        if python3 "$SHARED/tools/check_seeds.py" "$SEEDS/$seed.gold.json" "$TMP/out" \
            >"$TMP/seed" 2>&1 && ! grep -q '^FAIL' "$TMP/seed" &&
            [ "$(grep -c '^PASS' "$TMP/seed")" -ge 10 ]; then
            pass "seed $seed: every gold rule passes ($(tail -1 "$TMP/seed"))"
            json_ok "seed $seed: topics with a path, evidence from the text, topic facets" "
tops = docs[0]['topics']
assert tops[0]['label'] == 'international relations', tops
assert tops[0]['path'] == ['politics and government', 'international relations']
text = open('$SEEDS/$seed.txt', encoding='utf-8').read()
assert all(t['evidence'] and all(e in text for e in t['evidence']) for t in tops), tops
assert docs[0]['facet_ids']['topic'] == [t['id'] for t in tops]
assert docs[0]['facets']['topic'] == [t['label'] for t in tops]
" "$SEEDS/$seed.txt"
        else
            fail "seed $seed: gold rules" "$(grep '^FAIL' "$TMP/seed")"
        fi
        json_ok "seed $seed: offsets exact" "" "$SEEDS/$seed.txt"
    done
else
    skip "seed articles" "$SEEDS not found"
fi

# Compiled models: tagger compile, --model, and a damaged model refused.
EXAMPLE="$ROOT/docs/examples/north-korea.txt"
printf 'Q1\tORG\tAcme Widgets\t-\t-\tAcme Widgets|Acme\n' >"$TMP/acme.tsv"
if run "compile" 0 compile -o "$TMP/acme.tgm" --builtin "$TMP/acme.tsv" &&
    stderr_has "compile summary" "acme.tgm: " &&
    run "--model" 0 --model "$TMP/acme.tgm" "$EXAMPLE"; then
    "$TAGGER" "$EXAMPLE" >"$TMP/default.out"
    printf 'Acme Widgets said North Korea' | "$TAGGER" --model "$TMP/acme.tgm" - >"$TMP/out"
    if grep -q '"id":"Q1"' "$TMP/out" && grep -q '"id":"KP"' "$TMP/out"; then
        pass "a compiled user gazetteer finds its entity beside the built-in ones"
    else
        fail "compiled user gazetteer" "$(head -c 300 "$TMP/out")"
    fi
    run "--model" 0 --model "$TMP/acme.tgm" "$EXAMPLE"
    if cmp -s "$TMP/out" "$TMP/default.out"; then
        pass "--model with extra entities tags the example as the built-in model does"
    else
        fail "--model output differs from the built-in model on the example"
    fi
    # flip one byte in the middle of the model
    size=$(wc -c <"$TMP/acme.tgm")
    python3 -c "import sys; p=sys.argv[1]; b=bytearray(open(p,'rb').read()); b[len(b)//2]^=1; open(p,'wb').write(b)" "$TMP/acme.tgm"
    run "damaged model refused" 3 --model "$TMP/acme.tgm" "$EXAMPLE" &&
        stderr_has "damaged model message" "acme.tgm: damaged compiled model: checksum mismatch" &&
        pass "a damaged model ($size bytes, one bit flipped) is refused with exit 3"
    run "gazetteer as model refused" 3 --model "$TMP/acme.tsv" "$EXAMPLE" &&
        stderr_has "foreign file message" "acme.tsv: not a compiled tagger model" &&
        pass "a TSV given as --model is refused as not a compiled model"
fi

# Country names that are personal names too (gazetteers/README.md): beside
# another capitalised word they are a person's, no country.
printf 'Michael Jordan, Chad Johnson, Jools Holland and Georgia Moffett met on Friday.\n' \
    >"$TMP/people.txt"
run "personal-name countries" 0 "$TMP/people.txt" &&
    json_ok "Jordan, Chad, Holland and Georgia beside a capitalised word are no country" "
assert not [e for e in docs[0]['entities'] if e['type'] == 'COUNTRY'], docs[0]['entities']
people = {e['name'] for e in docs[0]['entities'] if e['type'] == 'PERSON'}
assert {'Michael Jordan', 'Chad Johnson'} <= people, people
" "$TMP/people.txt"

# ------------------------------------------------------------------ html
# One page for the run: its text is each input's, its marks the JSON
# mentions (tests/cli/check_html.py).  A file with invalid UTF-8, a control
# byte and CRLF line ends is written as U+FFFD where the bytes are bad.
printf 'North Korea\r\nfired \001a missile \377near Japan & <b>Seoul</b>.\r\n' >"$TMP/odd.txt"
HTML_IN="docs/examples/north-korea.txt $TMP/odd.txt"
for seed in "$SHARED"/fixtures/seeds/*.txt; do
    [ -f "$seed" ] && HTML_IN="$HTML_IN $seed"
done
if run "html" 1 --format html $HTML_IN; then
    cp "$TMP/out" "$TMP/page.html"
    "$TAGGER" $HTML_IN >"$TMP/page.jsonl" 2>/dev/null # exit 1 too: the invalid UTF-8
    if msg=$(python3 "$HERE/check_html.py" "$TMP/page.html" "$TMP/page.jsonl" $HTML_IN 2>&1); then
        pass "--format html: one page; each article's text is its input, its marks the mentions"
    else
        fail "--format html" "$msg"
    fi
fi
run "html no input" 0 --format html /dev/null && grep -q "^</html>$" "$TMP/out" &&
    pass "--format html writes a whole page even with nothing to tag"

BBC="$SHARED/data/bbc-news/sport/199.txt"
if [ -f "$BBC" ]; then
    "$TAGGER" "$BBC" >"$TMP/out" 2>"$TMP/err"
    json_ok "BBC sport/199.txt (a Latin-1 byte) gives a valid result" "
assert docs[0]['warnings'][0]['count'] == 1
" "$BBC"
else
    skip "BBC Latin-1 article" "$BBC not found"
fi

# The headline "Blair and Blunkett Sheffield trip", which the name model reads
# as a person "Blunkett Sheffield": his surname does not take the city's
# mentions in the text (a first name the lists lack counts outside headlines
# only, tagger/recog_links.c surnames()).
BBC="$SHARED/data/bbc-news/politics/046.txt"
if [ -f "$BBC" ]; then
    "$TAGGER" "$BBC" >"$TMP/out" 2>"$TMP/err"
    json_ok "BBC politics/046.txt: a headline's misread person takes no city's mentions" "
places = [e for e in docs[0]['entities'] if e['name'] == 'Sheffield']
assert places and places[0]['type'] == 'PLACE' and places[0]['count'] == 2, places
" "$BBC"
else
    skip "BBC headline person" "$BBC not found"
fi

finish
