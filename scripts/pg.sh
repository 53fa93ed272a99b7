# Sourced by scripts/test.sh: a PostgreSQL server of the test run's own, in a temporary folder,
# on its own port, so it never touches a cluster the machine already has.
# pg_start sets PG_URL; pg_stop stops the server and removes its folder.

PG_PORT=${PG_PORT:-54329}

pg_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_DIR=$(mktemp -d /tmp/anjuman-pg.XXXXXX)
    chmod 755 "$PG_DIR"
    local run=()
    # PostgreSQL refuses to run as root: use the postgres account apt created.
    [ "$(id -u)" = 0 ] && run=(runuser -u postgres --) && chown postgres "$PG_DIR"
    "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U anjuman --auth=trust -E UTF8 >/dev/null
    "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o \
        "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    PG_BIN=$bin
    PG_RUN=("${run[@]}")
    PG_URL="postgres://anjuman@127.0.0.1:$PG_PORT/anjuman"
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U anjuman anjuman
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on port $PG_PORT"
}

pg_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=
}
