#!/bin/sh
# run-topicdata-tests.sh - tests of the topic data and evaluation scripts.
#
# Usage: tests/cli/run-topicdata-tests.sh
#
# On a small data root generated here (BBC-style folders, HuffPost lines,
# Reuters SGML, an IPTC vocabulary with a retired concept, CoNLL-2003 stories
# with and without a desk slug), checks that
# scripts/build-topic-data maps labels and adds ancestors, reports every bad
# input with file and line and keeps the rest, assigns folds 0-4 and writes
# the same bytes twice; that topics_eval.py scores known predictions right
# and runs end to end through the `tagger train` contract (with the stand-in
# scripts/eval.d/fake_topic_train.py), naming a failing system.  With
# ../shared present, also that models/taxonomy.tsv is what
# scripts/build-taxonomy makes today and that the mapping tables cover every
# label of the real datasets.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED="$ROOT/../shared/data"
. "$HERE/harness.sh"

# expect NAME COMMAND... : the command (a python3 check) must exit 0.
expect() {
    name=$1
    shift
    if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$out"; fi
}

# ---------------------------------------------------------------- a small data root
D="$TMP/data"
mkdir -p "$D/bbc-news/sport" "$D/bbc-news/tech" "$D/bbc-news/weather" \
    "$D/huffpost-news-category-partial" "$D/reuters21578" "$D/iptc-mediatopics" \
    "$D/conll2003"
i=1
while [ $i -le 6 ]; do
    printf 'Cup final %d\n\nThe team won the match %d-0.\n' $i $i >"$D/bbc-news/sport/00$i.txt"
    printf 'Phone maker %d\n\nA new handset and chip.\n' $i >"$D/bbc-news/tech/00$i.txt"
    i=$((i + 1))
done
printf 'Price \243 up\n\nA pound sign in Latin-1.\n' >"$D/bbc-news/sport/007.txt"
printf 'Rain\n\nWet.\n' >"$D/bbc-news/weather/001.txt"
H="$D/huffpost-news-category-partial/News_Category_Dataset_v2.first4782.jsonl"
cat >"$H" <<'EOF'
{"category": "WORLD NEWS", "headline": "Leaders meet for talks", "short_description": "A summit."}
{"category": "POLITICS", "headline": 
{"category": "POLITICS", "short_description": "no headline"}
{"category": "NO SUCH SECTION", "headline": "x"}
{"category": "SPORTS", "headline": "A goal", "short_description": ""}
EOF
cat >"$D/reuters21578/reut2-000.sgm" <<'EOF'
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="1">
<TOPICS><D>earn</D></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE><ORGS></ORGS><EXCHANGES></EXCHANGES>
<TEXT><TITLE>ACME PROFIT UP</TITLE><DATELINE>NEW YORK, March 1 -</DATELINE><BODY>Net profit rose.</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="2">
<TOPICS><D>crude</D><D>money-fx</D></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE><ORGS></ORGS><EXCHANGES></EXCHANGES>
<TEXT><TITLE>OIL AND DOLLAR</TITLE><DATELINE>LONDON, March 2 -</DATELINE><BODY>Oil fell.</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" NEWID="3">
<TOPICS><D>earn</D></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE><ORGS></ORGS><EXCHANGES></EXCHANGES>
<TEXT><TITLE>NOT USED</TITLE><BODY>Topics NO.</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="4">
<TOPICS><D>no-such-topic</D></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE><ORGS></ORGS><EXCHANGES></EXCHANGES>
<TEXT><TITLE>UNMAPPED</TITLE><BODY>Dropped.</BODY></TEXT>
</REUTERS>
EOF
cat >"$D/iptc-mediatopics/cptall-en-GB.json" <<'EOF'
{"conceptSet": [
 {"qcode": "medtop:11000000", "prefLabel": {"en-GB": "politics and government"},
  "definition": {"en-GB": "Running\tof government"}},
 {"qcode": "medtop:20000638", "prefLabel": {"en-GB": "international relations"},
  "definition": {"en-GB": "Relations between nations"},
  "broader": ["http://cv.iptc.org/newscodes/mediatopic/11000000"]},
 {"qcode": "medtop:20000639", "prefLabel": {"en-GB": "diplomacy"},
  "definition": {"en-GB": "Talks between nations"},
  "broader": ["http://cv.iptc.org/newscodes/mediatopic/20000638"]},
 {"qcode": "medtop:20000999", "prefLabel": {"en-GB": "gone"}, "retired": "2020-01-01",
  "definition": {"en-GB": "A retired concept"},
  "broader": ["http://cv.iptc.org/newscodes/mediatopic/11000000"]}
]}
EOF

# CoNLL-2003: one token a line (token POS chunk NER), a blank line between sentences.
conll() { # conll SENTENCE...: a document, each sentence's tokens split at spaces
    echo "-DOCSTART- -X- -X- O"
    echo
    for sentence in "$@"; do
        for token in $sentence; do echo "$token NNP I-NP O"; done
        echo
    done
}
{
    conll "SOCCER - JAPAN WIN ." "TOKYO 1996-08-22" "Japan won 2-1 ."
    conll "Leaders meet for talks ." "No slug : no label ."
    conll "RTRS - Tennis - Muster upset ." "Muster lost ."
} >"$D/conll2003/eng.train"
{
    conll "RUGBY UNION - MULDER OUT ." "Mulder is injured ."
    conll "Boxing-Bruno quits ." "Bruno quit the ring ."
    conll "PRESS DIGEST - Ireland ." "Headlines ."
} >"$D/conll2003/eng.testa"

OUT="$TMP/all.jsonl"
"$ROOT/scripts/build-topic-data" "$D" -o "$OUT" >"$TMP/counts" 2>"$TMP/err"
status=$?
if [ $status -eq 1 ]; then pass "build-topic-data exits 1 after bad input"; else
    fail "build-topic-data exits 1 after bad input" "exit $status: $(cat "$TMP/err")"; fi

expect "every bad input is named with file, line and field" python3 - "$TMP/err" <<'EOF'
import sys
err = open(sys.argv[1]).read()
for want in ("bbc-news/sport/007.txt:1: text: invalid UTF-8 byte 0xA3",
             "bbc-news/weather/001.txt: label: 'weather' is not in scripts/topics.d/bbc.tsv",
             "first4782.jsonl:2: malformed JSON",
             "first4782.jsonl:3: headline: missing",
             "first4782.jsonl:4: label: 'NO SUCH SECTION'",
             "NEWID=4: label: 'no-such-topic'"):
    assert want in err, "%r not in stderr:\n%s" % (want, err)
EOF

expect "records: ids, text, labels with ancestors, folds" python3 - "$OUT" <<'EOF'
import json, sys
recs = {r["id"]: r for r in map(json.loads, open(sys.argv[1]))}
def labels(i): return recs[i]["labels"]
assert len([i for i in recs if i.startswith("bbc/")]) == 13, sorted(recs)
assert labels("bbc/sport/001") == ["medtop:15000000"]
assert labels("bbc/tech/001") == ["medtop:20000756", "medtop:13000000"]
assert "\u00a3" in recs["bbc/sport/007"]["text"]          # the Latin-1 byte, read as a pound
assert labels("huffpost/00001") == ["medtop:20000638", "medtop:11000000"]
assert recs["huffpost/00001"]["text"] == "Leaders meet for talks\nA summit.\n"
assert "huffpost/00002" not in recs and "huffpost/00004" not in recs
assert labels("reuters/1") == ["medtop:20000170", "medtop:04000000"]
assert labels("reuters/2") == ["medtop:20000209", "medtop:20000385", "medtop:04000000"]
assert recs["reuters/1"]["text"] == "ACME PROFIT UP\nNEW YORK, March 1 -\nNet profit rose.\n"
assert "reuters/3" not in recs and "reuters/4" not in recs     # TOPICS="NO"; nothing maps
assert labels("iptc/20000639") == ["medtop:20000638", "medtop:11000000"]  # nearest kept
assert recs["iptc/11000000"]["text"] == "Politics and government. Running of government\n"
assert "iptc/20000999" not in recs                            # retired
# CoNLL: stories whose desk slug the table lists, the slug taken off the text
assert recs["conll/eng.train/0"]["text"] == "JAPAN WIN .\nTOKYO 1996-08-22\nJapan won 2-1 .\n"
assert labels("conll/eng.train/0") == ["medtop:15000000"]
assert "conll/eng.train/1" not in recs                         # no slug
assert recs["conll/eng.train/2"]["text"].startswith("Muster upset .")  # after "RTRS - "
assert recs["conll/eng.testa/0"]["text"].startswith("MULDER OUT .")    # a two-word slug
assert recs["conll/eng.testa/1"]["text"].startswith("Bruno quits .")   # a glued one
assert "conll/eng.testa/2" not in recs                         # a slug of no subject
assert all(r["fold"] in range(5) for r in recs.values())
sport = [recs["bbc/sport/00%d" % i]["fold"] for i in range(1, 8)]
assert len(set(sport)) == 5, sport                              # stratified: 7 spread over 5
EOF

"$ROOT/scripts/build-topic-data" "$D" -o "$TMP/again.jsonl" >/dev/null 2>&1
if cmp -s "$OUT" "$TMP/again.jsonl"; then pass "build-topic-data is deterministic"; else
    fail "build-topic-data is deterministic" "two runs differ"; fi

# ---------------------------------------------------------------- topics_eval.py
expect "metrics: accuracy, macro-F1 and exact on known predictions" python3 - "$ROOT" <<'EOF'
import os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "scripts", "eval.d"))
sys.dont_write_bytecode = True
import topics_eval, topiclib
tx = topiclib.read_taxonomy(topics_eval.TAXONOMY)
ECO, IR, POL, SPORT = "medtop:04000000", "medtop:20000638", "medtop:11000000", "medtop:15000000"
recs = [{"labels": [IR, POL]}, {"labels": [SPORT]}, {"labels": [ECO]}, {"labels": [SPORT]}]
preds = [[(POL, .9), (IR, .8)],      # right top level, not the most specific topic
         [(SPORT, .7)],              # right, exact
         [("medtop:20000170", .6)],  # economy's child: right top level, not exact
         [(POL, .5)]]                # wrong
s = topics_eval.score(recs, preds, tx)
assert s.n == 4 and s.top_acc == 0.75 and s.exact_acc == 0.25, s
# F1: politics 2/(2+1+0) = 2/3, sport 2/(2+0+1) = 2/3, economy 1; mean 7/9
assert abs(s.top_f1 - 7.0 / 9) < 1e-9, s
assert topics_eval.score(recs, [[]] * 4, tx).top_acc == 0.0
EOF

expect "leads: the first 40 words of each long news article, labelled as it" \
    python3 - "$ROOT" <<'EOF'
import os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "scripts", "topics.d"))
sys.dont_write_bytecode = True
import topiclib
assert topiclib.first_words("Headline here\n\nOne two three.", 3) == "Headline here\n\nOne"
assert topiclib.first_words("short text", 4) == "short text"
long_text = "Markets fell\n" + " ".join("word%d" % i for i in range(60))
recs = [{"id": "a", "source": "bbc", "text": long_text, "labels": ["x"]},
        {"id": "b", "source": "huffpost", "text": "A short headline", "labels": ["y"]},
        {"id": "c", "source": "iptc", "text": long_text, "labels": ["z"]}]
out = topiclib.with_leads(recs)
assert out[:3] == recs and len(out) == 4, out
lead = out[3]
assert lead["id"] == "a#lead" and lead["lead"] and lead["labels"] == ["x"], lead
assert len(lead["text"].split()) == 40 and lead["text"].startswith("Markets fell\nword0"), lead
# A lead is a copy: it does not count for the stop words.
news = [{"source": s, "text": "the cat %d" % i} for s in ("bbc", "reuters") for i in range(3)]
leads = [dict(r, text="dog", lead=True) for r in news] * 5
assert topiclib.common_words(news + leads, rank=2) == ["cat", "the"]
# The stop words add the news agencies' names, which say who wrote a story, not its subject.
assert topiclib.stop_words(news) == sorted(["cat", "the"] + list(topiclib.NEWS_AGENCIES))
assert "reuters" in topiclib.NEWS_AGENCIES
EOF

expect "coarse classes: World / Sports / Business / Sci-Tech on known predictions" \
    python3 - "$ROOT" <<'EOF'
import os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "scripts", "eval.d"))
sys.dont_write_bytecode = True
import topics_eval, topiclib
tx = topiclib.read_taxonomy(topics_eval.TAXONOMY)
coarse = topics_eval.read_coarse(topics_eval.COARSE)
ECO, IR, POL, SPORT = "medtop:04000000", "medtop:20000638", "medtop:11000000", "medtop:15000000"
ARTS, TECH = "medtop:01000000", "medtop:20000756"
recs = [{"labels": [IR, POL]}, {"labels": [SPORT]}, {"labels": [ECO]}, {"labels": [SPORT]},
        {"labels": [ARTS]},         # no coarse class: not scored
        {"labels": [SPORT, ECO]}]   # two classes: not scored
preds = [[(IR, .9)],                 # World
         [(SPORT, .7)],              # Sports
         [("medtop:20000170", .6)],  # economy's child: Business
         [(ARTS, .5)],               # no class: wrong, and no false positive
         [(TECH, .5)], [(SPORT, .5)]]
n, acc, f1 = topics_eval.coarse_score(recs, preds, tx, coarse)
assert n == 4 and acc == 0.75, (n, acc)
# F1 over the gold classes: World 1, Business 1, Sports 2/(2+0+1)
assert abs(f1 - (1 + 1 + 2.0 / 3) / 3) < 1e-9, f1
EOF

EVAL="$ROOT/scripts/eval.d/topics_eval.py"
python3 "$EVAL" --data "$OUT" --systems keyword --work "$TMP/work" \
    --tagger "$ROOT/scripts/eval.d/fake_topic_train.py" >"$TMP/table" 2>"$TMP/err"
status=$?
if [ $status -eq 0 ] && grep -q "^all  *24 | " "$TMP/table" &&
    grep -q "^huffpost  *2 | " "$TMP/table" && grep -q "^reuters  *2 | " "$TMP/table" &&
    grep -q "^conll, tagged  *4 " "$TMP/table"; then
    pass "topics_eval runs 5 folds and 4 held-out sources through the train contract"
else
    fail "topics_eval runs 5 folds and 4 held-out sources through the train contract" \
        "exit $status: $(cat "$TMP/table" "$TMP/err" | head -20)"
fi
python3 "$EVAL" --data "$OUT" --systems keyword --work "$TMP/work" --folds none --default-mix \
    --tagger "$ROOT/scripts/eval.d/fake_topic_train.py" >"$TMP/table" 2>"$TMP/err"
status=$?
if [ $status -eq 0 ] && grep -q "IPTC definitions, Reuters fold 0 only" "$TMP/table" &&
    grep -q "held out  *n coarse" "$TMP/table"; then
    pass "topics_eval --default-mix says so, and gives the coarse columns"
else
    fail "topics_eval --default-mix says so, and gives the coarse columns" \
        "exit $status: $(cat "$TMP/table" "$TMP/err" | head -20)"
fi
python3 "$EVAL" --data "$OUT" --systems keyword --work "$TMP/work" --folds 0 --no-cross \
    --tagger /bin/false >"$TMP/table" 2>"$TMP/err"
status=$?
if [ $status -eq 1 ] && grep -q "^FAILED keyword:false (fold 0): keyword train: .* exited 1" \
    "$TMP/table"; then
    pass "a failing system is named and the exit status is 1"
else
    fail "a failing system is named and the exit status is 1" "exit $status: $(cat "$TMP/table")"
fi

# ---------------------------------------------------------------- the real data
if [ -d "$SHARED/iptc-mediatopics" ]; then
    "$ROOT/scripts/build-taxonomy" "$SHARED" -o "$TMP/taxonomy.tsv" 2>"$TMP/err"
    if cmp -s "$TMP/taxonomy.tsv" "$ROOT/models/taxonomy.tsv"; then
        pass "models/taxonomy.tsv is what scripts/build-taxonomy makes"
    else
        fail "models/taxonomy.tsv is what scripts/build-taxonomy makes" \
            "rerun scripts/build-taxonomy: $(cat "$TMP/err")"
    fi
    expect "the mapping tables list every label of BBC, HuffPost and Reuters" \
        python3 - "$ROOT" "$SHARED" <<'EOF'
import glob, json, os, sys
root, shared = sys.argv[1:]
sys.path.insert(0, os.path.join(root, "scripts", "topics.d"))
import topiclib
tx = topiclib.read_taxonomy(os.path.join(root, "models", "taxonomy.tsv"))
def table(name):
    return topiclib.read_mapping(os.path.join(root, "scripts", "topics.d", name + ".tsv"), tx)
bbc = {d for d in os.listdir(os.path.join(shared, "bbc-news"))
       if os.path.isdir(os.path.join(shared, "bbc-news", d))}
hp = {json.loads(l)["category"] for f in glob.glob(os.path.join(
      shared, "huffpost-news-category-partial", "*.jsonl")) for l in open(f)}
reuters = set(open(os.path.join(shared, "reuters21578",
                                "all-topics-strings.lc.txt")).read().split())
for name, labels in (("bbc", bbc), ("huffpost", hp), ("reuters", reuters)):
    missing = labels - set(table(name))
    assert not missing, "%s.tsv lacks %s" % (name, sorted(missing))
EOF
else
    skip "models/taxonomy.tsv is what scripts/build-taxonomy makes" "no ../shared/data"
    skip "the mapping tables list every label of BBC, HuffPost and Reuters" "no ../shared/data"
fi

finish
