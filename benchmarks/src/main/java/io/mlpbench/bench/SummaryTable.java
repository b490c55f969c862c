package io.mlpbench.bench;

import io.mlpbench.core.FlopCount;
import io.mlpbench.core.bench.GemmPeak;
import io.mlpbench.core.bench.Measurement;
import io.mlpbench.core.bench.RouteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link Summary} as the plain-text table printed at the end of a run. */
public final class SummaryTable {
  private static final String[] HEADER = {
    "benchmark",
    "route",
    "thr",
    "batch",
    "samples/s",
    "+- error",
    "GFLOP/s (exact)",
    "% GEMM peak",
    "vs fastest",
    "rank",
    "peak RSS",
    "peak heap",
    "alloc/sample"
  };

  /** Error above this fraction of the score marks a row as too noisy to compare. */
  static final double NOISY_FRACTION = 0.5;

  private SummaryTable() {}

  public static String render(Summary summary) {
    StringBuilder out = new StringBuilder();
    for (GemmPeak refused : summary.calibrations()) {
      if (refused.busy() && !summary.peaks().containsKey(refused.threads())) {
        out.append(
            String.format(
                Locale.ROOT,
                "Machine FP32 peak, %d thread(s): refused, measured on a busy machine (%.1f GFLOP/s,"
                    + " SGEMM %d, %s); no earlier quiet peak on this hardware; %% peak is n/a%n",
                refused.threads(),
                refused.gflops().score(),
                refused.size(),
                refused.library()));
      }
    }
    if (summary.calibrations().isEmpty()) {
      out.append(
          "Machine FP32 peak: not calibrated (no route module provides io.mlpbench.core.GemmProvider)\n");
    }
    for (GemmPeak peak : summary.peaks().values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "Machine FP32 peak, %d thread(s): %.1f +- %s GFLOP/s (SGEMM %d, %s)%s%n",
              peak.threads(),
              peak.gflops().score(),
              error(peak.gflops().error(), "%.1f"),
              peak.size(),
              peak.library(),
              peak.reusedFrom() != null
                  ? " reused from " + peak.reusedFrom() + ": this run's calibration was busy"
                  : noisy(peak.gflops()) ? " busy: error above half the score" : ""));
      if (peak.theoreticalGflops() != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "  theoretical: %.1f GFLOP/s = %s%n",
                peak.theoreticalGflops(),
                peak.theoreticalFormula()));
      }
      for (GemmPeak other : summary.calibrations()) {
        if (other.threads() == peak.threads() && !other.equals(peak)) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "  also measured: %.1f +- %s GFLOP/s (SGEMM %d, %s)%s%n",
                  other.gflops().score(),
                  error(other.gflops().error(), "%.1f"),
                  other.size(),
                  other.library(),
                  other.busy() ? ", busy" : ""));
        }
      }
    }
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADER);
    String lastGroup = null;
    for (Summary.Row row : summary.rows()) {
      RouteResult r = row.result();
      String group = r.benchmark() + r.batchSize() + r.threads() + row.model();
      if (lastGroup != null && !group.equals(lastGroup)) {
        lines.add(null); // blank line between groups that are not compared with each other
      }
      lastGroup = group;
      lines.add(
          new String[] {
            r.benchmark(),
            r.route(),
            Integer.toString(r.threads()),
            Integer.toString(r.batchSize()),
            String.format(Locale.ROOT, "%,.0f", r.samplesPerSecond().score()),
            error(r.samplesPerSecond().error(), "%,.0f")
                + (r.samplesPerSecond().hasError()
                    ? String.format(
                        Locale.ROOT,
                        " (%.0f%%)%s",
                        100 * r.samplesPerSecond().error() / r.samplesPerSecond().score(),
                        noisy(r.samplesPerSecond()) ? "!" : "")
                    : "")
                + (row.busy().busy() > 0
                    ? " busy " + row.busy().busy() + "/" + row.busy().of()
                    : ""),
            r.gflops() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r.gflops().score()),
            r.percentOfPeak() == null
                ? "n/a"
                : String.format(Locale.ROOT, "%.1f%%", r.percentOfPeak()),
            String.format(Locale.ROOT, "%.2fx", row.ratioToFastest()),
            row.rank() == null ? "?" : row.rank() + (row.tied() ? "=" : ""),
            r.peakRssKb() == null ? "n/a" : (r.peakRssKb() / 1024) + " MiB",
            r.peakHeapKb() == null ? "n/a" : (r.peakHeapKb() / 1024) + " MiB",
            r.allocatedBytesPerSample() == null
                ? "n/a"
                : String.format(Locale.ROOT, "%,.0f B", r.allocatedBytesPerSample())
          });
    }
    boolean allocation =
        summary.rows().stream().anyMatch(r -> r.result().allocatedBytesPerSample() != null);
    out.append(table(allocation ? lines : withoutLastColumn(lines)));
    out.append(
        "rank: 1 + number of routes whose 99.9% confidence interval lies entirely above this one;\n"
            + "'=' marks a tie (intervals overlap: the difference is inside the noise, not a ranking);\n"
            + "'?' = no error estimate (too few iterations), so no rank is claimed.\n"
            + "'!' after the error: error above half the score, too noisy to compare (machine busy?"
            + " rerun, or use -Dbench.profile=full).\n"
            + "'busy k/n': k of n measurement iterations ran while "
            + summary.results().busyRule()
            + "; verdicts on them are inconclusive.\n"
            + "GFLOP/s (exact) = samples/s x FLOPs per sample (core's FlopCount): train "
            + FlopCount.TRAINING_DEFINITION
            + " (forward and weight-gradient products\n"
            + "of every layer, input-gradient products of all but the first; 3,209,216 for"
            + " 784-512-512-10), inference "
            + FlopCount.INFERENCE_DEFINITION
            + ";\nelementwise work (bias, activation, softmax, optimizer) excluded.\n"
            + "% GEMM peak = GFLOP/s / the measured best-library SGEMM GFLOP/s at the same thread"
            + " count (above, with its error);\nthe theoretical peak beside it rests on an assumed"
            + " FMA unit count and is not a denominator.\n"
            + (summary.rows().stream()
                    .map(Summary.Row::result)
                    .anyMatch(r -> r.percentOfPeak() != null && r.percentOfPeak() > 100)
                ? "% peak above 100: a route's own kernels beat the calibrating library, so that"
                    + " 'peak' is only a lower bound.\n"
                : "")
            + "peak RSS: the largest VmHWM (heap and native) of the forks; peak heap: the largest"
            + " Java heap in use.\n"
            + (allocation
                ? "alloc/sample: Java heap bytes per sample (JMH gc profiler); native memory not"
                    + " included.\n"
                : ""));
    if (!summary.scaling().isEmpty()) {
      out.append("\nThread scaling (samples/s on N threads / on 1 thread):\n");
      for (Summary.Scaling s : summary.scaling()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-9s %-14s batch %4d: %.2fx on %d threads%s%n",
                s.benchmark(),
                s.route(),
                s.batchSize(),
                s.speedup(),
                s.threads(),
                s.withinError() ? " (within error: no measurable change)" : ""));
      }
    }
    return out.toString();
  }

  /** An interval wider than the score itself says little; the row is flagged. */
  static boolean noisy(Measurement m) {
    return m.hasError() && m.error() > NOISY_FRACTION * m.score();
  }

  private static String error(double error, String format) {
    return Double.isFinite(error) ? String.format(Locale.ROOT, format, error) : "n/a";
  }

  private static List<String[]> withoutLastColumn(List<String[]> lines) {
    List<String[]> trimmed = new ArrayList<>();
    for (String[] line : lines) {
      trimmed.add(line == null ? null : java.util.Arrays.copyOf(line, line.length - 1));
    }
    return trimmed;
  }

  private static String table(List<String[]> lines) {
    int[] width = new int[lines.get(0).length];
    for (String[] line : lines) {
      if (line != null) {
        for (int i = 0; i < line.length; i++) {
          width[i] = Math.max(width[i], line[i].length());
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : lines) {
      if (line == null) {
        out.append('\n');
        continue;
      }
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        boolean text = i < 2; // left-align names, right-align numbers
        String cell = line[i];
        String pad = " ".repeat(width[i] - cell.length());
        row.append(text ? cell + pad : pad + cell).append(i + 1 < line.length ? "  " : "");
      }
      out.append(row.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
