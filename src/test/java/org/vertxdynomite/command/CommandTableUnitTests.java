package org.vertxdynomite.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

class CommandTableUnitTests {

  private final CommandTable table = CommandTable.get();

  private CommandInfo cmd(String name) {
    CommandInfo c = table.lookup(name);
    assertThat(c).as(name).isNotNull();
    return c;
  }

  @Test
  void aNameWithANulAfterARealCommandIsAlwaysUnknown() {
    // Redis itself answers this one at random (see CommandTableIntegrationTests); we never run it.
    RespRequest r = new RespRequest(new byte[][] {"get\0".getBytes(StandardCharsets.ISO_8859_1), {'k'}});
    assertThat(table.lookup(r)).isNull();
    assertThatThrownBy(() -> table.resolve(r)).isInstanceOf(RespError.class)
        .hasMessageStartingWith("ERR unknown command 'get'");
  }

  @Test
  void everyEntryOfTheGeneratedDataIsInTheTable() {
    JsonObject data = new JsonObject(CommandTableLoader.resource(CommandTableLoader.COMMANDS_RESOURCE));
    List<String> names = data.getJsonArray("commands").stream()
        .map(o -> ((JsonObject) o).getString("name")).toList();
    assertThat(names).hasSize(data.getInteger("count")).hasSize(366);
    for (String name : names) {
      assertThat(table.lookup(name)).as(name).isNotNull().extracting(CommandInfo::name).isEqualTo(name);
    }
    assertThat(table.commands()).extracting(CommandInfo::name).containsExactlyElementsOf(names);
  }

  @Test
  void countsTopLevelCommandsAsRedis70CommandCountDoes() {
    assertThat(table.topLevelCommands()).hasSize(240);
    assertThat(table.source()).isEqualTo("COMMAND and COMMAND DOCS of redis-server 7.0.15");
  }

  @Test
  void knowsTheArityOfCommandsAndSubcommands() {
    assertThat(cmd("get").arity()).isEqualTo(2);
    assertThat(cmd("set").arity()).isEqualTo(-3);
    assertThat(cmd("mset").arity()).isEqualTo(-3);
    assertThat(cmd("ping").arity()).isEqualTo(-1);
    assertThat(cmd("zunionstore").arity()).isEqualTo(-4);
    assertThat(cmd("client|setname").arity()).isEqualTo(3);
    assertThat(cmd("client").arity()).isEqualTo(-2);
    assertThat(cmd("get").arityOk(2)).isTrue();
    assertThat(cmd("get").arityOk(3)).isFalse();
    assertThat(cmd("set").arityOk(2)).isFalse();
    assertThat(cmd("set").arityOk(7)).isTrue();
  }

  @Test
  void exposesRedisFlagsCategoriesAndTips() {
    CommandInfo get = cmd("get");
    assertThat(get.isReadOnly()).isTrue();
    assertThat(get.isWrite()).isFalse();
    assertThat(get.flags()).containsExactlyInAnyOrder(CommandFlag.READONLY, CommandFlag.FAST);
    assertThat(get.aclCategories()).containsExactlyInAnyOrder("read", "string", "fast");
    assertThat(get.group()).isEqualTo("string");
    assertThat(cmd("set").isWrite()).isTrue();
    assertThat(cmd("set").isDenyOom()).isTrue();
    assertThat(cmd("blpop").isBlocking()).isTrue();
    assertThat(cmd("bzpopmin").isBlocking()).isTrue();
    assertThat(cmd("lpop").isBlocking()).isFalse();
    assertThat(cmd("zunionstore").isMovableKeys()).isTrue();
    assertThat(cmd("get").isMovableKeys()).isFalse();
    assertThat(cmd("ping").isWrite()).isFalse();
    assertThat(cmd("ping").isReadOnly()).isFalse();
    assertThat(cmd("eval").hasFlag(CommandFlag.NO_MANDATORY_KEYS)).isTrue();
    assertThat(cmd("keys").requestPolicy()).isEqualTo("all_shards");
    assertThat(cmd("dbsize").responsePolicy()).isEqualTo("agg_sum");
    assertThat(cmd("get").requestPolicy()).isNull();
    assertThat(cmd("substr").isDeprecated()).isTrue();
    assertThat(cmd("substr").replacedBy()).contains("GETRANGE");
    assertThat(cmd("mset").firstKey()).isEqualTo(1);
    assertThat(cmd("mset").lastKey()).isEqualTo(-1);
    assertThat(cmd("mset").keyStep()).isEqualTo(2);
  }

  @Test
  void looksUpNamesInAnyLetterCase() {
    assertThat(table.lookup(RespRequest.of("GeT", "k"))).isSameAs(cmd("get"));
    assertThat(table.lookup(RespRequest.of("CLIENT", "SetName", "n"))).isSameAs(cmd("client|setname"));
    assertThat(table.lookup("CLIENT|SETNAME")).isSameAs(cmd("client|setname"));
    assertThat(table.lookup(RespRequest.of("restore-asking", "k", "0", "v")).name()).isEqualTo("restore-asking");
  }

  @Test
  void resolvesContainerSubcommandsAndLeavesTheContainerAloneWithoutOne() {
    CommandInfo client = cmd("client");
    assertThat(client.isContainer()).isTrue();
    assertThat(client.subcommands()).extracting(CommandInfo::name).contains("client|setname", "client|kill");
    assertThat(table.lookup(RespRequest.of("client"))).isSameAs(client);
    CommandInfo encoding = table.lookup(RespRequest.of("object", "ENCODING", "k"));
    assertThat(encoding.isSubcommand()).isTrue();
    assertThat(encoding.containerName()).isEqualTo("object");
    assertThat(encoding.subcommandName()).isEqualTo("encoding");
    assertThat(cmd("get").isContainer()).isFalse();
    assertThat(cmd("get").subcommands()).isEmpty();
    Set<String> containers = table.topLevelCommands().stream().filter(CommandInfo::isContainer)
        .map(CommandInfo::name).collect(Collectors.toSet());
    assertThat(containers).containsExactlyInAnyOrder("acl", "client", "cluster", "command", "config", "function",
        "latency", "memory", "module", "object", "pubsub", "script", "slowlog", "xgroup", "xinfo");
  }

  @Test
  void unknownCommandsAndSubcommandsAreNotFound() {
    assertThat(table.lookup(RespRequest.of("nosuchcommand"))).isNull();
    assertThat(table.lookup(RespRequest.of("client", "nosuch"))).isNull();
    assertThat(table.lookup("client|nosuch")).isNull();
    assertThat(table.lookup("nosuch|x")).isNull();
    assertThat(table.lookup(new RespRequest(new byte[][] {"get\0".getBytes(StandardCharsets.ISO_8859_1)}))).isNull();
    assertThat(table.lookup(new RespRequest(new byte[][] {{(byte) 0xc7, 'E', 'T'}}))).isNull();
  }

  @Test
  void resolveRejectsAsRedisDoesBeforeRunningACommand() {
    assertThat(table.resolve(RespRequest.of("get", "k"))).isSameAs(cmd("get"));
    assertThat(table.resolve(RespRequest.of("Client", "GETNAME"))).isSameAs(cmd("client|getname"));
    assertError(() -> table.resolve(RespRequest.of("foo", "a", "b")),
        "ERR unknown command 'foo', with args beginning with: 'a' 'b' ");
    assertError(() -> table.resolve(RespRequest.of("Client", "x")), "ERR unknown subcommand 'x'. Try CLIENT HELP.");
    assertError(() -> table.resolve(RespRequest.of("get")), "ERR wrong number of arguments for 'get' command");
    assertError(() -> table.resolve(RespRequest.of("CLIENT")), "ERR wrong number of arguments for 'client' command");
    assertError(() -> table.resolve(RespRequest.of("client", "SETNAME")),
        "ERR wrong number of arguments for 'client|setname' command");
  }

  @Test
  void getKeysAnswersAsCommandGetkeysDoes() {
    assertThat(table.getKeys(RespRequest.of("mset", "a", "1", "b", "2"))).containsExactly(1, 3);
    assertThat(table.getKeys(RespRequest.of("eval", "return 1", "0"))).isEmpty();
    assertThatThrownBy(() -> table.getKeys(RespRequest.of("foo", "a"))).isSameAs(CommandErrors.INVALID_COMMAND_SPECIFIED);
    assertThatThrownBy(() -> table.getKeys(RespRequest.of("object", "foo", "k")))
        .isSameAs(CommandErrors.INVALID_COMMAND_SPECIFIED);
    assertThatThrownBy(() -> table.getKeys(RespRequest.of("ping", "a"))).isSameAs(CommandErrors.NO_KEY_ARGUMENTS);
    assertThatThrownBy(() -> table.getKeys(RespRequest.of("ssubscribe", "a"))).isSameAs(CommandErrors.NO_KEY_ARGUMENTS);
    assertThatThrownBy(() -> table.getKeys(RespRequest.of("get", "a", "b")))
        .isSameAs(CommandErrors.INVALID_NUMBER_OF_ARGUMENTS);
    assertThatThrownBy(() -> table.getKeys(RespRequest.of("zunionstore", "d", "5", "a")))
        .isSameAs(CommandErrors.INVALID_ARGUMENTS);
  }

  @Test
  void everyUnsupportedCommandHasAReasonAndEverySupportedOneNone() {
    for (CommandInfo c : table.commands()) {
      if (c.isSupported()) {
        assertThat(c.unsupportedReason()).as(c.name()).isNull();
      } else {
        assertThat(c.unsupportedReason()).as(c.name()).isNotBlank().doesNotEndWith(".")
            .matches(r -> Character.isLowerCase(r.charAt(0)), "starts in lower case");
        assertThat(c.supportNote()).isEmpty();
      }
    }
  }

  @Test
  void supportsDataAndConnectionCommandsAndRefusesClusterWideFeatures() {
    for (String name : List.of("get", "set", "setbit", "bitfield", "bitfield_ro", "pfadd", "pfmerge", "del", "unlink",
        "expire", "pexpiretime", "persist", "rename", "copy", "keys", "scan", "dump", "restore", "object|encoding",
        "sort", "sort_ro", "hset", "blpop", "brpoplpush", "blmove", "blmpop", "sadd", "bzpopmin", "bzmpop", "ping",
        "echo", "quit", "select", "hello", "reset", "client|setname", "client|getname", "client|id", "command",
        "command|count", "command|info", "command|docs", "command|list", "command|getkeys", "info", "time", "dbsize",
        "flushdb", "flushall")) {
      assertThat(cmd(name).isSupported()).as(name).isTrue();
    }
    for (String name : List.of("subscribe", "publish", "pubsub|channels", "multi", "exec", "watch", "eval", "evalsha",
        "fcall", "script|load", "function|load", "geoadd", "xadd", "xinfo|stream", "move", "swapdb", "cluster|info",
        "readonly", "replicaof", "slaveof", "sync", "psync", "save", "bgsave", "bgrewriteaof", "shutdown", "debug",
        "config|get", "monitor", "acl|whoami", "auth", "failover", "migrate", "wait", "latency|doctor", "slowlog|get",
        "module|list", "lastsave", "memory|doctor", "client|kill", "client|tracking", "pfdebug")) {
      assertThat(cmd(name).isSupported()).as(name).isFalse();
    }
    assertThat(cmd("subscribe").unsupportedReason()).isEqualTo(
        "pub/sub is not sharded or replicated across the cluster, so a subscriber would only hear messages published"
            + " on the same node");
    assertThat(cmd("select").supportNote()).contains("database 0");
  }

  @Test
  void everySupportRuleDecidesSomeCommandAndTheCatchAllNone() {
    SupportPolicy policy = SupportPolicy.parse(CommandTableLoader.resource(CommandTableLoader.SUPPORT_RESOURCE));
    Set<String> used = new HashSet<>();
    for (CommandInfo c : table.commands()) {
      used.add(c.supportSelector());
    }
    assertThat(used).doesNotContain("*");
    Set<String> rules = new HashSet<>(policy.rules().keySet());
    rules.remove("*");
    assertThat(used).containsAll(rules);
  }

  @Test
  void theOldPlaceholderConstructorStillDescribesALegacyKeyRange() {
    CommandInfo mset = new CommandInfo("mset", -3, true, 1, -1, 2);
    assertThat(mset.isWrite()).isTrue();
    assertThat(mset.isSupported()).isTrue();
    assertThat(mset.keyPositions(RespRequest.of("mset", "a", "1", "b", "2"))).containsExactly(1, 3);
    CommandInfo get = new CommandInfo("get", 2, false, 1, 1, 1);
    assertThat(get.isWrite()).isFalse();
    assertThat(get.keyPositions(RespRequest.of("get", "k"))).containsExactly(1);
    assertThat(new CommandInfo("ping", -1, false, 0, 0, 0).keyPositions(RespRequest.of("ping"))).isEmpty();
    assertThat(new CommandInfo("rename", 3, true, 1, 2, 1).keyPositions(RespRequest.of("rename", "a", "b")))
        .containsExactly(1, 2);
  }

  static void assertError(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOf(RespError.class).hasMessage(message);
  }
}
