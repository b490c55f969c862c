package io.mlpbench.results.compare;

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
import java.util.Random;

/** Run records with chosen throughput samples and accuracies, for comparison tests. */
public final class SyntheticRuns {
  public static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  public static final String CPU = "Test CPU @ 2.0GHz";

  private SyntheticRuns() {}

  /** JMH-like fork means: {@code mean} with Gaussian noise of relative sd {@code noise}. */
  public static List<Double> samples(Random random, double mean, double noise, int n) {
    List<Double> s = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      s.add(mean * (1 + noise * random.nextGaussian()));
    }
    return s;
  }

  /** A training result whose forks have the given means (one quiet iteration per fork). */
  public static ThroughputResult train(String route, List<Double> forkMeans) {
    List<ForkResult> forks = new ArrayList<>();
    for (double m : forkMeans) {
      forks.add(new ForkResult(List.of(m), List.of(false), null, null, null, null));
    }
    return train(route, forks, forkMeans);
  }

  /** A training result made of these forks. */
  public static ThroughputResult trainForks(String route, List<ForkResult> forks) {
    List<Double> raw = forks.stream().flatMap(f -> f.samples().stream()).toList();
    return train(route, forks, raw);
  }

  /** A record as written before forks were kept: raw samples only. */
  public static ThroughputResult trainRawOnly(String route, List<Double> raw) {
    return train(route, null, raw);
  }

  /** A fork of these iteration samples, each iteration busy or not as {@code busy} says. */
  public static ForkResult fork(boolean busy, double... samples) {
    List<Double> s = new ArrayList<>();
    List<Boolean> b = new ArrayList<>();
    for (double v : samples) {
      s.add(v);
      b.add(busy);
    }
    return new ForkResult(s, b, null, null, null, null);
  }

  private static ThroughputResult train(String route, List<ForkResult> forks, List<Double> raw) {
    double mean = raw.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new ThroughputResult(
        route,
        "train",
        128,
        2,
        mean,
        null,
        "samples/s",
        raw,
        null,
        null,
        "ok",
        null,
        forks,
        null,
        null,
        null);
  }

  public static AccuracyResult accuracy(String route, long seed, double finalAccuracy) {
    return new AccuracyResult(
        route,
        "Framework",
        "1.0",
        "fit",
        seed,
        AccuracyResult.OK,
        null,
        null,
        List.of(new EpochResult(1, 0.2, finalAccuracy, 3.0)),
        finalAccuracy,
        null,
        null,
        null,
        2,
        3.0);
  }

  public static List<AccuracyResult> seeds(String route, double... accuracies) {
    List<AccuracyResult> list = new ArrayList<>();
    for (int i = 0; i < accuracies.length; i++) {
      list.add(accuracy(route, 42 + i, accuracies[i]));
    }
    return list;
  }

  public static EnvironmentRecord env(String cpu, int threads) {
    return new EnvironmentRecord(
        cpu,
        List.of("avx2"),
        2,
        8L << 30,
        "Linux",
        "Temurin",
        "17",
        List.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        threads,
        "abc",
        "0.1.0",
        "host",
        cpu + "/2 cores/8 GiB",
        T0.toString(),
        null);
  }

  public static RunSettings settings(int epochs) {
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
        epochs,
        List.of(42L),
        2,
        List.of(),
        "quick");
  }

  public static RunRecord run(
      String id,
      int minutes,
      EnvironmentRecord env,
      List<ThroughputResult> throughput,
      List<AccuracyResult> accuracy) {
    Instant start = T0.plusSeconds(60L * minutes);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        id,
        start,
        start.plusSeconds(30),
        "both",
        null,
        env,
        settings(5),
        accuracy,
        throughput);
  }

  public static RunRecord run(
      String id, int minutes, List<ThroughputResult> throughput, List<AccuracyResult> accuracy) {
    return run(id, minutes, env(CPU, 2), throughput, accuracy);
  }
}
