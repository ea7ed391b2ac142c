package org.vertxdynomite.command;

import java.nio.charset.StandardCharsets;
import org.vertxdynomite.resp.RespRequest;

/** Where a blocking command's timeout sits, and what it says. */
public final class BlockingTimeout {

  private BlockingTimeout() {}

  /**
   * The timeout in seconds of blocking command {@code command} (lower-case name) in
   * {@code request}: the last argument, or the first for BLMPOP and BZMPOP. 0 when it waits for
   * ever, and also when the argument is malformed (the datastore then answers with Redis's error).
   */
  public static double seconds(RespRequest request, String command) {
    int at = command.equals("blmpop") || command.equals("bzmpop") ? 1 : request.argc() - 1;
    try {
      double s = Double.parseDouble(new String(request.arg(at), StandardCharsets.US_ASCII));
      return Double.isFinite(s) && s > 0 ? s : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
