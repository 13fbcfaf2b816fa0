#!/bin/sh
# Import benchmark: generate a Joomla 3.10 database with ARTICLES articles
# and IMAGES image files on the MariaDB of CONGTIN_TEST_MYSQL, then time
# `congtin import joomla` into a fresh SQLite data folder (or the
# PostgreSQL of BENCH_DATABASE) and report its wall time and peak memory
# (maximum resident set size). A second run (nothing changed) follows.
#
#   WORK=/tmp/ib bench/import/run.sh           keep the generated site in /tmp/ib
#   WORK=/tmp/ib REUSE=1 bench/import/run.sh   ... and import it again without generating
#   CPUPROFILE=/tmp/cpu.out bench/import/run.sh   CPU profile of the first run
#                                              (go tool pprof -top /tmp/ib/congtin /tmp/cpu.out)
set -eu
cd "$(dirname "$0")/../.."
: "${CONGTIN_TEST_MYSQL:=root@tcp(127.0.0.1:3306)/test}"
ARTICLES=${ARTICLES:-100000}
IMAGES=${IMAGES:-10000}
DBNAME=${DBNAME:-congtin_bench_import}
if [ -n "${WORK:-}" ]; then
	mkdir -p "$WORK"
else
	WORK=$(mktemp -d)
	trap 'rm -rf "$WORK"' EXIT
fi

if [ -n "${REUSE:-}" ] && [ -d "$WORK/site" ]; then
	echo "reusing $DBNAME and $WORK/site"
else
	echo "generating $ARTICLES articles and $IMAGES images into $DBNAME ..."
	start=$(date +%s)
	rm -rf "$WORK/site"
	CONGTIN_TEST_MYSQL=$CONGTIN_TEST_MYSQL CONGTIN_BENCH_DB=$DBNAME CONGTIN_BENCH_ROOT=$WORK/site \
	CONGTIN_BENCH_ARTICLES=$ARTICLES CONGTIN_BENCH_IMAGES=$IMAGES \
		go test -count=1 -timeout 30m -run '^TestGenerateBenchSite$' ./internal/joomla >/dev/null
	echo "generated in $(( $(date +%s) - start ))s"
fi

go build -o "$WORK/congtin" ./cmd/congtin
dsn=$(printf '%s' "$CONGTIN_TEST_MYSQL" | sed "s#/[^/]*\$#/$DBNAME#")
rm -rf "$WORK/data"
dest="--data $WORK/data"
if [ -n "${BENCH_DATABASE:-}" ]; then dest="--database $BENCH_DATABASE"; fi

for run in first second; do
	prof=""
	if [ "$run" = first ] && [ -n "${CPUPROFILE:-}" ]; then prof="--cpuprofile $CPUPROFILE"; fi
	/usr/bin/time -f "$run run: %e s wall, %M KB peak RSS, %U s user, %S s system" "$WORK/congtin" import joomla \
		--dsn "$dsn" --images "$WORK/site" $dest $prof >"$WORK/report-$run.txt" 2>"$WORK/progress-$run.txt" || {
		cat "$WORK/progress-$run.txt"; exit 1; }
	tail -n 1 "$WORK/progress-$run.txt"
	sed -n '1,12p' "$WORK/report-$run.txt"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: compare runs made back to back)"
if [ -z "${KEEP:-}" ]; then
	mysql_user=$(printf '%s' "$CONGTIN_TEST_MYSQL" | sed 's/@.*//')
	echo "drop the source with: mysql -u${mysql_user%%:*} -h127.0.0.1 -e 'DROP DATABASE $DBNAME'"
fi
