package org.vertxdynomite.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.testutil.RawRespClient;
import org.vertxdynomite.testutil.RedisServerProcess;

/**
 * Checks the command table against a real redis-server 7.0: its commands, its own key finding
 * ({@code COMMAND GETKEYS}) and its error wordings. No command is ever executed: every request sent
 * is either a COMMAND subcommand or one that Redis rejects before running it.
 */
class CommandTableIntegrationTests {

  private static RedisServerProcess redis;
  private final CommandTable table = CommandTable.get();
  /** A connection per test, so that a failure amid a pipeline cannot leave replies for the next test. */
  private RawRespClient client;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void connect() throws Exception {
    client = redis.client();
  }

  @AfterEach
  void disconnect() throws Exception {
    client.close();
  }

  @Test
  void countsAsManyCommandsAsRedis() throws Exception {
    assertThat(ParsedReply.parse(client.call("COMMAND", "COUNT"))).isEqualTo((long) table.topLevelCommands().size());
  }

  @Test
  void everyCommandHasRedisArityFlagsCategoriesAndKeySpecs() throws Exception {
    @SuppressWarnings("unchecked")
    List<Object> infos = (List<Object>) ParsedReply.parse(client.call("COMMAND"));
    Map<String, List<Object>> byName = new HashMap<>();
    for (Object o : infos) {
      collect(byName, o);
    }
    assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
        table.commands().stream().map(CommandInfo::name).toList());
    for (CommandInfo c : table.commands()) {
      List<Object> info = byName.get(c.name());
      assertThat(info.get(1)).as(c.name()).isEqualTo((long) c.arity());
      assertThat(new HashSet<>(strings(info.get(2)))).as(c.name())
          .isEqualTo(c.flags().stream().map(CommandFlag::wireName).collect(Collectors.toSet()));
      assertThat(info.subList(3, 6)).as(c.name()).containsExactly((long) c.firstKey(), (long) c.lastKey(),
          (long) c.keyStep());
      assertThat(new HashSet<>(strings(info.get(6)))).as(c.name()).isEqualTo(
          c.aclCategories().stream().map(a -> "@" + a).collect(Collectors.toSet()));
      assertThat(((List<?>) info.get(8))).as(c.name()).hasSize(c.keySpecs().size());
    }
  }

  @SuppressWarnings("unchecked")
  private static void collect(Map<String, List<Object>> byName, Object info) {
    List<Object> fields = (List<Object>) info;
    byName.put((String) fields.get(0), fields);
    for (Object sub : (List<Object>) fields.get(9)) {
      collect(byName, sub);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object array) {
    return (List<String>) array;
  }

  private static final List<String> SAMPLES = List.of(
      "get k", "set k v", "set k v NX GET", "getex k PERSIST", "getdel k", "mget a b c", "mset a 1 b 2",
      "msetnx a 1 b 2 c 3", "append k v", "incrbyfloat k 1.5", "lcs a b LEN", "setrange k 0 v", "strlen k",
      "bitcount k 0 -1", "bitop OR d a b c", "bitop NOT d a", "bitpos k 1", "bitfield k SET u8 0 1",
      "bitfield_ro k GET u8 0", "pfadd h a b", "pfcount a b c", "pfmerge d a b",
      "del a b c", "unlink a", "exists a b", "touch a b", "type k", "expire k 10 NX", "pexpireat k 1", "ttl k",
      "persist k", "rename a b", "renamenx a b", "copy a b REPLACE", "keys *", "scan 0 MATCH * COUNT 10",
      "dump k", "restore k 0 payload REPLACE", "object encoding k", "object freq k",
      "sort k", "sort k STORE d", "sort k BY w_* LIMIT 0 5 GET # GET o_* DESC ALPHA STORE d",
      "sort k GET store STORE d", "sort k LIMIT store store STORE d", "sort k STORE d STORE e", "sort k STORE",
      "sort_ro k BY w GET g", "hset h f v f2 v2", "hmget h a b", "hgetall h", "hscan h 0", "hrandfield h 2",
      "lpush l a b", "lrange l 0 -1", "lmove a b LEFT RIGHT", "blmove a b LEFT RIGHT 0", "blpop a b c 0",
      "brpop a 1.5", "brpoplpush a b 0", "rpoplpush a b", "lmpop 2 a b LEFT COUNT 2", "lmpop 1 a RIGHT",
      "blmpop 0 3 a b c LEFT", "lpos l x RANK 1",
      "sadd s a", "sinter a b c", "sinterstore d a b", "sintercard 2 a b LIMIT 5", "smove a b m",
      "sunionstore d a", "sdiff a b", "smismember s a b",
      "zadd z 1 a", "zunionstore d 2 a b WEIGHTS 1 2 AGGREGATE MAX", "zinterstore d 1 a", "zdiffstore d 2 a b",
      "zunion 2 a b", "zinter 3 a b c WITHSCORES", "zdiff 1 a", "zintercard 2 a b LIMIT 1", "zrangestore d s 0 -1",
      "zmpop 2 a b MIN COUNT 3", "bzmpop 0 1 a MAX", "bzpopmin a b 0", "bzpopmax a 0", "zrange z 0 -1 REV",
      "zscan z 0", "eval script 2 k1 k2 a1", "eval script 0", "eval script 0 a", "eval_ro s 1 k",
      "evalsha sha 1 k", "evalsha_ro sha 0", "fcall f 2 a b", "fcall_ro f 0",
      "xadd s * f v", "xread COUNT 1 STREAMS a b 0 0", "xread BLOCK 0 STREAMS a $", "xread streams streams a 0",
      "xreadgroup GROUP g c COUNT 1 STREAMS a b > >", "xinfo stream s", "xgroup create s g $", "xrange s - +",
      "geoadd g 0 0 m", "georadius g 0 0 1 km STORE d", "georadius g 0 0 1 km STOREDIST d",
      "georadiusbymember g m 1 km STORE d", "geosearchstore d g FROMMEMBER m BYRADIUS 1 km",
      "migrate h 6379 k 0 5000", "migrate h 6379 \"\" 0 5000 KEYS a b", "migrate h 6379 \"\" 0 5000 COPY AUTH p KEYS a",
      "migrate h 6379 \"\" 0 5000 AUTH2 u keys KEYS a", "migrate h 6379 k 0 5000 KEYS a b",
      "memory usage k", "debug object k", "watch a b", "publish c m", "spublish c m", "ssubscribe a b",
      // malformed requests
      "zunionstore d 5 a", "zunionstore d 0 a", "zunionstore d -1 a", "zunionstore d x a", "eval s 5 a",
      "eval s -1 a", "eval s x a", "lmpop 5 a LEFT", "lmpop 0 a LEFT", "sintercard 3 a", "zintercard 0 a",
      "xread COUNT 1 a b", "xread COUNT 1 STREAMS a", "migrate h 6379 \"\" 0 5000 KEYS",
      // COMMAND GETKEYS's own errors
      "ping x", "client setname n", "nosuch k", "object nosuch k", "get a b");

  @Test
  void keyPositionsAgreeWithCommandGetkeysForSampleRequests() throws Exception {
    List<RespRequest> requests = new ArrayList<>();
    for (String s : SAMPLES) {
      String[] words = s.split(" ");
      for (int i = 0; i < words.length; i++) {
        words[i] = words[i].equals("\"\"") ? "" : words[i];
      }
      requests.add(RespRequest.of(words));
    }
    assertAgreeWithRedis(requests);
  }

  /**
   * Random argument lists for every command that has keys, drawn from words that steer the key
   * specs (numbers, keywords). Excludes only numbers with trailing junk such as "1x": Redis's
   * fallback reads those with atoi where we, like the commands themselves, reject them.
   */
  @Test
  void keyPositionsAgreeWithCommandGetkeysForArbitraryArguments() throws Exception {
    List<String> pool = List.of("k", "d", "0", "1", "2", "3", "-1", "x", "", "STORE", "STOREDIST", "STREAMS",
        "KEYS", "BY", "GET", "LIMIT", "AUTH", "AUTH2", "COPY", "99999999999999999999");
    Random random = new Random(7);
    List<RespRequest> requests = new ArrayList<>();
    for (CommandInfo c : table.commands()) {
      if (!c.hasKeyArguments()) {
        continue;
      }
      int min = Math.abs(c.arity());
      for (int round = 0; round < 60; round++) {
        int argc = c.arity() > 0 ? c.arity() : min + random.nextInt(7);
        String[] words = new String[argc];
        words[0] = c.isSubcommand() ? c.containerName() : c.name();
        for (int i = 1; i < argc; i++) {
          words[i] = pool.get(random.nextInt(pool.size()));
        }
        if (c.isSubcommand()) {
          words[1] = c.subcommandName();
        }
        requests.add(RespRequest.of(words));
      }
    }
    assertThat(requests).hasSizeGreaterThan(10_000);
    assertAgreeWithRedis(requests);
  }

  /** Sends COMMAND GETKEYS for each request (pipelined) and compares with {@link CommandTable#getKeys}. */
  private void assertAgreeWithRedis(List<RespRequest> requests) throws Exception {
    int batch = 500;
    for (int from = 0; from < requests.size(); from += batch) {
      List<RespRequest> chunk = requests.subList(from, Math.min(requests.size(), from + batch));
      for (RespRequest r : chunk) {
        byte[][] args = new byte[r.argc() + 2][];
        args[0] = bytes("COMMAND");
        args[1] = bytes("GETKEYS");
        for (int i = 0; i < r.argc(); i++) {
          args[i + 2] = r.arg(i);
        }
        client.sendCommand(args);
      }
      for (RespRequest r : chunk) {
        Object expected = ParsedReply.parse(client.readReply());
        assertThat(ours(r)).as("COMMAND GETKEYS %s", r).isEqualTo(expected);
      }
    }
  }

  /** Our answer in the shape ParsedReply gives Redis's: key names, or the error. */
  private Object ours(RespRequest r) {
    try {
      List<Object> names = new ArrayList<>();
      for (int p : table.getKeys(r)) {
        names.add(new String(r.arg(p), StandardCharsets.ISO_8859_1));
      }
      return names;
    } catch (RespError e) {
      return new ParsedReply.Error(e.getMessage());
    }
  }

  @Test
  void unknownCommandErrorsAreByteForByteRedis() throws Exception {
    List<byte[][]> requests = List.of(
        words("foo", "a", "b"), words("foo"), words("Foo", "x".repeat(200), "y"),
        words("foo", "a".repeat(100), "b".repeat(100), "c"), words("foo", "a".repeat(126), "b"),
        words("foo", "a".repeat(125), "b", "c"), words("f".repeat(200)), words("foo", "a\0b", "c"),
        words("foo\0x", "y"), words("foo", "a\r\nb"), words("foo\r\nx"),
        words("foo", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
            "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33"),
        new byte[][] {{'f', (byte) 0xff}, {(byte) 0xc3}}, new byte[][] {bytes("foo"), bytes("a" + "é".repeat(70))},
        words(""));
    // Not compared: a name with a NUL after a real command ("get\0"). Redis hashes the whole name
    // with a per-process random seed but compares with strcasecmp, which stops at the NUL, so it
    // runs GET or calls the command unknown depending on that seed.
    for (byte[][] args : requests) {
      RespError ours = assertResolveFails(new RespRequest(args));
      assertThat(ours.toBuffer().getBytes()).as(ours.getMessage()).isEqualTo(client.call(args));
    }
  }

  @Test
  void unknownSubcommandErrorsAreByteForByteRedisForEveryContainer() throws Exception {
    for (CommandInfo c : table.topLevelCommands()) {
      if (!c.isContainer()) {
        continue;
      }
      for (byte[][] args : List.of(words(c.name(), "nosuch"), words(c.name().toUpperCase(), "y".repeat(200)),
          words(c.name(), "a\0b", "c"))) {
        RespError ours = assertResolveFails(new RespRequest(args));
        assertThat(ours.toBuffer().getBytes()).as(ours.getMessage()).isEqualTo(client.call(args));
      }
    }
  }

  /** For every command and subcommand, one argument too many (fixed arity) or too few (at least n). */
  @Test
  void wrongArityErrorsAreByteForByteRedisForEveryCommand() throws Exception {
    int checked = 0;
    for (CommandInfo c : table.commands()) {
      int argc = c.arity() > 0 ? c.arity() + 1 : -c.arity() - 1;
      int prefix = c.isSubcommand() ? 2 : 1;
      if (argc < prefix) {
        continue;
      }
      String[] words = new String[argc];
      words[0] = c.isSubcommand() ? c.containerName() : c.name();
      if (c.isSubcommand()) {
        words[1] = c.subcommandName();
      }
      for (int i = prefix; i < argc; i++) {
        words[i] = "a" + i;
      }
      RespError ours = assertResolveFails(RespRequest.of(words));
      assertThat(ours.getMessage()).endsWith("wrong number of arguments for '" + c.name() + "' command");
      assertThat(ours.toBuffer().getBytes()).as(c.name()).isEqualTo(client.call(words));
      checked++;
    }
    assertThat(checked).isGreaterThan(300);
  }

  private RespError assertResolveFails(RespRequest request) {
    try {
      CommandInfo c = table.resolve(request);
      throw new AssertionError("resolved " + request + " to " + c);
    } catch (RespError e) {
      return e;
    }
  }

  private static byte[][] words(String... words) {
    byte[][] b = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      b[i] = bytes(words[i]);
    }
    return b;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
