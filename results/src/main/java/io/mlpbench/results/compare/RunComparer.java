package io.mlpbench.results.compare;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Compares one new run with a reference made of one run (the baseline) or several (the recent runs
 * on the same machine, whose raw samples and seeds are pooled). Reference runs from another
 * environment are left out with a note; with none left, every row is "not comparable" and says why.
 */
public final class RunComparer {
  private final CompareOptions options;

  public RunComparer(CompareOptions options) {
    this.options = options;
  }

  /** A throughput measurement's identity: the same route, benchmark, batch size and threads. */
  record Key(String route, String benchmark, int batchSize, int threads) {
    static Key of(ThroughputResult t) {
      return new Key(t.route(), t.benchmark(), t.batchSize(), t.threads());
    }

    String metric(String unit) {
      return String.format(
          Locale.ROOT,
          "%s %s (batch %d, %d thr)",
          benchmark,
          unit == null ? "score" : unit,
          batchSize,
          threads);
    }
  }

  /** The metric label of a throughput result, as in comparison rows. */
  public static String metricName(ThroughputResult t) {
    return Key.of(t).metric(t.unit());
  }

  /** The metric label of accuracy rows. */
  public static final String ACCURACY = "test accuracy";

  public Comparison compare(
      String title, String referenceLabel, List<RunRecord> reference, RunRecord now) {
    List<String> notes = new ArrayList<>();
    List<RunRecord> comparable = new ArrayList<>();
    String mismatch = null;
    for (RunRecord ref : reference) {
      String why = Comparability.environmentMismatch(ref.environment(), now.environment());
      if (why == null) {
        comparable.add(ref);
      } else {
        mismatch = why;
        if (reference.size() > 1) {
          notes.add("run " + ref.runId() + " left out: " + why);
        }
      }
    }
    if (reference.isEmpty()) {
      mismatch = "no reference run";
    }
    if (comparable.isEmpty()) {
      notes.add("not comparable: " + mismatch);
    }

    Set<String> routes = new LinkedHashSet<>();
    now.throughput().forEach(t -> routes.add(t.route()));
    now.accuracy().forEach(a -> routes.add(a.route()));
    List<ComparisonRow> rows = new ArrayList<>();
    for (String route : routes) {
      rows.addAll(throughputRows(route, comparable, now, mismatch));
      rows.addAll(accuracyRows(route, comparable, now, mismatch));
    }
    Set<String> missing = new LinkedHashSet<>();
    for (RunRecord ref : comparable) {
      ref.throughput().forEach(t -> missing.add(t.route()));
      ref.accuracy().forEach(a -> missing.add(a.route()));
    }
    missing.removeAll(routes);
    if (!missing.isEmpty()) {
      notes.add("in the reference but not in this run: " + String.join(", ", missing));
    }
    return new Comparison(title, referenceLabel, now.runId(), rows, notes);
  }

  private List<ComparisonRow> throughputRows(
      String route, List<RunRecord> reference, RunRecord now, String envMismatch) {
    List<ComparisonRow> rows = new ArrayList<>();
    for (ThroughputResult t : now.throughput()) {
      if (!t.route().equals(route)) {
        continue;
      }
      Key key = Key.of(t);
      String metric = key.metric(t.unit());
      Double nowValue = t.score();
      if (!"ok".equals(t.status()) || nowValue == null) {
        boolean refOk =
            reference.stream()
                .flatMap(r -> r.throughput().stream())
                .anyMatch(r -> Key.of(r).equals(key) && r.score() != null);
        rows.add(
            row(
                route,
                metric,
                null,
                null,
                t.unit(),
                null,
                "%",
                refOk ? Verdict.REGRESSION : Verdict.NOT_COMPARABLE,
                "failed in this run: " + Objects.toString(t.failure(), "no score")));
        continue;
      }
      if (reference.isEmpty()) {
        rows.add(
            row(
                route,
                metric,
                null,
                nowValue,
                t.unit(),
                null,
                "%",
                Verdict.NOT_COMPARABLE,
                envMismatch));
        continue;
      }
      List<ForkResult> refForks = new ArrayList<>();
      List<Double> refScores = new ArrayList<>();
      String modelMismatch = null;
      for (RunRecord ref : reference) {
        String why = Comparability.modelMismatch(ref.settings(), now.settings());
        for (ThroughputResult r : ref.throughput()) {
          if (Key.of(r).equals(key) && "ok".equals(r.status()) && r.score() != null) {
            if (why != null) {
              modelMismatch = why;
              continue;
            }
            refScores.add(r.score());
            refForks.addAll(r.forkResults());
          }
        }
      }
      if (refScores.isEmpty()) {
        rows.add(
            row(
                route,
                metric,
                null,
                nowValue,
                t.unit(),
                null,
                "%",
                Verdict.NOT_COMPARABLE,
                modelMismatch != null
                    ? modelMismatch
                    : "no reference result for this route, batch and threads"));
        continue;
      }
      ThroughputVerdict.Result r = ThroughputVerdict.compare(refForks, t.forkResults(), options);
      String runs =
          refScores.size() > 1 ? "; reference = forks of " + refScores.size() + " runs pooled" : "";
      rows.add(
          row(
              route,
              metric,
              r.reference(),
              r.now(),
              t.unit(),
              r.changePercent(),
              "%",
              r.verdict(),
              r.detail() + runs));
    }
    return rows;
  }

  private List<ComparisonRow> accuracyRows(
      String route, List<RunRecord> reference, RunRecord now, String envMismatch) {
    List<AccuracyResult> mine =
        now.accuracy().stream().filter(a -> a.route().equals(route)).toList();
    if (mine.isEmpty()) {
      return List.of();
    }
    String metric = ACCURACY;
    List<Double> nowValues = okAccuracies(mine);
    List<Double> refValues = new ArrayList<>();
    String trainingMismatch = null;
    for (RunRecord ref : reference) {
      List<AccuracyResult> theirs =
          ref.accuracy().stream().filter(a -> a.route().equals(route)).toList();
      if (theirs.isEmpty()) {
        continue;
      }
      String why = Comparability.trainingMismatch(ref.settings(), now.settings());
      if (why != null) {
        trainingMismatch = why;
        continue;
      }
      refValues.addAll(okAccuracies(theirs));
    }
    Double nowMean = mean(nowValues);
    if (nowValues.isEmpty()) {
      String failure =
          mine.stream()
              .filter(a -> !a.ok())
              .findFirst()
              .map(
                  a ->
                      a.failure()
                          + (a.failedEpoch() == null ? "" : " (epoch " + a.failedEpoch() + ")"))
              .orElse("no final accuracy");
      return List.of(
          row(
              route,
              metric,
              mean(refValues),
              null,
              "accuracy",
              null,
              "pp",
              refValues.isEmpty() ? Verdict.NOT_COMPARABLE : Verdict.REGRESSION,
              "failed in this run: " + failure));
    }
    if (reference.isEmpty()) {
      return List.of(
          row(
              route,
              metric,
              null,
              nowMean,
              "accuracy",
              null,
              "pp",
              Verdict.NOT_COMPARABLE,
              envMismatch));
    }
    if (refValues.isEmpty()) {
      return List.of(
          row(
              route,
              metric,
              null,
              nowMean,
              "accuracy",
              null,
              "pp",
              Verdict.NOT_COMPARABLE,
              trainingMismatch != null
                  ? trainingMismatch
                  : "no reference accuracy for this route"));
    }
    AccuracyVerdict.Result r = AccuracyVerdict.compare(refValues, nowValues, options);
    int failedSeeds = (int) mine.stream().filter(a -> !a.ok()).count();
    String failed = failedSeeds > 0 ? "; " + failedSeeds + " seed(s) failed in this run" : "";
    return List.of(
        row(
            route,
            metric,
            r.reference(),
            r.now(),
            "accuracy",
            r.changePp(),
            "pp",
            r.verdict(),
            r.detail() + failed));
  }

  private static List<Double> okAccuracies(List<AccuracyResult> results) {
    return results.stream()
        .filter(AccuracyResult::ok)
        .map(AccuracyResult::finalTestAccuracy)
        .filter(Objects::nonNull)
        .toList();
  }

  private static Double mean(List<Double> values) {
    return values.isEmpty()
        ? null
        : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static ComparisonRow row(
      String route,
      String metric,
      Double ref,
      Double now,
      String unit,
      Double change,
      String changeUnit,
      Verdict verdict,
      String detail) {
    return new ComparisonRow(route, metric, ref, now, unit, change, changeUnit, verdict, detail);
  }
}
