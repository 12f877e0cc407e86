#!/usr/bin/env bash
#
# Runs a local Paddock ensemble (a pseudo-cluster: every server on 127.0.0.1).
#
#   bin/paddock-ensemble.sh start N [--observers M]   make N voters (+ M observers), start them,
#                                                    wait for a leader, print the connect string
#   bin/paddock-ensemble.sh status                    id, pid, client port and mode of each server
#   bin/paddock-ensemble.sh kill ID                   kill -9 one server
#   bin/paddock-ensemble.sh restart ID                start one server again (stopped first if up)
#   bin/paddock-ensemble.sh stop                      stop every server and wait for them
#
# Everything lives under PADDOCK_ENSEMBLE_DIR (default ./ensemble): serverID/zoo.cfg,
# serverID/data (with myid), serverID/server.log and serverID/server.pid. `start` on a directory
# that already holds an ensemble starts its servers again with their configs and data.
#
# Environment:
#   JAVA_HOME               the Java 17+ to run; otherwise `java` on the PATH
#   PADDOCK_JVM_OPTS        JVM options for every server, e.g. "-Xmx512m"
#   PADDOCK_CLASSPATH       the servers' class path (default: the installation's lib/*)
#   PADDOCK_ENSEMBLE_WAIT   seconds to wait for a leader or a stop (default 60)

set -euo pipefail

source_path="${BASH_SOURCE[0]}"
while [ -L "$source_path" ]; do
  link_dir="$(cd -P "$(dirname "$source_path")" && pwd)"
  source_path="$(readlink "$source_path")"
  case "$source_path" in /*) ;; *) source_path="$link_dir/$source_path" ;; esac
done
PADDOCK_HOME="$(cd -P "$(dirname "$source_path")/.." && pwd)"

base="${PADDOCK_ENSEMBLE_DIR:-./ensemble}"
wait_secs="${PADDOCK_ENSEMBLE_WAIT:-60}"
java_cmd="java"
[ -n "${JAVA_HOME:-}" ] && java_cmd="$JAVA_HOME/bin/java"

die() { echo "paddock-ensemble: $*" >&2; exit 1; }

usage() {
  sed -n '3,9p' "$source_path" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# The ids of the servers in $base, in order.
server_ids() {
  local d
  for d in "$base"/server*/zoo.cfg; do
    [ -f "$d" ] || continue
    d="${d%/zoo.cfg}"
    echo "${d##*/server}"
  done | sort -n
}

cfg_value() { sed -n "s/^$2=//p" "$base/server$1/zoo.cfg" | head -n 1; }

# The pid of a running server, or nothing.
running_pid() {
  local pid_file="$base/server$1/server.pid" pid
  [ -f "$pid_file" ] || return 0
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

# leader, follower, observer, "not serving" or "down", asked with the srvr four-letter word.
mode_of() {
  local out
  out="$(timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf srvr >&3 && cat <&3' \
    _ "$(cfg_value "$1" clientPort)" 2>/dev/null)" || true
  case "$out" in
    *"Mode: "*) out="${out#*Mode: }"; echo "${out%%[[:space:]]*}" ;;
    *"not currently serving"*) echo "not serving" ;;
    *) echo "down" ;;
  esac
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints $1 free ports on 127.0.0.1, all different.
free_ports() {
  local want="$1" picked=" " port
  while [ "$want" -gt 0 ]; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    case "$picked" in *" $port "*) continue ;; esac
    port_in_use "$port" && continue
    picked="$picked$port "
    want=$((want - 1))
  done
  echo $picked
}

generate() {
  local voters="$1" observers="$2" total=$(($1 + $2)) id lines="" dir
  local ports
  read -r -a ports <<< "$(free_ports $((3 * total)))"
  for ((id = 1; id <= total; id++)); do
    local q="${ports[3 * id - 3]}" e="${ports[3 * id - 2]}" c="${ports[3 * id - 1]}" role=""
    [ "$id" -gt "$voters" ] && role=":observer"
    lines="${lines}server.$id=127.0.0.1:$q:$e$role;127.0.0.1:$c"$'\n'
  done
  for ((id = 1; id <= total; id++)); do
    dir="$(cd "$base" && pwd)/server$id"
    mkdir -p "$dir/data"
    echo "$id" > "$dir/data/myid"
    cat > "$dir/zoo.cfg" <<EOF
# Server $id of a local pseudo-cluster made by paddock-ensemble.sh.
tickTime=2000
initLimit=10
syncLimit=5
dataDir=$dir/data
clientPortAddress=127.0.0.1
clientPort=${ports[3 * id - 1]}
4lw.commands.whitelist=srvr,stat,ruok,mntr,conf,cons,isro
# One host has one 8080 and one 7000: the admin server and Prometheus stay off here.
admin.enableServer=false
prometheus.enabled=false
$lines
EOF
  done
}

start_server() {
  local id="$1" dir="$base/server$1" logback=() pid
  [ -f "$dir/zoo.cfg" ] || die "no server $id in $base"
  [ -n "$(running_pid "$id")" ] && die "server $id is running (pid $(running_pid "$id"))"
  [ -f "$PADDOCK_HOME/conf/logback.xml" ] &&
    logback=("-Dlogback.configurationFile=$PADDOCK_HOME/conf/logback.xml")
  # PADDOCK_JVM_OPTS holds several options: split on whitespace on purpose.
  # shellcheck disable=SC2086
  nohup "$java_cmd" ${PADDOCK_JVM_OPTS:-} "${logback[@]}" \
    -cp "${PADDOCK_CLASSPATH:-$PADDOCK_HOME/lib/*}" io.paddock.server.Main "$dir/zoo.cfg" \
    >> "$dir/server.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$dir/server.pid"
  echo "server $id: pid $pid, client port $(cfg_value "$id" clientPort), log $dir/server.log"
}

# Waits until one server leads and every running one serves; prints the connect string.
await_serving() {
  local deadline=$((SECONDS + wait_secs)) id mode leaders serving up
  while :; do
    leaders=0; serving=0; up=0
    for id in $(server_ids); do
      [ -z "$(running_pid "$id")" ] && continue
      up=$((up + 1))
      mode="$(mode_of "$id")"
      case "$mode" in leader) leaders=$((leaders + 1)); serving=$((serving + 1)) ;;
        follower | observer) serving=$((serving + 1)) ;; esac
    done
    [ "$leaders" -eq 1 ] && [ "$serving" -eq "$up" ] && break
    [ "$SECONDS" -ge "$deadline" ] && die "no leader with every server serving after ${wait_secs}s; see $base/server*/server.log"
    sleep 0.5
  done
  echo "serving: connect string $(connect_string)"
}

connect_string() {
  local id out=""
  for id in $(server_ids); do out="$out,127.0.0.1:$(cfg_value "$id" clientPort)"; done
  echo "${out#,}"
}

cmd_start() {
  local voters="${1:-}" observers=0 id
  [[ "$voters" =~ ^[1-9][0-9]*$ ]] || usage
  shift
  if [ "${1:-}" = "--observers" ]; then
    [[ "${2:-}" =~ ^[0-9]+$ ]] || usage
    observers="$2"
  elif [ -n "${1:-}" ]; then
    usage
  fi
  mkdir -p "$base"
  if [ -z "$(server_ids)" ]; then
    generate "$voters" "$observers"
  elif [ "$(server_ids | wc -l)" -ne $((voters + observers)) ]; then
    die "$base holds an ensemble of $(server_ids | wc -l) servers; stop it and remove the directory, or set PADDOCK_ENSEMBLE_DIR"
  fi
  for id in $(server_ids); do
    [ -z "$(running_pid "$id")" ] && start_server "$id"
  done
  await_serving
}

cmd_status() {
  local id pid
  [ -n "$(server_ids)" ] || die "no ensemble in $base"
  printf '%-4s %-8s %-6s %s\n' id pid port mode
  for id in $(server_ids); do
    pid="$(running_pid "$id")"
    printf '%-4s %-8s %-6s %s\n' "$id" "${pid:--}" "$(cfg_value "$id" clientPort)" \
      "$([ -n "$pid" ] && mode_of "$id" || echo down)"
  done
}

# Sends signal $1 (none when empty) to server $2 and waits until it has exited.
stop_server() {
  local pid deadline=$((SECONDS + wait_secs))
  pid="$(running_pid "$2")"
  [ -n "$pid" ] || return 0
  [ -n "$1" ] && kill "-$1" "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    [ "$SECONDS" -ge "$deadline" ] && die "server $2 (pid $pid) did not stop in ${wait_secs}s"
    sleep 0.2
  done
  rm -f "$base/server$2/server.pid"
}

cmd_stop() {
  local id pid
  for id in $(server_ids); do
    pid="$(running_pid "$id")"
    if [ -n "$pid" ]; then kill -TERM "$pid"; fi
  done
  for id in $(server_ids); do
    stop_server "" "$id"
    echo "server $id: stopped"
  done
}

server_id() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && [ -f "$base/server$1/zoo.cfg" ] || die "no server '${1:-}' in $base"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  kill)
    server_id "${2:-}"
    [ -n "$(running_pid "$2")" ] || die "server $2 is not running"
    stop_server KILL "$2"
    echo "server $2: killed" ;;
  restart)
    server_id "${2:-}"
    stop_server TERM "$2"
    start_server "$2"
    await_serving ;;
  *) usage ;;
esac
