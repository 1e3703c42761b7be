#!/usr/bin/env bash
# Prepares the public intent data sets for `tranche train intents` / `eval intents`:
#   scripts/intent-data.sh clinc150 datasets/intents/clinc150/train_val.json OUTDIR
#       CLINC150's JSON → OUTDIR/train.csv (train + oos_train) and OUTDIR/val.csv
#       (val + oos_val), columns text,label; out-of-scope rows are labelled "oos".
#   scripts/intent-data.sh holdout FILE.csv OUTDIR
#       a stratified held-out split of a text,<label> CSV (quoted line breaks kept):
#       per label, every 5th row in file order goes to OUTDIR/holdout.csv, the rest to
#       OUTDIR/rest.csv. Deterministic; for data sets that ship no test split here.
set -euo pipefail
cmd=${1:?usage: intent-data.sh clinc150|holdout IN OUTDIR}
in=${2:?input file}
out=${3:?output directory}
mkdir -p "$out"
case "$cmd" in
  clinc150)
    jq -r '["text","label"], (.train + .oos_train)[] | @csv' "$in" > "$out/train.csv"
    jq -r '["text","label"], (.val + .oos_val)[] | @csv' "$in" > "$out/val.csv"
    ;;
  holdout)
    # The label is the last field; texts with commas are quoted, labels never are.
    # A record continues over lines while its count of quotes is odd.
    awk -v rest="$out/rest.csv" -v held="$out/holdout.csv" '
      NR == 1 { print > rest; print > held; next }
      { rec = (open ? rec "\n" : "") $0; q += gsub(/"/, "\"", $0); open = q % 2; if (open) next
        label = rec; sub(/.*,/, "", label); n[label]++; print rec > ((n[label] % 5 == 0) ? held : rest); q = 0 }' "$in"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
