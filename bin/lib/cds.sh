# shellcheck shell=bash
# Application class-data sharing (AppCDS) for the node's JVM: a JDK dynamic archive of the classes
# a clustered node loads while it starts, joins, decides on its warm-up and serves, kept next to
# the jar (vertx-dynomite.jsa). A JVM started with -XX:SharedArchiveFile maps those classes instead
# of reading, parsing and verifying them from the jar: on a 2-core machine a node joining a running
# cluster served about 1.5 s sooner (docs/BENCHMARKS.md, start-up section). The archive is built
# once per jar by a training run: two nodes on the embedded store form a cluster on 127.0.0.1, a
# few SET/GET go through the second, which writes the archive when it stops. Sourced, not run;
# needs resp.sh (resp_ping, resp_call, port_in_use).

# cds_options JAVA JAR: prints "-XX:SharedArchiveFile=<archive>", building the archive first if it
# is missing, older than JAR or refused by JAVA (another JDK); prints nothing if that fails, and the
# node then starts without it, as before. Progress goes to stderr.
cds_options() {
  local java=$1 jar=$2 archive=${2%.jar}.jsa
  if ! cds_usable "$java" "$jar" "$archive"; then
    echo "class-data archive: building $archive (a training run of two nodes, once per jar)..." >&2
    cds_train "$java" "$jar" "$archive" || { echo "class-data archive: not built; nodes start without it" >&2; return 0; }
  fi
  echo "-XX:SharedArchiveFile=$archive"
}

# cds_usable JAVA JAR ARCHIVE: ARCHIVE exists, is newer than JAR, and JAVA maps it for JAR.
cds_usable() {
  [[ -f $3 && $3 -nt $2 ]] && "$1" -XX:SharedArchiveFile="$3" -Xshare:on -cp "$2" -version >/dev/null 2>&1
}

# cds_train JAVA JAR ARCHIVE: the training run; ARCHIVE appears only once complete.
cds_train() {
  local java=$1 jar=$2 archive=$3 dir base try p busy pid_a pid_b n ok=0 deadline
  dir=$(mktemp -d "${TMPDIR:-/tmp}/cds-training.XXXXXX") || return 1
  for ((try = 0; try < 20; try++)); do
    base=$((30000 + RANDOM % 25000)) busy=0
    for p in $((base + 1)) $((base + 2)) $((base + 3)) $((base + 11)) $((base + 12)) $((base + 13)); do
      port_in_use "$p" && busy=1
    done
    ((busy)) || break
  done
  ((busy)) && { rm -rf "$dir"; return 1; }
  cds_training_yml "$dir" a rack1 "$base" $((base + 10)) rack2
  cds_training_yml "$dir" b rack2 $((base + 10)) "$base" rack1
  "$java" -Xmx256m -jar "$jar" -c "$dir/a.yml" </dev/null >"$dir/a.log" 2>&1 &
  pid_a=$!
  "$java" -Xmx256m -XX:ArchiveClassesAtExit="$dir/node.jsa" -jar "$jar" -c "$dir/b.yml" </dev/null >"$dir/b.log" 2>&1 &
  pid_b=$!
  deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)) && kill -0 "$pid_a" 2>/dev/null && kill -0 "$pid_b" 2>/dev/null; do
    if resp_ping $((base + 2)) && resp_ping $((base + 12)); then
      ok=1
      break
    fi
    sleep 0.2
  done
  # Requests through the second node: its coordinator, replication to the first, its RESP path.
  for ((n = 0; ok && n < 20; n++)); do
    resp_call $((base + 12)) SET "cds:training:$n" "v$n" && resp_call $((base + 12)) GET "cds:training:$n" || ok=0
  done
  cds_stop "$pid_b"
  cds_stop "$pid_a"
  if ((ok)) && [[ -s $dir/node.jsa ]] && mv -f "$dir/node.jsa" "$archive" 2>/dev/null && cds_usable "$java" "$jar" "$archive"; then
    rm -rf "$dir"
    return 0
  fi
  echo "class-data archive: the training run failed; its logs stay in $dir" >&2
  return 1
}

# cds_training_yml DIR NAME RACK BASE PEER_BASE PEER_RACK: a node at BASE+1 (dyn), +2 (clients),
# +3 (admin), whose seed is the other training node.
cds_training_yml() {
  cat >"$1/$2.yml" <<EOF
dyn_o_mite:
  cluster_name: cds-training-$$
  datacenter: dc1
  rack: $3
  tokens: '0'
  listen: 127.0.0.1:$(($4 + 2))
  dyn_listen: 127.0.0.1:$(($4 + 1))
  stats_listen: 127.0.0.1:$(($4 + 3))
  dyn_seed_provider: simple_provider
  dyn_seeds:
  - 127.0.0.1:$(($5 + 1)):$6:dc1:0
  data_store: embedded
  data_dir: $1/$2-data
EOF
}

# cds_stop PID: SIGTERM (a JVM writes its archive as it exits), SIGKILL after 30 s.
cds_stop() {
  local deadline=$((SECONDS + 30))
  kill -TERM "$1" 2>/dev/null
  while kill -0 "$1" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null
}
