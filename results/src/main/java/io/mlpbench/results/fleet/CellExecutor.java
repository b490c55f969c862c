package io.mlpbench.results.fleet;

import io.mlpbench.results.model.RunRecord;

/**
 * Runs one cell and returns its result as a run record (run id {@link FleetCell#runId()}). The
 * worker owns leasing and storing; an executor only measures. Throwing fails the attempt with the
 * exception's message. A worker that loses its lease or is stopped interrupts the executing thread
 * and destroys its child processes, so an executor should start its JVMs as child processes (as
 * every runner of the suite does) and let {@link InterruptedException} end it.
 */
@FunctionalInterface
public interface CellExecutor {
  RunRecord execute(FleetCell cell) throws Exception;
}
