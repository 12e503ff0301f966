#!/usr/bin/env bash
# A cohort on a Slurm cluster: a job array of N tasks, each analysing one shard of the manifest into its own store,
# then a job that merges them into OUT/cohort.sqlite once every task has ended. Logs in OUT/logs/.
#   installer/slurm/submit-cohort.sh --tasks N --out OUT --model M.pt --manifest MANIFEST.csv [--wait]
#                                    [-- execg-cli cohort run options, e.g. --method integrated-gradients]
# Extra sbatch options (partition, account, time) go in the SBATCH_* environment variables sbatch reads, e.g.
# SBATCH_PARTITION=cpu SBATCH_TIMELIMIT=02:00:00. Report on the result with
#   execg-cli cohort report --db OUT/cohort.sqlite --out OUT/report
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tasks="" out="" model="" manifest="" wait=()
while (($#)); do
  case "$1" in
    --tasks) tasks=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    --manifest) manifest=$2; shift 2 ;;
    --wait) wait=(--wait); shift ;;
    --) shift; break ;;
    *) echo "submit-cohort: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ "$tasks" =~ ^[1-9][0-9]*$ && -n "$out" && -n "$model" && -n "$manifest" ]] ||
  { echo "usage: $0 --tasks N --out OUT --model M.pt --manifest MANIFEST.csv [--wait] [-- cohort run options]" >&2; exit 2; }
mkdir -p "$out/logs"
# Absolute paths: the tasks may start in another working directory on another node.
out=$(cd "$out" && pwd)
model=$(cd "$(dirname "$model")" && pwd)/$(basename "$model")
manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")
array=$(sbatch --parsable --array=0-$((tasks - 1)) --output="$out/logs/task-%a.log" \
  "$here/cohort-array.sbatch" "$out" "$model" "$manifest" "$@")
array=${array%%;*}
echo "submit-cohort: array job $array ($tasks tasks)"
merge=$(sbatch --parsable "${wait[@]}" --dependency=afterany:"$array" --output="$out/logs/merge.log" \
  "$here/cohort-merge.sbatch" "$out" "$tasks")
echo "submit-cohort: merge job ${merge%%;*} → $out/cohort.sqlite"
