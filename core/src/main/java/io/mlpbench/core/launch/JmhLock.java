package io.mlpbench.core.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * JMH allows one run per machine: it holds a file lock on {@code <java.io.tmpdir>/jmh.lock} and
 * refuses to start while another run holds it, so two runs never disturb each other's timings. The
 * benchmarks runner and the release matrix wait for that lock to be free instead of failing every
 * route while someone else measures.
 */
public final class JmhLock {
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
  public static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
  private static final String REFUSAL = "Unable to acquire the JMH lock";

  private JmhLock() {}

  /** Whether a JMH run's failure (its output) is JMH refusing to start for the lock. */
  public static boolean refused(String failure) {
    return failure != null && failure.contains(REFUSAL);
  }

  /** True when no other process holds JMH's lock now (taken and released at once). */
  public static boolean free() {
    return free(FILE);
  }

  static boolean free(Path file) {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // held inside this JVM
    } catch (IOException e) {
      return true; // cannot check; let JMH itself decide
    }
  }

  /**
   * Waits until the lock is free, at most {@code timeout}, telling {@code log} once that it waits;
   * returns whether it is free.
   */
  public static boolean awaitFree(Duration timeout, Consumer<String> log) {
    return awaitFree(FILE, timeout, log);
  }

  static boolean awaitFree(Path file, Duration timeout, Consumer<String> log) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean told = false;
    while (!free(file)) {
      if (!told) {
        log.accept("another JMH run holds " + file + "; waiting for it to finish");
        told = true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
