package io.mlpbench.results.ab;

import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.CompareReport;
import io.mlpbench.results.compare.Comparison;
import io.mlpbench.results.compare.ComparisonRow;
import io.mlpbench.results.compare.RunComparer;
import io.mlpbench.results.compare.Verdict;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Confirm before crying wolf (TorchBench's two-consecutive rule, within one command): every
 * throughput regression of a comparison is re-measured in an interleaved A/B session between the
 * two runs' git commits, and stays a regression only when that session calls it one too. Otherwise
 * the row becomes what the re-measurement says, with both results in its detail. A run whose commit
 * is unknown or was dirty cannot be rebuilt; its suspected regression stays, marked unconfirmed.
 */
public final class RegressionConfirmer {
  private final AbSides sides;
  private final AbSession.Plan plan;
  private final Consumer<String> log;

  public RegressionConfirmer(AbSides sides, AbSession.Plan plan, Consumer<String> log) {
    this.sides = sides;
    this.plan = plan;
    this.log = log;
  }

  /** {@code report} with the first comparison's throughput regressions re-measured. */
  public CompareReport confirm(CompareReport report, RunRecord reference, RunRecord now) {
    List<Comparison> comparisons = new ArrayList<>(report.comparisons());
    if (comparisons.isEmpty() || reference == null) {
      return report;
    }
    Comparison first = comparisons.get(0);
    List<ComparisonRow> rows = new ArrayList<>();
    for (ComparisonRow row : first.rows()) {
      rows.add(row.verdict() == Verdict.REGRESSION ? confirm(row, reference, now) : row);
    }
    comparisons.set(
        0, new Comparison(first.title(), first.reference(), first.runId(), rows, first.notes()));
    return new CompareReport(comparisons, report.problems());
  }

  private ComparisonRow confirm(ComparisonRow row, RunRecord reference, RunRecord now) {
    ThroughputResult measured =
        now.throughput().stream()
            .filter(
                t ->
                    t.route().equals(row.route()) && RunComparer.metricName(t).equals(row.metric()))
            .findFirst()
            .orElse(null);
    if (measured == null || !"train".equals(measured.benchmark()) || row.now() == null) {
      return row; // accuracy, inference or a failed route: nothing to re-measure by A/B here
    }
    String base = commit(reference);
    String cur = commit(now);
    if (base == null || cur == null) {
      return with(row, row.verdict(), row.detail() + "; NOT confirmed: commit unknown or dirty");
    }
    log.accept("compare: re-measuring " + row.route() + " interleaved, " + base + " vs " + cur);
    try {
      AbSide a = sides.resolve(base, row.route());
      AbSide b = sides.resolve(cur, row.route());
      AbSession.Plan forRow =
          new AbSession.Plan(
              plan.harness(),
              plan.profile(),
              measured.threads(),
              measured.batchSize(),
              plan.forksPerSide(),
              plan.outputDir().resolve(row.route()),
              plan.options());
      AbSession.Outcome o = new AbSession(forRow, log).run(a, b);
      String again =
          String.format(
              Locale.ROOT,
              "re-measured interleaved (%d+%d forks): %+.1f%%, %s (%s)",
              o.forksA().size(),
              o.forksB().size(),
              o.verdict().changePercent(),
              o.verdict().verdict().label(),
              o.verdict().detail());
      return o.verdict().verdict() == Verdict.REGRESSION
          ? with(row, Verdict.REGRESSION, row.detail() + "; confirmed: " + again)
          : with(
              row,
              o.verdict().verdict(),
              "suspected regression NOT confirmed: " + again + "; first: " + row.detail());
    } catch (IOException | RuntimeException e) {
      return with(row, row.verdict(), row.detail() + "; NOT confirmed: " + e.getMessage());
    }
  }

  private static String commit(RunRecord r) {
    String c = r.environment() == null ? null : r.environment().gitCommit();
    return c == null || c.isBlank() || c.endsWith("-dirty") || c.equals("unknown") ? null : c;
  }

  private static ComparisonRow with(ComparisonRow r, Verdict verdict, String detail) {
    return new ComparisonRow(
        r.route(),
        r.metric(),
        r.reference(),
        r.now(),
        r.valueUnit(),
        r.change(),
        r.changeUnit(),
        verdict,
        detail);
  }

  /** Default session settings for confirmations: quick profile, 5 forks a side. */
  public static AbSession.Plan defaultPlan(Path root, CompareOptions options) {
    return new AbSession.Plan(root, "quick", 0, 0, 5, root.resolve("target/ab/confirm"), options);
  }
}
