package io.mlpbench.results.fleet;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.StoreException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A fleet worker: claims one cell at a time of its hardware classes, keeps the lease alive on a
 * heartbeat thread while the executor runs, then stores the result and marks the cell done in one
 * transaction (only if it still holds the lease), or records the failure. Stops when nothing of its
 * classes is left, or cleanly on {@link #stop()} (the shutdown hook on SIGTERM), giving its cell
 * back.
 */
public final class FleetWorker {

  /**
   * @param name this worker in status tables (e.g. host and CI job)
   * @param hardwareClasses the {@code HardwareClass.key()}s it may run
   * @param plan only this plan's cells, or null for any
   * @param lease how long a claim lives without a heartbeat; renewed every third of it
   * @param poll how long to wait when every remaining cell is running elsewhere
   */
  public record Settings(
      String name, Set<String> hardwareClasses, String plan, Duration lease, Duration poll) {
    public Settings {
      hardwareClasses = Set.copyOf(hardwareClasses);
    }
  }

  /** What a worker did: cells completed, failed for good, given back for a retry, lost. */
  public record Summary(int done, int failed, int retried, int lost, boolean stopped) {}

  private final CellQueue queue;
  private final CellExecutor executor;
  private final Settings settings;
  private final Consumer<String> log;
  private final Object claimLock = new Object();
  private volatile boolean stopping;
  private volatile Lease current;
  private volatile boolean leaseLost;
  private volatile boolean executing;
  private Thread workThread;

  public FleetWorker(
      CellQueue queue, CellExecutor executor, Settings settings, Consumer<String> log) {
    this.queue = queue;
    this.executor = executor;
    this.settings = settings;
    this.log = log;
  }

  /** Stops on SIGTERM (and Ctrl-C): gives the current cell back before the JVM exits. */
  public FleetWorker stopOnShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "fleet-worker-stop"));
    return this;
  }

  /** Works until no cell of its classes is queued or running, or until stopped. */
  public Summary run() {
    workThread = Thread.currentThread();
    int done = 0;
    int failed = 0;
    int retried = 0;
    int lost = 0;
    ScheduledExecutorService heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fleet-heartbeat");
              t.setDaemon(true);
              return t;
            });
    try {
      while (!stopping) {
        Optional<Lease> claimed;
        synchronized (claimLock) {
          // under the lock, so stop() either sees this claim and releases it or prevents it
          claimed =
              stopping
                  ? Optional.empty()
                  : queue.claim(
                      settings.name(),
                      settings.hardwareClasses(),
                      settings.plan(),
                      settings.lease());
          current = claimed.orElse(null);
          leaseLost = false;
        }
        if (claimed.isEmpty()) {
          if (stopping || queue.unfinished(settings.hardwareClasses(), settings.plan()) == 0) {
            break;
          }
          // the rest is running elsewhere; one of those leases may expire and come back
          sleep(settings.poll());
          continue;
        }
        Lease lease = claimed.get();
        long period = Math.max(1, settings.lease().toMillis() / 3);
        var beat =
            heartbeat.scheduleAtFixedRate(
                () -> renew(lease), period, period, TimeUnit.MILLISECONDS);
        log.accept(
            String.format(
                "[%s] claimed %s (attempt %d of %d)",
                settings.name(), lease.cell().label(), lease.attempt(), lease.maxAttempts()));
        long started = System.nanoTime();
        RunRecord result = null;
        String error = null;
        executing = true;
        try {
          result = executor.execute(lease.cell());
        } catch (InterruptedException e) {
          error = "interrupted";
        } catch (Exception | Error e) {
          error = describe(e);
        } finally {
          executing = false;
          beat.cancel(false);
          Thread.interrupted(); // a cancel's interrupt must not leak into the next claim
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (stopping) {
          break; // stop() gave the cell back; its result, if any, is not ours to store
        }
        // current stays set until the outcome is recorded: a stop() meanwhile waits for this
        // transaction's row lock, then finds the cell done and leaves it so
        if (leaseLost) {
          lost++;
          log.accept(
              "["
                  + settings.name()
                  + "] lost the lease of "
                  + lease.cell().label()
                  + "; its result is discarded (another worker runs it)");
        } else if (error == null && queue.complete(lease, result)) {
          done++;
          log.accept(
              String.format(
                  "[%s] done %s in %.1f s; %s",
                  settings.name(), lease.cell().label(), seconds, progress()));
        } else if (error == null) {
          lost++;
          log.accept(
              "["
                  + settings.name()
                  + "] lease of "
                  + lease.cell().label()
                  + " lost before storing");
        } else {
          Optional<String> status = queue.fail(lease, error);
          if (status.isEmpty()) {
            lost++;
          } else if (status.get().equals("failed")) {
            failed++;
          } else {
            retried++;
          }
          log.accept(
              String.format(
                  "[%s] attempt %d of %s failed (%s): %s; %s",
                  settings.name(),
                  lease.attempt(),
                  lease.cell().label(),
                  status
                      .map(s -> s.equals("failed") ? "no attempts left" : "queued again")
                      .orElse("lease lost"),
                  error,
                  progress()));
        }
        synchronized (claimLock) {
          current = null;
        }
      }
    } finally {
      heartbeat.shutdownNow();
    }
    return new Summary(done, failed, retried, lost, stopping);
  }

  /**
   * Stops the worker: no new claims, the current cell given back (queued, attempt not counted), its
   * executor interrupted and its child JVMs destroyed. Safe to call from any thread, once or more.
   */
  public void stop() {
    Lease held;
    synchronized (claimLock) {
      stopping = true;
      held = current;
      current = null;
    }
    if (held != null) {
      try {
        boolean released = queue.release(held);
        log.accept(
            "["
                + settings.name()
                + "] stopping: "
                + (released ? "released " : "no longer held (finished or lost): ")
                + held.cell().label());
      } catch (StoreException e) {
        log.accept(
            "["
                + settings.name()
                + "] stopping: could not release "
                + held.cell().label()
                + " ("
                + e.getMessage()
                + "); it is claimed again when its lease expires");
      }
      cancelExecution();
    }
  }

  private void renew(Lease lease) {
    try {
      if (!queue.renew(lease, settings.lease()) && current == lease) {
        leaseLost = true;
        cancelExecution();
      }
    } catch (StoreException e) {
      // the database may be back before the lease runs out; if not, completion finds out
      log.accept("[" + settings.name() + "] heartbeat failed: " + e.getMessage());
    }
  }

  private void cancelExecution() {
    if (!executing) {
      return; // between cells: nothing to cancel, and an interrupt would hit a database call
    }
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
    Thread t = workThread;
    if (t != null) {
      t.interrupt();
    }
  }

  private String progress() {
    try {
      CellQueue.Counts n = queue.counts(settings.plan());
      return String.format(
          "queue: %d/%d done, %d running, %d queued, %d failed",
          n.done(), n.total(), n.running(), n.queued(), n.failed());
    } catch (StoreException e) {
      return "queue: unknown (" + e.getMessage() + ")";
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable cause = e.getCause();
    return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())
        ? message + " (" + cause.getMessage() + ")"
        : message;
  }
}
