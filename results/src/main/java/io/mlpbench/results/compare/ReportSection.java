package io.mlpbench.results.compare;

import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.report.Table;
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
    try {
      return new Comparer(CompareOptions.defaults())
          .against(new FileRunStore(resultsDir), run)
          .tables();
    } catch (RuntimeException e) {
      return List.of(
          new Table(
              "Regression check", List.of(), List.of(), List.of("not run: " + e.getMessage())));
    }
  }
}
