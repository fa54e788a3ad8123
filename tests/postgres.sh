#!/usr/bin/env bash
# Sourced by tests/run.sh (and by TestCommandPostgresTests): start_test_postgres creates a private PostgreSQL cluster in
# a temporary folder, starts it on a free port of 127.0.0.1 and exports its superuser connection string as
# CLOSUREBOT_TEST_POSTGRES (pg_root is its folder). It is stopped and removed however the sourcing script ends.
start_test_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  pg_root="$(mktemp -d /tmp/closurebot-pg-XXXXXX)"
  pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    # initdb and pg_ctl refuse to run as root; the data folder must belong to the user the server runs as.
    chown postgres:postgres "$pg_root"
    as_pg=(runuser -u postgres --)
  fi
  stop_postgres() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_root/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$pg_root"
  }
  trap stop_postgres EXIT
  # The EXIT trap does not run when the script is killed outright (SIGKILL), and the server, which leaves the script's
  # process group when it starts, outlives it: a watcher in a session of its own stops it once the script is gone.
  setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; "${@:2}" -D "$0/data" -m fast stop >/dev/null 2>&1; rm -rf "$0"' \
    "$pg_root" "$$" "${as_pg[@]}" "$pg_bin/pg_ctl" </dev/null >/dev/null 2>&1 &
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_root/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_root -c max_connections=300 -c fsync=off" start >/dev/null
  export CLOSUREBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
}
