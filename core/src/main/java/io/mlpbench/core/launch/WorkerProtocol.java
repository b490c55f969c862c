package io.mlpbench.core.launch;

/**
 * Route JVMs talk to runners through stdout lines starting with {@link #PREFIX} followed by one
 * JSON object; every other line (framework logging) is passed through or ignored.
 */
public final class WorkerProtocol {
  public static final String PREFIX = "@@mlpbench ";

  private WorkerProtocol() {}

  public static boolean isMessage(String line) {
    return line.startsWith(PREFIX);
  }

  public static String payload(String line) {
    return line.substring(PREFIX.length());
  }
}
