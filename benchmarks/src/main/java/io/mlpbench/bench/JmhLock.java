package io.mlpbench.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * JMH allows one run per machine: it holds a file lock on {@code <java.io.tmpdir>/jmh.lock} and
 * refuses to start while another run holds it, so two runs never disturb each other's timings. The
 * runner waits for that lock to be free instead of failing every route while someone else measures.
 */
final class JmhLock {
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
  static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
  private static final String REFUSAL = "Unable to acquire the JMH lock";

  private JmhLock() {}

  /** Whether a job failed only because another JMH run held the lock. */
  static boolean refused(JobOutcome outcome) {
    return outcome.failed() && outcome.results().isEmpty() && outcome.failure().contains(REFUSAL);
  }

  /** True when no other process holds JMH's lock now (taken and released at once). */
  static boolean free() {
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

  /** Waits until the lock is free, at most {@code timeout}; returns whether it is free. */
  static boolean awaitFree(Duration timeout) {
    return awaitFree(FILE, timeout);
  }

  static boolean awaitFree(Path file, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!free(file)) {
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
