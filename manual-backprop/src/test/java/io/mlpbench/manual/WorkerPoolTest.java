package io.mlpbench.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The pool runs every part of a job once, and a closed pool leaves no thread behind. */
class WorkerPoolTest {
  @Test
  void runsEachPartOnceAndItsThreadsHaveEndedWhenCloseReturns() throws InterruptedException {
    Set<Integer> parts = ConcurrentHashMap.newKeySet();
    Set<Thread> ran = ConcurrentHashMap.newKeySet();
    List<Thread> workers;
    try (WorkerPool pool = new WorkerPool(3)) {
      workers = pool.workers();
      pool.run(
          (part, count) -> {
            assertThat(count).isEqualTo(3);
            parts.add(part);
            ran.add(Thread.currentThread());
          });
      Thread.sleep(50); // long past the spin: the workers are parked, so waking them takes time
    }
    assertThat(parts).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(ran).hasSize(3).containsAll(workers);
    // gone when close returns, not some time later (SteadyStateAllocationTest counts the pool
    // threads of its next trainer, and once saw the last trainer's still alive)
    assertThat(workers).noneMatch(Thread::isAlive);
  }
}
