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
#   PADDOCK_JVM_OPTS   extra JVM options, e.g. "-Xmx2g -XX:+UseZGC"

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

# The shell logs warnings only, so its output stays readable.
logback_opt=()
if [ -f "$PADDOCK_HOME/conf/logback-cli.xml" ]; then
  logback_opt=("-Dlogback.configurationFile=$PADDOCK_HOME/conf/logback-cli.xml")
fi

# PADDOCK_JVM_OPTS is split on whitespace on purpose: it holds several options.
# shellcheck disable=SC2086
exec "$java_cmd" ${PADDOCK_JVM_OPTS:-} "${logback_opt[@]}" -cp "$PADDOCK_HOME/lib/*" io.paddock.client.cli.PaddockShell "$@"
