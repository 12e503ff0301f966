#!/bin/bash
# Are af-cinc2017's confident "AF" calls on records labelled "other rhythm" the model's errors or the labels'?
# Evidence for issue 28, read from the TRAINING split only (the validation split is scored, never relabelled):
#   1. af-cinc2017 predicts every training record; per block of 500 record numbers, the share labelled AF and
#      other rhythm, and how many "other rhythm" records the model calls AF (and the same for the validation
#      split, counted but not changed);
#   2. the RR intervals of the records the model and the label disagree on, against records where they agree
#      (RR irregularity = RMSSD / mean RR as `execg-cli measure` gives it, and the share of successive RR
#      differences above 50 ms): irregularly irregular RR is what AF looks like to a cardiologist's first glance;
#   3. OUT_DIR/confident-af-disagreements.txt: the training records where the model and the label disagree about
#      AF at p > 0.8 (labelled AF and called otherwise, or called AF and labelled otherwise), for
#      `execg-train --exclude` (docs/demo-models.md: training without them).
# The figures in docs/demo-models.md ("What the labels say") come from this script.
#   docs/scripts/cinc2017-label-check.sh BUILD_DIR CINC2017_DIR OUT_DIR [BLOCK_FIRST=5500 BLOCK_LAST=6499]
set -euo pipefail
build=$1 data=$2 out=$3 first=${4:-5500} last=${5:-6499}
here=$(cd "$(dirname "$0")/../.." && pwd)
cli=$build/app/cli/execg-cli
model=$here/resources/models/af-cinc2017.pt
split=$here/resources/models/af-cinc2017.validation.txt
mkdir -p "$out"
grep -v '^#' "$split" | cut -d, -f1 | sort > "$out/validation-ids.txt"
sort -t, -k1,1 "$data/REFERENCE.csv" | join -t, -v1 - "$out/validation-ids.txt" > "$out/training.csv"
for part in training validation; do
    [ -f "$out/$part-predictions.json" ] && continue
    if [ $part = training ]; then cut -d, -f1 "$out/training.csv"; else cat "$out/validation-ids.txt"; fi \
        | sed "s|^|$data/|; s|$|.hea|" > "$out/$part-files.txt"
    # shellcheck disable=SC2046  # one call: the model loads once for every record
    "$cli" predict --model "$model" --json $(cat "$out/$part-files.txt") > "$out/$part-predictions.json.part"
    mv "$out/$part-predictions.json.part" "$out/$part-predictions.json"
done
python3 - "$out" "$data" "$split" "$cli" "$first" "$last" <<'PY'
import json, os, statistics, subprocess, sys
out, data, split, cli, first, last = sys.argv[1:5] + [int(a) for a in sys.argv[5:7]]
classes = ["N", "A", "O", "~"]
labels = dict(l.strip().split(",") for l in open(os.path.join(data, "REFERENCE.csv")) if l.strip())

def predictions(part):
    rows = {}
    for r in json.load(open(os.path.join(out, f"{part}-predictions.json")))["results"]:
        rid = os.path.basename(r["file"])[:-4]
        p = [o["value"] for o in r["outputs"]]
        top = max(range(4), key=p.__getitem__)
        rows[rid] = (classes[top], p[1], p[top])
    return rows

def blocks(part, rows):
    print(f"\n{part} split: per block of 500 record numbers")
    print("  records      n  labelled AF  labelled other  other called AF")
    for lo in range(0, 9000, 500):
        ids = [i for i in rows if lo <= int(i[1:]) < lo + 500]
        if not ids:
            continue
        a = sum(labels[i] == "A" for i in ids)
        o = [i for i in ids if labels[i] == "O"]
        oa = sum(rows[i][0] == "A" for i in o)
        mark = "  <" if lo >= first and lo + 499 <= last else ""
        print(f"  A{lo:05d}-A{lo + 499:05d} {len(ids):4d}  {a:4d} ({100 * a / len(ids):4.1f} %)"
              f"  {len(o):4d} ({100 * len(o) / len(ids):4.1f} %)  {oa:4d} ({100 * oa / max(len(o), 1):4.1f} %){mark}")

def rr(rid):
    m = json.loads(subprocess.run([cli, "measure", os.path.join(data, rid + ".hea"), "--json"],
                                  capture_output=True, text=True, check=True).stdout)
    t = [b["time_s"] for b in m["beats"]]
    intervals = [b - a for a, b in zip(t, t[1:])]
    steps = [abs(b - a) for a, b in zip(intervals, intervals[1:])]
    if len(steps) < 4:
        return None
    return m["rhythm"]["rr_irregularity"], sum(s > 0.05 for s in steps) / len(steps)

train = predictions("training")
doubtful = sorted(i for i in train if train[i][2] > 0.8 and train[i][0] != labels[i] and "A" in (train[i][0], labels[i]))
with open(os.path.join(out, "confident-af-disagreements.txt"), "w") as f:
    f.write("# training records where af-cinc2017 and the label disagree about AF at p > 0.8: ID,label,called\n")
    f.writelines(f"{i},{labels[i]},{train[i][0]}\n" for i in doubtful)
print(f"{len(doubtful)} training records where the model and the label disagree about AF at p > 0.8 "
      f"(confident-af-disagreements.txt)")
blocks("training", train)
blocks("validation", predictions("validation"))
inside = lambda i: first <= int(i[1:]) <= last
groups = [
    (f"labelled other, called AF at p > 0.8, A{first:05d}-A{last:05d}",
     lambda i: inside(i) and labels[i] == "O" and train[i][0] == "A" and train[i][1] > 0.8),
    ("labelled other, called AF at p > 0.8, elsewhere",
     lambda i: not inside(i) and labels[i] == "O" and train[i][0] == "A" and train[i][1] > 0.8),
    (f"labelled other, called other, A{first:05d}-A{last:05d}", lambda i: inside(i) and labels[i] == "O" and train[i][0] == "O"),
    ("labelled other, called other, elsewhere", lambda i: not inside(i) and labels[i] == "O" and train[i][0] == "O"),
    ("labelled AF, called AF", lambda i: labels[i] == "A" and train[i][0] == "A"),
    ("labelled normal, called normal", lambda i: labels[i] == "N" and train[i][0] == "N"),
]
print("\ntraining split: RR of each group (at most 40 records, the first by number)")
print(f"  {'group':58s}  n  RR irregularity  |dRR| > 50 ms   (medians)")
for name, keep in groups:
    ids = sorted(i for i in train if keep(i))[:40]
    values = [v for v in map(rr, ids) if v]
    if values:
        print(f"  {name:58s} {len(values):2d}  {statistics.median(v[0] for v in values):15.3f}"
              f"  {statistics.median(v[1] for v in values):12.2f}")
PY
