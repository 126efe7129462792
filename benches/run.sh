#!/usr/bin/env bash
# Instructions per iteration of each case of benches/serialize.rs, counted by
# callgrind (repeatable on a busy machine, unlike time), and each errcat case
# as a ratio of the hand-written baseline beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }

iterations=${ITERATIONS:-2000}
binary=$(cargo bench --bench serialize --no-run --message-format=json 2>/dev/null \
  | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n 1)

instructions() { # case iterations
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$1" "$2" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

per_iteration() { # case
  local base full
  base=$(instructions "$1" 0)
  full=$(instructions "$1" "$iterations")
  echo $(( (full - base) / iterations ))
}

printf '%-24s %12s %12s %8s\n' case errcat baseline ratio
for pair in "unit_body/errcat unit_body/serde" \
            "templated_body/errcat templated_body/serde" \
            "unit_response/errcat unit_response/bare" \
            "message/errcat message/thiserror"; do
  set -- $pair
  ours=$(per_iteration "$1")
  theirs=$(per_iteration "$2")
  ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')
  printf '%-24s %12s %12s %8s\n' "${1%/*}" "$ours" "$theirs" "$ratio"
done
