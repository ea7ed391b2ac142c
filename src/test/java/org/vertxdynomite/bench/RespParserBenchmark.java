package org.vertxdynomite.bench;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import org.vertxdynomite.resp.ProtocolError;
import org.vertxdynomite.resp.RequestHandler;
import org.vertxdynomite.resp.RespRequest;
import org.vertxdynomite.resp.RespRequestParser;

/**
 * The RESP request parser on what redis-benchmark sends: 16 pipelined SETs (or GETs) in one read,
 * as one buffer or split in small reads that cut requests apart. Score: time per read of 16
 * requests.
 */
public class RespParserBenchmark extends Microbenchmark {

  private static final int PIPELINE = 16;

  @Param({"SET", "GET"})
  public String command;

  @Param({"100", "1024"})
  public int valueSize;

  /** Bytes per read the socket hands over; 0 means the whole pipeline in one read. */
  @Param({"0", "512"})
  public int readSize;

  private Buffer[] reads;

  @Setup
  public void setUp() {
    String value = "x".repeat(valueSize);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < PIPELINE; i++) {
      String key = "key:" + (100_000 + i);
      if (command.equals("SET")) {
        sb.append("*3\r\n$3\r\nSET\r\n$").append(key.length()).append("\r\n").append(key).append("\r\n$")
            .append(value.length()).append("\r\n").append(value).append("\r\n");
      } else {
        sb.append("*2\r\n$3\r\nGET\r\n$").append(key.length()).append("\r\n").append(key).append("\r\n");
      }
    }
    byte[] all = sb.toString().getBytes(StandardCharsets.US_ASCII);
    int chunk = readSize == 0 ? all.length : readSize;
    int n = (all.length + chunk - 1) / chunk;
    reads = new Buffer[n];
    for (int i = 0; i < n; i++) {
      int from = i * chunk;
      reads[i] = Buffer.buffer().appendBytes(all, from, Math.min(chunk, all.length - from));
    }
  }

  @Benchmark
  public void parsePipeline(Blackhole bh) {
    RespRequestParser parser = new RespRequestParser(new Sink(bh));
    for (Buffer read : reads) {
      parser.handle(read);
    }
  }

  private record Sink(Blackhole bh) implements RequestHandler {
    @Override
    public void handle(RespRequest request) {
      bh.consume(request);
    }

    @Override
    public void fail(ProtocolError error) {
      throw new IllegalStateException(error.toString());
    }
  }
}
