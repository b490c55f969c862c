package io.mlpbench.core.launch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends a JVM of ours soon after the process that started it dies. Without it, a CLI killed
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

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ParentWatch() {}

  /** Starts watching the current parent; does nothing when this JVM has no parent to watch. */
  public static void start() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isPresent() && parent.get().pid() > 1) {
      start(parent.get().pid());
    } // else started by init (or already orphaned): there is no launcher to outlive
  }

  /**
   * Watches {@code launcherPid}, the process that started this JVM, once per JVM. Given by the
   * launcher, it also catches a launcher that died while this JVM was still starting: this JVM's
   * parent is then already another process.
   */
  public static void start(long launcherPid) {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread watcher = new Thread(() -> watch(launcherPid), "mlpbench-parent-watch-" + launcherPid);
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void watch(long parentPid) {
    while (true) {
      boolean reparented =
          ProcessHandle.current().parent().map(p -> p.pid() != parentPid).orElse(true);
      boolean gone = ProcessHandle.of(parentPid).map(p -> !p.isAlive()).orElse(true);
      if (reparented || gone) {
        System.err.println("parent process " + parentPid + " is gone; stopping this JVM");
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
