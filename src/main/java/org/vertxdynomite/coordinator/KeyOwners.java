package org.vertxdynomite.coordinator;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.vertxdynomite.command.CommandInfo;
import org.vertxdynomite.resp.RespRequest;

/**
 * Checks that a multi-key command that cannot be split (SUNIONSTORE, RENAME, BLMOVE, MSETNX …)
 * has all its keys on one owner, as it must to run where its data is.
 *
 * <p>Redis Cluster refuses such requests with {@code CROSSSLOT Keys in request don't hash to the
 * same slot}; Dynomite has no check outside scripts ({@code Keys in the script cannot span multiple
 * nodes}). The node answers {@link CoordinatorErrors#keysOnDifferentNodes}.
 */
public final class KeyOwners {

  private KeyOwners() {}

  /**
   * The owner of every key of {@code request}, or empty when it has none (a keyless command, or a
   * request so malformed that its keys cannot be found: any node may answer its error).
   *
   * @param ownerOf the owner of a key; see {@link MultiKeySplit} on racks laid out differently
   * @param hashTag the configured {@code hash_tag} for the error's advice, or null
   * @throws org.vertxdynomite.resp.RespError when the keys have different owners
   */
  public static <N> Optional<N> common(RespRequest request, CommandInfo command, Function<byte[], N> ownerOf,
      String hashTag) {
    N owner = null;
    for (int position : command.keyPositions(request)) {
      N next = Objects.requireNonNull(ownerOf.apply(request.arg(position)), "owner of a key");
      if (owner == null) {
        owner = next;
      } else if (!owner.equals(next)) {
        throw CoordinatorErrors.keysOnDifferentNodes(command.name(), hashTag);
      }
    }
    return Optional.ofNullable(owner);
  }
}
