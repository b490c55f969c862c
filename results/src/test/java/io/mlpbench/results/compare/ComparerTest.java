package io.mlpbench.results.compare;

import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.seeds;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.report.MarkdownReport;
import io.mlpbench.results.report.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparerTest {
  @TempDir Path results;

  @Test
  void newestRunIsComparedWithBaselineAndRecentHistory() throws Exception {
    Random random = new Random(11);
    FileRunStore store = new FileRunStore(results);
    for (int i = 0; i < 3; i++) {
      store.append(
          run(
              "old-" + i,
              i,
              List.of(train("manual", samples(random, 20_000, 0.03, 5))),
              seeds("manual", 0.972)));
    }
    store.promoteBaseline("old-0");
    store.append(
        run(
            "new",
            10,
            List.of(train("manual", samples(random, 17_000, 0.03, 5))),
            seeds("manual", 0.971)));
    // unreadable records are reported, not fatal
    Files.writeString(results.resolve("history/20261101T100500Z_junk.json"), "{oops");

    CompareReport report = new Comparer(CompareOptions.defaults()).latest(store, null);

    assertThat(report.comparisons()).hasSize(2);
    Comparison baseline = report.comparisons().get(0);
    assertThat(baseline.reference()).startsWith("baseline old-0");
    assertThat(baseline.rows())
        .extracting(ComparisonRow::verdict)
        .containsExactly(
            Verdict.REGRESSION, Verdict.ONE_SEED); // throughput, then accuracy (1 seed a side)
    Comparison recent = report.comparisons().get(1);
    assertThat(recent.reference()).startsWith("the previous 3 runs");
    assertThat(recent.rows().get(0).detail())
        .contains("15/5 forks")
        .contains("forks of 3 runs pooled");
    assertThat(recent.rows().get(0).verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(report.hasRegression()).isTrue();
    assertThat(report.problems())
        .singleElement()
        .asString()
        .startsWith("20261101T100500Z_junk.json: corrupt JSON");

    String md = report.markdown();
    assertThat(md)
        .contains("## Regression check")
        .contains("| route | metric | baseline | now | change | verdict | detail |")
        .contains("| manual | train samples/s (batch 128, 2 thr) |")
        .contains("**regression**");
    assertThat(report.console()).contains("REGRESSION detected");
    assertThat(report.html()).contains("<tr class=\"regression\">");

    List<Path> charts = HistoryChart.write(store.list(null).runs(), results.resolve("latest"));
    assertThat(charts).containsExactly(results.resolve("latest/history-manual.png"));
    byte[] png = Files.readAllBytes(charts.get(0));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void reportSectionComparesARunNotYetInTheHistory() {
    Random random = new Random(12);
    FileRunStore store = new FileRunStore(results);
    store.append(
        run(
            "base",
            0,
            List.of(train("manual", samples(random, 20_000, 0.03, 5))),
            seeds("manual", 0.972, 0.973, 0.971)));
    store.promoteBaseline("base");
    RunRecord report =
        run(
            "being-reported",
            10,
            List.of(train("manual", samples(random, 17_000, 0.03, 5))),
            seeds("manual", 0.960, 0.961, 0.959));

    List<Table> tables = ReportSection.tables(results, report);

    assertThat(tables)
        .extracting(Table::title)
        .containsExactly(
            "Regression check: against the baseline",
            "Regression check: against recent history on this hardware class");
    String md = MarkdownReport.table(tables.get(0));
    assertThat(md)
        .contains("| route | metric | baseline | now | change | verdict | detail |")
        .contains("| manual | test accuracy | 97.20% | 96.00% | -1.20 pp | **regression** |")
        .contains("Run `being-reported` vs baseline base");
    assertThat(tables.get(1).headers().get(2)).isEqualTo("reference");
    assertThat(store.list(null).runs())
        .extracting(RunRecord::runId)
        .containsExactly("base"); // nothing written
  }

  @Test
  void withoutBaselineTheReportSaysHowToChooseOne() {
    FileRunStore store = new FileRunStore(results);
    store.append(run("only", 0, List.of(), seeds("manual", 0.97)));
    CompareReport report = new Comparer(CompareOptions.defaults()).latest(store, null);
    assertThat(report.comparisons().get(0).notes())
        .singleElement()
        .asString()
        .contains("mlp-bench promote");
    assertThat(report.comparisons().get(1).notes())
        .singleElement()
        .asString()
        .startsWith("no earlier run");
    assertThat(report.hasRegression()).isFalse();
  }
}
