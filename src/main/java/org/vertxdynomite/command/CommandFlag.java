package org.vertxdynomite.command;

import java.util.Locale;

/**
 * A command flag as Redis 7 reports it in {@code COMMAND} (e.g. {@code write}, {@code denyoom},
 * {@code movablekeys}). {@link #wireName()} is the spelling in the reply and in commands.json.
 */
public enum CommandFlag {
  WRITE,
  READONLY,
  DENYOOM,
  MODULE,
  ADMIN,
  PUBSUB,
  NOSCRIPT,
  BLOCKING,
  LOADING,
  STALE,
  SKIP_MONITOR,
  SKIP_SLOWLOG,
  ASKING,
  FAST,
  NO_AUTH,
  MAY_REPLICATE,
  SENTINEL,
  ONLY_SENTINEL,
  NO_MANDATORY_KEYS,
  PROTECTED,
  MODULE_GETKEYS,
  MODULE_NO_CLUSTER,
  NO_ASYNC_LOADING,
  NO_MULTI,
  MOVABLEKEYS,
  ALLOW_BUSY;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The flag as Redis spells it, e.g. {@code no_mandatory_keys}. */
  public String wireName() {
    return wireName;
  }

  /** The flag spelled {@code wireName}; an unknown flag means the table is newer than this code. */
  public static CommandFlag fromWireName(String wireName) {
    for (CommandFlag f : values()) {
      if (f.wireName.equals(wireName)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown command flag '" + wireName + "': add it to CommandFlag");
  }
}
