package org.vertxdynomite.coordinator;

import org.vertxdynomite.resp.Reply;

/**
 * The reply chosen for the client and which replica gave it: the index into the replica list the
 * combinator was given (0 is the local rack's owner), for metrics and read-repair decisions.
 */
public record ReplicaReply(Reply reply, int replica) {}
