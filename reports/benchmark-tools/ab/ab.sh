#!/bin/bash
# Two builds of the bench side by side, alternating A B B A … so that a machine that drifts during the session weighs
# on both alike, each run on a fresh SQLite file or a fresh PostgreSQL database; prints every run and, per build, the
# median, the lowest and the highest end-to-end time, so that a change is only called a gain when it stands out from
# the spread of the same build. Eleventh session, reports/benchmark.md.
#
# Usage: reports/benchmark-tools/ab/ab.sh [-n SIZE] [-r ROUNDS] [-e sqlite|postgresql] [-o "JVM OPTIONS"] JAR_A JAR_B
#   SIZE 100000 by default, ROUNDS 2 (each round runs both builds once; an even number keeps the order balanced, as
#   the first build of a round goes first in odd rounds), engine sqlite. Every run gets -Xmx512m, then -o's options
#   (given to both builds), then AB_OPTS_A or AB_OPTS_B (for options that differ: pass the same jar twice and set
#   these). PostgreSQL: 127.0.0.1:5432, user postgres without a password (this machine's trust authentication); the
#   databases are created and dropped here. Variables such as BOOKKEEPER_JOBS_THREADS set in the calling shell reach
#   both builds alike.
set -euo pipefail
SIZE=100000 ROUNDS=2 ENGINE=sqlite OPTS=""
while getopts "n:r:e:o:" flag; do
    case $flag in
        n) SIZE=$OPTARG ;;
        r) ROUNDS=$OPTARG ;;
        e) ENGINE=$OPTARG ;;
        o) OPTS=$OPTARG ;;
        *) echo "usage: $0 [-n SIZE] [-r ROUNDS] [-e sqlite|postgresql] [-o \"JVM OPTIONS\"] JAR_A JAR_B" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if ! [[ $SIZE =~ ^[1-9][0-9]*$ && $ROUNDS =~ ^[1-9][0-9]*$ ]]; then
    echo "SIZE and ROUNDS must be positive whole numbers, not '$SIZE' and '$ROUNDS'" >&2
    exit 2
fi
if [ $# -ne 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
    echo "usage: $0 [-n SIZE] [-r ROUNDS] [-e sqlite|postgresql] [-o \"JVM OPTIONS\"] JAR_A JAR_B (two jar files)" >&2
    exit 2
fi
case $ENGINE in sqlite|postgresql) ;; *) echo "engine must be sqlite or postgresql, not $ENGINE" >&2; exit 2 ;; esac
JAR_A=$(realpath "$1") JAR_B=$(realpath "$2")
WORK=$(mktemp -d)
DB=bookkeeper_ab_$$
export PGOPTIONS="-c client_min_messages=warning"
cleanup() {
    rm -rf "$WORK"
    if [ "$ENGINE" = postgresql ] && ! psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; then
        echo "warning: could not drop database $DB; drop it by hand" >&2
    fi
}
trap cleanup EXIT

run() { # LABEL JAR EXTRA_OPTS
    local url user=""
    if [ "$ENGINE" = sqlite ]; then
        rm -f "$WORK"/ab.db*
        url=jdbc:sqlite:$WORK/ab.db
    else
        psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
        url=jdbc:postgresql://127.0.0.1:5432/$DB user=postgres
    fi
    sync; sleep 2
    # shellcheck disable=SC2086 # the options are words on purpose (split, but not expanded as file names: set -f)
    (set -f; cd "$WORK" && BOOKKEEPER_DB_URL=$url BOOKKEEPER_DB_USER=$user \
        java -Xmx512m $OPTS $3 -jar "$2" bench --size "$SIZE" --workers 2 > "$WORK/out.txt" 2>&1) || {
        echo "build $1 failed; its output:" >&2; cat "$WORK/out.txt" >&2; exit 1; }
    local e2e cpu
    e2e=$(awk '/^end to end/ {print $5}' "$WORK/out.txt")
    cpu=$(sed -n 's/^CPU time of this JVM during the run: \([0-9.]*\) s.*/\1/p' "$WORK/out.txt")
    [ -n "$e2e" ] || { echo "build $1 printed no end-to-end line; its output:" >&2; cat "$WORK/out.txt" >&2; exit 1; }
    # the bench exits with 1 when the counts do not add up, caught above; this guards builds that did not
    grep -q 'counts add up: yes' "$WORK/out.txt" || { echo "build $1: counts do not add up" >&2; cat "$WORK/out.txt" >&2; exit 1; }
    printf '%s\t%s\t%s\n' "$1" "$e2e" "${cpu:-n/a}" | tee -a "$WORK/results.tsv" \
        | awk -F'\t' '{printf "%s  end to end %8.2f s   JVM CPU %s\n", $1, $2, ($3 == "n/a" ? "n/a (not printed by this build)" : sprintf("%8.2f s", $3))}'
}

echo "$ENGINE, $SIZE transactions, $ROUNDS rounds; A = $JAR_A ${AB_OPTS_A:-}, B = $JAR_B ${AB_OPTS_B:-}; both: -Xmx512m $OPTS"
for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then
        run A "$JAR_A" "${AB_OPTS_A:-}"; run B "$JAR_B" "${AB_OPTS_B:-}"
    else
        run B "$JAR_B" "${AB_OPTS_B:-}"; run A "$JAR_A" "${AB_OPTS_A:-}"
    fi
done
for build in A B; do
    awk -F'\t' -v b="$build" '$1 == b {print $2}' "$WORK/results.tsv" | sort -n | awk -v b="$build" '
        {v[NR] = $1}
        END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
             printf "%s: median %.2f s, lowest %.2f s, highest %.2f s over %d runs\n", b, m, v[1], v[NR], NR}'
done
