# shellcheck shell=bash disable=SC2034 # JOIN_* are this file's results, read by its callers
# The joining node of bench/run and bench/join: a second node in rack1 of a running bin/local-cluster
# cluster, over a redis-server of its own, warmup auto, and the timing of its first PING and first
# right SET+GET. Sourced, not run; needs resp.sh.

# joiner_yml CLUSTER_DIR FILE BASE: writes FILE, the joining node's yml; it listens on BASE+1
# (dyn), +2 (clients), +3 (admin) and uses the redis-server on BASE+4. Its seeds are every node of
# the cluster recorded in CLUSTER_DIR.
joiner_yml() {
  local seeds="" rack tokens dyn
  while read -r _ _ rack tokens _ dyn _; do
    seeds+="  - 127.0.0.1:$dyn:$rack:dc1:$tokens"$'\n'
  done <"$1/nodes"
  cat >"$2" <<EOF2
dyn_o_mite:
  cluster_name: $(sed -n 's/^ *cluster_name: *//p' "$1/dc1-rack1-n1/dynomite.yml")
  datacenter: dc1
  rack: rack1
  tokens: '2147483647'
  listen: 127.0.0.1:$(($3 + 2))
  dyn_listen: 127.0.0.1:$(($3 + 1))
  stats_listen: 127.0.0.1:$(($3 + 3))
  dyn_seed_provider: simple_provider
  dyn_seeds:
${seeds%$'\n'}
  data_store: 0
  servers:
  - 127.0.0.1:$(($3 + 4)):1
  read_consistency: DC_QUORUM
  write_consistency: DC_QUORUM
EOF2
}

# joiner_time PORT PID T0_MS: waits (up to 60 s from T0_MS) until the node on PORT answers PING,
# then a SET and a GET of a fresh key right; sets JOIN_PING_MS and JOIN_SERVE_MS (ms since T0_MS).
# Fails with JOIN_PROBLEM set if PID exits or time runs out.
joiner_time() {
  local n now
  JOIN_PING_MS='' JOIN_SERVE_MS='' JOIN_PROBLEM=''
  until resp_ping "$1"; do
    now=$(joiner_now_ms)
    kill -0 "$2" 2>/dev/null || { JOIN_PROBLEM="the joining node exited"; return 1; }
    ((now - $3 < 60000)) || { JOIN_PROBLEM="the joining node never answered PING"; return 1; }
    sleep 0.02
  done
  JOIN_PING_MS=$(($(joiner_now_ms) - $3))
  for ((n = 0; ; n++)); do
    if resp_call "$1" SET "bench:join:$n" "v$n" && [[ $RESP_REPLY == +OK ]] &&
      resp_call "$1" GET "bench:join:$n" && [[ $RESP_REPLY == "v$n" ]]; then
      break
    fi
    (($(joiner_now_ms) - $3 < 60000)) || { JOIN_PROBLEM="the joining node never served SET/GET"; return 1; }
    sleep 0.05
  done
  JOIN_SERVE_MS=$(($(joiner_now_ms) - $3))
}

joiner_now_ms() {
  local t=${EPOCHREALTIME/[.,]/}
  echo $((10#$t / 1000))
}
