package io.mlpbench.results.matrix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * JMH refuses to start while another JMH run holds {@code <tmpdir>/jmh.lock} (two timing runs on
 * one machine disturb each other). The matrix runs many JMH jobs in a row, so rather than failing a
 * release's throughput when someone else is measuring, it waits until the lock is free.
 */
public final class JmhLock {
  private JmhLock() {}

  /**
   * Returns when no other process holds JMH's lock, or after {@code timeout} (JMH then reports it).
   */
  public static void awaitFree(Duration timeout, Consumer<String> log) {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean told = false;
    while (System.nanoTime() < deadline) {
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          lock.release();
          return;
        }
      } catch (IOException e) {
        return; // cannot probe: let JMH decide
      }
      if (!told) {
        log.accept("matrix:   another JMH run holds " + file + "; waiting for it to finish");
        told = true;
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
