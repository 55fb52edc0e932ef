# harness.sh - what the CLI test scripts share, sourced by each: a scratch
# directory ($TMP, removed on exit), the PASS/FAIL/SKIP counters and lines,
# run (the tagger with an expected exit status) and the closing summary.
# The sourcing script sets TAGGER before calling run.

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
skipped=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "     $2"; }
skip() { skipped=$((skipped + 1)); echo "SKIP $1 ($2)"; }

# run NAME EXPECTED_STATUS ARGS... : runs the tagger, output in $TMP/out, $TMP/err.
run() {
    name=$1
    want=$2
    shift 2
    "$TAGGER" "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    [ "$got" -eq "$want" ] && return 0
    fail "$name" "exit status $got, expected $want; stderr: $(head -c 300 "$TMP/err")"
    return 1
}

# The summary line; the status is 0 when nothing failed.
finish() {
    echo "$passed passed, $failed failed, $skipped skipped"
    [ "$failed" -eq 0 ]
}
