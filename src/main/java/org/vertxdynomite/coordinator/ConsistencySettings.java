package org.vertxdynomite.coordinator;

import org.vertxdynomite.config.Consistency;

/**
 * The node's read and write consistency levels, changeable at runtime (the admin port's
 * {@code /set_consistency}); a change applies to the next request of every connection at once.
 */
public final class ConsistencySettings {

  private volatile Consistency read;
  private volatile Consistency write;

  public ConsistencySettings(Consistency read, Consistency write) {
    this.read = read;
    this.write = write;
  }

  public Consistency read() {
    return read;
  }

  public Consistency write() {
    return write;
  }

  public void read(Consistency level) {
    this.read = java.util.Objects.requireNonNull(level);
  }

  public void write(Consistency level) {
    this.write = java.util.Objects.requireNonNull(level);
  }
}
