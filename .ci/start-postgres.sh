#!/usr/bin/env bash
# Starts a local PostgreSQL for the storage test suite and prints the variable that points the
# suite at it:  eval "$(.ci/start-postgres.sh)"
# Diagnostics go to stderr so stdout carries only the export line.
set -euo pipefail

role=toneline
password=toneline
database=toneline_test
port="${TONELINE_PG_PORT:-5432}"

log() { echo "start-postgres: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing PostgreSQL from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    log "creating cluster $version/main"
    pg_createcluster "$version" main --port "$port" >&2
fi

status="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}')"
if [ "$status" != "online" ]; then
    log "starting cluster $version/main"
    pg_ctlcluster "$version" main start >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"

for _ in $(seq 1 30); do
    if su postgres -c "psql -h 127.0.0.1 -p $port -d postgres -tAc 'select 1'" >/dev/null 2>&1 ||
       su postgres -c "psql -p $port -d postgres -tAc 'select 1'" >/dev/null 2>&1; then
        break
    fi
    sleep 1
done

psql_admin() { su postgres -c "psql -p $port -d postgres -v ON_ERROR_STOP=1 -tAc \"$1\""; }

if [ "$(psql_admin "select 1 from pg_roles where rolname = '$role'")" != "1" ]; then
    log "creating role $role"
    psql_admin "create role $role login password '$password'" >&2
fi
if [ "$(psql_admin "select 1 from pg_database where datname = '$database'")" != "1" ]; then
    log "creating database $database"
    psql_admin "create database $database owner $role" >&2
fi

echo "export TONELINE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Database=$database;Username=$role;Password=$password'"
