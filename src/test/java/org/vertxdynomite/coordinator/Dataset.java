package org.vertxdynomite.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vertxdynomite.resp.ArrayReply;
import org.vertxdynomite.resp.BulkReply;
import org.vertxdynomite.resp.IntegerReply;
import org.vertxdynomite.resp.Reply;
import org.vertxdynomite.testutil.RawRespClient;

/**
 * Everything a redis-server holds, read type by type into a canonical form (sets and hashes
 * sorted, lists and sorted sets in their own order), with each key's remaining time to live.
 */
record Dataset(Map<String, String> values, Map<String, Long> ttls) {

  static Dataset read(RawRespClient c) throws IOException {
    Map<String, String> values = new TreeMap<>();
    Map<String, Long> ttls = new TreeMap<>();
    for (String key : strings(call(c, "KEYS", "*"))) {
      String type = new String(c.call("TYPE", key), StandardCharsets.ISO_8859_1).trim().substring(1);
      String value = switch (type) {
        case "string" -> text(call(c, "GET", key));
        case "list" -> strings(call(c, "LRANGE", key, "0", "-1")).toString();
        case "set" -> sorted(strings(call(c, "SMEMBERS", key))).toString();
        case "zset" -> strings(call(c, "ZRANGE", key, "0", "-1", "WITHSCORES")).toString();
        case "hash" -> sorted(pairs(strings(call(c, "HGETALL", key)))).toString();
        default -> throw new IllegalStateException("type " + type + " of " + key);
      };
      values.put(key, type + ":" + value);
      ttls.put(key, ((IntegerReply) call(c, "PTTL", key)).value());
    }
    return new Dataset(values, ttls);
  }

  /** Same keys and values; the same kind of TTL, and positive TTLs within {@code toleranceMillis}. */
  void assertSameAs(Dataset other, long toleranceMillis) {
    assertThat(other.values).as("values").isEqualTo(values);
    for (Map.Entry<String, Long> e : ttls.entrySet()) {
      long mine = e.getValue();
      long theirs = other.ttls.get(e.getKey());
      if (mine < 0 || theirs < 0) {
        assertThat(theirs).as("ttl code of %s", e.getKey()).isEqualTo(mine);
      } else {
        assertThat(theirs).as("ttl of %s", e.getKey()).isBetween(mine - toleranceMillis, mine + toleranceMillis);
      }
    }
  }

  private static Reply call(RawRespClient c, String... args) throws IOException {
    return RespDecoder.decode(c.call(args));
  }

  private static String text(Reply r) {
    return new String(((BulkReply) r).value(), StandardCharsets.ISO_8859_1);
  }

  private static List<String> strings(Reply r) {
    List<String> out = new ArrayList<>();
    for (Reply item : ((ArrayReply) r).items()) {
      out.add(text(item));
    }
    return out;
  }

  private static List<String> pairs(List<String> flat) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < flat.size(); i += 2) {
      out.add(flat.get(i) + "=" + flat.get(i + 1));
    }
    return out;
  }

  private static List<String> sorted(List<String> items) {
    List<String> copy = new ArrayList<>(items);
    copy.sort(null);
    return copy;
  }
}
