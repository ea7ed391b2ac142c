# shellcheck shell=bash
# The node's admin port (docs/ADMIN.md) from scripts, on 127.0.0.1. Sourced, not run.

# set_consistency LEVEL ADMIN_PORT...: read and write consistency LEVEL on every node named by its
# admin port; the first refusal is said on stderr and returns 1.
set_consistency() {
  local level=$1 p kind
  shift
  for p in "$@"; do
    for kind in read write; do
      curl -sf --max-time 5 -o /dev/null "http://127.0.0.1:$p/set_consistency/$kind/$level" ||
        { echo "admin port $p refused /set_consistency/$kind/$level" >&2; return 1; }
    done
  done
}
