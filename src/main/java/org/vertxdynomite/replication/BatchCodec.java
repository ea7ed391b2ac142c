package org.vertxdynomite.replication;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The framing both peer codecs share: body length, version, item count, the items, and nothing
 * after them. Subclasses say how one item is written and read.
 *
 * @param <B> the batch type, the message body
 * @param <T> one item of the batch
 */
abstract class BatchCodec<B, T> implements MessageCodec<B, B> {

  private final String name;
  private final Function<B, List<T>> items;
  private final Function<List<T>, B> batch;

  BatchCodec(String name, Function<B, List<T>> items, Function<List<T>, B> batch) {
    this.name = name;
    this.items = items;
    this.batch = batch;
  }

  abstract void writeItem(Buffer out, T item);

  abstract T readItem(WireReader in);

  @Override
  public final void encodeToWire(Buffer out, B body) {
    int at = Wire.beginBody(out);
    List<T> list = items.apply(body);
    Wire.writeVarLong(out, list.size());
    for (T item : list) {
      writeItem(out, item);
    }
    Wire.endBody(out, at);
  }

  @Override
  public final B decodeFromWire(int pos, Buffer in) {
    WireReader r = WireReader.openBody(in, pos);
    int n = r.readCount();
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readItem(r));
    }
    r.expectEnd();
    return batch.apply(list);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final byte systemCodecID() {
    return -1;
  }
}
