#!/usr/bin/env bash
# Measures tranche's HTTP throughput and latency next to an nginx static-file baseline, all on
# loopback, with bench/loadgen.
#
# Usage: bench/run_http_bench.sh BUILD_DIR [duration_s]
#
# Targets (BUILD_DIR/loadgen, one JSON line per run):
#   nginx_static          GET of a ~300-byte JSON file served by nginx
#   tranche_get_merchant  GET /v1/merchant with the first demo merchant's secret key
#   tranche_post_ledger   POST /v1/admin/ledger/entries with the operator key and a new
#                         Idempotency-Key per request, so each POST books a new entry
#   tranche_checkout_flow the whole checkout flow (session, authorize, order, capture: four
#                         durable writes) by BUILD_DIR/checkout_flow_load with FLOW_CLIENTS
#                         clients; reports complete flows per second as well. Decisions by
#                         the demo's credit model (trained on first start from
#                         datasets/credit/taiwan_default_train.csv)
#   tranche_checkout_flow_policy
#                         the same flow against a second server deciding by the policy
#                         rules alone (--credit-model none): the model's cost, same run
# The targets are run in rounds (all targets once, then again) so that drift on the machine
# hits every target alike. The summary shows the median per target and the ratio of
# tranche_get_merchant to nginx_static median rps.
#
# Environment: RUNS (3) rounds; CONNECTIONS (32), THREADS (2), WARMUP_S (1) for loadgen;
#              FLOW_CLIENTS (32) for checkout_flow_load; TARGETS (all) a space-separated subset;
#              KEEP_WORK_DIR=1 keeps the scratch directory (configs, logs) for inspection.
set -euo pipefail

readonly all_targets=(nginx_static tranche_get_merchant tranche_post_ledger tranche_checkout_flow
  tranche_checkout_flow_policy)
readonly ledger_entry_body='{"reason":"manual_adjustment","object_id":"bench","memo":"load test","lines":[{"account":"suspense:USD","direction":"debit","amount":100},{"account":"settlement_cash:USD","direction":"credit","amount":100}]}'
readonly ready_timeout_s=90  # the demo trains its credit model on first start
readonly stop_timeout_s=10

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work_dir=""
server_pids=()

die() {
  echo "run_http_bench: error: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 BUILD_DIR [duration_s]" >&2
  exit 2
}

# True while a process of the session is alive; a zombie only waits to be reaped.
session_alive() {
  ps -o stat= -s "$1" 2>/dev/null | awk '$1 !~ /^Z/ { alive = 1 } END { exit !alive }'
}

# Servers are started with setsid, so their pid is also their session and process group id:
# one signal to the group reaches nginx's workers too, and nothing is left behind.
stop_server() {
  local pid=$1
  kill -TERM -- "-$pid" 2>/dev/null || true
  local deadline=$((SECONDS + stop_timeout_s))
  while session_alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${server_pids[@]}"; do stop_server "$pid"; done
  [[ -n $work_dir ]] || return 0
  if [[ ${KEEP_WORK_DIR:-0} == 1 ]]; then
    echo "run_http_bench: kept $work_dir" >&2
  else
    rm -rf "$work_dir"
  fi
}

# Prints the first port from $1 on that nothing on 127.0.0.1 accepts connections on.
free_port() {
  local port
  for ((port = $1; port < $1 + 100; port++)); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free port in $1..$(($1 + 99))"
}

# Polls GET url until it answers 200; fails early if the server process has exited.
wait_healthy() {
  local name=$1 url=$2 pid=$3 log=$4 code
  local deadline=$((SECONDS + ready_timeout_s))
  while ((SECONDS < deadline)) && session_alive "$pid"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [[ $code == 200 ]] && return 0
    sleep 0.2
  done
  if session_alive "$pid"; then
    echo "run_http_bench: $name did not answer 200 on $url within ${ready_timeout_s}s; log tail:" >&2
  else
    echo "run_http_bench: $name exited before answering on $url; log tail:" >&2
  fi
  tail -n 20 "$log" >&2 || true
  exit 1
}

start_nginx() {
  local port=$1 prefix=$work_dir/nginx
  local root=$prefix/www
  mkdir -p "$root"
  printf '%s' '{"id":"mer_01HZBENCH00000000000000","object":"merchant","name":"Bench Outfitters","status":"active","currency":"USD","country":"US","support_email":"support@bench.example","statement_descriptor":"BENCH OUTFITTERS","settlement_delay_days":2,"max_order_amount":250000,"created_at":"2024-01-01T00:00:00Z","livemode":false}' \
    >"$root/merchant.json"
  sed -e "s|@PORT@|$port|g" -e "s|@ROOT@|$root|g" -e "s|@PREFIX@|$prefix|g" \
    "$repo_root/bench/nginx.conf.in" >"$prefix/nginx.conf"
  # mktemp -d makes a private directory, but when started as root nginx's workers run as
  # nobody and must be able to reach the document root.
  chmod 755 "$work_dir" "$prefix" "$root"
  chmod 644 "$root/merchant.json"
  # -e: without it nginx first opens its compiled-in /var/log/nginx/error.log.
  setsid /usr/sbin/nginx -c "$prefix/nginx.conf" -p "$prefix" -e "$prefix/error.log" \
    >"$prefix/stdout.log" 2>&1 &
  server_pids+=("$!")
  wait_healthy nginx "http://127.0.0.1:$port/healthz" "$!" "$prefix/error.log"
}

# start_tranche BUILD_DIR PORT NAME [demo options...]: a demo server in $work_dir/NAME.
start_tranche() {
  local build_dir=$1 port=$2 dir=$work_dir/$3
  shift 3
  mkdir -p "$dir/data"
  setsid "$build_dir/tranche" demo --data-dir "$dir/data" --port "$port" --access-log off \
    --credit-training-data "$repo_root/datasets/credit/taiwan_default_train.csv" \
    --keys-file "$dir/keys.json" "$@" >"$dir/server.log" 2>&1 &
  server_pids+=("$!")
  wait_healthy tranche "http://127.0.0.1:$port/healthz" "$!" "$dir/server.log"
  [[ -s $dir/keys.json ]] || die "tranche is up but did not write $dir/keys.json"
  grep -o 'credit decisions: [a-z]*[^"]*' "$dir/server.log" | head -1 >&2 || true
}

# Prints one key from the keys file written by `tranche demo --keys-file`.
read_key() {
  local keys_file=$1 which=$2
  python3 - "$keys_file" "$which" <<'EOF'
import json
import sys

keys = json.load(open(sys.argv[1]))
print(keys["operator_key"] if sys.argv[2] == "operator" else keys["merchant_keys"][0]["secret_key"])
EOF
}

# Runs a load generator command once for target $1, prints its JSON line and appends it to
# the results.
record_run() {
  local name=$1 round=$2 line
  shift 2
  if ! line=$("$@"); then
    die "no successful run against $name${line:+: $line}"
  fi
  printf '%-22s %d/%d %s\n' "$name" "$round" "$runs" "$line"
  echo "$line" >>"$work_dir/results/$name.jsonl"
}

# Runs loadgen once against target $1 with the given extra arguments.
run_target() {
  local name=$1 round=$2
  shift 2
  record_run "$name" "$round" "$loadgen" --json --connections "$connections" --threads "$threads" \
    --duration-s "$duration_s" --warmup-s "$warmup_s" "$@"
}

wants() {
  [[ " ${targets[*]} " == *" $1 "* ]]
}

summarize() {
  echo
  echo "summary: median of $runs runs, $connections connections, $threads threads, ${duration_s}s each"
  python3 - "$work_dir/results" "${targets[@]}" <<'EOF'
import json
import statistics
import sys

results_dir, names = sys.argv[1], sys.argv[2:]
median_rps = {}
print(f"{'target':<22} {'median_rps':>12} {'median_p99_us':>14} {'median_flows_per_s':>19}")
for name in names:
    with open(f"{results_dir}/{name}.jsonl") as lines:
        runs = [json.loads(line) for line in lines]
    median_rps[name] = statistics.median(run["rps"] for run in runs)
    median_p99_us = statistics.median(run["p99_us"] for run in runs)
    flows = ""
    if "flows_per_s" in runs[0]:
        flows = f"{statistics.median(run['flows_per_s'] for run in runs):.1f}"
    print(f"{name:<22} {median_rps[name]:>12.1f} {median_p99_us:>14.0f} {flows:>19}")
if "tranche_get_merchant" in median_rps and "nginx_static" in median_rps:
    ratio = median_rps["tranche_get_merchant"] / median_rps["nginx_static"]
    print(f"tranche_get_merchant / nginx_static median rps: {ratio:.3f}")
EOF
}

main() {
  (($# >= 1 && $# <= 2)) || usage
  local build_dir
  build_dir=$(cd "$1" && pwd) || die "no such build directory: $1"
  duration_s=${2:-10}
  runs=${RUNS:-3}
  connections=${CONNECTIONS:-32}
  threads=${THREADS:-2}
  warmup_s=${WARMUP_S:-1}
  loadgen=$build_dir/loadgen
  flow_load=$build_dir/checkout_flow_load
  flow_clients=${FLOW_CLIENTS:-32}
  read -r -a targets <<<"${TARGETS:-${all_targets[*]}}"
  local t
  for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || die "unknown target $t (known: ${all_targets[*]})"
  done
  [[ $duration_s =~ ^[0-9]+([.][0-9]+)?$ ]] || die "duration_s must be a number of seconds"
  [[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
  [[ -x $loadgen ]] || die "$loadgen not found: build the loadgen target"
  [[ -x $flow_load ]] || die "$flow_load not found: build the checkout_flow_load target"
  [[ -x $build_dir/tranche ]] || die "$build_dir/tranche not found: build the tranche target"

  (cd "$repo_root" && TRANCHE_WITH_BENCH_DEPS=1 scripts/install-deps.sh)

  work_dir=$(mktemp -d "${TMPDIR:-/tmp}/tranche-http-bench.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  mkdir "$work_dir/results"

  local nginx_port tranche_port
  nginx_port=$(free_port 18080)
  tranche_port=$(free_port $((nginx_port + 1)))
  start_nginx "$nginx_port"
  start_tranche "$build_dir" "$tranche_port" tranche
  local policy_port policy_url="" policy_key=""
  if wants tranche_checkout_flow_policy; then
    policy_port=$(free_port $((tranche_port + 1)))
    start_tranche "$build_dir" "$policy_port" tranche-policy --credit-model none
    policy_url=http://127.0.0.1:$policy_port
    policy_key=$(read_key "$work_dir/tranche-policy/keys.json" merchant)
  fi

  local merchant_key operator_key round
  merchant_key=$(read_key "$work_dir/tranche/keys.json" merchant)
  operator_key=$(read_key "$work_dir/tranche/keys.json" operator)
  local tranche_url=http://127.0.0.1:$tranche_port
  for ((round = 1; round <= runs; round++)); do
    if wants nginx_static; then
      run_target nginx_static "$round" --url "http://127.0.0.1:$nginx_port/merchant.json"
    fi
    if wants tranche_get_merchant; then
      run_target tranche_get_merchant "$round" --url "$tranche_url/v1/merchant" \
        --header "Authorization: Bearer $merchant_key"
    fi
    if wants tranche_post_ledger; then
      run_target tranche_post_ledger "$round" --url "$tranche_url/v1/admin/ledger/entries" \
        --method POST --header "Authorization: Bearer $operator_key" \
        --header "Content-Type: application/json" --unique-idempotency-keys \
        --body "$ledger_entry_body"
    fi
    if wants tranche_checkout_flow; then
      record_run tranche_checkout_flow "$round" "$flow_load" --json --clients "$flow_clients" \
        --duration-s "$duration_s" --warmup-s "$warmup_s" --url "$tranche_url" \
        --merchant-key "$merchant_key"
    fi
    if wants tranche_checkout_flow_policy; then
      record_run tranche_checkout_flow_policy "$round" "$flow_load" --json --clients "$flow_clients" \
        --duration-s "$duration_s" --warmup-s "$warmup_s" --url "$policy_url" \
        --merchant-key "$policy_key"
    fi
  done
  summarize
}

main "$@"
