#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the integration tests, in a temporary folder on a free
# localhost port (ARCHITECTURE.md "Data", PACKAGES.md "Outside NuGet").
#
#   eval "$(eng/postgres.sh start)"   installs PostgreSQL 15 if it is missing (apt-get, as root),
#                                     starts a server and prints two export lines:
#                                     QUANT_TEST_DB (the connection string) and QUANT_PG_DIR
#   eng/postgres.sh env [DIR]         prints the connection string of the server in DIR
#   eng/postgres.sh restart [DIR [S]] stops the server in DIR (fast: every session is cut, as a
#                                     crash or a failover looks to clients), keeps it down for S
#                                     seconds (default 0) and starts it again on the same port
#   eng/postgres.sh stop [DIR]        stops the server in DIR and removes DIR
#
# DIR defaults to $QUANT_PG_DIR. Progress goes to stderr so that stdout is only the exports.
# The server trusts local connections: it holds test data only and listens on 127.0.0.1 and a
# socket inside DIR, never on a public address.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
database=quant_test
marker=quant-postgres   # only folders holding this file are ever removed by `stop`

say() { echo "postgres.sh: $*" >&2; }

# Runs a PostgreSQL program as the postgres user when we are root (the server refuses to run
# as root), as ourselves otherwise.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install_postgres() {
    if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then
        return
    fi
    if [ "$(id -u)" -ne 0 ]; then
        say "PostgreSQL 15 is not installed ($bin/initdb is missing); install it with: sudo apt-get install -y postgresql"
        exit 1
    fi
    say "installing PostgreSQL 15 (apt-get)"
    # A fresh machine has no package lists; the server package starts no cluster we use.
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    if [ ! -x "$bin/initdb" ]; then
        say "apt-get installed PostgreSQL, but not version 15 at $bin"
        exit 1
    fi
}

# Starts the server in DIR on PORT: localhost only, its socket inside DIR.
start_server() {
    as_owner "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 \
        -o "-p $2 -k $1/socket -c listen_addresses=127.0.0.1" start >/dev/null 2>&1
}

connection_string() {
    echo "Host=127.0.0.1;Port=$(cat "$1/port");Username=postgres;Database=$database"
}

start() {
    install_postgres
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/quant-pg.XXXXXX")
    touch "$dir/$marker"
    mkdir "$dir/socket"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres:postgres "$dir"
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { say "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }

    # A port that looks free can be taken before the server binds it, so try a few.
    local port started=""
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 40000))
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            continue
        fi
        if start_server "$dir" "$port"; then
            started=yes
            break
        fi
    done
    if [ -z "$started" ]; then
        say "the server did not start; its log:"
        cat "$dir/server.log" >&2 || true
        exit 1
    fi
    echo "$port" >"$dir/port"

    as_owner "$bin/createdb" -h "$dir/socket" -p "$port" -U postgres "$database"
    say "PostgreSQL 15 on 127.0.0.1:$port, data in $dir"
    echo "export QUANT_TEST_DB='$(connection_string "$dir")'"
    echo "export QUANT_PG_DIR='$dir'"
}

# The folder named on the command line or by QUANT_PG_DIR, if it is one this script made.
server_dir() {
    local dir="${1:-${QUANT_PG_DIR:-}}"
    if [ -z "$dir" ]; then
        say "no server folder: pass it or set QUANT_PG_DIR (printed by start)"
        exit 1
    fi
    if [ ! -f "$dir/$marker" ]; then
        say "$dir was not made by this script; leaving it alone"
        exit 1
    fi
    echo "$dir"
}

restart() {
    local dir down="${2:-0}"
    dir=$(server_dir "${1:-}")
    if ! [[ "$down" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
        say "restart: '$down' is not a number of seconds"
        exit 2
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 \
        || { say "the server in $dir did not stop; its log:"; cat "$dir/server.log" >&2 || true; exit 1; }
    sleep "$down"
    start_server "$dir" "$(cat "$dir/port")" \
        || { say "the server in $dir did not start again; its log:"; cat "$dir/server.log" >&2 || true; exit 1; }
    say "restarted the server in $dir after $down s down"
}

stop() {
    local dir
    dir=$(server_dir "${1:-}")
    if [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    say "stopped and removed $dir"
}

case "${1:-}" in
    start) start ;;
    restart) restart "${2:-}" "${3:-0}" ;;
    stop) stop "${2:-}" ;;
    env) connection_string "$(server_dir "${2:-}")" ;;
    *)
        echo "usage: $0 start | restart [DIR [SECONDS_DOWN]] | stop [DIR] | env [DIR]" >&2
        exit 2
        ;;
esac
