package org.vertxdynomite.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HashTagUnitTests {

  private static final HashTag BRACES = HashTag.of("{}");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The part of {@code key} that {@code tag} hashes, read back through start/end. */
  private static String tagged(HashTag tag, String key) {
    byte[] bytes = ascii(key);
    int start = tag.start(bytes, 0, bytes.length);
    int end = tag.end(bytes, 0, bytes.length);
    return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
  }

  @ParameterizedTest(name = "\"{0}\" hashes \"{1}\"")
  @CsvSource({
    "{user1000}.following, user1000",
    "prefix{user1000}suffix, user1000",
    "plain, plain",
    // Opening character without a closing one after it: the whole key.
    "{unclosed, {unclosed",
    "abc{, abc{",
    // A closing character alone, or only before the opening one, does not count.
    "a}b, a}b",
    "a}b{c}, c",
    "}{, }{",
    // First opening character, then the first closing character after it.
    "a{b{c}d, b{c",
    "{a}{b}, a",
    "{{a}}, {a",
  })
  void hashesTheBytesBetweenFirstOpeningAndNextClosingCharacter(String key, String expected) {
    assertThat(tagged(BRACES, key)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "a{}", "{}b", "x{}y{z}"})
  void emptyTagHashesTheEmptyStringLikeDynomite(String key) {
    assertThat(tagged(BRACES, key)).isEmpty();
    byte[] bytes = ascii(key);
    KeyHasher murmur = HashAlgorithms.byName("murmur");
    assertThat(BRACES.hash(murmur, bytes, 0, bytes.length)).isEqualTo(murmur.hash(new byte[0]));
  }

  @Test
  void keysSharingATagShareAToken() {
    KeyHasher murmur = HashAlgorithms.byName("murmur");
    byte[] following = ascii("{user1000}.following");
    byte[] followers = ascii("{user1000}.followers");
    assertThat(BRACES.hash(murmur, following, 0, following.length))
        .isEqualTo(BRACES.hash(murmur, followers, 0, followers.length))
        .isEqualTo(murmur.hash(ascii("user1000")));
  }

  @Test
  void sameCharacterMayOpenAndClose() {
    HashTag dollars = HashTag.of("$$");
    assertThat(tagged(dollars, "a$b$c")).isEqualTo("b");
    assertThat(tagged(dollars, "a$b")).isEqualTo("a$b");
    assertThat(tagged(dollars, "$$x")).isEmpty();
  }

  @Test
  void worksWithinALargerArrayWithoutLookingOutsideTheRange() {
    // The buffer holds braces outside the key's range; only the range counts.
    byte[] buffer = ascii("{zz}abc{tag}def{yy}");
    int offset = 4;
    int length = "abc{tag}def".length();
    assertThat(BRACES.start(buffer, offset, length)).isEqualTo(8);
    assertThat(BRACES.end(buffer, offset, length)).isEqualTo(11);
    // A range whose closing brace lies just past its end is not tagged.
    assertThat(BRACES.start(buffer, 4, 7)).isEqualTo(4);
    assertThat(BRACES.end(buffer, 4, 7)).isEqualTo(11);
    KeyHasher fnv = HashAlgorithms.byName("fnv1a_32");
    assertThat(BRACES.hash(fnv, buffer, offset, length)).isEqualTo(fnv.hash(ascii("tag")));
  }

  @Test
  void noneHashesTheWholeKey() {
    assertThat(HashTag.NONE.isNone()).isTrue();
    assertThat(BRACES.isNone()).isFalse();
    assertThat(tagged(HashTag.NONE, "{user1000}.following")).isEqualTo("{user1000}.following");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{}}", "«»", "{»"})
  void tagMustBeExactlyTwoAsciiCharacters(String chars) {
    assertThatThrownBy(() -> HashTag.of(chars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two ASCII characters");
  }

  @Test
  void equalTagsAreEqualAndPrintAsTheirCharacters() {
    assertThat(HashTag.of("{}")).isEqualTo(BRACES).hasSameHashCodeAs(BRACES);
    assertThat(HashTag.of("[]")).isNotEqualTo(BRACES);
    assertThat(BRACES).hasToString("{}");
    assertThat(HashTag.NONE).hasToString("none");
  }

  @Test
  void partitionerAppliesTheTagThenTheHash() {
    Partitioner partitioner = new Partitioner(HashAlgorithms.byName("crc32a"), BRACES);
    assertThat(partitioner.token(ascii("x{123456789}y"))).isEqualTo(0xCBF43926L);
    assertThat(Partitioner.DEFAULT.hasher().name()).isEqualTo("murmur");
    assertThat(Partitioner.DEFAULT.hashTag()).isEqualTo(HashTag.NONE);
    assertThat(Partitioner.DEFAULT.token(ascii("user:1"))).isEqualTo(3587224931L);
  }
}
