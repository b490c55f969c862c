package io.mlpbench.core.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A JVM started by {@link JvmLaunch}: its output lines, its exit, its timeout. */
public final class LaunchedJvm implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_OTHER_OUTPUT = 4000;

  private final Process process;
  private final String mainClass;
  private final Duration timeout;
  private final AtomicBoolean timedOut = new AtomicBoolean();

  /**
   * How a JVM ended.
   *
   * @param status its exit status (128 + n after signal n, as the JDK reports it on POSIX)
   * @param timedOut whether it was killed because it ran past its timeout
   */
  public record Exit(int status, boolean timedOut, Duration timeout) {
    public boolean ok() {
      return status == 0 && !timedOut;
    }

    /** "exited with status 1", "killed by signal 9 (SIGKILL, ...), exit status 137", ... */
    public String describe() {
      if (timedOut) {
        return "killed after the timeout of " + minutesOrSeconds(timeout);
      }
      String signal = signal(status);
      return signal == null
          ? "exited with status " + status
          : "killed by " + signal + ", exit status " + status;
    }

    /**
     * "signal 9 (SIGKILL)" for a JVM ended by a signal (the JDK reports 128 + signal number on
     * POSIX), null for an ordinary exit status.
     */
    public static String signal(int status) {
      if (status <= 128 || status > 128 + 64) {
        return null;
      }
      int n = status - 128;
      String name =
          switch (n) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL, e.g. the kernel's out-of-memory killer or kill -9";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> null;
          };
      return "signal " + n + (name == null ? "" : " (" + name + ")");
    }

    private static String minutesOrSeconds(Duration d) {
      return d.toSecondsPart() == 0 && d.toMillisPart() == 0 && d.toMinutes() > 0
          ? d.toMinutes() + " min"
          : d.toMillis() / 1000.0 + " s";
    }
  }

  /**
   * What a JVM said over the {@link WorkerProtocol}: the payload of every protocol line, the start
   * of its other output (for an error message), and how it ended.
   */
  public record Transcript(List<String> payloads, String otherOutput, Exit exit) {
    /** The payloads read as JSON values of {@code type}. */
    public <T> List<T> messages(Class<T> type) throws IOException {
      List<T> messages = new ArrayList<>();
      for (String payload : payloads) {
        messages.add(JSON.readValue(payload, type));
      }
      return messages;
    }
  }

  LaunchedJvm(Process process, String mainClass, Duration timeout) throws IOException {
    this.process = process;
    this.mainClass = mainClass;
    this.timeout = timeout;
    process.getOutputStream().close(); // nothing is ever sent; a worker never waits on stdin
    if (timeout != null) {
      // a hung JVM never closes stdout, so the timeout must kill it from outside the read loop
      Thread watchdog = new Thread(this::killAfterTimeout, "timeout-" + process.pid());
      watchdog.setDaemon(true);
      watchdog.start();
    }
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Passes every stdout line to {@code line} until the JVM closes stdout (it exited, or was killed
   * at its timeout), then waits for its exit.
   */
  public Exit forEachLine(Consumer<String> line) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = reader.readLine(); l != null; l = reader.readLine()) {
        line.accept(l);
      }
    }
    return awaitExit();
  }

  /** Runs the JVM to its end, keeping its protocol lines apart from its other output. */
  public Transcript transcript() throws IOException {
    List<String> payloads = new ArrayList<>();
    StringBuilder other = new StringBuilder();
    Exit exit =
        forEachLine(
            line -> {
              if (WorkerProtocol.isMessage(line)) {
                payloads.add(WorkerProtocol.payload(line));
              } else if (other.length() < MAX_OTHER_OUTPUT) {
                other.append(line).append('\n');
              }
            });
    return new Transcript(payloads, other.toString().strip(), exit);
  }

  /** Waits for the exit (the timeout, if any, still applies); an interrupt kills the JVM. */
  public Exit awaitExit() throws IOException {
    try {
      int status = process.waitFor();
      return new Exit(status, timedOut.get(), timeout);
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + mainClass);
    }
  }

  /** Kills the JVM and every process it started (SIGKILL), and waits briefly for it to go. */
  public void kill() {
    // listed first: once the JVM is gone, its children are re-parented and no longer its
    // descendants (any started meanwhile end through their own parent watch)
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the JVM if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private void killAfterTimeout() {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut.set(true);
        kill();
      }
    } catch (InterruptedException e) {
      // nobody interrupts this daemon; give up the watch
    }
  }
}
