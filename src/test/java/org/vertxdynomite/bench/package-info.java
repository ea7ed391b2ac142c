/**
 * JMH microbenchmarks of the data path's pure parts: the RESP request parser, key hashing with the
 * token-ring lookup, and the quorum combine. Run them with {@code bench/jmh} (see
 * docs/BENCHMARKS.md); they are not tests and no test run executes them.
 */
package org.vertxdynomite.bench;
