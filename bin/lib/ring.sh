# shellcheck shell=bash
# Dynomite's key placement in pure bash (no python, no redis-cli): the murmur hash and the ring
# rule, so bin/local-cluster can pick probe keys that land on every node. Sourced, not run.
# Mirrors org.vertxdynomite.ring.MurmurHasher, Token.evenlySpaced and TokenRing.owner; the script's
# integration test checks it against the Java code.

RING_MASK=$((0xFFFFFFFF))

# ring_mul32 A: sets RING_R to (A * 0x5bd1e995) mod 2^32. Split in 16-bit halves so that no
# intermediate product exceeds 2^49: bash arithmetic is signed 64-bit.
ring_mul32() {
  RING_R=$(( (($1 * 0xE995) + ((($1 * 0x5BD1) & 0xFFFF) << 16)) & RING_MASK ))
}

# ring_murmur KEY: sets RING_HASH to Dynomite's murmur token of KEY (ASCII; LC_ALL=C).
ring_murmur() {
  local key=$1 len=${#1} h k i=0 rem b0 b1 b2 b3
  h=$(( ((0xDEADBEEF * len) ^ len) & RING_MASK ))
  rem=$len
  while (( rem >= 4 )); do
    printf -v b0 '%d' "'${key:i:1}"; printf -v b1 '%d' "'${key:i+1:1}"
    printf -v b2 '%d' "'${key:i+2:1}"; printf -v b3 '%d' "'${key:i+3:1}"
    k=$(( b0 | (b1 << 8) | (b2 << 16) | (b3 << 24) ))
    ring_mul32 "$k"; k=$RING_R
    k=$(( k ^ (k >> 24) ))
    ring_mul32 "$k"; k=$RING_R
    ring_mul32 "$h"; h=$(( RING_R ^ k ))
    i=$((i + 4)); rem=$((rem - 4))
  done
  if (( rem > 0 )); then
    if (( rem >= 3 )); then printf -v b2 '%d' "'${key:i+2:1}"; h=$(( h ^ (b2 << 16) )); fi
    if (( rem >= 2 )); then printf -v b1 '%d' "'${key:i+1:1}"; h=$(( h ^ (b1 << 8) )); fi
    printf -v b0 '%d' "'${key:i:1}"; h=$(( h ^ b0 ))
    ring_mul32 "$h"; h=$RING_R
  fi
  h=$(( h ^ (h >> 13) ))
  ring_mul32 "$h"; h=$RING_R
  # shellcheck disable=SC2034 # the result, read by the script that sources this file
  RING_HASH=$(( h ^ (h >> 15) ))
}

# ring_token N I: prints node I's token (0-based) of N evenly spaced nodes: I * floor((2^32-1)/N).
ring_token() {
  echo $(( $2 * (RING_MASK / $1) ))
}

# ring_owner N HASH: sets RING_OWNER to the index of the node owning HASH in a rack of N evenly
# spaced nodes: the smallest token >= HASH, wrapping to node 0 above the largest.
# shellcheck disable=SC2034 # RING_OWNER is the result, read by the script that sources this file
ring_owner() {
  local n=$1 hash=$2 step=$((RING_MASK / $1)) i
  RING_OWNER=0
  for (( i = 0; i < n; i++ )); do
    if (( i * step >= hash )); then
      RING_OWNER=$i
      return
    fi
  done
}
