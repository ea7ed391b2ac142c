package org.vertxdynomite.ring;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code md5}: the first four bytes of the key's MD5 digest, read little-endian (digest bytes 3, 2,
 * 1, 0 from most to least significant), as Dynomite and libmemcached do.
 *
 * <p>A {@link MessageDigest} is not thread-safe, so each thread keeps its own digest and output
 * buffer; after the first call on a thread nothing is allocated.
 */
final class Md5Hasher implements KeyHasher {

  private static final int DIGEST_LENGTH = 16;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  @Override
  public String name() {
    return "md5";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Bytes.checkRange(key, offset, length);
    Scratch s = SCRATCH.get();
    s.md5.update(key, offset, length);
    try {
      s.md5.digest(s.digest, 0, DIGEST_LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("MD5 output buffer too small", e);
    }
    return Bytes.intLE(s.digest, 0) & Bytes.UINT32_MASK;
  }

  private static final class Scratch {
    final MessageDigest md5;
    final byte[] digest = new byte[DIGEST_LENGTH];

    Scratch() {
      try {
        md5 = MessageDigest.getInstance("MD5");
      } catch (NoSuchAlgorithmException e) {
        // Every Java platform must provide MD5.
        throw new IllegalStateException("MD5 is not available", e);
      }
    }
  }
}
