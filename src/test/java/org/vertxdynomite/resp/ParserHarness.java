package org.vertxdynomite.resp;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Feeds inputs to a {@link RespRequestParser} in chosen fragments and records what it reports. */
final class ParserHarness {

  private ParserHarness() {}

  /**
   * What a parser made of an input: the requests, the protocol error's message if any, and whether
   * it ended between requests (nothing partly received).
   */
  record Outcome(List<RespRequest> requests, String error, boolean idle) {

    @Override
    public String toString() {
      return "requests=" + requests.stream().map(r -> escape(argsOf(r))).toList() + " error=" + error + " idle=" + idle;
    }
  }

  /** A handler that records, and fails the test if anything arrives after fail(). */
  static final class Recorder implements RequestHandler {
    final List<RespRequest> requests = new ArrayList<>();
    ProtocolError error;

    @Override
    public void handle(RespRequest request) {
      if (error != null) {
        throw new AssertionError("request delivered after fail(): " + request);
      }
      requests.add(request);
    }

    @Override
    public void fail(ProtocolError e) {
      if (error != null) {
        throw new AssertionError("fail() called twice: " + error + " then " + e);
      }
      error = e;
    }
  }

  /** Cuts an input into the fragments fed to the parser. */
  interface Splitter {
    List<byte[]> split(byte[] input);
  }

  static final Splitter WHOLE = input -> List.of(input);

  static final Splitter BYTE_BY_BYTE = input -> {
    List<byte[]> parts = new ArrayList<>(input.length);
    for (byte b : input) {
      parts.add(new byte[] {b});
    }
    return parts;
  };

  /** Random fragment sizes, mostly small, sometimes large. */
  static Splitter randomFragments(long seed) {
    return input -> {
      Random random = new Random(seed);
      List<byte[]> parts = new ArrayList<>();
      int pos = 0;
      while (pos < input.length) {
        int max = random.nextInt(10) == 0 ? 70_000 : random.nextInt(3) == 0 ? 300 : 12;
        int n = Math.min(input.length - pos, 1 + random.nextInt(max));
        byte[] part = new byte[n];
        System.arraycopy(input, pos, part, 0, n);
        parts.add(part);
        pos += n;
      }
      return parts;
    };
  }

  static Outcome parse(byte[] input, Splitter splitter, ParserLimits limits) {
    Recorder recorder = new Recorder();
    RespRequestParser parser = new RespRequestParser(recorder, limits);
    for (byte[] part : splitter.split(input)) {
      parser.handle(Buffer.buffer(part));
    }
    return new Outcome(recorder.requests, recorder.error == null ? null : recorder.error.getMessage(), parser.isIdle());
  }

  static Outcome parse(byte[] input) {
    return parse(input, WHOLE, ParserLimits.DEFAULT);
  }

  /** The exact bytes written back for the protocol error the input causes. */
  static byte[] errorReply(byte[] input) {
    Recorder recorder = new Recorder();
    new RespRequestParser(recorder).handle(Buffer.buffer(input));
    return recorder.error.toBuffer().getBytes();
  }

  /** Bytes of a string, one byte per char (chars must be below 256). */
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] repeat(char c, int n) {
    return bytes(String.valueOf(c).repeat(n));
  }

  static List<byte[]> argsOf(RespRequest r) {
    List<byte[]> a = new ArrayList<>(r.argc());
    for (int i = 0; i < r.argc(); i++) {
      a.add(r.arg(i));
    }
    return a;
  }

  /** A readable form of an input for failure messages: printable ASCII kept, the rest as \xHH. */
  static String escape(byte[] b) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(b.length, 400);
    for (int i = 0; i < shown; i++) {
      int c = b[i] & 0xff;
      sb.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return b.length > shown ? sb + "...(" + b.length + " bytes)" : sb.toString();
  }

  private static String escape(List<byte[]> args) {
    return args.stream().map(ParserHarness::escape).toList().toString();
  }
}
