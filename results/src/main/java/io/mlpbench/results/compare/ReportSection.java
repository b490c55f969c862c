package io.mlpbench.results.compare;

import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.report.Table;
import io.mlpbench.results.store.RunStore;
import java.nio.file.Path;
import java.util.List;

/** The regression check as sections of {@code report.md} / {@code report.html}. */
public final class ReportSection {
  private ReportSection() {}

  /**
   * {@code run} against the baseline and the recent runs in {@code resultsDir}'s file history, with
   * the default rules; a history that cannot be read gives a note, never a failed report.
   */
  public static List<Table> tables(Path resultsDir, RunRecord run) {
    return tables(new FileRunStore(resultsDir), run);
  }

  /**
   * {@code run} against the baseline and recent runs of {@code store} (the store the command
   * selected; null when it could not be opened, which gives a note).
   */
  public static List<Table> tables(RunStore store, RunRecord run) {
    if (store == null) {
      return List.of(
          new Table(
              "Regression check",
              List.of(),
              List.of(),
              List.of("not run: the run store could not be opened")));
    }
    try {
      return new Comparer(CompareOptions.defaults()).against(store, run).tables();
    } catch (RuntimeException e) {
      return List.of(
          new Table(
              "Regression check", List.of(), List.of(), List.of("not run: " + e.getMessage())));
    }
  }
}
