#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks.
#
#   bash scripts/pg-cluster.sh start DIR PORT   # prints postgres://tranche@127.0.0.1:PORT/tranche
#   bash scripts/pg-cluster.sh stop DIR         # stops it and removes DIR
#
# start creates a new cluster in DIR (which must not exist, or be empty), listening only
# on 127.0.0.1:PORT and on a socket in DIR, with trust authentication for local
# connections only, fsync on (benchmarks measure durable writes) and text sorted byte by
# byte (locale C, as SQLite compares text). It creates the role `tranche` (may create
# databases, is not a superuser) and the database `tranche` it owns, waits until the
# server accepts connections and prints the URL on stdout; everything else goes to
# stderr. Run as root (CI), the cluster belongs to the `postgres` OS user, since
# PostgreSQL refuses to run as root; run as anyone else, it belongs to that user.
# A failed start removes what it made, so it can simply be run again.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
readonly PG_BIN
readonly ROLE=tranche
readonly DATABASE=tranche
readonly SUPERUSER=postgres   # the cluster's bootstrap superuser, used only to set it up

die() {
  echo "pg-cluster: $*" >&2
  exit 1
}

usage() {
  die "usage: $0 start DIR PORT | stop DIR"
}

# Runs a command as OS user $1 when this script runs as root, as the caller otherwise.
as_user() {
  local user="$1"; shift
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

cluster_running() {  # DIR OWNER
  as_user "$2" "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

start() {
  local dir="$1" port="$2" owner
  [[ "$port" =~ ^[1-9][0-9]{3,4}$ ]] && (( port >= 1024 && port <= 65535 )) ||
    die "PORT must be a number from 1024 to 65535, not '$port'"
  [[ -x "$PG_BIN/initdb" ]] || die "no PostgreSQL server in $PG_BIN (Debian: postgresql-15)"
  dir="$(realpath -m -- "$dir")"
  # DIR goes into postgresql.conf between single quotes.
  [[ "$dir" != *[\'$'\n']* ]] || die "DIR may not contain a quote or a newline"
  owner="$(id -un)"
  if [[ "$(id -u)" == "0" ]]; then
    id postgres >/dev/null 2>&1 ||
      die "running as root needs the postgres OS user (Debian: postgresql-15 creates it)"
    owner=postgres
  fi
  if [[ -f "$dir/PG_VERSION" ]] && cluster_running "$dir" "$(stat -c %U -- "$dir")"; then
    die "a cluster is already running in $dir; stop it first ($0 stop $dir)"
  fi
  if [[ -e "$dir" ]] && [[ ! -d "$dir" || ! -r "$dir" || -n "$(ls -A -- "$dir")" ]]; then
    die "$dir exists and is not an empty directory; start makes a new cluster"
  fi
  # The server's socket path must fit in sun_path (107 bytes and a NUL).
  local socket="$dir/.s.PGSQL.$port"
  (( ${#socket} <= 107 )) || die "$dir is too long a path for the server's socket ($socket)"

  mkdir -p -- "$dir"
  chmod 0700 "$dir"
  if [[ "$(id -u)" == "0" ]]; then
    chown "$owner:" "$dir"
    as_user "$owner" test -w "$dir" ||
      abandon "$dir" "$owner" "the $owner OS user cannot reach $dir (a parent directory is closed to it)"
  fi

  local out
  out="$(as_user "$owner" "$PG_BIN/initdb" -D "$dir" -U "$SUPERUSER" --encoding=UTF8 \
    --locale=C --auth-local=trust --auth-host=trust 2>&1)" ||
    abandon "$dir" "$owner" "initdb failed:"$'\n'"$out"
  # Only this machine may connect: trust is safe because nothing listens beyond the
  # loopback address and the directory's socket.
  as_user "$owner" tee "$dir/pg_hba.conf" >/dev/null <<EOF
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF
  as_user "$owner" tee -a "$dir/postgresql.conf" >/dev/null <<EOF

# scripts/pg-cluster.sh: a throwaway test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
# Durable commits, as in production: benchmarks measure durable writes.
fsync = on
synchronous_commit = on
full_page_writes = on
EOF

  as_user "$owner" "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1 ||
    abandon "$dir" "$owner" "the server did not start:"$'\n'"$(tail -n 20 "$dir/server.log" 2>&1)"
  local tries=0
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U "$SUPERUSER"; do
    (( ++tries <= 60 )) ||
      abandon "$dir" "$owner" "the server does not accept connections on 127.0.0.1:$port"
    sleep 0.5
  done
  out="$(as_user "$owner" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" \
    -U "$SUPERUSER" -d postgres 2>&1 <<EOF
CREATE ROLE $ROLE LOGIN CREATEDB;
-- Tests drop their databases WITH (FORCE), which ends an autovacuum worker busy there.
GRANT pg_signal_backend TO $ROLE;
CREATE DATABASE $DATABASE OWNER $ROLE;
EOF
  )" || abandon "$dir" "$owner" "creating the role and database failed:"$'\n'"$out"
  echo "pg-cluster: running in $dir (log: $dir/server.log)" >&2
  echo "postgres://$ROLE@127.0.0.1:$port/$DATABASE"
}

# A start that failed half-way: stop the server if it runs, remove DIR, report.
abandon() {  # DIR OWNER MESSAGE
  as_user "$2" "$PG_BIN/pg_ctl" -D "$1" -m immediate stop >/dev/null 2>&1 || true
  rm -rf -- "$1"
  die "$3"
}

stop() {
  local dir
  dir="$(realpath -m -- "$1")"
  if [[ ! -e "$dir" ]]; then
    echo "pg-cluster: no cluster in $dir; nothing to stop" >&2
    return 0
  fi
  # Removing DIR is only safe when it is a cluster.
  [[ -f "$dir/PG_VERSION" ]] || die "$dir is not a PostgreSQL cluster; not removing it"
  local owner
  owner="$(stat -c %U -- "$dir")"
  if cluster_running "$dir" "$owner"; then
    as_user "$owner" "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null ||
      die "could not stop the cluster in $dir"
  fi
  rm -rf -- "$dir"
}

case "${1:-}" in
  start) (( $# == 3 )) || usage; start "$2" "$3" ;;
  stop) (( $# == 2 )) || usage; stop "$2" ;;
  *) usage ;;
esac
