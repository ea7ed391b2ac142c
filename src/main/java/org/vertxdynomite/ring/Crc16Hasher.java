package org.vertxdynomite.ring;

/**
 * {@code crc16}: CRC-16/XMODEM (polynomial {@code 0x1021}, initial value 0, no reflection), kept
 * in a 32-bit register that is never masked, as Dynomite (after twemproxy) computes it.
 *
 * <p>Because the register is shifted left by a byte per input byte without masking, its upper 16
 * bits keep the bits shifted out of earlier steps. The low 16 bits are the standard CRC (the check
 * value {@code "123456789"} gives {@code 0x31C3}); the token is the whole 32-bit register ({@code
 * 0x869031C3} for the same input).
 */
final class Crc16Hasher implements KeyHasher {

  private static final int POLYNOMIAL = 0x1021;
  private static final int[] TABLE = table();

  @Override
  public String name() {
    return "crc16";
  }

  @Override
  public long hash(byte[] key, int offset, int length) {
    Bytes.checkRange(key, offset, length);
    int crc = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      crc = (crc << 8) ^ TABLE[((crc >>> 8) ^ key[i]) & 0xFF];
    }
    return crc & Bytes.UINT32_MASK;
  }

  /** The usual byte-at-a-time table, derived from the polynomial rather than typed in. */
  private static int[] table() {
    int[] t = new int[256];
    for (int i = 0; i < 256; i++) {
      int c = i << 8;
      for (int bit = 0; bit < 8; bit++) {
        c = (c & 0x8000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
      }
      t[i] = c & 0xFFFF;
    }
    return t;
  }
}
