package org.vertxdynomite.datastore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.bulk;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.call;
import static org.vertxdynomite.datastore.embedded.StoreTestSupport.integer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.vertxdynomite.resp.RespRequest;

class EmbeddedStoreUnitTests {

  private final EmbeddedStore store = new EmbeddedStore(EmbeddedOptions.defaults());

  @Test
  void unknownCommandQuotesNameAndFirstArguments() {
    assertThat(call(store, "FOO", "a", "b")).isEqualTo("-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n");
    assertThat(call(store, "foo")).isEqualTo("-ERR unknown command 'foo', with args beginning with: \r\n");
  }

  @Test
  void wrongArityNamesTheCommandInLowerCase() {
    assertThat(call(store, "GET")).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
    assertThat(call(store, "Get", "a", "b")).isEqualTo("-ERR wrong number of arguments for 'get' command\r\n");
  }

  @Test
  void commandNamesAreMatchedInAnyLetterCase() {
    assertThat(call(store, "sEt", "k", "v")).isEqualTo("+OK\r\n");
    assertThat(call(store, "GeT", "k")).isEqualTo(bulk("v"));
  }

  @Test
  void onlyBlockingCommandsMayBlock() {
    assertThat(store.mayBlock(RespRequest.of("BLPOP", "l", "0"))).isTrue();
    assertThat(store.mayBlock(RespRequest.of("bzpopmin", "z", "0"))).isTrue();
    assertThat(store.mayBlock(RespRequest.of("GET", "k"))).isFalse();
    assertThat(store.mayBlock(RespRequest.of("nosuchcommand"))).isFalse();
  }

  @Test
  void wrongTypeIsReportedWithRedisWording() {
    call(store, "SET", "s", "v");
    assertThat(call(store, "INCR", "s")).isEqualTo("-ERR value is not an integer or out of range\r\n");
    call(store, "SET", "n", "1");
    assertThat(call(store, "INCR", "n")).isEqualTo(integer(2));
  }

  @Test
  void memoryEstimateGrowsWithDataAndReturnsToZeroWhenFlushed() {
    long empty = store.usedMemory();
    call(store, "SET", "k", "x".repeat(10_000));
    long one = store.usedMemory();
    assertThat(one - empty).isBetween(10_000L, 10_300L);
    call(store, "APPEND", "k", "y".repeat(10_000));
    assertThat(store.usedMemory()).isGreaterThan(one + 10_000);
    call(store, "DEL", "k");
    assertThat(store.usedMemory()).isEqualTo(empty);
    call(store, "SET", "a", "1");
    call(store, "FLUSHALL");
    assertThat(store.usedMemory()).isZero();
  }

  @Test
  void overMaxmemoryRefusesGrowingCommandsButServesReadsAndDeletes() {
    EmbeddedStore small = new EmbeddedStore(EmbeddedOptions.builder().maxmemory(50_000).build());
    String value = "v".repeat(1000);
    String reply = "";
    int i = 0;
    for (; i < 1000 && !reply.startsWith("-"); i++) {
      reply = call(small, "SET", "k" + i, value);
    }
    assertThat(reply).isEqualTo("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
    assertThat(i).isBetween(40, 60);
    assertThat(call(small, "GET", "k0")).isEqualTo(bulk(value));
    assertThat(call(small, "APPEND", "k0", "x")).startsWith("-OOM");
    assertThat(call(small, "DEL", "k0", "k1", "k2")).isEqualTo(integer(3));
    assertThat(call(small, "SET", "again", "x")).isEqualTo("+OK\r\n");
  }

  @Test
  void commandsFromManyThreadsAreAtomic() throws Exception {
    int threads = 8;
    int perThread = 5_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perThread; i++) {
          call(store, "INCR", "counter");
          call(store, "APPEND", "log", "x");
        }
      });
      th.start();
      ts.add(th);
    }
    start.countDown();
    for (Thread th : ts) {
      th.join(60_000);
    }
    assertThat(call(store, "GET", "counter")).isEqualTo(bulk(Integer.toString(threads * perThread)));
    assertThat(call(store, "STRLEN", "log")).isEqualTo(integer((long) threads * perThread));
  }

  @Test
  void dumpAndRestoreRoundTripAndRejectCorruptPayloads() {
    call(store, "SET", "k", "hello");
    byte[] payload = ((org.vertxdynomite.resp.BulkReply) store.execute(
        RespRequest.of("DUMP", "k"))).value();
    byte[][] restore = {"RESTORE".getBytes(), "k2".getBytes(), "0".getBytes(), payload};
    assertThat(store.execute(new org.vertxdynomite.resp.RespRequest(restore)).toBuffer().toString())
        .isEqualTo("+OK\r\n");
    assertThat(call(store, "GET", "k2")).isEqualTo(bulk("hello"));
    payload[1] ^= 1;
    byte[][] bad = {"RESTORE".getBytes(), "k3".getBytes(), "0".getBytes(), payload};
    assertThat(store.execute(new org.vertxdynomite.resp.RespRequest(bad)).toBuffer().toString())
        .isEqualTo("-ERR DUMP payload version or checksum are wrong\r\n");
    assertThat(call(store, "RESTORE", "k2", "0", "x")).isEqualTo("-BUSYKEY Target key name already exists.\r\n");
  }
}
