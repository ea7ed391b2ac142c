package org.vertxdynomite.datastore.embedded;

import org.vertxdynomite.resp.Replies;
import org.vertxdynomite.resp.Reply;

/** The five Redis data types the embedded store keeps, with the names TYPE and SCAN TYPE use. */
enum ValueType {
  STRING("string"),
  LIST("list"),
  SET("set"),
  ZSET("zset"),
  HASH("hash");

  private final String typeName;
  private final Reply typeReply;

  ValueType(String typeName) {
    this.typeName = typeName;
    this.typeReply = Replies.simple(typeName);
  }

  String typeName() {
    return typeName;
  }

  /** The {@code +name} status reply of TYPE. */
  Reply typeReply() {
    return typeReply;
  }
}
