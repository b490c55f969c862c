package io.mlpbench.results.report;

import io.mlpbench.core.FlopCount;
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

/**
 * What a report shows, computed once from a run record and the JMH results, as formatted tables
 * (Markdown, HTML and CSV render the same cells). Failed runs never enter the summaries.
 */
public final class ReportModel {
  /** Cell text when no JMH JSON was found at all. */
  public static final String NO_JMH = "n/a (no JMH results)";

  /** Cell text when the JMH JSON has no training result for the route. */
  public static final String NOT_IN_JMH = "n/a (route not in JMH results)";

  private final RunRecord record;
  private final JmhResults jmh;
  private final List<RouteSummary> summaries = new ArrayList<>();
  private final List<AccuracyResult> failed = new ArrayList<>();

  /**
   * @param jmh null when no JMH results exist: throughput cells then read {@link #NO_JMH}
   */
  public ReportModel(RunRecord record, JmhResults jmh) {
    this.record = record;
    this.jmh = jmh;
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
              jmh == null ? null : jmh.train(route, s.batchSize(), s.threads()).orElse(null);
          summaries.add(RouteSummary.of(runs, t));
        });
  }

  public RunRecord record() {
    return record;
  }

  public JmhResults jmh() {
    return jmh;
  }

  public List<RouteSummary> summaries() {
    return List.copyOf(summaries);
  }

  public List<AccuracyResult> failed() {
    return List.copyOf(failed);
  }

  /** The main table: one row per route with a successful run, then the labelled reference rows. */
  public Table resultsTable() {
    List<String> headers =
        List.of(
            "route",
            "framework",
            "version",
            "API style",
            "test accuracy (mean ± sd)",
            "95% CI",
            "epochs to 97%",
            "time to 97% (s)",
            "train samples/s ± error",
            "GFLOP/s (" + FlopCount.TRAINING_DEFINITION + ")",
            "% of GEMM peak",
            "peak RSS (MB)");
    List<List<String>> rows = new ArrayList<>();
    for (RouteSummary r : summaries) {
      rows.add(
          List.of(
              r.route(),
              r.framework(),
              r.frameworkVersion(),
              r.style(),
              accuracy(r),
              ci(r),
              r.meanEpochsTo97() == null
                  ? "not reached"
                  : reached(r, fmt("%.1f", r.meanEpochsTo97())),
              r.meanSecondsTo97() == null
                  ? "not reached"
                  : reached(r, fmt("%.1f", r.meanSecondsTo97())),
              samples(r.throughput()),
              gflops(r.throughput()),
              percent(r.throughput()),
              r.peakRssBytes() == null ? "n/a" : fmt("%.0f", r.peakRssBytes() / 1048576.0)));
    }
    for (ReferenceRow ref : ReferenceRow.SEED) {
      rows.add(
          List.of(
              "*reference: " + ref.label() + "*",
              ref.framework(),
              "-",
              ref.style(),
              fmt("%.4f", ref.testAccuracy()) + " (seed notes, not measured here)",
              "-",
              "-",
              "-",
              "-",
              "-",
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
        "Accuracy: final test accuracy over the seeds that completed (sample sd; CI = Student t, 95%)."
            + " Time to 97%: training wall time until the first epoch reaching 97% test accuracy, evaluation excluded"
            + " (mean over the seeds that reached it).");
    notes.add(
        jmh == null
            ? "Throughput: "
                + NO_JMH
                + " under results/jmh; run `./mlp-bench run` or the benchmarks module."
            : "Throughput: JMH training step at batch "
                + s.batchSize()
                + " where measured ("
                + jmh.source().getFileName()
                + "); ± is JMH's 99.9% error. GFLOP/s = samples/s x FLOPs per sample, exact"
                + " (core's FlopCount: forward and weight-gradient products of every layer,"
                + " input-gradient products of all but the first, 3,209,216 per sample for"
                + " 784-512-512-10; inference forward only; elementwise work excluded)."
                + " % of GEMM peak = GFLOP/s / the measured best-library SGEMM at the same thread count"
                + (jmh.peakGflops().isEmpty()
                    ? " (none in this JMH run: n/a)."
                    : ": "
                        + jmh.peakGflops().entrySet().stream()
                            .map(
                                e ->
                                    e.getKey()
                                        + " thread(s): "
                                        + jmh.peakDescriptions()
                                            .getOrDefault(
                                                e.getKey(),
                                                String.format(
                                                    java.util.Locale.ROOT,
                                                    "%.1f GFLOP/s",
                                                    e.getValue())))
                            .collect(java.util.stream.Collectors.joining("; "))
                        + " (a theoretical peak assumes the FMA unit count: beside the"
                        + " denominator, not instead of it)."));
    notes.add(
        "Reference rows are the Keras (Python) accuracies from the seed notes (5 epochs, batch 128, Adam),"
            + " shown for context only.");
    if (!failed.isEmpty()) {
      notes.add(
          failed.size() + " failed run(s) are listed under Failed runs and are not in this table.");
    }
    return new Table("Results", headers, rows, notes);
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
    if (jmh != null) {
      for (ThroughputResult t : jmh.results()) {
        rows.add(
            List.of(
                t.route(),
                t.benchmark(),
                t.batchSize() == 0 ? "-" : Integer.toString(t.batchSize()),
                Integer.toString(t.threads()),
                samples(t).replaceFirst(" \\[b\\d+ t\\d+\\]$", ""),
                gflops(t),
                percent(t)));
      }
    }
    return new Table(
        "Throughput (JMH)",
        List.of(
            "route",
            "benchmark",
            "batch",
            "threads",
            "samples/s ± error",
            "GFLOP/s (exact: train fwd+wgrad+igrad, infer fwd)",
            "% of GEMM peak"),
        rows,
        jmh == null ? List.of(NO_JMH + ".") : List.of("From " + jmh.source() + "."));
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
      rows.add(List.of("JVM", e.jvmVendor() + " " + e.jvmVersion()));
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

  private String samples(ThroughputResult t) {
    if (jmh == null) {
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
    String setting = fmt(" [b%d t%d]", t.batchSize(), t.threads());
    return fmt("%,.0f ± %s", t.score(), err) + flag + setting;
  }

  private String gflops(ThroughputResult t) {
    if (jmh == null) {
      return NO_JMH;
    }
    return t == null || t.gflops() == null ? "n/a" : fmt("%.2f", t.gflops());
  }

  private String percent(ThroughputResult t) {
    if (jmh == null) {
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
