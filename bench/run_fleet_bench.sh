#!/usr/bin/env bash
# Durable throughput of a fleet: ledger entries/s and checkout flows/s on PostgreSQL with
# 1, 2 and 4 `tranche serve` nodes sharing one database, next to one node on SQLite, in
# the same run, all on this machine (loopback, one throwaway PostgreSQL cluster with
# fsync on).
#
# Usage: bench/run_fleet_bench.sh BUILD_DIR [duration_s]
#
# Each configuration starts from an empty database. The load is split evenly over the
# nodes: CONNECTIONS (32) keep-alive connections of BUILD_DIR/loadgen posting ledger
# entries (a new Idempotency-Key each, so each is a durable write), then FLOW_CLIENTS (32)
# clients of BUILD_DIR/checkout_flow_load running whole checkouts (session, authorize,
# order, capture: four durable writes; decisions by the policy rules). The numbers are
# the sums over the nodes. Rounds (RUNS, 3) run every configuration once so drift hits
# all alike; the summary is the median per configuration.
#
# Environment: RUNS, CONNECTIONS, FLOW_CLIENTS, CONFIGS (default "sqlite:1 postgres:1
# postgres:2 postgres:4"), KEEP_WORK_DIR=1 keeps the scratch directory.
set -euo pipefail

readonly ledger_entry_body='{"memo":"fleet bench","lines":[{"account":"suspense:USD","direction":"debit","amount":100},{"account":"settlement_cash:USD","direction":"credit","amount":100}]}'
readonly ready_timeout_s=60

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work_dir=""
pg_dir=""
node_pids=()

die() {
  echo "run_fleet_bench: error: $*" >&2
  exit 1
}

stop_nodes() {
  local pid
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  node_pids=()
}

cleanup() {
  stop_nodes
  [[ -n $pg_dir ]] && bash "$repo_root/scripts/pg-cluster.sh" stop "$pg_dir" >/dev/null 2>&1 || true
  [[ -n $work_dir ]] || return 0
  if [[ ${KEEP_WORK_DIR:-0} == 1 ]]; then echo "run_fleet_bench: kept $work_dir" >&2; else rm -rf "$work_dir"; fi
}

free_port() {
  local port
  for ((port = $1; port < $1 + 200; port++)); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  die "no free port from $1"
}

wait_healthy() {
  local port=$1 log=$2 deadline=$((SECONDS + ready_timeout_s))
  while ((SECONDS < deadline)); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/healthz" || true) == 200 ]] && return 0
    sleep 0.2
  done
  tail -n 20 "$log" >&2
  die "a node on port $port did not become healthy"
}

# The secret a `tranche ... create` command printed after "key ".
key_of() { sed -n 's/^key \([^ ]*\).*/\1/p' "$1" | head -1; }

# run_config NAME KIND NODES ROUND: fresh database, NODES servers, both loads.
run_config() {
  local name=$1 kind=$2 nodes=$3 round=$4 dir=$work_dir/$1-$4 db_args=()
  mkdir -p "$dir/data"
  if [[ $kind == postgres ]]; then
    local db="bench_${name//[:-]/_}_$round"
    psql -q "$pg_url" -c "CREATE DATABASE $db" >/dev/null
    db_args=(--database "${pg_url%/*}/$db")
  fi
  "$tranche" migrate --data-dir "$dir/data" "${db_args[@]}" >/dev/null
  "$tranche" operator create --name bench --data-dir "$dir/data" "${db_args[@]}" >"$dir/operator.txt"
  "$tranche" merchant create --name Bench --country US --data-dir "$dir/data" "${db_args[@]}" >"$dir/merchant.txt"
  local okey mkey i port ports=()
  okey=$(key_of "$dir/operator.txt")
  mkey=$(key_of "$dir/merchant.txt")
  for ((i = 0; i < nodes; i++)); do
    port=$(free_port $((19100 + 10 * i)))
    "$tranche" serve --data-dir "$dir/data" "${db_args[@]}" --port "$port" --access-log off --workers 32 \
      >"$dir/node$i.log" 2>&1 &
    node_pids+=("$!")
    wait_healthy "$port" "$dir/node$i.log"
    ports+=("$port")
  done
  local per_node_connections=$((connections / nodes)) per_node_clients=$((flow_clients / nodes))
  for port in "${ports[@]}"; do
    "$loadgen" --json --connections "$per_node_connections" --threads 1 --duration-s "$duration_s" --warmup-s 1 \
      --url "http://127.0.0.1:$port/v1/admin/ledger/entries" --method POST \
      --header "Authorization: Bearer $okey" --header "Content-Type: application/json" \
      --unique-idempotency-keys --body "$ledger_entry_body" >"$dir/ledger-$port.json" &
  done
  wait_loads
  for port in "${ports[@]}"; do
    "$flow_load" --json --url "http://127.0.0.1:$port" --merchant-key "$mkey" --clients "$per_node_clients" \
      --duration-s "$duration_s" --warmup-s 1 >"$dir/flows-$port.json" &
  done
  wait_loads
  stop_nodes
  python3 - "$dir" "$name" "$round" >>"$work_dir/results.jsonl" <<'PY'
import glob, json, sys
d, name, rnd = sys.argv[1:]
ledger = [json.load(open(f)) for f in glob.glob(f"{d}/ledger-*.json")]
flows = [json.load(open(f)) for f in glob.glob(f"{d}/flows-*.json")]
print(json.dumps({"config": name, "round": int(rnd),
                  "entries_per_s": round(sum(r["rps"] for r in ledger), 1),
                  "ledger_p99_us": max(r["p99_us"] for r in ledger),
                  "flows_per_s": round(sum(r["flows_per_s"] for r in flows), 1)}))
PY
  tail -1 "$work_dir/results.jsonl"
}

# Waits for the load generators started in the background (the nodes keep running).
wait_loads() {
  local pid
  for pid in $(jobs -p); do
    [[ " ${node_pids[*]} " == *" $pid "* ]] && continue
    wait "$pid" || die "a load generator failed"
  done
}

main() {
  (($# >= 1 && $# <= 2)) || die "usage: $0 BUILD_DIR [duration_s]"
  local build_dir
  build_dir=$(cd "$1" && pwd) || die "no such build directory: $1"
  duration_s=${2:-10}
  runs=${RUNS:-3}
  connections=${CONNECTIONS:-32}
  flow_clients=${FLOW_CLIENTS:-32}
  tranche=$build_dir/tranche
  loadgen=$build_dir/loadgen
  flow_load=$build_dir/checkout_flow_load
  local c
  for c in "$tranche" "$loadgen" "$flow_load"; do [[ -x $c ]] || die "$c not found: build it"; done
  read -r -a configs <<<"${CONFIGS:-sqlite:1 postgres:1 postgres:2 postgres:4}"

  work_dir=$(mktemp -d "${TMPDIR:-/tmp}/tranche-fleet-bench.XXXXXX")
  chmod 755 "$work_dir"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  pg_dir=$work_dir/pg
  pg_url=$(bash "$repo_root/scripts/pg-cluster.sh" start "$pg_dir" "$(free_port 55500)")

  local round config
  for ((round = 1; round <= runs; round++)); do
    for config in "${configs[@]}"; do
      run_config "${config/:/-}" "${config%%:*}" "${config##*:}" "$round"
    done
  done
  echo
  echo "summary: median of $runs runs, ${duration_s}s each, $connections ledger connections, $flow_clients flow clients"
  python3 - "$work_dir/results.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(f"{'config':<12} {'entries/s':>10} {'ledger p99 us':>14} {'flows/s':>8}")
for name in dict.fromkeys(r["config"] for r in rows):
    mine = [r for r in rows if r["config"] == name]
    med = lambda k: statistics.median(r[k] for r in mine)
    print(f"{name:<12} {med('entries_per_s'):>10.1f} {med('ledger_p99_us'):>14.0f} {med('flows_per_s'):>8.1f}")
PY
}

main "$@"
