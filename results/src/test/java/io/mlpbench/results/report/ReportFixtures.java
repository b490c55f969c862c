package io.mlpbench.results.report;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.EpochResult;
import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import io.mlpbench.results.model.ThroughputResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-made run records for report tests: every number chosen, so expectations are exact. */
public final class ReportFixtures {
  public static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private ReportFixtures() {}

  /** A training result at batch 128 on 2 threads (the settings below), score ± error. */
  public static ThroughputResult train(String route, double score, Double error, double... raw) {
    List<Double> samples = new ArrayList<>();
    for (double r : raw) {
      samples.add(r);
    }
    return new ThroughputResult(
        route, "train", 128, 2, score, error, "samples/s", samples, null, null, "ok", null);
  }

  /**
   * An ok {@code benchmark} result (e.g. "train", "feed") at one batch size and thread count with
   * one single-iteration fork per value of {@code forkMeans}; its score is their mean.
   */
  public static ThroughputResult measured(
      String route, String benchmark, int batch, int threads, Double error, double... forkMeans) {
    List<ForkResult> forks = new ArrayList<>();
    double sum = 0;
    for (double m : forkMeans) {
      forks.add(ForkResult.of(List.of(m)));
      sum += m;
    }
    return measured(route, benchmark, batch, threads, sum / forkMeans.length, error, forks);
  }

  /** As above with the forks given (e.g. some measured busy) and the score stated. */
  public static ThroughputResult measured(
      String route,
      String benchmark,
      int batch,
      int threads,
      double score,
      Double error,
      List<ForkResult> forks) {
    return new ThroughputResult(
        route,
        benchmark,
        batch,
        threads,
        score,
        error,
        "samples/s",
        List.of(score),
        null,
        null,
        "ok",
        null,
        forks,
        null,
        null,
        null);
  }

  /** Student's t, 97.5% quantile, 4 degrees of freedom (printed tables). */
  public static final double T_975_DF4 = 2.776445;

  /**
   * The half-width, on the log scale, of the 95% Welch interval between two sets of 3 fork means
   * with the same relative spread as {@code forkMeans}: equal variances and 3 + 3 forks give 4
   * degrees of freedom, so the bound is computed by hand from a printed t quantile.
   */
  public static double logHalfWidthOfThreeAgainstThree(double... forkMeans) {
    double mean = 0;
    for (double m : forkMeans) {
      mean += Math.log(m) / 3;
    }
    double var = 0;
    for (double m : forkMeans) {
      var += (Math.log(m) - mean) * (Math.log(m) - mean) / 2;
    }
    return T_975_DF4 * Math.sqrt(2 * var / 3);
  }

  /** One ok seed whose epochs have the given mean losses and accuracies. */
  public static AccuracyResult seed(
      String route, String framework, String style, long seed, double[] loss, double[] acc) {
    List<EpochResult> epochs = new ArrayList<>();
    for (int i = 0; i < loss.length; i++) {
      epochs.add(new EpochResult(i + 1, loss[i], acc[i], 10.0));
    }
    return new AccuracyResult(
        route,
        framework,
        "1.0",
        style,
        seed,
        AccuracyResult.OK,
        null,
        null,
        epochs,
        acc[acc.length - 1],
        null,
        null,
        512L << 20,
        2,
        10.0 * loss.length);
  }

  /** A one-epoch ok seed with final accuracy {@code acc}. */
  public static AccuracyResult seed(String route, String framework, long seed, double acc) {
    return seed(route, framework, "fit", seed, new double[] {0.2}, new double[] {acc});
  }

  public static EnvironmentRecord env(String cpu, String commit, List<String> jvmArgs) {
    return new EnvironmentRecord(
        cpu,
        List.of("avx2", "fma"),
        2,
        8L << 30,
        "Linux",
        "Temurin",
        "17.0.15",
        jvmArgs,
        Map.of(),
        Map.of(),
        Map.of(),
        2,
        commit,
        "0.1.0",
        "host",
        "fingerprint",
        T0.toString(),
        null);
  }

  public static RunSettings settings() {
    return new RunSettings(
        "mnist",
        List.of(784, 512, 512, 10),
        "relu",
        "adam",
        1e-3,
        0.9,
        0.999,
        1e-7,
        128,
        1,
        List.of(42L, 43L, 44L),
        2,
        List.of(),
        "quick");
  }

  public static RunRecord run(
      String id,
      int minutes,
      EnvironmentRecord env,
      List<AccuracyResult> accuracy,
      List<ThroughputResult> throughput) {
    Instant start = T0.plusSeconds(60L * minutes);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        id,
        start,
        start.plusSeconds(30),
        throughput.isEmpty() ? "accuracy" : "both",
        null,
        env,
        settings(),
        accuracy,
        throughput);
  }
}
