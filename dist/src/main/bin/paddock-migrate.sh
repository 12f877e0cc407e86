#!/usr/bin/env bash
#
# Moves state between Apache ZooKeeper and Paddock data directories.
#
#   bin/paddock-migrate.sh import ZK_DATA_DIR [--log-dir ZK_DATA_LOG_DIR] [--to PADDOCK_DIR]
#   bin/paddock-migrate.sh verify [zookeeper:|paddock:]DIR_A [zookeeper:|paddock:]DIR_B
#   bin/paddock-migrate.sh export PADDOCK_DATA_DIR ZK_DATA_DIR [--compression none|gz|snappy]
#
# Source directories are only read. Stop the server that owns a directory before importing
# from it or exporting it. Exit status: 0 done (verify: identical), 1 a difference, corruption
# or I/O failure, 2 bad arguments. See docs/migration.md.
#
# Environment:
#   JAVA_HOME          the Java 17+ to run; otherwise `java` on the PATH
#   PADDOCK_JVM_OPTS   extra JVM options, e.g. "-Xmx8g" for a large tree

set -euo pipefail

# Resolve symlinks, so the script works when linked from /usr/local/bin.
source_path="${BASH_SOURCE[0]}"
while [ -L "$source_path" ]; do
  link_dir="$(cd -P "$(dirname "$source_path")" && pwd)"
  source_path="$(readlink "$source_path")"
  case "$source_path" in
    /*) ;;
    *) source_path="$link_dir/$source_path" ;;
  esac
done
PADDOCK_HOME="$(cd -P "$(dirname "$source_path")/.." && pwd)"

if [ -n "${JAVA_HOME:-}" ]; then
  java_cmd="$JAVA_HOME/bin/java"
else
  java_cmd="java"
fi

# Warnings only on the terminal: the tool prints its own report.
logback_opt=()
if [ -f "$PADDOCK_HOME/conf/logback-cli.xml" ]; then
  logback_opt=("-Dlogback.configurationFile=$PADDOCK_HOME/conf/logback-cli.xml")
fi

# PADDOCK_JVM_OPTS is split on whitespace on purpose: it holds several options.
# shellcheck disable=SC2086
exec "$java_cmd" ${PADDOCK_JVM_OPTS:-} "${logback_opt[@]}" -cp "$PADDOCK_HOME/lib/*" io.paddock.server.migrate.MigrateTool "$@"
