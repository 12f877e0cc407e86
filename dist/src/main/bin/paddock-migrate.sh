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
#   PADDOCK_CONF_DIR   where java.env and logback-cli.xml are looked for first (default conf/)
#   PADDOCK_JVM_OPTS   extra JVM options, e.g. "-Xmx8g" for a large tree

set -euo pipefail

# Resolve symlinks, so the script works when linked from /usr/local/bin.
PADDOCK_BIN="$(dirname "$(readlink -f "${BASH_SOURCE[0]}" 2>/dev/null || printf '%s' "${BASH_SOURCE[0]}")")"
# shellcheck source=paddock-env.sh
. "$PADDOCK_BIN/paddock-env.sh"

paddock_exec_tool io.paddock.server.migrate.MigrateTool "$@"
