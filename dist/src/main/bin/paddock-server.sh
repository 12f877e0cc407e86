#!/usr/bin/env bash
#
# Runs a Paddock server, as ZooKeeper's zkServer.sh does.
#
#   bin/paddock-server.sh start [zoo.cfg]             in the background; waits until it answers
#   bin/paddock-server.sh start-foreground [zoo.cfg]  in this terminal, logging to the console
#   bin/paddock-server.sh stop [zoo.cfg]              TERM, waits for the exit (KILL after a bound)
#   bin/paddock-server.sh restart [zoo.cfg]           stop, then start
#   bin/paddock-server.sh status [zoo.cfg]            asks the server (srvr) and prints its Mode
#   bin/paddock-server.sh print-cmd [zoo.cfg]         prints the command `start` runs
#   bin/paddock-server.sh [options] [zoo.cfg]         the server's own options, in the foreground
#                                                     (-p PORT, -d DIR, --tick-time MS, -h)
#
# zoo.cfg: a path, or a name in PADDOCK_CONF_DIR; default PADDOCK_CONF_DIR/zoo.cfg, else the
# built-in defaults (127.0.0.1:2181, ./data). The server runs from the installation directory, so
# a relative dataDir lands inside the installation. Exit status: 0 done (status: running),
# 1 failed (status: not running), 2 bad usage.
#
# Files: the pid file is dataDir/paddock_server.pid (PADDOCK_PID_DIR/paddock_server.pid when
# set); `start` logs to PADDOCK_LOG_DIR/paddock-server.log (rolled by conf/logback.xml) and the
# JVM's own output goes to PADDOCK_LOG_DIR/paddock-server.out.
#
# Environment (conf/java.env, when present, is sourced first and may set any of these):
#   JAVA_HOME          the Java 17+ to run; otherwise `java` on the PATH
#   PADDOCK_CONF_DIR   zoo.cfg, java.env and logback.xml (default conf/; a file missing there is
#                      taken from conf/)
#   PADDOCK_LOG_DIR    log files (default logs/)
#   PADDOCK_PID_DIR    the pid file's directory (default: the dataDir)
#   SERVER_JVMFLAGS    JVM options, as zkServer.sh takes them; ZooKeeper's system properties
#                      here are honoured, e.g. "-Xmx2g -Dzookeeper.extendedTypesEnabled=true"
#                      (a key in zoo.cfg wins over its property, as in ZooKeeper)
#   JVMFLAGS           more JVM options, after SERVER_JVMFLAGS (zkServer.sh's order)
#   PADDOCK_JVM_OPTS   more JVM options, after both, e.g. "-XX:+UseZGC"
#   JMXPORT            serve remote JMX on this port (as zkServer.sh), bound to JMXHOST
#                      (default 127.0.0.1, so it stays off the network unless you say so),
#                      with JMXAUTH and JMXSSL (default false). Unset: no remote JMX.
#   PADDOCK_START_TIMEOUT  seconds `start` waits for the server to answer (default 60)
#   PADDOCK_STOP_TIMEOUT   seconds `stop` waits after TERM before it sends KILL (default 60)

set -euo pipefail

# Resolve symlinks, so the script works when linked from /usr/local/bin.
PADDOCK_BIN="$(dirname "$(readlink -f "${BASH_SOURCE[0]}" 2>/dev/null || printf '%s' "${BASH_SOURCE[0]}")")"
# shellcheck source=paddock-env.sh
. "$PADDOCK_BIN/paddock-env.sh"

PID_NAME=paddock_server.pid
LOG_OUT="$PADDOCK_LOG_DIR/paddock-server.out"

usage() {
  echo "Usage: $0 {start|start-foreground|stop|restart|status|print-cmd} [zoo.cfg]" >&2
  echo "       $0 [--port PORT] [--data-dir DIR] [--tick-time MS] [zoo.cfg]   (foreground)" >&2
}

# --- the configuration ------------------------------------------------------------------------

# Sets CONFIG to the zoo.cfg to run with (empty: the built-in defaults) from argument $1.
choose_config() {
  CONFIG=""
  if [ -n "${1:-}" ]; then
    case "$1" in
      */*) CONFIG="$(paddock_absolute "$1")" ;;
      *) if [ -f "$PADDOCK_CONF_DIR/$1" ]; then CONFIG="$PADDOCK_CONF_DIR/$1"; else CONFIG="$PWD/$1"; fi ;;
    esac
    if [ ! -f "$CONFIG" ]; then
      echo "paddock: no config file $1 (looked at $CONFIG)" >&2
      exit 2
    fi
  elif [ -f "$PADDOCK_CONF_DIR/zoo.cfg" ]; then
    CONFIG="$PADDOCK_CONF_DIR/zoo.cfg"
  fi
}

# Prints the last value of KEY in CONFIG. Reads key=value, key:value and "key value" lines and
# skips # and ! comments; escapes and continuation lines (rare for these keys) are not followed.
config_value() {
  local want="$1" line key value found=""
  [ -n "$CONFIG" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    line="${line#"${line%%[![:space:]]*}"}"
    case "$line" in '' | '#'* | '!'*) continue ;; esac
    key="${line%%[=:[:space:]]*}"
    [ "$key" = "$want" ] || continue
    value="${line#"$key"}"
    value="${value#"${value%%[![:space:]]*}"}"
    case "$value" in [=:]*) value="${value#?}" ;; esac
    value="${value#"${value%%[![:space:]]*}"}"
    found="${value%"${value##*[![:space:]]}"}"
  done < "$CONFIG"
  printf '%s' "$found"
}

# Sets DATA_DIR, CLIENT_HOST, CLIENT_PORT (empty when there is only a TLS port), TLS_PORT and
# PID_FILE from CONFIG, as the server will read them.
read_config() {
  local data_dir address
  data_dir="$(config_value dataDir)"
  DATA_DIR="${data_dir:-./data}"
  case "$DATA_DIR" in /*) ;; *) DATA_DIR="$PADDOCK_HOME/${DATA_DIR#./}" ;; esac
  CLIENT_PORT="$(config_value clientPort)"
  TLS_PORT="$(config_value secureClientPort)"
  if [ -z "$CONFIG" ]; then
    CLIENT_PORT=2181
  elif [ -z "$CLIENT_PORT" ] && [ -z "$TLS_PORT" ]; then
    CLIENT_PORT=2181
  fi
  address="$(config_value clientPortAddress)"
  [ -n "$CLIENT_PORT" ] || address="$(config_value secureClientPortAddress)"
  case "$address" in
    '' | 0.0.0.0 | '::' | '[::]') CLIENT_HOST=127.0.0.1 ;;
    *) CLIENT_HOST="$address" ;;
  esac
  if [ -n "${PADDOCK_PID_DIR:-}" ]; then
    PID_FILE="$(paddock_absolute "$PADDOCK_PID_DIR")/$PID_NAME"
  else
    PID_FILE="$DATA_DIR/$PID_NAME"
  fi
}

# --- the java command -------------------------------------------------------------------------

# Sets JAVA_CMD to the server's command line, logging through logback appender $1.
java_command() {
  local logback jmx=()
  logback="$(paddock_conf_file logback.xml)"
  if [ -n "${JMXPORT:-}" ]; then
    jmx=("-Dcom.sun.management.jmxremote.port=$JMXPORT"
      "-Dcom.sun.management.jmxremote.rmi.port=$JMXPORT"
      "-Dcom.sun.management.jmxremote.host=${JMXHOST:-127.0.0.1}"
      "-Djava.rmi.server.hostname=${JMXHOST:-127.0.0.1}"
      "-Dcom.sun.management.jmxremote.authenticate=${JMXAUTH:-false}"
      "-Dcom.sun.management.jmxremote.ssl=${JMXSSL:-false}")
  fi
  # The flag variables are split on whitespace on purpose (each holds several options), not globbed.
  set -f
  # shellcheck disable=SC2206
  JAVA_CMD=("$PADDOCK_JAVA" ${SERVER_JVMFLAGS:-} ${JVMFLAGS:-} ${PADDOCK_JVM_OPTS:-})
  set +f
  JAVA_CMD+=(${jmx[@]+"${jmx[@]}"} ${logback:+"-Dlogback.configurationFile=$logback"}
    "-Dpaddock.log.dir=$PADDOCK_LOG_DIR" "-Dpaddock.log.appender=$1"
    -XX:+ExitOnOutOfMemoryError -cp "$PADDOCK_CLASSPATH" io.paddock.server.Main)
}

# --- talking to the server and its process ----------------------------------------------------

# Sends four-letter word $3 to $1:$2 over bash's /dev/tcp and prints the reply; fails when
# nothing accepts the connection.
four_letter_word() {
  (
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf '%s' "$3" >&3
    line=""
    while IFS= read -r -t 5 line <&3 || [ -n "$line" ]; do
      printf '%s\n' "$line"
      line=""
    done
  ) 2>/dev/null
}

# The server's srvr reply, or nothing (and failure) when it does not answer; TLS-only: whether
# the port accepts connections at all, as srvr cannot be asked without TLS.
ask_server() {
  if [ -n "$CLIENT_PORT" ]; then
    four_letter_word "$CLIENT_HOST" "$CLIENT_PORT" srvr
  else
    (exec 3<>"/dev/tcp/$CLIENT_HOST/$TLS_PORT") 2>/dev/null && echo "(TLS port $TLS_PORT accepts connections)"
  fi
}

# True while process $1 runs; a zombie (exited, not yet reaped) does not count.
is_alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  if [ -r "/proc/$1/stat" ]; then
    state="$(sed -e 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)"
    [ "$state" != Z ] || return 1
  fi
}

# True when process $1 runs and, where /proc tells, is a Paddock server: a pid file left by a
# crash may name a process that has since reused the number.
is_paddock() {
  is_alive "$1" || return 1
  if [ -r "/proc/$1/cmdline" ]; then
    tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -q 'io\.paddock\.server\.Main' || return 1
  fi
}

# Prints the pid from PID_FILE when that process is a running server; removes a stale file.
running_pid() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid="$(tr -d '[:space:]' < "$PID_FILE")"
  if [ -n "$pid" ] && is_paddock "$pid"; then
    printf '%s' "$pid"
    return 0
  fi
  echo "paddock: removing stale pid file $PID_FILE (process ${pid:-?} is not running)" >&2
  rm -f "$PID_FILE"
  return 1
}

# Waits up to $2 seconds for process $1 to end; fails if it still runs.
wait_gone() {
  local deadline=$((SECONDS + $2))
  while is_alive "$1"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

# Prints the end of the JVM's output and of what the server logged since line $1 of its log,
# so a failed start shows why without older runs' lines.
log_tail() {
  local log="$PADDOCK_LOG_DIR/paddock-server.log"
  if [ -s "$LOG_OUT" ]; then
    echo "--- the end of $LOG_OUT:" >&2
    tail -n 20 "$LOG_OUT" >&2
  fi
  if [ -s "$log" ] && [ "$(wc -l < "$log")" -gt "$1" ]; then
    echo "--- the end of $log:" >&2
    tail -n "+$(($1 + 1))" "$log" | tail -n 20 >&2
  fi
}

# --- the commands -----------------------------------------------------------------------------

cmd_start() {
  local pid logged=0 deadline=$((SECONDS + ${PADDOCK_START_TIMEOUT:-60}))
  if pid="$(running_pid)"; then
    echo "paddock: already running as process $pid (pid file $PID_FILE); 'stop' it first, or 'restart'" >&2
    exit 1
  fi
  if ask_server > /dev/null; then
    echo "paddock: a server already answers on $CLIENT_HOST:${CLIENT_PORT:-$TLS_PORT}, though pid file $PID_FILE names none; not starting another" >&2
    exit 1
  fi
  mkdir -p "$PADDOCK_LOG_DIR" "$(dirname "$PID_FILE")"
  if [ -f "$PADDOCK_LOG_DIR/paddock-server.log" ]; then
    logged="$(wc -l < "$PADDOCK_LOG_DIR/paddock-server.log")"
  fi
  java_command ROLLINGFILE
  echo "Starting Paddock with ${CONFIG:-the built-in defaults}; logs in $PADDOCK_LOG_DIR ..."
  cd "$PADDOCK_HOME"
  nohup "${JAVA_CMD[@]}" ${CONFIG:+"$CONFIG"} > "$LOG_OUT" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$PID_FILE"
  until ask_server > /dev/null; do
    if ! is_alive "$pid"; then
      echo "FAILED TO START: process $pid exited" >&2
      rm -f "$PID_FILE"
      log_tail "$logged"
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "paddock: process $pid runs but does not answer on $CLIENT_HOST:${CLIENT_PORT:-$TLS_PORT} after ${PADDOCK_START_TIMEOUT:-60}s; left running (see $PADDOCK_LOG_DIR)" >&2
      log_tail "$logged"
      exit 1
    fi
    sleep 0.2
  done
  echo "STARTED: process $pid, clients on $CLIENT_HOST:${CLIENT_PORT:-$TLS_PORT}, pid file $PID_FILE"
}

cmd_stop() {
  local pid timeout="${PADDOCK_STOP_TIMEOUT:-60}"
  if ! pid="$(running_pid)"; then
    echo "No Paddock server to stop (no running process in $PID_FILE)"
    return 0
  fi
  echo "Stopping Paddock (process $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$timeout"; then
    echo "paddock: process $pid still runs ${timeout}s after TERM; sending KILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 10; then
      echo "paddock: process $pid did not exit after KILL; pid file $PID_FILE kept" >&2
      exit 1
    fi
  fi
  rm -f "$PID_FILE"
  echo "STOPPED"
}

cmd_status() {
  local reply mode
  echo "Client port found: ${CLIENT_PORT:-$TLS_PORT (TLS)}. Client address: $CLIENT_HOST."
  if ! reply="$(ask_server)" || [ -z "$reply" ]; then
    echo "Error contacting service. It is probably not running."
    if pid="$(running_pid)"; then
      echo "(process $pid from $PID_FILE runs but does not answer)"
    fi
    exit 1
  fi
  mode="$(printf '%s\n' "$reply" | grep '^Mode:' || true)"
  if [ -n "$mode" ]; then
    echo "$mode"
  else
    echo "Running; it answered: $(printf '%s\n' "$reply" | head -n 1)"
  fi
}

cmd_print_cmd() {
  java_command ROLLINGFILE
  printf 'cd %q && ' "$PADDOCK_HOME"
  printf '%q ' "${JAVA_CMD[@]}" ${CONFIG:+"$CONFIG"}
  printf '\n'
}

# The server in this terminal, with the arguments given to its Main as they are.
exec_foreground() {
  java_command CONSOLE
  cd "$PADDOCK_HOME"
  exec "${JAVA_CMD[@]}" "$@"
}

command="${1:-}"
case "$command" in
  start | start-foreground | stop | restart | status | print-cmd)
    shift
    if [ "$#" -gt 1 ]; then
      usage
      exit 2
    fi
    choose_config "${1:-}"
    read_config
    ;;
esac

case "$command" in
  start) cmd_start ;;
  start-foreground) exec_foreground ${CONFIG:+"$CONFIG"} ;;
  stop) cmd_stop ;;
  restart)
    cmd_stop
    cmd_start
    ;;
  status) cmd_status ;;
  print-cmd) cmd_print_cmd ;;
  help | -h | --help)
    usage
    echo "The server's own options:" >&2
    exec_foreground --help
    ;;
  *)
    # The earlier form: the server's own options and zoo.cfg, in the foreground. A relative
    # zoo.cfg given first is found from where the script was run.
    if [ "$#" -ge 1 ] && [ "${1#/}" = "$1" ] && [ -f "$1" ]; then
      config_arg="$PWD/$1"
      shift
      set -- "$config_arg" "$@"
    elif [ "$#" -eq 0 ] && [ -f "$PADDOCK_CONF_DIR/zoo.cfg" ]; then
      set -- "$PADDOCK_CONF_DIR/zoo.cfg"
    fi
    exec_foreground "$@"
    ;;
esac
