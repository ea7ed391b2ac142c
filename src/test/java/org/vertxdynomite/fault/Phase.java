package org.vertxdynomite.fault;

/** When, relative to the fault, an outcome happened. */
public enum Phase {
  /** Load before the fault. */
  BEFORE,
  /** From the fault until the faulty part is back (a restarted node or redis answers PING; SIGCONT sent). */
  FAULT,
  /** Load after recovery. */
  AFTER
}
