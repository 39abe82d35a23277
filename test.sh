#!/usr/bin/env bash
# Moment's whole test suite: unit, API (on SQLite and on PostgreSQL), command line and browser tests.
# Installs what it needs when missing (Debian's postgresql, redis-server, chromium, dovecot-imapd and swaks), starts a
# PostgreSQL cluster and a Redis server of its own on 127.0.0.1 for the run, and prints as its last line
# "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
[ -x /usr/bin/swaks ] || missing+=(swaks)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# What this run started, stopped again when it ends (and only that).
stop_on_exit=()
trap 'for stop in "${stop_on_exit[@]}"; do eval "$stop" || true; done' EXIT

# PostgreSQL: a cluster called "moment" on port 55432, created once and reused; stopped again only if this run started it.
if [ -z "${MOMENT_TEST_POSTGRES:-}" ]; then
  pg_port=55432
  pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version moment"; then
    as_root pg_createcluster "$pg_version" moment -p "$pg_port" >/dev/null
  fi
  if ! pg_lsclusters -h | awk '$2=="moment"{print $4}' | grep -qx online; then
    as_root pg_ctlcluster "$pg_version" moment start
    stop_on_exit+=('as_root pg_ctlcluster "$pg_version" moment stop')
  fi
  pg_isready -h 127.0.0.1 -p "$pg_port" -t 60 >/dev/null
  # pg_signal_backend: dropping a test database WITH (FORCE) must be able to end an autovacuum worker that is in it.
  as_root runuser -u postgres -- psql -p "$pg_port" -v ON_ERROR_STOP=1 -q -c \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'moment') THEN CREATE ROLE moment LOGIN CREATEDB PASSWORD 'moment'; END IF; END\$\$;" \
    -c "GRANT pg_signal_backend TO moment;"
  export MOMENT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=moment;Password=moment;Database=postgres"
fi

# Redis (the scale-out tests: two instances share it): a server on port 56379, reused when one already answers there;
# stopped again only if this run started it. No persistence: the tests' channels and groups live only for the run.
if [ -z "${MOMENT_TEST_REDIS:-}" ]; then
  redis_port=56379
  if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
    redis_dir=$(mktemp -d)
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$redis_dir" \
      --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
    stop_on_exit+=("redis-cli -h 127.0.0.1 -p $redis_port shutdown nosave >/dev/null; rm -rf '$redis_dir'")
    for _ in $(seq 1 100); do
      redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
  fi
  export MOMENT_TEST_REDIS="127.0.0.1:$redis_port"
fi

log=$(mktemp)
# The apps under test write the errors they log here (tests/TestSupport/ServerErrorLog.cs); shown below when a test failed.
if [ -z "${MOMENT_TEST_LOGS:-}" ]; then
  MOMENT_TEST_LOGS=$(mktemp -d)
  stop_on_exit+=("rm -rf '$MOMENT_TEST_LOGS'")
fi
export MOMENT_TEST_LOGS
set +e
dotnet test --solution Moment.slnx 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The summary dotnet test prints (total/failed/succeeded/skipped) is not the line CI reads; say it plainly.
summary() { awk -v key="$1" '$1 == key":" { value = $2 } END { print value + 0 }' "$log"; }
passed=$(summary succeeded)
failed=$(summary failed)
skipped=$(summary skipped)
# Which tests failed and why, printed last so that a CI page showing only the tail of the output still names them.
failures=$(awk '/^[[:space:]]*failed [A-Z]/ { n = 30 } n > 0 { print; n-- }' "$log" | cut -c1-400)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the runner failed before any test could: count that as a failure, not as a green run.
  failed=1
fi
if [ "$failed" -ne 0 ] && compgen -G "$MOMENT_TEST_LOGS/*.log" >/dev/null; then
  echo "Errors the apps under test logged (the last 200 lines of each test process's):"
  for errors in "$MOMENT_TEST_LOGS"/*.log; do
    echo "== $(basename "$errors")"
    tail -n 200 "$errors"
  done
fi
if [ -n "$failures" ]; then
  echo "The tests that failed (the first 30 lines of each report):"
  echo "$failures"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
