package org.vertxdynomite.command;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.vertxdynomite.resp.RespError;
import org.vertxdynomite.resp.RespRequest;

/**
 * The error replies about commands themselves, worded exactly as redis-server 7.0 words them
 * (checked against it by CommandTableIntegrationTests), plus this node's own "not supported".
 */
public final class CommandErrors {

  /** COMMAND GETKEYS of a command (or subcommand) that does not exist. */
  public static final RespError INVALID_COMMAND_SPECIFIED = RespError.err("Invalid command specified");
  /** COMMAND GETKEYS of a command that never has keys (PING, CLIENT SETNAME …). */
  public static final RespError NO_KEY_ARGUMENTS = RespError.err("The command has no key arguments");
  /** COMMAND GETKEYS of a command with the wrong number of arguments. */
  public static final RespError INVALID_NUMBER_OF_ARGUMENTS =
      RespError.err("Invalid number of arguments specified for command");
  /** COMMAND GETKEYS of a malformed command in which no key can be found. */
  public static final RespError INVALID_ARGUMENTS = RespError.err("Invalid arguments specified for command");

  /** Why SELECT, COPY … DB, MOVE and SWAPDB cannot use another database. */
  public static final String SINGLE_DATABASE = "the cluster has a single database, 0";

  /** Redis prints at most this many bytes of a name, and of the argument list, in its errors. */
  private static final int MAX_ECHO = 128;

  private CommandErrors() {}

  /**
   * {@code ERR unknown command 'foo', with args beginning with: 'a' 'b' }: Redis quotes up to 128
   * bytes of the name and of the arguments (each argument cut to what is left of those 128, the
   * list stopping once it has reached them), stops each at a NUL byte, and keeps the trailing space.
   */
  public static RespError unknownCommand(RespRequest request) {
    ByteArrayOutputStream args = new ByteArrayOutputStream();
    for (int i = 1; i < request.argc() && args.size() < MAX_ECHO; i++) {
      args.write('\'');
      appendCString(args, request.arg(i), MAX_ECHO - args.size() + 1);
      args.writeBytes(new byte[] {'\'', ' '});
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    line.writeBytes(ascii("ERR unknown command '"));
    appendCString(line, request.arg(0), MAX_ECHO);
    line.writeBytes(ascii("', with args beginning with: "));
    line.writeBytes(args.toByteArray());
    return new VerbatimError(line.toByteArray());
  }

  /** {@code ERR unknown subcommand 'x'. Try CLIENT HELP.}: the container as typed, in upper case. */
  public static RespError unknownSubcommand(RespRequest request) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    line.writeBytes(ascii("ERR unknown subcommand '"));
    appendCString(line, request.arg(1), MAX_ECHO);
    line.writeBytes(ascii("'. Try "));
    byte[] container = request.arg(0);
    for (int i = 0; i < container.length && container[i] != 0; i++) {
      int b = container[i] & 0xff;
      line.write(b >= 'a' && b <= 'z' ? b - 32 : b);
    }
    line.writeBytes(ascii(" HELP."));
    return new VerbatimError(line.toByteArray());
  }

  /**
   * {@code ERR wrong number of arguments for 'get' command}; subcommands read {@code 'client|setname'}.
   * Redis reports a rejected EXEC as the end of the transaction: {@code EXECABORT Transaction
   * discarded because of: wrong number of arguments for 'exec' command}.
   */
  public static RespError wrongArity(CommandInfo command) {
    String message = "wrong number of arguments for '" + command.name() + "' command";
    return command.name().equals("exec")
        ? new RespError("EXECABORT Transaction discarded because of: " + message)
        : RespError.err(message);
  }

  /** {@code ERR Dynomite: 'subscribe' is not supported: <the reason from command-support.tsv>}. */
  public static RespError unsupported(CommandInfo command) {
    String reason = command.unsupportedReason();
    if (reason == null) {
      throw new IllegalArgumentException(command.name() + " is supported");
    }
    return unsupported("'" + command.name() + "'", reason);
  }

  /**
   * {@code ERR Dynomite: <subject> is not supported: <reason>}, for a supported command used in a way
   * this node refuses, e.g. subject {@code 'select' with a database other than 0}.
   */
  public static RespError unsupported(String subject, String reason) {
    return RespError.err("Dynomite: " + subject + " is not supported: " + reason);
  }

  /** SELECT n, COPY … DB n, and the like with n other than 0. */
  public static RespError nonZeroDatabase(CommandInfo command) {
    return unsupported("'" + command.name() + "' with a database other than 0", SINGLE_DATABASE);
  }

  /** Appends {@code arg} up to its first NUL byte (C's {@code %.*s}) and at most {@code max} bytes. */
  private static void appendCString(ByteArrayOutputStream out, byte[] arg, int max) {
    for (int i = 0; i < arg.length && i < max && arg[i] != 0; i++) {
      out.write(arg[i]);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * An error that echoes client bytes: written exactly as Redis writes them (CR and LF turned into
   * spaces), even when they are not valid UTF-8 or were cut inside a character.
   */
  private static final class VerbatimError extends RespError {

    private static final long serialVersionUID = 1L;

    private final byte[] line;

    VerbatimError(byte[] line) {
      super(new String(oneLine(line), StandardCharsets.UTF_8));
      this.line = line;
    }

    /** Turns CR and LF into spaces in place, as Redis does: an error reply is a single line. */
    private static byte[] oneLine(byte[] line) {
      for (int i = 0; i < line.length; i++) {
        if (line[i] == '\r' || line[i] == '\n') {
          line[i] = ' ';
        }
      }
      return line;
    }

    @Override
    public void writeTo(Buffer out) {
      out.appendByte((byte) '-');
      out.appendBytes(line);
      out.appendBytes(new byte[] {'\r', '\n'});
    }
  }
}
