package org.vertxdynomite.testutil;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking RESP2 client that returns replies as the exact bytes the server sent: for comparing a
 * node's replies with redis-server's byte for byte, and for sending malformed input.
 */
public final class RawRespClient implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public RawRespClient(String host, int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), 2000);
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream(), 65536);
    out = socket.getOutputStream();
  }

  /** Sends a command as a RESP array of bulk strings and returns the reply's raw bytes. */
  public byte[] call(byte[]... args) throws IOException {
    sendCommand(args);
    return readReply();
  }

  public byte[] call(String... args) throws IOException {
    return call(toBytes(args));
  }

  /** {@link #call(String...)} with the reply decoded as UTF-8, e.g. {@code "+OK\r\n"}. */
  public String callString(String... args) throws IOException {
    return new String(call(args), StandardCharsets.UTF_8);
  }

  public void sendCommand(byte[]... args) throws IOException {
    out.write(encode(args));
    out.flush();
  }

  public void sendCommand(String... args) throws IOException {
    sendCommand(toBytes(args));
  }

  /** Sends raw bytes, e.g. inline commands or malformed input. */
  public void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public void sendRaw(String s) throws IOException {
    sendRaw(s.getBytes(StandardCharsets.UTF_8));
  }

  public void setReadTimeoutMillis(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  /** Reads one complete reply (nested arrays included) and returns its bytes. */
  public byte[] readReply() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    readValue(buf);
    return buf.toByteArray();
  }

  public String readReplyString() throws IOException {
    return new String(readReply(), StandardCharsets.UTF_8);
  }

  /** True when the server has closed the connection (reads EOF within the read timeout). */
  public boolean isClosedByPeer() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  private void readValue(ByteArrayOutputStream buf) throws IOException {
    String line = readLine(buf);
    char type = line.charAt(0);
    switch (type) {
      case '+', '-', ':' -> { }
      case '$' -> {
        int len = Integer.parseInt(line.substring(1));
        if (len >= 0) {
          byte[] data = in.readNBytes(len + 2);
          if (data.length < len + 2) {
            throw new EOFException("connection closed inside a bulk reply");
          }
          buf.write(data);
        }
      }
      case '*' -> {
        int n = Integer.parseInt(line.substring(1));
        for (int i = 0; i < n; i++) {
          readValue(buf);
        }
      }
      default -> throw new IOException("not a RESP2 reply: " + line);
    }
  }

  private String readLine(ByteArrayOutputStream buf) throws IOException {
    StringBuilder sb = new StringBuilder();
    int prev = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed; read so far: " + sb);
      }
      buf.write(b);
      if (prev == '\r' && b == '\n') {
        return sb.substring(0, sb.length() - 1);
      }
      sb.append((char) b);
      prev = b;
    }
  }

  /** The RESP2 encoding of a command. */
  public static byte[] encode(byte[]... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (byte[] a : args) {
      o.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      o.writeBytes(a);
      o.writeBytes(new byte[] {'\r', '\n'});
    }
    return o.toByteArray();
  }

  private static byte[][] toBytes(String... args) {
    byte[][] b = new byte[args.length][];
    for (int i = 0; i < args.length; i++) {
      b[i] = args[i].getBytes(StandardCharsets.UTF_8);
    }
    return b;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
