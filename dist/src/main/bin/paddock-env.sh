# Sourced by the bin/paddock-*.sh scripts, never run on its own: what they share.
#
# The calling script sets PADDOCK_BIN (its own directory, symlinks resolved) first. This file
# then sets:
#   PADDOCK_HOME       the installation directory (PADDOCK_BIN/..)
#   PADDOCK_CONF_DIR   the configuration directory; from the environment, else $PADDOCK_HOME/conf
#   PADDOCK_LOG_DIR    the log directory; from the environment, else $PADDOCK_HOME/logs
#   PADDOCK_JAVA       the java to run: $JAVA_HOME/bin/java, else `java` on the PATH
#   PADDOCK_CLASSPATH  the installation's lib/*
# Between the defaults and the choice of java it sources $PADDOCK_CONF_DIR/java.env when that
# file exists (as ZooKeeper's zkEnv.sh does), so java.env may set JAVA_HOME, the directories and
# the JVM options of every script.

PADDOCK_HOME="$(cd -P "$PADDOCK_BIN/.." && pwd)"

# A relative directory given in the environment means one below where the command was typed;
# the server script later runs from PADDOCK_HOME, so each is made absolute here.
paddock_absolute() {
  case "$1" in
    /*) printf '%s' "$1" ;;
    *) printf '%s/%s' "$PWD" "$1" ;;
  esac
}

PADDOCK_CONF_DIR="$(paddock_absolute "${PADDOCK_CONF_DIR:-$PADDOCK_HOME/conf}")"
PADDOCK_LOG_DIR="$(paddock_absolute "${PADDOCK_LOG_DIR:-$PADDOCK_HOME/logs}")"

if [ -f "$PADDOCK_CONF_DIR/java.env" ]; then
  # java.env is the operator's file: `SERVER_JVMFLAGS="$SERVER_JVMFLAGS -Xmx2g"` must work
  # there even when the variable was never set.
  set +u
  # shellcheck disable=SC1091
  . "$PADDOCK_CONF_DIR/java.env"
  set -u
  PADDOCK_LOG_DIR="$(paddock_absolute "$PADDOCK_LOG_DIR")"
fi

if [ -n "${JAVA_HOME:-}" ]; then
  PADDOCK_JAVA="$JAVA_HOME/bin/java"
else
  PADDOCK_JAVA="$(command -v java || true)"
fi
if [ -z "$PADDOCK_JAVA" ] || [ ! -x "$PADDOCK_JAVA" ]; then
  echo "paddock: no java found${JAVA_HOME:+ at $JAVA_HOME/bin/java}: set JAVA_HOME, or put a Java 17+ on the PATH" >&2
  exit 1
fi

PADDOCK_CLASSPATH="$PADDOCK_HOME/lib/*"

# Prints the path of conf file NAME: the one in PADDOCK_CONF_DIR, else the installation's;
# nothing when neither exists (a conf dir of your own need hold only what you change).
paddock_conf_file() {
  if [ -f "$PADDOCK_CONF_DIR/$1" ]; then
    printf '%s' "$PADDOCK_CONF_DIR/$1"
  elif [ -f "$PADDOCK_HOME/conf/$1" ]; then
    printf '%s' "$PADDOCK_HOME/conf/$1"
  fi
}

# Replaces this shell with command-line tool MAIN_CLASS and its arguments. The tools log
# warnings only (conf/logback-cli.xml), so their own output stays readable.
paddock_exec_tool() {
  local main_class="$1" logback
  shift
  logback="$(paddock_conf_file logback-cli.xml)"
  # PADDOCK_JVM_OPTS is split on whitespace on purpose (it holds several options), not globbed.
  set -f
  # shellcheck disable=SC2086
  exec "$PADDOCK_JAVA" ${PADDOCK_JVM_OPTS:-} ${logback:+"-Dlogback.configurationFile=$logback"} \
    -cp "$PADDOCK_CLASSPATH" "$main_class" "$@"
}
