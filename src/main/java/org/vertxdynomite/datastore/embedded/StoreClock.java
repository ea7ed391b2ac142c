package org.vertxdynomite.datastore.embedded;

/** Wall-clock time in Unix milliseconds, injectable so that expiry can be tested without sleeping. */
@FunctionalInterface
public interface StoreClock {

  StoreClock SYSTEM = System::currentTimeMillis;

  long millis();
}
