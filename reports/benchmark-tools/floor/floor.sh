#!/bin/bash
# The schema's floor: what writing N transactions' rows costs inside the database engine alone (no Java, no JDBC),
# on SQLite and on PostgreSQL, plus a lean alternative schema on both for comparison (reports/benchmark.md).
# Usage: reports/benchmark-tools/floor/floor.sh [N]   (from the repository root, after ./mvnw -B -q package -DskipTests)
# PG_BEFORE=file.sql applies an experiment's schema change to the PostgreSQL database before its floor is measured.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning" # the DROP … IF EXISTS notices; errors still stop the script
N=${1:-200000}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-target/ai-bookkeeper.jar}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS bookkeeper_floor" >/dev/null 2>&1 || true' EXIT

# a migrated database with one simulated company in it, made by the product itself
BOOKKEEPER_DB_URL=jdbc:sqlite:$WORK/floor.db java -jar "$JAR" bench --size 3000 --workers 1 >/dev/null
q() { sqlite3 "$WORK/floor.db" "$1"; }
C=$(q "SELECT hex(id) FROM company ORDER BY id LIMIT 1")
BANK=$(q "SELECT hex(id) FROM account WHERE company_id = X'$C' AND code = '1000'")
EXP=$(q "SELECT hex(id) FROM account WHERE company_id = X'$C' AND code = '6000'")
BATCH=$(q "SELECT hex(id) FROM import_batch WHERE company_id = X'$C' LIMIT 1")
[ -n "$C" ] && [ -n "$BANK" ] && [ -n "$EXP" ] && [ -n "$BATCH" ] || { echo "no company, accounts or import in the SQLite database" >&2; exit 1; }
echo "SQLite, $N transactions (seconds per statement; the last is COMMIT):"
sed -e "s/@C@/$C/g" -e "s/@BANK@/$BANK/g" -e "s/@EXP@/$EXP/g" -e "s/@BATCH@/$BATCH/g" -e "s/@N@/$N/g" \
    "$HERE/floor_sqlite.sql" | sqlite3 -bail "$WORK/floor.db" | grep -o "real [0-9.]*"
echo "SQLite, a lean schema (as lean_postgresql.sql below), $N transactions:"
sed -e "s/@N@/$N/g" "$HERE/lean_sqlite.sql" | sqlite3 -bail "$WORK/floor.db" | grep -o "real [0-9.]*"

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS bookkeeper_floor" -c "CREATE DATABASE bookkeeper_floor"
BOOKKEEPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/bookkeeper_floor BOOKKEEPER_DB_USER=postgres \
    java -jar "$JAR" bench --size 3000 --workers 1 >/dev/null
p() { psql -h 127.0.0.1 -U postgres -d bookkeeper_floor -Atc "$1"; }
C=$(p "SELECT id FROM company ORDER BY id LIMIT 1")
BANK=$(p "SELECT id FROM account WHERE company_id = '$C' AND code = '1000'")
EXP=$(p "SELECT id FROM account WHERE company_id = '$C' AND code = '6000'")
BATCH=$(p "SELECT id FROM import_batch WHERE company_id = '$C' LIMIT 1")
[ -n "$C" ] && [ -n "$BANK" ] && [ -n "$EXP" ] && [ -n "$BATCH" ] || { echo "no company, accounts or import in the PostgreSQL database" >&2; exit 1; }
if [ -n "${PG_BEFORE:-}" ]; then
    # an experiment's schema change, applied to the migrated database before the floor is measured
    psql -h 127.0.0.1 -U postgres -d bookkeeper_floor -q -v ON_ERROR_STOP=1 -f "$PG_BEFORE" >/dev/null
    echo "(after $PG_BEFORE)"
fi
echo "PostgreSQL, $N transactions (milliseconds per statement; the last is COMMIT):"
psql -h 127.0.0.1 -U postgres -d bookkeeper_floor -v ON_ERROR_STOP=1 -v c="$C" -v bank="$BANK" -v exp="$EXP" -v batch="$BATCH" -v n="$N" \
    -f "$HERE/floor_postgresql.sql" | grep -o "^Time: [0-9.]* ms"
echo "PostgreSQL, a lean schema (integer keys; entry, two lines and one bank row with its proposal and match state):"
psql -h 127.0.0.1 -U postgres -d bookkeeper_floor -v ON_ERROR_STOP=1 -v n="$N" -f "$HERE/lean_postgresql.sql" | grep -o "^Time: [0-9.]* ms"
echo "PostgreSQL, the same lean schema with the lines' references checked once per statement instead of by foreign keys:"
psql -h 127.0.0.1 -U postgres -d bookkeeper_floor -v ON_ERROR_STOP=1 -v n="$N" -v statement_checks=1 \
    -f "$HERE/lean_postgresql.sql" \
    | grep -o "^Time: [0-9.]* ms"
