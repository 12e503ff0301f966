#!/usr/bin/env bash
# A throw-away single-node Slurm on this machine, for tests and trying the cohort templates: munged, slurmctld and
# slurmd from Debian's slurm-wlm and munge, every file under one folder, ports of its own, nothing in /etc touched.
#   installer/slurm/local-slurm.sh start DIR   prints the SLURM_CONF to export; exit 77 when Slurm cannot start here
#   installer/slurm/local-slurm.sh stop DIR
# ProctrackType=proctrack/linuxproc and TaskPlugin=task/none need no cgroups, so it runs in a container, as root or
# as a user.
set -euo pipefail
cmd=${1:-}; dir=${2:-}
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

stop() {
  for pidfile in "$dir"/slurmd.pid "$dir"/slurmctld.pid "$dir"/munged.pid; do
    [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 1
  for pidfile in "$dir"/slurmd.pid "$dir"/slurmctld.pid "$dir"/munged.pid; do
    [[ -f "$pidfile" ]] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

if [[ "$cmd" == stop ]]; then stop; exit 0; fi
[[ "$cmd" == start ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

for tool in munged slurmctld slurmd sbatch squeue sinfo; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null ||
    { echo "local-slurm: $tool not found (Debian packages slurm-wlm and munge)" >&2; exit 77; }
done
export PATH=$PATH:/usr/sbin
mkdir -p "$dir"/state "$dir"/spool "$dir"/munge
chmod 700 "$dir"/munge
dir=$(cd "$dir" && pwd)
user=$(id -un)
node=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)

# Free ports: two in a range the kernel does not hand out for outgoing connections.
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
ctldPort=$(port); slurmdPort=$(port)

# munge: its own key, socket and files.
dd if=/dev/urandom of="$dir"/munge/munge.key bs=1024 count=1 status=none
chmod 600 "$dir"/munge/munge.key
munged --key-file="$dir"/munge/munge.key --socket="$dir"/munge/munge.socket --pid-file="$dir"/munged.pid \
  --log-file="$dir"/munged.log --seed-file="$dir"/munge/munge.seed --force 2>>"$dir"/munged.log ||
  { echo "local-slurm: munged did not start (see $dir/munged.log)" >&2; exit 77; }

cat > "$dir"/slurm.conf <<CONF
ClusterName=execgtest
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$ctldPort
SlurmdPort=$slurmdPort
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$dir/slurm.conf
slurmctld -f "$SLURM_CONF" -i 2>>"$dir"/slurmctld.log || { echo "local-slurm: slurmctld did not start (see $dir/slurmctld.log)" >&2; stop; exit 77; }
slurmd -f "$SLURM_CONF" -N "$node" 2>>"$dir"/slurmd.log || { echo "local-slurm: slurmd did not start (see $dir/slurmd.log)" >&2; stop; exit 77; }
for _ in $(seq 60); do
  if sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 1
done
echo "local-slurm: the node did not come up in 60 s (see $dir/slurmctld.log, $dir/slurmd.log)" >&2
stop
exit 77
