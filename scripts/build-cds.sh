#!/usr/bin/env bash
# Builds a class-data-sharing (AppCDS) archive for the hub, which roughly halves its start-up time.
# Usage: ./mvnw -DskipTests package && scripts/build-cds.sh [target-dir]
# Then start with:  java -XX:SharedArchiveFile=<target-dir>/hub.jsa -jar <target-dir>/enforcement-hub.jar
# The archive belongs to this exact jar and JDK: rebuild it after every build or JDK change.
set -euo pipefail
target=${1:-app/target/cds}
jar=app/target/enforcement-hub.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -DskipTests package"; exit 1; }
rm -rf "$target"
java -Djarmode=tools -jar "$jar" extract --destination "$target" >/dev/null
training=$(mktemp -d)
# A training run that stops once the context is refreshed: every class loaded up to then goes into the archive.
java -XX:ArchiveClassesAtExit="$target/hub.jsa" -Dspring.context.exit=onRefresh \
  -jar "$target/enforcement-hub.jar" --hub.data-dir="$training" --server.port=0 > "$training/training.log" 2>&1 \
  || { echo "training run failed; see $training/training.log"; exit 1; }
rm -rf "$training"
echo "archive: $target/hub.jsa"
echo "start:   java -XX:SharedArchiveFile=$target/hub.jsa -jar $target/enforcement-hub.jar"
