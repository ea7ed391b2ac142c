package org.vertxdynomite.datastore.embedded;

import java.nio.charset.StandardCharsets;
import org.vertxdynomite.resp.RespRequest;

/** Small helpers for unit tests that drive an {@link EmbeddedStore} directly. */
final class StoreTestSupport {

  private StoreTestSupport() {}

  /** Runs a command and returns its reply as RESP text, e.g. {@code "+OK\r\n"}. */
  static String call(EmbeddedStore store, String... args) {
    return store.execute(RespRequest.of(args)).toBuffer().toString(StandardCharsets.UTF_8);
  }

  static String bulk(String s) {
    return "$" + s.getBytes(StandardCharsets.UTF_8).length + "\r\n" + s + "\r\n";
  }

  static String integer(long n) {
    return ":" + n + "\r\n";
  }
}
