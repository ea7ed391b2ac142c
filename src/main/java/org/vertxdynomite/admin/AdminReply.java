package org.vertxdynomite.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One answer of the admin port: status, content type, body.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header
 * @param body the text sent
 */
record AdminReply(int status, String contentType, String body) {

  static final String TEXT = "text/plain; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";
  /** The Prometheus text exposition format. */
  static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  /** Dynomite's answer to a command that was carried out. */
  static final AdminReply OK = text("OK\r\n");

  static AdminReply text(String body) {
    return new AdminReply(200, TEXT, body);
  }

  static AdminReply json(JsonObject body) {
    return new AdminReply(200, JSON, body.encodePrettily() + "\n");
  }

  static AdminReply json(JsonArray body) {
    return new AdminReply(200, JSON, body.encodePrettily() + "\n");
  }

  static AdminReply error(AdminError e) {
    return new AdminReply(e.status(), TEXT, e.getMessage() + "\n");
  }
}
