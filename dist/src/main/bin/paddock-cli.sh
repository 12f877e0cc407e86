#!/usr/bin/env bash
#
# Starts paddock-cli, the zkCli replacement (see README, "The shell").
#
#   bin/paddock-cli.sh [-server host:port[,host:port...][/chroot]] [-timeout ms] [--json]
#                      [-history file|none] [cmd args...]
#
# With a command it runs it and exits 0 on success, 1 when the server refused it, 2 on bad
# usage and 3 when it cannot connect; without one it opens the interactive shell.
#
# Environment:
#   JAVA_HOME          the Java 17+ to run; otherwise `java` on the PATH
#   PADDOCK_CONF_DIR   where java.env and logback-cli.xml are looked for first (default conf/)
#   PADDOCK_JVM_OPTS   extra JVM options, e.g. "-Xmx2g -XX:+UseZGC"

set -euo pipefail

# Resolve symlinks, so the script works when linked from /usr/local/bin.
PADDOCK_BIN="$(dirname "$(readlink -f "${BASH_SOURCE[0]}" 2>/dev/null || printf '%s' "${BASH_SOURCE[0]}")")"
# shellcheck source=paddock-env.sh
. "$PADDOCK_BIN/paddock-env.sh"

paddock_exec_tool io.paddock.client.cli.PaddockShell "$@"
