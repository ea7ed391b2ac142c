package org.vertxdynomite.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each function against its algorithm's published reference vectors, and, where Dynomite
 * truncates or alters the standard output, the token Dynomite derives from that same vector.
 */
class StandardHashVectorsUnitTests {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static long hash(String algorithm, String key) {
    return HashAlgorithms.byName(algorithm).hash(ascii(key));
  }

  // The three keys the project brief fixes for Dynomite's default function.
  @ParameterizedTest(name = "murmur(\"{0}\") = {1}")
  @CsvSource({"a, 1262581116", "user, 3703938342", "user:1, 3587224931"})
  void murmurGivesDynomiteTokens(String key, long token) {
    assertThat(hash("murmur", key)).isEqualTo(token);
  }

  @Test
  void murmurOfEmptyKeyIsZero() {
    // Seed 0xdeadbeef * 0 = 0 and no bytes: every mixing step keeps 0.
    assertThat(hash("murmur", "")).isZero();
  }

  // CRC catalogue check value of CRC-32 (ISO-HDLC): "123456789" -> 0xCBF43926.
  @Test
  void crc32aIsTheStandardCrc32() {
    assertThat(hash("crc32a", "123456789")).isEqualTo(0xCBF43926L);
    assertThat(hash("crc32a", "")).isZero();
  }

  @Test
  void crc32KeepsBits16To30OfTheStandardCrc32() {
    // 0xCBF43926 >>> 16 = 0xCBF4; masked to 15 bits = 0x4BF4.
    assertThat(hash("crc32", "123456789")).isEqualTo(0x4BF4L);
  }

  // CRC catalogue check value of CRC-16/XMODEM: "123456789" -> 0x31C3; single byte "a" -> 0x7C87.
  @Test
  void crc16LowHalfIsCrc16XmodemAndUpperHalfKeepsShiftedOutBits() {
    long token = hash("crc16", "123456789");
    assertThat(token & 0xFFFF).isEqualTo(0x31C3L);
    assertThat(token).isEqualTo(0x869031C3L);
    assertThat(hash("crc16", "a")).isEqualTo(0x7C87L);
    assertThat(hash("crc16", "")).isZero();
  }

  // FNV reference test vectors (Landon Curt Noll's FNV test suite) for "", "a" and "foobar".
  @ParameterizedTest(name = "{0}(\"{1}\")")
  @CsvSource({
    "fnv1_64,  '',     cbf29ce484222325",
    "fnv1_64,  a,      af63bd4c8601b7be",
    "fnv1_64,  foobar, 340d8765a4dda9c2",
    "fnv1a_64, '',     cbf29ce484222325",
    "fnv1a_64, a,      af63dc4c8601ec8c",
    "fnv1a_64, foobar, 85944171f73967e8",
    "fnv1_32,  '',     811c9dc5",
    "fnv1_32,  a,      050c5d7e",
    "fnv1_32,  foobar, 31f0b262",
    "fnv1a_32, '',     811c9dc5",
    "fnv1a_32, a,      e40c292c",
    "fnv1a_32, foobar, bf9cf968",
  })
  void fnvMatchesReferenceAndKeepsLow32Bits(String name, String key, String referenceHex) {
    long reference = Long.parseUnsignedLong(referenceHex, 16);
    FnvHasher fnv = (FnvHasher) HashAlgorithms.byName(name);
    byte[] bytes = ascii(key);
    if (name.endsWith("_64")) {
      assertThat(fnv.fullWidth(bytes, 0, bytes.length)).isEqualTo(reference);
    }
    assertThat(fnv.hash(bytes)).isEqualTo(reference & 0xFFFF_FFFFL);
  }

  // RFC 1321 appendix A.5 test suite; Dynomite's token is digest bytes 0..3 read little-endian.
  @ParameterizedTest(name = "md5(\"{0}\")")
  @CsvSource({
    "'', d41d8cd98f00b204e9800998ecf8427e, 3649838548",
    "a, 0cc175b9c0f1b6a831c399e269772661, 3111502092",
    "abc, 900150983cd24fb0d6963f7d28e17f72, 2555380112",
    "message digest, f96b697d7cb7938d525a2f31aaf161d0, 2104060921",
    "abcdefghijklmnopqrstuvwxyz, c3fcd3d76192e4007dfb496cca67e13b, 3620994243",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789,"
        + " d174ab98d277d9f5a5611c2c9f419d9f, 2561373393",
    "12345678901234567890123456789012345678901234567890123456789012345678901234567890,"
        + " 57edf4a22be3c955ac49da2e2107b67a, 2733960535",
  })
  void md5TokenIsFirstFourDigestBytesLittleEndian(String key, String digestHex, long token) {
    byte[] digest = HexFormat.of().parseHex(digestHex);
    long fromDigest =
        (digest[0] & 0xFFL) | (digest[1] & 0xFFL) << 8 | (digest[2] & 0xFFL) << 16
            | (digest[3] & 0xFFL) << 24;
    assertThat(fromDigest).isEqualTo(token);
    assertThat(hash("md5", key)).isEqualTo(token);
  }

  // Bob Jenkins's lookup3.c self-test (driver5) values for hashlittle.
  @Test
  void jenkinsCoreMatchesLookup3SelfTest() {
    byte[] fourScore = ascii("Four score and seven years ago");
    assertThat(JenkinsHasher.hashLittle(new byte[0], 0, 0, 0)).isEqualTo(0xdeadbeefL);
    assertThat(JenkinsHasher.hashLittle(fourScore, 0, fourScore.length, 0)).isEqualTo(0x17770551L);
    assertThat(JenkinsHasher.hashLittle(fourScore, 0, fourScore.length, 1)).isEqualTo(0xcd628161L);
  }

  @Test
  void jenkinsUsesInitialValue13() {
    byte[] fourScore = ascii("Four score and seven years ago");
    assertThat(hash("jenkins", "Four score and seven years ago"))
        .isEqualTo(JenkinsHasher.hashLittle(fourScore, 0, fourScore.length, 13));
    // Empty key: no mixing, the initial state 0xdeadbeef + 0 + 13.
    assertThat(hash("jenkins", "")).isEqualTo(0xdeadbefcL);
  }

  // A 12-byte key is one final block (no mix); 13 and 24 cross the block boundary. Values from a
  // C restatement of Dynomite's byte-wise lookup3 path.
  @ParameterizedTest(name = "jenkins(\"{0}\") = {1}")
  @CsvSource({
    "abcdefghijkl, 4220209635",
    "abcdefghijklm, 3055675487",
    "abcdefghijklmnopqrstuvwx, 192687062",
  })
  void jenkinsHandlesTheTwelveByteBlockBoundary(String key, long token) {
    assertThat(hash("jenkins", key)).isEqualTo(token);
  }

  // Widely published MurmurHash3_x86_32 vectors (as checked against SMHasher's implementation).
  @ParameterizedTest(name = "murmur3_x86_32(\"{0}\", seed {1})")
  @CsvSource({
    "'', 00000000, 00000000",
    "'', 00000001, 514e28b7",
    "'', ffffffff, 81f16f39",
    "aaaa, 9747b28c, 5a97808a",
    "'Hello, world!', 9747b28c, 24884cba",
    "The quick brown fox jumps over the lazy dog, 9747b28c, 2fa826cd",
    "The quick brown fox jumps over the lazy dog, 00000000, 2e4ff723",
  })
  void murmur3CoreMatchesReferenceVectors(String key, String seedHex, String expectedHex) {
    byte[] bytes = ascii(key);
    int seed = Integer.parseUnsignedInt(seedHex, 16);
    assertThat(Murmur3Hasher.murmur3x86_32(bytes, 0, bytes.length, seed))
        .isEqualTo(Long.parseLong(expectedHex, 16));
  }

  @Test
  void murmur3OfFourZeroBytesMatchesReference() {
    assertThat(Murmur3Hasher.murmur3x86_32(new byte[4], 0, 4, 0)).isEqualTo(0x2362f9deL);
  }

  @Test
  void murmur3UsesDynomitesSeed() {
    byte[] a = ascii("a");
    assertThat(hash("murmur3", "a"))
        .isEqualTo(Murmur3Hasher.murmur3x86_32(a, 0, 1, 0xc0a1e5ce))
        .isEqualTo(120148600L);
    assertThat(hash("murmur3", "user")).isEqualTo(1720281631L);
  }

  @Test
  void hsiehOfEmptyKeyIsZero() {
    assertThat(hash("hsieh", "")).isZero();
  }

  @Test
  void oneAtATimeSignExtendsHighBytesLikeDynomitesSignedChar() {
    byte[] ete = "été".getBytes(StandardCharsets.UTF_8); // c3 a9 74 c3 a9
    long token = HashAlgorithms.byName("one_at_a_time").hash(ete);
    assertThat(token).isEqualTo(2144029493L);
    assertThat(token).isNotEqualTo(oneAtATimeWithUnsignedBytes(ete));
  }

  /** The textbook function, bytes taken as unsigned: what Dynomite does not do. */
  private static long oneAtATimeWithUnsignedBytes(byte[] key) {
    int h = 0;
    for (byte b : key) {
      h += b & 0xFF;
      h += h << 10;
      h ^= h >>> 6;
    }
    h += h << 3;
    h ^= h >>> 11;
    h += h << 15;
    return h & 0xFFFF_FFFFL;
  }
}
