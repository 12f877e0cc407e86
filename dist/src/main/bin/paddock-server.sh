#!/usr/bin/env bash
#
# Starts a Paddock server in the foreground.
#
#   bin/paddock-server.sh [zoo.cfg]
#
# With no argument it reads conf/zoo.cfg when that file exists. It runs from the installation
# directory, so relative paths inside the config (dataDir=./data) land inside the installation;
# a relative config file given as the argument is still found from where you ran the script.
#
# Environment:
#   JAVA_HOME          the Java 17+ to run; otherwise `java` on the PATH
#   SERVER_JVMFLAGS    JVM options, as zkServer.sh takes them; ZooKeeper's system properties
#                      here are honoured, e.g. "-Xmx2g -Dzookeeper.extendedTypesEnabled=true"
#                      (a key in zoo.cfg wins over its property, as in ZooKeeper)
#   JVMFLAGS           more JVM options, after SERVER_JVMFLAGS (zkServer.sh's order)
#   PADDOCK_JVM_OPTS   more JVM options, after both, e.g. "-XX:+UseZGC"
#   JMXPORT            serve remote JMX on this port (as zkServer.sh), bound to JMXHOST
#                      (default 127.0.0.1, so it stays off the network unless you say so),
#                      with JMXAUTH and JMXSSL (default false). Unset: no remote JMX.
# conf/java.env, when present, is sourced first (as zkEnv.sh does), so it can set any of these.

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

if [ "$#" -ge 1 ] && [ "${1#/}" = "$1" ] && [ -f "$1" ]; then
  config_arg="$PWD/$1"
  shift
  set -- "$config_arg" "$@"
fi
cd "$PADDOCK_HOME"

if [ -f conf/java.env ]; then
  # shellcheck disable=SC1091
  . conf/java.env
fi

if [ -n "${JAVA_HOME:-}" ]; then
  java_cmd="$JAVA_HOME/bin/java"
else
  java_cmd="java"
fi

if [ "$#" -eq 0 ] && [ -f conf/zoo.cfg ]; then
  set -- conf/zoo.cfg
fi

logback_opt=()
if [ -f conf/logback.xml ]; then
  logback_opt=("-Dlogback.configurationFile=$PADDOCK_HOME/conf/logback.xml")
fi

jmx_opts=()
if [ -n "${JMXPORT:-}" ]; then
  jmx_opts=("-Dcom.sun.management.jmxremote.port=$JMXPORT"
    "-Dcom.sun.management.jmxremote.rmi.port=$JMXPORT"
    "-Dcom.sun.management.jmxremote.host=${JMXHOST:-127.0.0.1}"
    "-Djava.rmi.server.hostname=${JMXHOST:-127.0.0.1}"
    "-Dcom.sun.management.jmxremote.authenticate=${JMXAUTH:-false}"
    "-Dcom.sun.management.jmxremote.ssl=${JMXSSL:-false}")
fi

# The flag variables are split on whitespace on purpose: each holds several options.
# shellcheck disable=SC2086
exec "$java_cmd" ${SERVER_JVMFLAGS:-} ${JVMFLAGS:-} ${PADDOCK_JVM_OPTS:-} "${jmx_opts[@]}" "${logback_opt[@]}" \
  -cp "lib/*" io.paddock.server.Main "$@"
