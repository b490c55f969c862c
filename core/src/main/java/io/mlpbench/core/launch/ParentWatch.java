package io.mlpbench.core.launch;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends a worker JVM soon after the process that started it dies. Without it, a CLI killed
 * mid-training leaves its route JVM running (re-parented to PID 1) until the epoch ends, holding
 * cores and memory while nobody reads its output. Stdin EOF cannot be the signal: the runner closes
 * the worker's stdin at start. So a daemon thread polls the parent: when the original parent is
 * gone (or this JVM was re-parented), the worker halts.
 */
public final class ParentWatch {
  /** Poll interval: a dead parent is noticed within this long (plus a JVM halt). */
  static final Duration INTERVAL = Duration.ofMillis(250);

  /** Exit status of a worker whose parent died: 128 + SIGHUP, as a shell's orphaned job gets. */
  public static final int ORPHANED_STATUS = 129;

  private ParentWatch() {}

  /** Starts watching the current parent; does nothing when this JVM has no parent to watch. */
  public static void start() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      return;
    }
    long parentPid = parent.get().pid();
    if (parentPid <= 1) {
      return; // started by init (or already orphaned): there is no launcher to outlive
    }
    Thread watcher =
        new Thread(() -> watch(parent.get(), parentPid), "mlpbench-parent-watch-" + parentPid);
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void watch(ProcessHandle parent, long parentPid) {
    while (true) {
      boolean reparented =
          ProcessHandle.current().parent().map(p -> p.pid() != parentPid).orElse(true);
      if (reparented || !parent.isAlive()) {
        System.err.println(
            "worker: parent process " + parentPid + " is gone; stopping this route JVM");
        System.err.flush();
        // halt, not exit: shutdown hooks of native frameworks may block on the work being dropped
        Runtime.getRuntime().halt(ORPHANED_STATUS);
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
