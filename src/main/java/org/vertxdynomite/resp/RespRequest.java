package org.vertxdynomite.resp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One client request: the command name and its arguments, as raw bytes.
 *
 * <p>Argument 0 is the command name exactly as the client sent it. Instances are immutable by
 * convention: the parser hands over arrays it no longer touches, and nobody writes into them.
 */
public final class RespRequest {

  private final byte[][] args;

  public RespRequest(byte[][] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("a request has at least a command name");
    }
    this.args = args;
  }

  /** Builds a request from strings (UTF-8); for tests and internally generated commands. */
  public static RespRequest of(String... args) {
    byte[][] a = new byte[args.length][];
    for (int i = 0; i < args.length; i++) {
      a[i] = args[i].getBytes(StandardCharsets.UTF_8);
    }
    return new RespRequest(a);
  }

  /** Number of arguments including the command name (Redis's {@code argc}). */
  public int argc() {
    return args.length;
  }

  /** Argument {@code i}; 0 is the command name. */
  public byte[] arg(int i) {
    return args[i];
  }

  /** Argument {@code i} decoded as UTF-8. */
  public String argString(int i) {
    return new String(args[i], StandardCharsets.UTF_8);
  }

  /** The command name in lower case (ASCII folding only, as Redis does). */
  public String commandName() {
    byte[] n = args[0];
    char[] c = new char[n.length];
    for (int i = 0; i < n.length; i++) {
      int b = n[i] & 0xff;
      c[i] = (char) (b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
    return new String(c);
  }

  /** A copy with argument {@code i} replaced; for rewriting a write into its deterministic effect. */
  public RespRequest withArg(int i, byte[] value) {
    byte[][] copy = args.clone();
    copy[i] = value;
    return new RespRequest(copy);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (byte[] a : args) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(new String(a, StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RespRequest r && Arrays.deepEquals(args, r.args);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(args);
  }
}
