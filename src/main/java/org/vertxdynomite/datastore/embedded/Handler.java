package org.vertxdynomite.datastore.embedded;

import org.vertxdynomite.resp.Reply;

/** Runs one command against the keyspace and returns its reply (errors may be thrown as RespError). */
@FunctionalInterface
interface Handler {
  Reply handle(Call call);
}
