package io.mlpbench.results.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpbench.results.model.ThroughputResult;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code benchmark-action.json}: the run in github-action-benchmark's {@code customBiggerIsBetter}
 * format, an array of {@code {name, unit, value, range, extra}}. It carries training samples/s
 * (JMH's own JSON only offers the primary metric, train steps/s) and test accuracy, both bigger is
 * better. Names are stable across runs (route, metric, batch, threads), since the action keys its
 * history by name.
 */
public final class BenchmarkActionExport {
  /** The file name in the report directory; {@code results/latest/} by default. */
  public static final String FILE = "benchmark-action.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchmarkActionExport() {}

  public static String render(ReportModel model) throws IOException {
    ArrayNode out = JSON.createArrayNode();
    for (SpeedRanking.Place p : model.ranking()) {
      RouteSummary s = p.route();
      ThroughputResult t = s.throughput();
      if (SpeedRanking.measured(t)) {
        ObjectNode e = out.addObject();
        e.put(
            "name",
            fmt(
                "%s train samples/s (batch %d, %d threads)",
                s.route(), t.batchSize(), t.threads()));
        e.put("unit", "samples/s");
        e.put("value", t.score());
        if (t.scoreError() != null) {
          e.put("range", fmt("± %.1f", t.scoreError()));
        }
        e.put(
            "extra",
            fmt(
                "JMH 99.9%% error; %d samples; %s %s%s",
                t.rawSamples().size(),
                s.framework(),
                s.frameworkVersion(),
                p.rank() == null ? "" : "; rank " + p.rank() + (p.tied() ? "=" : "")));
      }
    }
    for (SpeedRanking.Place p : model.ranking()) {
      RouteSummary s = p.route();
      ObjectNode e = out.addObject();
      e.put("name", s.route() + " test accuracy");
      e.put("unit", "fraction correct");
      e.put("value", s.meanAccuracy());
      if (s.ci95() != null) {
        e.put("range", fmt("± %.4f", s.ci95()));
      }
      e.put(
          "extra",
          s.ci95() == null
              ? fmt("1 seed: no interval; %d epochs", model.record().settings().epochs())
              : fmt(
                  "95%% CI of the mean over %d seeds; %d epochs",
                  s.seeds(), model.record().settings().epochs()));
    }
    return JSON.writeValueAsString(out) + "\n";
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
