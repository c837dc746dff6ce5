#!/bin/bash
# Journal entries and their lines written into the product's own tables from Java over JDBC, one connection, nothing
# else running (RowCost.java): JDBC batches against one statement per table and transaction, and SQLite with parts
# of the schema removed, to see what each part costs. Tenth session, reports/benchmark.md.
# Usage, from the repository root after ./mvnw -B -q package -DskipTests: reports/benchmark-tools/rowcost/rowcost.sh [ENTRIES]
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
N=${1:-200000}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-target/ai-bookkeeper.jar}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS bookkeeper_rowcost_run" -c "DROP DATABASE IF EXISTS bookkeeper_rowcost" >/dev/null 2>&1 || true' EXIT

# the drivers the application itself ships
unzip -q -j -o "$JAR" 'BOOT-INF/lib/sqlite-jdbc-*.jar' 'BOOT-INF/lib/postgresql-*.jar' 'BOOT-INF/lib/slf4j-api-*.jar' -d "$WORK/lib"
CP=$(ls "$WORK"/lib/*.jar | tr '\n' ':')

# migrated databases with one small simulated company, made by the product itself
BOOKKEEPER_DB_URL=jdbc:sqlite:$WORK/base.db java -jar "$JAR" bench --size 1000 --workers 1 >/dev/null
sqlite3 "$WORK/base.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS bookkeeper_rowcost" -c "CREATE DATABASE bookkeeper_rowcost"
BOOKKEEPER_DB_URL=jdbc:postgresql://127.0.0.1:5432/bookkeeper_rowcost BOOKKEEPER_DB_USER=postgres \
    java -jar "$JAR" bench --size 1000 --workers 1 >/dev/null

sqlite() { # MODE LABEL [SQL applied first]
    rm -f "$WORK"/run.db*; cp "$WORK/base.db" "$WORK/run.db"
    if [ -n "${3:-}" ]; then sqlite3 "$WORK/run.db" "$3" >/dev/null; fi
    sync; sleep 2
    echo -n "$2: "; java -cp "$CP" "$HERE/RowCost.java" "$1" "jdbc:sqlite:$WORK/run.db" "$N" 2>&1 | { grep -v SLF4J || true; }
}
postgres() { # MODE
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS bookkeeper_rowcost_run" \
        -c "CREATE DATABASE bookkeeper_rowcost_run TEMPLATE bookkeeper_rowcost"
    sync; sleep 2
    java -cp "$CP" "$HERE/RowCost.java" "$1" "jdbc:postgresql://127.0.0.1:5432/bookkeeper_rowcost_run" "$N" 2>&1 | { grep -v SLF4J || true; }
}
for round in 1 2; do
    echo "round $round"
    sqlite batch "as built, JDBC batches"
    sqlite json "as built, json_each statements"
    sqlite batch "without the ledger's three secondary indexes" \
        "DROP INDEX ix_line_account; DROP INDEX ix_entry_date; DROP INDEX ix_entry_status_date;"
    sqlite batch "without the posted-entry guard on new lines" "DROP TRIGGER tr_line_insert_posted;"
    sqlite batch "8 KiB pages" "PRAGMA journal_mode=DELETE; PRAGMA page_size=8192; VACUUM; PRAGMA journal_mode=WAL;"
    sqlite batch "16 KiB pages" "PRAGMA journal_mode=DELETE; PRAGMA page_size=16384; VACUUM; PRAGMA journal_mode=WAL;"
    postgres batch
    postgres unnest
done
