package io.mlpbench.results.fleet;

import io.mlpbench.results.store.pg.PostgresRunStore;
import java.time.Duration;

/**
 * A worker process for the fleet tests: the production {@link FleetWorker} (heartbeat, shutdown
 * hook, completion) over {@link TinyWorkload}. Prints {@code @@started <cellKey>} when it begins a
 * cell, so a test can kill it mid-cell. Mode {@code stall} never finishes a cell (a hung or slow
 * measurement, to be killed or stopped).
 *
 * <p>Arguments: {@code <jdbc url> <worker name> <lease millis> normal|stall}
 */
public final class FleetTestWorker {
  private FleetTestWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String name = args[1];
    Duration lease = Duration.ofMillis(Long.parseLong(args[2]));
    boolean stall = args[3].equals("stall");
    TinyWorkload tiny = new TinyWorkload();
    CellExecutor executor =
        cell -> {
          System.out.println("@@started " + cell.key());
          System.out.flush();
          if (stall) {
            Thread.sleep(Long.MAX_VALUE); // ended by SIGKILL, SIGTERM or a lost lease
          }
          return tiny.execute(cell);
        };
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      FleetWorker.Summary summary =
          new FleetWorker(
                  new CellQueue(store),
                  executor,
                  new FleetWorker.Settings(
                      name,
                      TinyWorkload.MACHINE.claimableKeys(TinyWorkload.JDK),
                      null,
                      lease,
                      Duration.ofMillis(100)),
                  line -> {
                    System.out.println(line);
                    System.out.flush();
                  })
              .stopOnShutdown()
              .run();
      System.out.println("@@summary " + summary);
    }
  }
}
