package org.vertxdynomite.topology;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Keeps what a java.util.logging logger publishes, from creation until {@link #close()}. */
final class LogCapture extends Handler implements AutoCloseable {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
  }

  /** Starts capturing what the logger of {@code type} publishes. */
  static LogCapture of(Class<?> type) {
    LogCapture capture = new LogCapture(Logger.getLogger(type.getName()));
    capture.logger.addHandler(capture);
    return capture;
  }

  /** The records so far whose message contains {@code text}. */
  List<LogRecord> containing(String text) {
    return records.stream().filter(r -> r.getMessage().contains(text)).toList();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
