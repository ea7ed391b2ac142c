# shellcheck shell=bash
# Stopping the processes a script started itself, by PID, with a bounded wait. Sourced, not run.

# stop_pids GRACE PID...: SIGTERM to every PID (children of the calling shell), SIGKILL to those
# still running GRACE seconds later, then reaps them all. Never fails.
stop_pids() {
  local deadline=$((SECONDS + $1)) p alive
  shift
  [[ $# -gt 0 ]] || return 0
  kill -TERM "$@" 2>/dev/null || true
  while ((SECONDS < deadline)); do
    alive=0
    for p in "$@"; do
      pid_running "$p" && alive=1
    done
    ((alive)) || break
    sleep 0.1
  done
  # Unreaped children stay zombies, so these PIDs cannot have been reused by now.
  kill -KILL "$@" 2>/dev/null || true
  for p in "$@"; do
    wait "$p" 2>/dev/null || true
  done
}

# pid_running PID: PID exists and is not a zombie (an exited child not yet reaped).
pid_running() {
  local stat
  stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $stat != Z* ]]
}
