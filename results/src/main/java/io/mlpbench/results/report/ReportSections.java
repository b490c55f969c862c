package io.mlpbench.results.report;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's sections after the curves: the batch/thread space and the suite's overhead (feeding)
 * of the run shown, trends over the checkout's file history and the release matrix. A history or
 * matrix that cannot be read gives a note in its section, never a failed report.
 */
public final class ReportSections {
  private ReportSections() {}

  /** For {@code shown} in the checkout at {@code root} ({@code root/results/...}). */
  public static List<HtmlReport.Section> of(Path root, RunStore store, RunRecord shown) {
    Path results = root.resolve("results");
    List<HtmlReport.Section> sections = new ArrayList<>();
    if (shown != null) {
      BatchThreadSpace.of(shown).ifPresent(sections::add);
      SuiteOverhead.of(shown).ifPresent(sections::add);
    }
    try {
      List<RunRecord> history = store.list(RunQuery.ALL).runs(); // the store the command chose
      HtmlReport.Section trends = Trends.of(history, shown).section();
      if (trends != null) {
        sections.add(trends);
      }
    } catch (Exception e) {
      sections.add(unavailable("Trends", e));
    }
    try {
      Optional<HtmlReport.Section> matrix = ReleaseMatrixSection.of(results);
      matrix.ifPresent(sections::add);
    } catch (Exception e) {
      sections.add(unavailable("Release matrix", e));
    }
    return sections;
  }

  private static HtmlReport.Section unavailable(String title, Exception e) {
    return new HtmlReport.Section(title, "not shown: " + e.getMessage(), List.of(), List.of());
  }
}
