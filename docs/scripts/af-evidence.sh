#!/bin/bash
# Where af-cinc2017 finds atrial fibrillation: for every AF record of its validation split, the share of each
# method's evidence (target: atrial fibrillation) in the P waves, QRS complexes, T waves and TP baselines that the
# record's own delineation finds; then the parametric counterfactual (AF probability to 0.1) on the first N of them,
# and what it moved. The figures in docs/demo-models.md come from this script.
#   docs/scripts/af-evidence.sh BUILD_DIR CINC2017_DIR OUT_DIR [COUNTERFACTUALS=10]
set -euo pipefail
build=$1 data=$2 out=$3 cfs=${4:-10}
here=$(cd "$(dirname "$0")/../.." && pwd)
cli=$build/app/cli/execg-cli
model=$here/resources/models/af-cinc2017.pt
mkdir -p "$out"
grep ',A$' "$here/resources/models/af-cinc2017.validation.txt" | cut -d, -f1 > "$out/af-records.txt"
while read -r id; do
    [ -f "$out/$id/summary.json" ] || "$cli" explain --model "$model" --target "atrial fibrillation" \
        --method integrated-gradients --method grad-cam:layer=layer4 --method saliency \
        "$data/$id.hea" --out "$out/$id" > /dev/null
done < "$out/af-records.txt"
head -n "$cfs" "$out/af-records.txt" | while read -r id; do
    [ -f "$out/cf-$id/summary.json" ] || "$cli" explain --model "$model" --target "atrial fibrillation" \
        --method cf-parametric --cf-target 0.1 "$data/$id.hea" --out "$out/cf-$id" > "$out/cf-$id.txt"
done
python3 - "$out" <<'PY'
import json, statistics, sys, os
out = sys.argv[1]
ids = [l.strip() for l in open(os.path.join(out, "af-records.txt")) if l.strip()]
waves = ["p", "pr", "qrs", "st", "t", "tp"]
shares, called = {}, 0
for i in ids:
    d = json.load(open(os.path.join(out, i, "summary.json")))
    called += max(d["prediction"], key=lambda o: o["value"])["label"] == "atrial fibrillation"
    for m in d["methods"]:
        s = m["summary"]
        row = {w: s["wave_share"].get(w, 0.0) for w in waves}
        row["unassigned"] = s.get("unassigned_share", 0.0)
        shares.setdefault(m["method"], []).append(row)
print(f"{len(ids)} validation AF records, {called} predicted AF")
print("median share of |evidence| (interquartile range)")
print("method                " + "".join(f"{w:>18}" for w in waves + ["unassigned"]))
for method, rows in shares.items():
    cells = []
    for w in waves + ["unassigned"]:
        v = sorted(r[w] for r in rows)
        q = statistics.quantiles(v, n=4)
        cells.append(f"{statistics.median(v):.2f} ({q[0]:.2f}-{q[2]:.2f})".rjust(18))
    print(f"{method:22s}" + "".join(cells))
PY
echo
echo "parametric counterfactual, AF probability to 0.1, first $cfs records: reached? | what moved | the beat model's fit"
for f in "$out"/cf-*.txt; do
    echo "  $(basename "$f" .txt | cut -c4-): $(grep -E 'reached' "$f" | sed 's/  */ /g;s/.*reached/reached/') | $(grep -E 'RR irregularity|P amplitude|PR ' "$f" | sed 's/^ *//' | tr '\n' ';') | $(grep -o 'explains [0-9]* %' "$f")"
done
