package io.totpkit.spring;

import java.util.List;

/** Opens {@link LogCapture} to tests in other packages. */
public final class LogCaptureAccess {
  private final LogCapture capture = new LogCapture();

  private LogCaptureAccess() {}

  public static LogCaptureAccess start() {
    return new LogCaptureAccess();
  }

  /** Stops capturing and returns the lines. */
  public List<String> stop() {
    List<String> lines = capture.lines();
    capture.close();
    return lines;
  }
}
