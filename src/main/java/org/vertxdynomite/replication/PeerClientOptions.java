package org.vertxdynomite.replication;

/**
 * Limits of a {@link PeerClient}, per destination address. Immutable; validated on construction.
 *
 * @param maxBatchRequests a batch is sent as soon as it holds this many requests
 * @param maxBatchBytes a batch is sent as soon as its requests' encoded size reaches this
 * @param maxInFlight requests to one destination that may await replies (sent or batched) before
 *     further ones fail at once with {@code ERR Peer: Too many requests in flight}
 */
public record PeerClientOptions(int maxBatchRequests, int maxBatchBytes, int maxInFlight) {

  public static final int DEFAULT_MAX_BATCH_REQUESTS = 512;
  public static final int DEFAULT_MAX_BATCH_BYTES = 256 * 1024;
  public static final int DEFAULT_MAX_IN_FLIGHT = 16_384;

  public static final PeerClientOptions DEFAULT =
      new PeerClientOptions(DEFAULT_MAX_BATCH_REQUESTS, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_IN_FLIGHT);

  public PeerClientOptions {
    positive("maxBatchRequests", maxBatchRequests);
    positive("maxBatchBytes", maxBatchBytes);
    positive("maxInFlight", maxInFlight);
  }

  public PeerClientOptions withMaxBatchRequests(int n) {
    return new PeerClientOptions(n, maxBatchBytes, maxInFlight);
  }

  public PeerClientOptions withMaxBatchBytes(int n) {
    return new PeerClientOptions(maxBatchRequests, n, maxInFlight);
  }

  public PeerClientOptions withMaxInFlight(int n) {
    return new PeerClientOptions(maxBatchRequests, maxBatchBytes, n);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
