package io.mlpbench.results.report;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.ThroughputResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code results.csv}: one row per route summary ({@code kind=result}), reference row ({@code
 * kind=reference}) and failed run ({@code kind=failed}); plain numbers, empty when not available.
 */
public final class CsvReport {
  static final List<String> HEADERS =
      List.of(
          "kind",
          "route",
          "framework",
          "version",
          "style",
          "seeds",
          "seed",
          "accuracy_mean",
          "accuracy_sd",
          "accuracy_ci95",
          "epochs_to_97",
          "seconds_to_97",
          "training_seconds",
          "samples_per_s",
          "samples_per_s_error",
          "gflops",
          "percent_of_peak",
          "peak_rss_bytes",
          "threads",
          "failed_epoch",
          "note",
          "rank",
          "ratio_to_fastest",
          "timed_peak_rss_kb",
          "timed_peak_heap_kb");

  private CsvReport() {}

  public static String render(ReportModel model) {
    List<List<String>> rows = new ArrayList<>();
    for (SpeedRanking.Place p : model.ranking()) {
      RouteSummary r = p.route();
      ThroughputResult t = r.throughput();
      boolean tok = t != null && "ok".equals(t.status());
      rows.add(
          List.of(
              "result",
              r.route(),
              r.framework(),
              r.frameworkVersion(),
              r.style(),
              Integer.toString(r.seeds()),
              "",
              num(r.meanAccuracy()),
              num(r.sd()),
              num(r.ci95()),
              num(r.meanEpochsTo97()),
              num(r.meanSecondsTo97()),
              num(r.meanTrainingSeconds()),
              tok ? num(t.score()) : "",
              tok ? num(t.scoreError()) : "",
              tok ? num(t.gflops()) : "",
              tok ? num(t.percentOfPeak()) : "",
              r.peakRssBytes() == null ? "" : r.peakRssBytes().toString(),
              Integer.toString(r.threads()),
              "",
              !model.hasThroughput()
                  ? ReportModel.NO_JMH
                  : t == null ? ReportModel.NOT_IN_JMH : tok ? "" : "timing failed",
              p.rank() == null ? "" : p.rank() + (p.tied() ? "=" : ""),
              num(p.ratioToFastest()),
              t == null || t.peakRssKb() == null ? "" : t.peakRssKb().toString(),
              t == null || t.peakHeapKb() == null ? "" : t.peakHeapKb().toString()));
    }
    for (ReferenceRow ref : ReferenceRow.SEED) {
      rows.add(
          List.of(
              "reference",
              ref.label(),
              ref.framework(),
              "",
              ref.style(),
              "",
              "",
              num(ref.testAccuracy()),
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "seed notes, not measured here: " + ref.conditions(),
              "",
              "",
              "",
              ""));
    }
    for (AccuracyResult f : model.failed()) {
      rows.add(
          List.of(
              "failed",
              f.route(),
              f.framework(),
              f.frameworkVersion(),
              f.style(),
              "",
              Long.toString(f.seed()),
              "",
              "",
              "",
              "",
              "",
              num(f.trainingSeconds()),
              "",
              "",
              "",
              "",
              "",
              Integer.toString(f.threads()),
              f.failedEpoch() == null ? "" : f.failedEpoch().toString(),
              f.failure() == null ? "" : f.failure(),
              "",
              "",
              "",
              ""));
    }
    StringBuilder csv = new StringBuilder(line(HEADERS));
    rows.forEach(r -> csv.append(line(r)));
    return csv.toString();
  }

  private static String num(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String line(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String c : cells) {
      quoted.add(
          c.contains(",") || c.contains("\"") || c.contains("\n")
              ? "\"" + c.replace("\"", "\"\"") + "\""
              : c);
    }
    return String.join(",", quoted) + "\n";
  }
}
