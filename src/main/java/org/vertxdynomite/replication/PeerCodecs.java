package org.vertxdynomite.replication;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/** Registers the peer codecs on a Vert.x instance's event bus; {@link PeerClient} and {@link PeerServer} call it. */
public final class PeerCodecs {

  private PeerCodecs() {}

  /** Registers both codecs unless already registered; safe to call once per client or server. */
  public static void register(Vertx vertx) {
    EventBus bus = vertx.eventBus();
    registerOnce(bus, new RequestBatchCodec());
    registerOnce(bus, new ReplyBatchCodec());
  }

  private static void registerOnce(EventBus bus, MessageCodec<?, ?> codec) {
    try {
      bus.registerCodec(codec);
    } catch (IllegalStateException alreadyRegistered) {
      // Another client or server on this Vert.x instance registered it first: nothing to do.
    }
  }
}
