package io.mlpbench.manual;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that run one {@link Job} at a time, split into as many parts as the
 * pool has threads; the calling thread runs part 0. Built for the training step: dispatching a job
 * allocates nothing (no futures, no lambdas captured per call), and results do not depend on the
 * thread count because each output element is always computed by exactly one part.
 */
final class WorkerPool implements AutoCloseable {

  /** Work divisible into parts; part p of n must touch disjoint outputs. */
  interface Job {
    void run(int part, int parts);
  }

  // How long waiting threads spin (~tens of microseconds) before parking: the jobs of one step
  // follow each other within microseconds, but a long spin starves others on a shared machine.
  private static final int SPINS = 2_000;

  private final int parts;
  private final Thread[] workers;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile Job job;
  private volatile long generation;
  private volatile boolean closed;
  private volatile Throwable failure;
  private volatile Thread caller;

  WorkerPool(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
    this.parts = threads;
    this.workers = new Thread[threads - 1];
    for (int w = 0; w < workers.length; w++) {
      int part = w + 1;
      Thread thread = new Thread(() -> work(part), "manual-backprop-" + part);
      thread.setDaemon(true); // never keeps a JVM alive, even if close() is forgotten
      workers[w] = thread;
      thread.start();
    }
  }

  int parts() {
    return parts;
  }

  /** The worker threads (for tests). */
  List<Thread> workers() {
    return List.of(workers);
  }

  /** Runs {@code job} on every part and returns when all parts are done. Not reentrant. */
  void run(Job job) {
    if (closed) {
      throw new IllegalStateException("worker pool is closed");
    }
    if (workers.length == 0) {
      job.run(0, 1);
      return;
    }
    caller = Thread.currentThread();
    failure = null;
    this.job = job;
    pending.set(workers.length);
    generation++;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
    Throwable own = null;
    try {
      job.run(0, parts);
    } catch (Throwable t) {
      own = t;
    }
    for (int spin = 0; pending.get() != 0; spin++) {
      if (spin < SPINS) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
    this.job = null;
    Throwable t = own != null ? own : failure;
    if (t instanceof RuntimeException e) {
      throw e;
    } else if (t instanceof Error e) {
      throw e;
    } else if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private void work(int part) {
    long seen = 0;
    while (true) {
      for (int spin = 0; generation == seen && !closed; spin++) {
        if (spin < SPINS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = generation;
      try {
        job.run(part, parts);
      } catch (Throwable t) {
        failure = t;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  /** Stops the workers and waits (up to a second each) until they have ended: none outlives it. */
  @Override
  public void close() {
    closed = true;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
    for (Thread worker : workers) {
      try {
        worker.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The start of part {@code part}'s share of [0, n), in chunks aligned to {@code align}. */
  static int start(int n, int part, int parts, int align) {
    int chunk = ((n + parts - 1) / parts + align - 1) / align * align;
    return Math.min(n, part * chunk);
  }

  /** The end (exclusive) of part {@code part}'s share of [0, n); see {@link #start}. */
  static int end(int n, int part, int parts, int align) {
    return start(n, part + 1, parts, align);
  }
}
