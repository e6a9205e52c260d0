#!/usr/bin/env bash
# Measures the hub's time from JVM launch to ready (/actuator/health/readiness answers UP) and its resident
# memory (RSS) right after, then after a short warm-up of licence verifications. Usage:
#   ./mvnw -DskipTests package && scripts/measure-startup.sh [runs] [extra JVM options...]
# HUB_BENCH_JAR picks another jar, e.g. the extracted one of scripts/build-cds.sh:
#   HUB_BENCH_JAR=app/target/cds/enforcement-hub.jar scripts/measure-startup.sh 3 -XX:SharedArchiveFile=app/target/cds/hub.jsa
# Each run starts from an empty data directory. Prints one line per run and writes nothing else.
set -euo pipefail
runs=${1:-3}; shift || true
jar=${HUB_BENCH_JAR:-app/target/enforcement-hub.jar}
port=${HUB_BENCH_PORT:-18080}
[ -f "$jar" ] || { echo "build first: ./mvnw -DskipTests package"; exit 1; }
body='{"licenceId":"1.2.156.3005.2.11100000000013338W011.11441500007178421P.SW2024000001.001.Z","purpose":{"matterCode":"330217001000"}}'
echo "cores=$(nproc) java=$(java -version 2>&1 | head -n 1 | tr -d '\"') opts='$*'"
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  java "$@" -jar "$jar" --server.port="$port" --hub.data-dir="$data" > "$data/console.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "hub died; see $data/console.log"; exit 1; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss_ready=$(( $(ps -o rss= -p "$pid") / 1024 ))
  for _ in $(seq 1 50); do
    HUB_URL="http://127.0.0.1:$port" scripts/hub-curl.sh POST /api/v1/licences/verifications "$body" >/dev/null
  done
  rss_warm=$(( $(ps -o rss= -p "$pid") / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "run=$run ready_ms=$ready_ms rss_ready_mb=$rss_ready rss_after_50_calls_mb=$rss_warm"
done
