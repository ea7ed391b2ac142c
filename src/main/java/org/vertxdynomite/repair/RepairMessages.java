package org.vertxdynomite.repair;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vertxdynomite.warmup.HashRange;

/**
 * The event-bus messages between a repairing node and a peer's {@link RepairService}, as JSON
 * (binary keys and payloads base64-encoded by Vert.x's JSON codec):
 *
 * <ul>
 *   <li>{@code {"op": "scan", "cursor", "count", "ranges": [[lo, hi], …], "buckets": [b, …] or
 *       absent}} → {@code {"cursor", "scanned", "flushed_at", "digest": [[bucket, sum, count], …]}}
 *       or {@code …, "entries": [[key, payload, expireAt, newest, newestOverwrite,
 *       forgottenBefore], …]}};
 *   <li>{@code {"op": "remembered", "keys": [key, …]}} → {@code {"keys": [[key, null, 0, newest,
 *       newestOverwrite, forgottenBefore], …]}}: what the peer's fence remembers of keys it lacks;
 *   <li>{@code {"op": "versions", "keys": [key, …]}} → {@code {"flushed_at", "keys": [[key, payload or
 *       null, expireAt, newest, newestOverwrite, forgottenBefore, settling], …]}}: what the peer
 *       holds of a few keys (read repair);
 *   <li>{@code {"op": "apply", "writes": [[action, key, payload, expireAt, expectNewest,
 *       expectFlushedAt, stamp], …]}} → {@code {"applied", "raced", "failed"}}.
 * </ul>
 */
final class RepairMessages {

  private RepairMessages() {}

  static JsonObject scan(String cursor, int count, List<HashRange> ranges, Set<Integer> buckets) {
    JsonArray r = new JsonArray();
    ranges.forEach(h -> r.add(new JsonArray().add(h.lo()).add(h.hi())));
    JsonObject o = new JsonObject().put("op", "scan").put("cursor", cursor).put("count", count).put("ranges", r);
    if (buckets != null) {
      o.put("buckets", new JsonArray(new ArrayList<>(buckets)));
    }
    return o;
  }

  static List<HashRange> ranges(JsonObject scan) {
    JsonArray json = scan.getJsonArray("ranges");
    List<HashRange> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      out.add(new HashRange(json.getJsonArray(i).getLong(0), json.getJsonArray(i).getLong(1)));
    }
    return out;
  }

  /** The buckets asked for, or null for a digest step. */
  static Set<Integer> buckets(JsonObject scan) {
    JsonArray json = scan.getJsonArray("buckets");
    if (json == null) {
      return null;
    }
    Set<Integer> out = new LinkedHashSet<>();
    for (int i = 0; i < json.size(); i++) {
      out.add(json.getInteger(i));
    }
    return out;
  }

  static JsonObject toJson(ScanStep s) {
    JsonObject o = new JsonObject().put("cursor", s.cursor()).put("scanned", s.scanned())
        .put("flushed_at", s.flushedAt());
    if (s.digest() != null) {
      o.put("digest", s.digest().toJson());
    } else {
      JsonArray e = new JsonArray();
      s.entries().forEach((k, v) -> e.add(v.toJson(Keys.bytes(k))));
      o.put("entries", e);
    }
    return o;
  }

  static ScanStep step(JsonObject o) {
    JsonArray digest = o.getJsonArray("digest");
    Map<String, KeyVersion> entries = null;
    if (digest == null) {
      JsonArray e = o.getJsonArray("entries");
      entries = new LinkedHashMap<>();
      for (int i = 0; i < e.size(); i++) {
        entries.put(Keys.of(e.getJsonArray(i).getBinary(0)), KeyVersion.fromJson(e.getJsonArray(i)));
      }
    }
    return new ScanStep(o.getString("cursor"), o.getInteger("scanned"), o.getLong("flushed_at"),
        digest == null ? null : Digest.fromJson(digest), entries);
  }

  static JsonObject remembered(List<byte[]> keys) {
    JsonArray k = new JsonArray();
    keys.forEach(k::add);
    return new JsonObject().put("op", "remembered").put("keys", k);
  }

  static List<byte[]> keys(JsonObject remembered) {
    JsonArray json = remembered.getJsonArray("keys");
    List<byte[]> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      out.add(json.getBinary(i));
    }
    return out;
  }

  static JsonObject rememberedToJson(Map<String, KeyVersion> versions) {
    JsonArray out = new JsonArray();
    versions.forEach((k, v) -> out.add(v.toJson(Keys.bytes(k))));
    return new JsonObject().put("keys", out);
  }

  static Map<String, KeyVersion> rememberedReply(JsonObject o) {
    JsonArray json = o.getJsonArray("keys");
    Map<String, KeyVersion> out = new LinkedHashMap<>();
    for (int i = 0; i < json.size(); i++) {
      out.put(Keys.of(json.getJsonArray(i).getBinary(0)), KeyVersion.fromJson(json.getJsonArray(i)));
    }
    return out;
  }

  static JsonObject versions(List<byte[]> keys) {
    return remembered(keys).put("op", "versions");
  }

  static JsonObject versionsToJson(KeyVersions v) {
    return rememberedToJson(v.versions()).put("flushed_at", v.flushedAt());
  }

  static KeyVersions versionsReply(JsonObject o) {
    return new KeyVersions(o.getLong("flushed_at"), rememberedReply(o));
  }

  static JsonObject apply(List<RepairWrite> writes) {
    JsonArray w = new JsonArray();
    writes.forEach(x -> w.add(x.toJson()));
    return new JsonObject().put("op", "apply").put("writes", w);
  }

  static List<RepairWrite> writes(JsonObject apply) {
    JsonArray json = apply.getJsonArray("writes");
    List<RepairWrite> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      out.add(RepairWrite.fromJson(json.getJsonArray(i)));
    }
    return out;
  }

  static JsonObject toJson(ApplyResult r) {
    return new JsonObject().put("applied", r.applied()).put("raced", r.raced()).put("failed", r.failed());
  }

  static ApplyResult result(JsonObject o) {
    return new ApplyResult(o.getInteger("applied"), o.getInteger("raced"), o.getInteger("failed"));
  }
}
