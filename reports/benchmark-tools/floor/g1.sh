#!/bin/bash
# Gate G1 of docs/adr/0001-storage-for-bulk-throughput.md: the product's seven rows per transaction (floor_*.sql)
# against ADR 0001's two rows (g1_*.sql; variants a to e, listed in g1_sqlite.sql's header), each on a fresh copy of
# one database the product migrated, in turns, ROUNDS times, on SQLite and then on PostgreSQL (127.0.0.1:5432, user
# postgres, trust authentication; the databases are made and dropped here). Prints seconds per statement (BEGIN and
# COMMIT included) and their sum.
# Usage: reports/benchmark-tools/floor/g1.sh [N] [ROUNDS] [sqlite|postgresql|both]
#   (from the repository root, after ./mvnw -B -q package -DskipTests)
set -euo pipefail
N=${1:-200000}
ROUNDS=${2:-3}
ENGINES=${3:-both}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-target/ai-bookkeeper.jar}
WORK=$(mktemp -d)
export PGOPTIONS="-c client_min_messages=warning"
PSQL=(psql -h 127.0.0.1 -U postgres -X -w)
cleanup() {
    rm -rf "$WORK"
    "${PSQL[@]}" -qc "DROP DATABASE IF EXISTS bookkeeper_g1_run" -c "DROP DATABASE IF EXISTS bookkeeper_g1_base" >/dev/null 2>&1 || true
}
trap cleanup EXIT
sum() { awk '{s += $1} END {printf "%.2f", s}'; }
# a variant the file does not have would run the tables' setup alone and print a misleading sum
has() { grep -q "^-- @$2@" "$1" || { echo "no variant $2 in $1" >&2; exit 1; }; }
# A variant's statements: the tables (everything before the first marker), then the variant's part (from its marker
# to the next one); variants c, d and e are setup only, followed by b's part.
block() { awk -v keep="$2" '/^-- @[a-z]@/ { on = ($2 == "@" keep "@"); next } on { print }' "$1"; }
compose() {
    awk '/^-- @[a-z]@/ { exit } { print }' "$1"
    block "$1" "$2"
    case "$2" in a | b) ;; *) block "$1" b ;; esac
}

if [ "$ENGINES" != postgresql ]; then
    BOOKKEEPER_DB_URL=jdbc:sqlite:$WORK/base.db java -jar "$JAR" bench --size 3000 --workers 1 >/dev/null
    q() { sqlite3 "$WORK/base.db" "$1"; }
    C=$(q "SELECT hex(id) FROM company ORDER BY id LIMIT 1")
    BANK=$(q "SELECT hex(id) FROM account WHERE company_id = X'$C' AND code = '1000'")
    EXP=$(q "SELECT hex(id) FROM account WHERE company_id = X'$C' AND code = '6000'")
    BATCH=$(q "SELECT hex(id) FROM import_batch WHERE company_id = X'$C' LIMIT 1")
    [ -n "$C" ] && [ -n "$BANK" ] && [ -n "$EXP" ] && [ -n "$BATCH" ] || { echo "no company, accounts or import in the database" >&2; exit 1; }
    q "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    subst() { sed -e "s/@C@/$C/g" -e "s/@BANK@/$BANK/g" -e "s/@EXP@/$EXP/g" -e "s/@BATCH@/$BATCH/g" -e "s/@N@/$N/g" "$1"; }
    variant() { has "$HERE/g1_sqlite.sql" "$1"; compose "$HERE/g1_sqlite.sql" "$1" | subst /dev/stdin; }
    run() {
        cp "$WORK/base.db" "$WORK/f.db"
        rm -f "$WORK/f.db-wal" "$WORK/f.db-shm"
        local times
        times=$(sqlite3 -bail "$WORK/f.db" | grep -o "real [0-9.]*" | awk '{print $2}')
        printf '%-44s %s  sum %s\n' "$1" "$(echo $times)" "$(echo "$times" | sum)"
    }
    echo "SQLite, $N transactions, seconds per statement (COMMIT included) and their sum:"
    for r in $(seq "$ROUNDS"); do
        subst "$HERE/floor_sqlite.sql" | run "product, seven rows"
        variant a | run "ADR 0001 (a): import, then book and update"
        variant b | run "ADR 0001 (b): book, then insert the lines"
        variant c | run "ADR 0001 (c): (b) without secondary indexes"
        variant d | run "ADR 0001 (d): (c) without foreign-key checks"
    done
fi

[ "$ENGINES" = sqlite ] && exit 0
"${PSQL[@]}" -qc "DROP DATABASE IF EXISTS bookkeeper_g1_base" -c "CREATE DATABASE bookkeeper_g1_base"
BOOKKEEPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/bookkeeper_g1_base BOOKKEEPER_DB_USER=postgres \
    java -jar "$JAR" bench --size 3000 --workers 1 >/dev/null
p() { "${PSQL[@]}" -d bookkeeper_g1_base -Atc "$1"; }
C=$(p "SELECT id FROM company ORDER BY id LIMIT 1")
BANK=$(p "SELECT id FROM account WHERE company_id = '$C' AND code = '1000'")
EXP=$(p "SELECT id FROM account WHERE company_id = '$C' AND code = '6000'")
BATCH=$(p "SELECT id FROM import_batch WHERE company_id = '$C' LIMIT 1")
[ -n "$C" ] && [ -n "$BANK" ] && [ -n "$EXP" ] && [ -n "$BATCH" ] || { echo "no company, accounts or import in the PostgreSQL database" >&2; exit 1; }
pg_variant() { has "$HERE/g1_postgresql.sql" "$1"; compose "$HERE/g1_postgresql.sql" "$1"; }
pg_run() {
    # a template must have no other session: a server with autovacuum on may need a retry here
    "${PSQL[@]}" -qc "DROP DATABASE IF EXISTS bookkeeper_g1_run" -c "CREATE DATABASE bookkeeper_g1_run TEMPLATE bookkeeper_g1_base"
    local times
    times=$("${PSQL[@]}" -d bookkeeper_g1_run -v ON_ERROR_STOP=1 -v c="$C" -v bank="$BANK" -v exp="$EXP" -v batch="$BATCH" -v n="$N" -f - \
        | grep -o "^Time: [0-9.]* ms" | awk '{printf "%.3f\n", $2 / 1000}')
    printf '%-44s %s  sum %s\n' "$1" "$(echo $times)" "$(echo "$times" | sum)"
}
echo "PostgreSQL, $N transactions, one backend, seconds per statement (BEGIN and COMMIT included) and their sum:"
for r in $(seq "$ROUNDS"); do
    pg_run "product, seven rows" < "$HERE/floor_postgresql.sql"
    pg_variant a | pg_run "ADR 0001 (a): import, then book and update"
    pg_variant b | pg_run "ADR 0001 (b): book, then insert the lines"
    pg_variant c | pg_run "ADR 0001 (c): (b) without secondary indexes"
    pg_variant d | pg_run "ADR 0001 (d): (c) without foreign-key checks"
    pg_variant e | pg_run "ADR 0001 (e): (b), checks once per statement"
done
