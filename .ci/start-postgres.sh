#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for policeplan's `postgres` tests.
#
# Run as root on Debian 12 (CI or a developer container):
#
#     eval "$(.ci/start-postgres.sh)"      # exports POLICEPLAN_TEST_POSTGRES_URL
#     .venv/bin/pytest -m postgres tests/records tests/delivery
#
# It installs the Debian `postgresql` package when it is missing, starts the default cluster
# listening on 127.0.0.1, creates a test role and database, and prints an `export` line.
# Everything it prints on stdout is shell; progress goes to stderr. Safe to run twice.
set -euo pipefail

ROLE="${POLICEPLAN_TEST_PG_ROLE:-policeplan_test}"
PASSWORD="${POLICEPLAN_TEST_PG_PASSWORD:-policeplan_test}"
DATABASE="${POLICEPLAN_TEST_PG_DATABASE:-policeplan_test}"
PORT="${POLICEPLAN_TEST_PG_PORT:-5432}"

say() { echo "start-postgres: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
    say "must run as root (it installs packages and starts a server)"
    exit 1
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    say "installing postgresql from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
CLUSTER=main
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
    say "creating cluster $VERSION/$CLUSTER"
    pg_createcluster -p "$PORT" "$VERSION" "$CLUSTER" >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
    say "starting cluster $VERSION/$CLUSTER on 127.0.0.1:$PORT"
    pg_ctlcluster "$VERSION" "$CLUSTER" start -- -o "-c listen_addresses=127.0.0.1" >&2 \
        || pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 30); do
    if su postgres -c "psql -p $PORT -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
    sleep 1
done

psql_admin() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qAt $*"; }

if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname='$ROLE'\"")" != "1" ]; then
    say "creating role $ROLE"
    psql_admin "-c \"create role $ROLE login password '$PASSWORD'\""
fi
if [ "$(psql_admin "-c \"select 1 from pg_database where datname='$DATABASE'\"")" != "1" ]; then
    say "creating database $DATABASE"
    psql_admin "-c \"create database $DATABASE owner $ROLE\""
fi

URL="postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
export POLICEPLAN_TEST_POSTGRES_URL="$URL"
if [ -n "${GITHUB_ENV:-}" ]; then
    echo "POLICEPLAN_TEST_POSTGRES_URL=$URL" >> "$GITHUB_ENV"
fi
say "ready: $URL"
echo "export POLICEPLAN_TEST_POSTGRES_URL='$URL'"
