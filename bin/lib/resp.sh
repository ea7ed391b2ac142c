# shellcheck shell=bash
# A minimal RESP client over bash's /dev/tcp, enough for PING, SET, GET, DBSIZE and FLUSHALL on
# 127.0.0.1, so bin/local-cluster needs neither redis-cli nor python. One connection at a time, on
# file descriptor 7. Sourced, not run.

RESP_TIMEOUT=${RESP_TIMEOUT:-5}

# resp_open PORT: connects to 127.0.0.1:PORT; fails if nothing listens.
resp_open() {
  exec 7<>"/dev/tcp/127.0.0.1/$1"
} 2>/dev/null

resp_close() {
  exec 7>&- 7<&-
} 2>/dev/null

# resp_send ARG...: writes one command as a RESP array of bulk strings.
resp_send() {
  local out="*$#"$'\r\n' a
  for a in "$@"; do
    out+="\$${#a}"$'\r\n'"$a"$'\r\n'
  done
  printf '%s' "$out" >&7
}

# resp_read: reads one reply into RESP_REPLY — the line without its CRLF for +, -, : replies (type
# byte kept), a bulk string's content, or "(nil)". Arrays are not read (no command here needs them).
# Fails on a timeout or a closed connection.
resp_read() {
  local line
  IFS= read -r -t "$RESP_TIMEOUT" line <&7 || return 1
  line=${line%$'\r'}
  case $line in
    '$-1') RESP_REPLY='(nil)' ;;
    '$'*)
      IFS= read -r -t "$RESP_TIMEOUT" RESP_REPLY <&7 || return 1
      RESP_REPLY=${RESP_REPLY%$'\r'} ;;
    *) RESP_REPLY=$line ;;
  esac
}

# resp_call PORT ARG...: one command on a fresh connection; the reply in RESP_REPLY.
resp_call() {
  local port=$1
  shift
  resp_open "$port" || return 1
  if resp_send "$@" && resp_read; then
    resp_close
    return 0
  fi
  resp_close
  return 1
}

# resp_ping PORT: succeeds if 127.0.0.1:PORT answers PING with PONG.
resp_ping() {
  resp_call "$1" PING && [[ $RESP_REPLY == '+PONG' ]]
}

# port_in_use PORT: succeeds if something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 8<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
