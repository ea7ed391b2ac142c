package org.vertxdynomite.handoff;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a hint is owed to: one node (a write it missed as a replica or owner) or a whole remote
 * datacenter (a cross-datacenter write its replicator could not take).
 *
 * <p>{@link #id()} is the stable text form used in logs and metrics: the node's name {@code
 * dc/rack/host:port} ({@code NodeInfo.name()}), or {@code dc:NAME} for a datacenter. {@link
 * #directoryName()} is the form used as a directory under {@code <data_dir>/hints/}: reversible,
 * and made only of characters every file system accepts.
 */
public sealed interface HintTarget {

  /** The text form: {@code dc/rack/host:port} or {@code dc:NAME}. */
  String id();

  /** A directory name that {@link #fromDirectoryName} turns back into this target. */
  String directoryName();

  /** A node, by its stable name {@code dc/rack/host:port}. */
  static HintTarget node(String name) {
    return new Node(name);
  }

  /** A remote datacenter, reached through its replicator. */
  static HintTarget datacenter(String dc) {
    return new Datacenter(dc);
  }

  /** The target whose {@link #id()} is {@code id}: {@code dc:NAME} is a datacenter, anything else a node. */
  static HintTarget parse(String id) {
    return id.startsWith(Datacenter.PREFIX) ? new Datacenter(id.substring(Datacenter.PREFIX.length())) : new Node(id);
  }

  /** The target a directory of the hint log stands for; empty for a directory that is not one. */
  static Optional<HintTarget> fromDirectoryName(String dir) {
    try {
      if (dir.startsWith(Node.DIR_PREFIX)) {
        return Optional.of(new Node(DirNames.decode(dir.substring(Node.DIR_PREFIX.length()))));
      }
      if (dir.startsWith(Datacenter.DIR_PREFIX)) {
        return Optional.of(new Datacenter(DirNames.decode(dir.substring(Datacenter.DIR_PREFIX.length()))));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A node, named {@code dc/rack/host:port}. */
  record Node(String name) implements HintTarget {
    static final String DIR_PREFIX = "node-";

    public Node {
      requireText(name, "node name");
      if (name.startsWith(Datacenter.PREFIX)) {
        throw new IllegalArgumentException("a node name cannot start with " + Datacenter.PREFIX + ": " + name);
      }
    }

    @Override
    public String id() {
      return name;
    }

    @Override
    public String directoryName() {
      return DIR_PREFIX + DirNames.encode(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A remote datacenter, named as in its nodes' {@code datacenter} key. */
  record Datacenter(String name) implements HintTarget {
    static final String PREFIX = "dc:";
    static final String DIR_PREFIX = "dc-";

    public Datacenter {
      requireText(name, "datacenter name");
    }

    @Override
    public String id() {
      return PREFIX + name;
    }

    @Override
    public String directoryName() {
      return DIR_PREFIX + DirNames.encode(name);
    }

    @Override
    public String toString() {
      return id();
    }
  }

  private static void requireText(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty " + what);
    }
  }
}
