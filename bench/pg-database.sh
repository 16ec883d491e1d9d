# pg-database.sh: sourced by the benchmarks. pg_database NAME BUILD_DIR
# makes a new database on the server build-aux/with-postgres started (it
# sets AFTERCARE_TEST_PG, PGHOST, PGPORT), set up as a clinic's: the set-up
# script, a desk's role in the group aftercare_desk, Aftercare's tables made
# by aftercare_owner. Prints the address a front desk signs in with.
pg_psql=${AFTERCARE_TEST_PG_BINDIR:+$AFTERCARE_TEST_PG_BINDIR/}psql
pg_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The superuser's address on database NAME.
pg_admin () { echo "postgresql://aftercare_admin@/$1?host=$PGHOST&port=$PGPORT"; }

pg_database () {
  local name=$1 build=$2
  "$pg_psql" -X -q "$AFTERCARE_TEST_PG" -c "CREATE DATABASE $name" >&2
  "$pg_psql" -X -q -v ON_ERROR_STOP=1 -d "$(pg_admin "$name")" -f "$pg_top/data/aftercare-pg-setup.sql" >/dev/null 2>&1
  "$pg_psql" -X -q -d "$(pg_admin "$name")" -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aftercare_bench_desk')
    THEN CREATE ROLE aftercare_bench_desk LOGIN IN ROLE aftercare_desk; END IF; END \$\$" >&2
  "$build/src/aftercare" --db "postgresql://aftercare_owner@/$name?host=$PGHOST&port=$PGPORT" \
    --prepare-database >/dev/null
  echo "postgresql://aftercare_bench_desk@/$name?host=$PGHOST&port=$PGPORT"
}
