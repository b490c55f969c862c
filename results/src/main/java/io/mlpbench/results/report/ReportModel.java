package io.mlpbench.results.report;

import io.mlpbench.core.FlopCount;
import io.mlpbench.core.bench.GemmPeak;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.EpochResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import io.mlpbench.results.model.ThroughputResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report shows, computed once from a run record, as formatted tables (Markdown, HTML and CSV
 * render the same cells). The record is the only source: its own throughput results fill the
 * throughput columns, so {@code results.json}, the tables and the regression check always agree.
 * Failed runs never enter the summaries.
 */
public final class ReportModel {
  /** Cell text when the record carries no throughput at all. */
  public static final String NO_JMH = "n/a (no JMH results)";

  /** Cell text when the record has no training result for the route. */
  public static final String NOT_IN_JMH = "n/a (route not in JMH results)";

  private final RunRecord record;
  private final String throughputSource;
  private final List<RouteSummary> summaries = new ArrayList<>();
  private final List<SpeedRanking.Place> ranking;
  private final List<AccuracyResult> failed = new ArrayList<>();

  /**
   * @param throughputSource where the record's throughput came from, for the notes (a JMH file
   *     name, or "this run record"); ignored when the record has no throughput
   */
  public ReportModel(RunRecord record, String throughputSource) {
    this.record = record;
    this.throughputSource = throughputSource;
    Map<String, List<AccuracyResult>> okByRoute = new LinkedHashMap<>();
    for (AccuracyResult r : record.accuracy()) {
      if (r.ok()) {
        okByRoute.computeIfAbsent(r.route(), k -> new ArrayList<>()).add(r);
      } else {
        failed.add(r);
      }
    }
    RunSettings s = record.settings();
    okByRoute.forEach(
        (route, runs) -> {
          ThroughputResult t =
              JmhResults.train(record.throughput(), route, s.batchSize(), s.threads()).orElse(null);
          summaries.add(RouteSummary.of(runs, t));
        });
    ranking = SpeedRanking.of(summaries);
  }

  public RunRecord record() {
    return record;
  }

  /** True when the record carries throughput results (else those columns read {@link #NO_JMH}). */
  public boolean hasThroughput() {
    return !record.throughput().isEmpty();
  }

  public List<RouteSummary> summaries() {
    return List.copyOf(summaries);
  }

  /** The routes fastest first, with rank, ties and ratio to the fastest. */
  public List<SpeedRanking.Place> ranking() {
    return ranking;
  }

  public List<AccuracyResult> failed() {
    return List.copyOf(failed);
  }

  /**
   * The GEMM peak per thread count as the record's throughput carries it: measured, its library,
   * whether reused from an earlier run, and the theoretical peak beside it. A record written before
   * peaks were kept shows only the rate its GFLOP/s and % of peak imply.
   */
  public Map<Integer, String> peaks() {
    Map<Integer, String> peaks = new TreeMap<>();
    for (ThroughputResult t : record.throughput()) {
      GemmPeak p = t.peak();
      if (p != null) {
        peaks.putIfAbsent(
            t.threads(),
            fmt(
                    "%.1f GFLOP/s at %d thread(s) (%s, SGEMM %d",
                    p.gflops().score(), p.threads(), p.library(), p.size())
                + (p.reusedFrom() == null ? "" : "; reused from " + p.reusedFrom())
                + (p.theoreticalGflops() == null
                    ? ""
                    : fmt(
                        "; theoretical %.1f GFLOP/s = %s",
                        p.theoreticalGflops(), p.theoreticalFormula()))
                + ")");
      } else if (t.gflops() != null && t.percentOfPeak() != null && t.percentOfPeak() > 0) {
        peaks.putIfAbsent(
            t.threads(),
            fmt("%.1f GFLOP/s at %d thread(s)", 100 * t.gflops() / t.percentOfPeak(), t.threads()));
      }
    }
    return peaks;
  }

  /**
   * The headline: one row per route with a successful run, fastest first (MLPerf / JMH style), then
   * the labelled reference rows.
   */
  public Table resultsTable() {
    List<String> headers =
        List.of(
            "rank",
            "route",
            "framework",
            "API style",
            "train samples/s ± 99.9% error",
            "timed RSS / heap (MiB)",
            "vs fastest",
            "test accuracy [95% CI]",
            "time to 97% (s)",
            "peak RSS (MiB)");
    List<List<String>> rows = new ArrayList<>();
    for (SpeedRanking.Place p : ranking) {
      RouteSummary r = p.route();
      rows.add(
          List.of(
              rank(p),
              r.route(),
              r.framework(),
              r.style(),
              samples(r.throughput()),
              memory(r.throughput()),
              p.ratioToFastest() == null ? "-" : fmt("%.2fx", p.ratioToFastest()),
              accuracyWithInterval(r),
              r.meanSecondsTo97() == null
                  ? "not reached"
                  : reached(r, fmt("%.1f", r.meanSecondsTo97())),
              r.peakRssBytes() == null ? "n/a" : fmt("%.0f", r.peakRssBytes() / 1048576.0)));
    }
    for (ReferenceRow ref : ReferenceRow.SEED) {
      rows.add(
          List.of(
              "-",
              "*reference: " + ref.label() + "*",
              ref.framework(),
              ref.style(),
              "-",
              "-",
              "-",
              fmt("%.4f", ref.testAccuracy()) + " (seed notes, not measured here)",
              "-",
              "-"));
    }
    RunSettings s = record.settings();
    List<String> notes = new ArrayList<>();
    notes.add(
        fmt(
            "%s, %s %s, %s lr %s, batch %d, %d epochs, seeds %s, %d threads.",
            s.dataset(),
            layers(s.layerSizes()),
            s.activation(),
            s.optimizer(),
            s.learningRate(),
            s.batchSize(),
            s.epochs(),
            s.seeds(),
            s.threads()));
    notes.add(
        "Rank: 1 + the number of routes whose samples/s interval lies entirely above this one;"
            + " '=' marks a tie (intervals overlap: the difference is inside the noise);"
            + " '?' = some route has no error estimate, so no rank is claimed; '-' = not timed.");
    notes.add(
        "Accuracy: mean final test accuracy over the seeds that completed, [95% CI of the mean,"
            + " Student t]; one seed gives no interval. Time to 97%: training wall time until the"
            + " first epoch reaching 97% test accuracy, evaluation excluded (mean over the seeds"
            + " that reached it). Peak RSS: the largest VmHWM of the route's accuracy JVMs; timed"
            + " RSS / heap: the largest VmHWM and Java heap in use of the JMH forks that timed it.");
    notes.add(throughputNote());
    notes.add(
        "Reference rows are the Keras (Python) accuracies from the seed notes (5 epochs, batch 128, Adam),"
            + " shown for context only.");
    if (!failed.isEmpty()) {
      notes.add(
          failed.size() + " failed run(s) are listed under Failed runs and are not in this table.");
    }
    return new Table("Results", headers, rows, notes);
  }

  /** The rest of each route's figures, in the headline's order. */
  public Table detailsTable() {
    List<List<String>> rows = new ArrayList<>();
    for (SpeedRanking.Place p : ranking) {
      RouteSummary r = p.route();
      ThroughputResult t = r.throughput();
      rows.add(
          List.of(
              r.route(),
              r.frameworkVersion(),
              accuracy(r),
              ci(r),
              r.meanEpochsTo97() == null
                  ? "not reached"
                  : reached(r, fmt("%.1f", r.meanEpochsTo97())),
              fmt("%.1f", r.meanTrainingSeconds()),
              t == null || t.batchSize() == 0
                  ? "-"
                  : fmt("batch %d, %d thread(s)", t.batchSize(), t.threads()),
              gflops(t),
              percent(t)));
    }
    return new Table(
        "Details",
        List.of(
            "route",
            "version",
            "test accuracy (mean ± sd)",
            "95% CI",
            "epochs to 97%",
            "training s (mean)",
            "timed at",
            "GFLOP/s (exact)",
            "% of GEMM peak"),
        rows,
        List.of(
            "GFLOP/s (exact) and % of GEMM peak as recorded with the throughput (see Throughput"
                + " (JMH) for every benchmark and the notes for the FLOP count and the peak)."));
  }

  private String throughputNote() {
    if (!hasThroughput()) {
      return "Throughput: "
          + NO_JMH
          + " in this run record; run `./mlp-bench run` (or the benchmarks module, then"
          + " `./mlp-bench report`).";
    }
    Map<Integer, String> peaks = peaks();
    return "Throughput: JMH training step at batch "
        + record.settings().batchSize()
        + " where measured (from "
        + (throughputSource == null ? "this run record" : throughputSource)
        + "); ± is JMH's 99.9% error, '(noisy)' when it exceeds half the score."
        + " GFLOP/s = samples/s x FLOPs per sample, exact ("
        + FlopCount.TRAINING_DEFINITION
        + "; core's FlopCount: 3,209,216 per training sample for 784-512-512-10, inference"
        + " forward only; elementwise work excluded)."
        + " % of GEMM peak = GFLOP/s / the measured best-library SGEMM at the same thread count"
        + (peaks.isEmpty()
            ? " (none in this run: n/a)."
            : " of " + String.join(", ", peaks.values()) + ".");
  }

  public Table failedTable() {
    List<List<String>> rows = new ArrayList<>();
    for (AccuracyResult r : failed) {
      rows.add(
          List.of(
              r.route(),
              Long.toString(r.seed()),
              r.failedEpoch() == null ? "-" : r.failedEpoch().toString(),
              r.failure() == null ? "" : r.failure()));
    }
    return new Table(
        "Failed runs",
        List.of("route", "seed", "epoch", "reason"),
        rows,
        rows.isEmpty()
            ? List.of("No run failed.")
            : List.of(
                "A failed run (crash, non-finite or diverging loss) is never tabulated as a result."));
  }

  public Table epochTable() {
    List<List<String>> rows = new ArrayList<>();
    for (AccuracyResult r : record.accuracy()) {
      for (EpochResult e : r.epochs()) {
        rows.add(
            List.of(
                r.route(),
                Long.toString(r.seed()),
                Integer.toString(e.epoch()),
                fmt("%.4f", e.meanLoss()),
                fmt("%.4f", e.testAccuracy()),
                fmt("%.2f", e.seconds()),
                r.ok() ? "" : "failed run"));
      }
    }
    return new Table(
        "Per epoch",
        List.of("route", "seed", "epoch", "mean training loss", "test accuracy", "training s", ""),
        rows,
        List.of());
  }

  public Table throughputTable() {
    List<List<String>> rows = new ArrayList<>();
    for (ThroughputResult t : record.throughput()) {
      rows.add(
          List.of(
              t.route(),
              t.benchmark(),
              t.batchSize() == 0 ? "-" : Integer.toString(t.batchSize()),
              Integer.toString(t.threads()),
              samples(t).replaceFirst(" \\[b\\d+ t\\d+\\]$", ""),
              memory(t),
              gflops(t),
              percent(t)));
    }
    return new Table(
        "Throughput (JMH)",
        List.of(
            "route",
            "benchmark",
            "batch",
            "threads",
            "samples/s ± error",
            "peak RSS / heap (MiB)",
            "GFLOP/s (exact: train fwd+wgrad+igrad, infer fwd)",
            "% of GEMM peak"),
        rows,
        hasThroughput()
            ? List.of(
                "From " + (throughputSource == null ? "this run record" : throughputSource) + ".")
            : List.of(NO_JMH + "."));
  }

  public Table environmentTable() {
    EnvironmentRecord e = record.environment();
    List<List<String>> rows = new ArrayList<>();
    if (e != null) {
      rows.add(List.of("CPU", e.cpuModel() + " (" + e.cores() + " cores)"));
      rows.add(List.of("CPU flags (SIMD)", simdFlags(e.cpuFlags())));
      rows.add(
          List.of(
              "memory",
              e.memoryBytes() < 0 ? "unknown" : fmt("%.1f GiB", e.memoryBytes() / 1073741824.0)));
      rows.add(List.of("OS", e.os()));
      String launcher = e.jvmVendor() + " " + e.jvmVersion();
      rows.add(List.of("JVM", e.measuredJdk()));
      if (!e.measuredJdk().equals(launcher.trim())) {
        rows.add(List.of("launcher JVM", launcher)); // the route JVMs ran on --jvm's JDK
      }
      rows.add(List.of("threads", Integer.toString(e.threads())));
      e.frameworkVersions().forEach((k, v) -> rows.add(List.of("framework of " + k, v)));
      e.nativeVersions().forEach((k, v) -> rows.add(List.of("native " + k, v)));
      e.routeLaunch().forEach((k, v) -> rows.add(List.of("launch " + k, v)));
      rows.add(List.of("git commit", e.gitCommit()));
      rows.add(List.of("suite version", e.suiteVersion()));
      rows.add(List.of("host / fingerprint", e.hostname() + " / " + e.machineFingerprint()));
      rows.add(List.of("captured", e.timestamp()));
    }
    return new Table(
        "Environment",
        List.of("what", "value"),
        rows,
        List.of(
            "Run "
                + record.runId()
                + ", started "
                + record.startedAt()
                + ", finished "
                + record.finishedAt()
                + "."));
  }

  private static String simdFlags(List<String> flags) {
    List<String> simd =
        flags.stream()
            .filter(
                f ->
                    f.startsWith("avx")
                        || f.startsWith("sse")
                        || f.startsWith("fma")
                        || f.startsWith("amx")
                        || f.equals("f16c"))
            .toList();
    return simd.isEmpty()
        ? "none found (" + flags.size() + " flags in results.json)"
        : String.join(" ", simd);
  }

  private static String accuracy(RouteSummary r) {
    return r.sd() == null
        ? fmt("%.4f (n=%d)", r.meanAccuracy(), r.seeds())
        : fmt("%.4f ± %.4f (n=%d)", r.meanAccuracy(), r.sd(), r.seeds());
  }

  private static String ci(RouteSummary r) {
    return r.ci95() == null
        ? "n/a (1 seed)"
        : fmt("[%.4f, %.4f]", r.meanAccuracy() - r.ci95(), r.meanAccuracy() + r.ci95());
  }

  private static String reached(RouteSummary r, String value) {
    return r.reached97() == r.seeds()
        ? value
        : value + " (" + r.reached97() + " of " + r.seeds() + " seeds)";
  }

  private static String rank(SpeedRanking.Place p) {
    if (p.ratioToFastest() == null) {
      return "-";
    }
    return p.rank() == null ? "?" : p.rank() + (p.tied() ? "=" : "");
  }

  private static String accuracyWithInterval(RouteSummary r) {
    return r.ci95() == null
        ? fmt("%.4f (1 seed: no interval)", r.meanAccuracy())
        : fmt(
            "%.4f [%.4f, %.4f] n=%d",
            r.meanAccuracy(), r.meanAccuracy() - r.ci95(), r.meanAccuracy() + r.ci95(), r.seeds());
  }

  private String samples(ThroughputResult t) {
    if (!hasThroughput()) {
      return NO_JMH;
    }
    if (t == null) {
      return NOT_IN_JMH;
    }
    if (!"ok".equals(t.status()) || t.score() == null) {
      return "failed (timing): " + (t.failure() == null ? "" : abbreviate(t.failure(), 80));
    }
    String err = t.scoreError() == null ? "?" : fmt("%,.0f", t.scoreError());
    String flag = t.scoreError() != null && t.scoreError() > t.score() / 2 ? " (noisy)" : "";
    RunSettings s = record.settings();
    // a route timed at other settings than the run's is shown, never silently mixed in
    String setting =
        t.batchSize() == s.batchSize() && t.threads() == s.threads()
            ? ""
            : fmt(" [b%d t%d]", t.batchSize(), t.threads());
    return fmt("%,.0f ± %s", t.score(), err) + flag + setting;
  }

  /** The timing forks' peak RSS and Java heap, in MiB. */
  private String memory(ThroughputResult t) {
    if (!hasThroughput()) {
      return NO_JMH;
    }
    if (t == null || (t.peakRssKb() == null && t.peakHeapKb() == null)) {
      return "n/a";
    }
    return mib(t.peakRssKb()) + " / " + mib(t.peakHeapKb());
  }

  private static String mib(Long kb) {
    return kb == null ? "n/a" : fmt("%.0f", kb / 1024.0);
  }

  private String gflops(ThroughputResult t) {
    if (!hasThroughput()) {
      return NO_JMH;
    }
    return t == null || t.gflops() == null ? "n/a" : fmt("%.2f", t.gflops());
  }

  private String percent(ThroughputResult t) {
    if (!hasThroughput()) {
      return NO_JMH;
    }
    return t == null || t.percentOfPeak() == null
        ? "n/a (no peak)"
        : fmt("%.1f", t.percentOfPeak());
  }

  private static String layers(List<Integer> sizes) {
    return String.join("-", sizes.stream().map(String::valueOf).toList());
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
