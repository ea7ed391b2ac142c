package org.vertxdynomite.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

class CommandErrorsUnitTests {

  private static String wire(RespError e) {
    return e.toBuffer().toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void unknownCommandQuotesTheArgumentsWithATrailingSpace() {
    assertThat(wire(CommandErrors.unknownCommand(RespRequest.of("foo", "a", "b"))))
        .isEqualTo("-ERR unknown command 'foo', with args beginning with: 'a' 'b' \r\n");
    assertThat(wire(CommandErrors.unknownCommand(RespRequest.of("foo"))))
        .isEqualTo("-ERR unknown command 'foo', with args beginning with: \r\n");
  }

  @Test
  void unknownCommandCutsTheArgumentListAt128Bytes() {
    String a100 = "a".repeat(100);
    assertThat(CommandErrors.unknownCommand(RespRequest.of("foo", a100, "b".repeat(100), "c")).getMessage())
        .isEqualTo("ERR unknown command 'foo', with args beginning with: '" + a100 + "' '" + "b".repeat(25) + "' ");
    assertThat(CommandErrors.unknownCommand(RespRequest.of("Foo", "x".repeat(200), "y")).getMessage())
        .isEqualTo("ERR unknown command 'Foo', with args beginning with: '" + "x".repeat(128) + "' ");
    assertThat(CommandErrors.unknownCommand(RespRequest.of("foo", "a".repeat(125), "b", "c")).getMessage())
        .isEqualTo("ERR unknown command 'foo', with args beginning with: '" + "a".repeat(125) + "' ");
    assertThat(CommandErrors.unknownCommand(RespRequest.of("f".repeat(200))).getMessage())
        .isEqualTo("ERR unknown command '" + "f".repeat(128) + "', with args beginning with: ");
  }

  @Test
  void unknownCommandStopsAtNulAndFlattensLineBreaks() {
    assertThat(wire(CommandErrors.unknownCommand(RespRequest.of("foo", "a\0b", "c"))))
        .isEqualTo("-ERR unknown command 'foo', with args beginning with: 'a' 'c' \r\n");
    assertThat(wire(CommandErrors.unknownCommand(RespRequest.of("foo\r\nx", "a\r\nb"))))
        .isEqualTo("-ERR unknown command 'foo  x', with args beginning with: 'a  b' \r\n");
  }

  @Test
  void unknownCommandEchoesBytesThatAreNotUtf8Unchanged() {
    RespRequest r = new RespRequest(new byte[][] {{'f', (byte) 0xff}, {(byte) 0xc3}});
    byte[] expected = "-ERR unknown command 'f\u00ff', with args beginning with: '\u00c3' \r\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CommandErrors.unknownCommand(r).toBuffer().getBytes()).isEqualTo(expected);
  }

  @Test
  void unknownSubcommandNamesTheContainerInUpperCase() {
    assertThat(wire(CommandErrors.unknownSubcommand(RespRequest.of("Client", "x"))))
        .isEqualTo("-ERR unknown subcommand 'x'. Try CLIENT HELP.\r\n");
    assertThat(CommandErrors.unknownSubcommand(RespRequest.of("object", "y".repeat(200))).getMessage())
        .isEqualTo("ERR unknown subcommand '" + "y".repeat(128) + "'. Try OBJECT HELP.");
    assertThat(CommandErrors.unknownSubcommand(RespRequest.of("client", "a\0b")).getMessage())
        .isEqualTo("ERR unknown subcommand 'a'. Try CLIENT HELP.");
  }

  @Test
  void wrongArityNamesSubcommandsWithABar() {
    CommandTable t = CommandTable.get();
    assertThat(CommandErrors.wrongArity(t.lookup("get")).getMessage())
        .isEqualTo("ERR wrong number of arguments for 'get' command");
    assertThat(CommandErrors.wrongArity(t.lookup("client|setname")).getMessage())
        .isEqualTo("ERR wrong number of arguments for 'client|setname' command");
    assertThat(wire(CommandErrors.wrongArity(t.lookup("exec"))))
        .isEqualTo("-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n");
  }

  @Test
  void unsupportedSaysDynomiteAndWhy() {
    CommandTable t = CommandTable.get();
    assertThat(wire(CommandErrors.unsupported(t.lookup("subscribe")))).isEqualTo(
        "-ERR Dynomite: 'subscribe' is not supported: pub/sub is not sharded or replicated across the cluster,"
            + " so a subscriber would only hear messages published on the same node\r\n");
    assertThat(CommandErrors.unsupported(t.lookup("client|kill")).getMessage())
        .startsWith("ERR Dynomite: 'client|kill' is not supported: ");
    assertThat(CommandErrors.nonZeroDatabase(t.lookup("select")).getMessage()).isEqualTo(
        "ERR Dynomite: 'select' with a database other than 0 is not supported: the cluster has a single database, 0");
    assertThat(CommandErrors.unsupported(t.lookup("subscribe")).code()).isEqualTo("ERR");
    assertThatThrownBy(() -> CommandErrors.unsupported(t.lookup("get"))).isInstanceOf(IllegalArgumentException.class);
  }
}
