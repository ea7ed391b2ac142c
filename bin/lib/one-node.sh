# shellcheck shell=bash
# bin/local-cluster's stop-node and start-node: one node of a running local cluster down and up
# again, as when a machine is replaced. Sourced by bin/local-cluster, whose state file, process
# checks (ours, record, await_exit, launch_node) and options (WAIT, JAR) it uses.

# node_row NAME: reads NAME's line of $NODES_FILE into ROW_* variables; dies if there is none.
node_row() {
  local name client stats rport log
  [[ -f $STATE && -f $NODES_FILE ]] || die "no local cluster recorded in $DIR"
  # The columns: name dc rack tokens client dyn stats redis-port log.
  while read -r name _ _ _ client _ stats rport log; do
    if [[ $name == "$1" ]]; then
      ROW_CLIENT=$client ROW_STATS=$stats ROW_RPORT=$rport ROW_LOG=$log
      return 0
    fi
  done <"$NODES_FILE"
  die "no node '$1' in $DIR (names: $(cut -d' ' -f1 "$NODES_FILE" | tr '\n' ' '))"
}

# stop_one_node NAME KILL: SIGTERM to the node (SIGKILL when KILL is 1), waiting until it is gone.
stop_one_node() {
  local name=$1 kill=$2 pid
  node_row "$name"
  pid=$(recorded_pid node "$name")
  ours "$pid" "$name/dynomite.yml" || die "node $name (pid $pid) is not running"
  if ((kill)); then
    kill -KILL "$pid" 2>/dev/null
    echo "killed node $name (pid $pid, SIGKILL): the others drop it after failure_detection_ms"
  else
    kill -TERM "$pid" 2>/dev/null
    echo "stopping node $name (pid $pid)"
  fi
  await_exit 30 "$pid"
  echo "node $name is down; start it again with: $0 start-node $name$(dir_option)"
}

# start_one_node NAME WIPE: starts the stopped node again (after FLUSHALL on its redis-server when
# WIPE is 1) and waits for PING.
start_one_node() {
  local name=$1 wipe=$2 pid t0 empty=1 lines status skipped
  node_row "$name"
  pid=$(recorded_pid node "$name")
  ours "$pid" "$name/dynomite.yml" && die "node $name is running (pid $pid); stop-node it first"
  [[ -f $JAR ]] || die "no jar at $JAR (pass --jar)"
  port_in_use "$ROW_CLIENT" && die "port $ROW_CLIENT is in use on 127.0.0.1"
  if [[ $ROW_RPORT != - ]]; then
    resp_ping "$ROW_RPORT" || die "the redis-server of $name (port $ROW_RPORT) does not answer"
    if ((wipe)); then
      resp_call "$ROW_RPORT" FLUSHALL && [[ $RESP_REPLY == '+OK' ]] || die "FLUSHALL on port $ROW_RPORT answered '$RESP_REPLY'"
      echo "wiped the redis-server of $name (port $ROW_RPORT): it warms up if its replicas hold data"
    else
      empty=0
      echo "the redis-server of $name (port $ROW_RPORT) kept its data: no warm-up, hints fill the gap"
    fi
  else
    echo "$name runs on the embedded store, which starts empty: it warms up if its replicas hold data"
  fi
  clean_environment
  # Only this node's line changes; every other recorded process stays as it is.
  grep -v "^node [0-9]* $name " "$STATE" >"$STATE.new" && mv "$STATE.new" "$STATE"
  echo "--- start-node $(date -u +%FT%TZ) ---" >>"$ROW_LOG"
  lines=$(wc -l <"$ROW_LOG")
  prepare_cds
  launch_node "$name"
  pid=$!
  t0=$(now_ms)
  until resp_ping "$ROW_CLIENT"; do
    ours "$pid" "$name/dynomite.yml" || { tail -n 20 "$ROW_LOG" >&2; die "node $name exited; its log: $ROW_LOG"; }
    (($(now_ms) - t0 < WAIT * 1000)) || die "node $name (pid $pid) did not answer PING within $WAIT s; its log: $ROW_LOG"
    sleep 0.2
  done
  echo "node $name (pid $pid) answers PING after $(elapsed "$t0")"
  # The node decides whether to warm up before it takes clients, so /warmup is settled by now;
  # its admin port opens just after the client port.
  t0=$(now_ms)
  until status=$(admin_get "$ROW_STATS" /warmup | tr -d ' \n' | grep -o '"status":"[a-z]*"' | cut -d'"' -f4) &&
    [[ -n $status ]] || (($(now_ms) - t0 > 10000)); do
    sleep 0.2
  done
  echo "warm-up: ${status:-unknown}; follow it with: curl -s 127.0.0.1:$ROW_STATS/warmup"
  skipped=$(tail -n +"$((lines + 1))" "$ROW_LOG" | grep -o -m1 'the datastore holds [0-9]* keys; none needed')
  if ((empty)) && [[ -n $skipped ]]; then
    echo "  NOT warmed up although it started empty: $skipped (writes reached it first)."
    echo "  It lacks the older keys: start the warm-up by hand: curl -s 127.0.0.1:$ROW_STATS/warmup/start"
  fi
}

# admin_get PORT PATH: the body of GET PATH on the admin port 127.0.0.1:PORT (HTTP/1.0, so the
# node closes the connection after its answer).
admin_get() {
  local reply
  exec 9<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&9
  reply=$(timeout 5 cat <&9)
  exec 9>&- 9<&-
  printf '%s' "${reply#*$'\r\n\r\n'}"
} 2>/dev/null

# dir_option: " --dir D" when the cluster is not in the default directory.
dir_option() {
  [[ $DIR != "$ROOT/.local-cluster" ]] && echo " --dir $DIR"
}
