package io.mlpbench.bench;

import java.util.List;
import java.util.Locale;

/**
 * How much measuring a run does. {@code smoke} only proves the harness (CI), {@code quick} is the
 * default of {@code mvn verify} (every route, batch 128, all cores, about 10 minutes on 2 cores),
 * {@code full} is for reported numbers (more forks and iterations, batch 32/128/512, and 1 thread
 * besides all cores to show each route's scaling).
 *
 * @param warmupTime and {@code measurementTime}: JMH time values such as {@code 1s} or {@code
 *     200ms}
 * @param singleThreadToo also run every route on 1 thread (when the machine has more than one core)
 * @param timeoutMinutes per route JVM; a route that takes longer is killed and reported as failed
 */
public record BenchProfile(
    String name,
    int forks,
    int warmupIterations,
    String warmupTime,
    int measurementIterations,
    String measurementTime,
    List<Integer> batchSizes,
    boolean singleThreadToo,
    int gemmSize,
    int timeoutMinutes) {

  public static final List<String> NAMES = List.of("smoke", "quick", "full");

  public static BenchProfile named(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "smoke" ->
          new BenchProfile("smoke", 1, 1, "200ms", 3, "200ms", List.of(32), false, 512, 10);
      // Forks, not iterations, are the unit of replication (fork-to-fork CV 13% here against
      // 0.5-17% within a fork: shared/measurements), so the time goes into forks: 3 per route is
      // the fewest a verdict accepts (Kalibera and Jones, ISMM 2013).
      case "quick" -> new BenchProfile("quick", 3, 2, "1s", 3, "1s", List.of(128), false, 2048, 20);
      case "full" ->
          new BenchProfile("full", 5, 3, "1s", 4, "1s", List.of(32, 128, 512), true, 2048, 180);
      default ->
          throw new IllegalArgumentException(
              "unknown bench.profile '" + name + "': expected one of " + NAMES);
    };
  }

  /** This profile with another fork count (e.g. 1 for one fork of an interleaved A/B session). */
  public BenchProfile withForks(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("forks must be at least 1, got " + n);
    }
    return new BenchProfile(
        name,
        n,
        warmupIterations,
        warmupTime,
        measurementIterations,
        measurementTime,
        batchSizes,
        singleThreadToo,
        gemmSize,
        timeoutMinutes);
  }

  /** Thread counts to run for a machine with {@code cores} cores: all cores first. */
  public List<Integer> threadCounts(int cores) {
    return singleThreadToo && cores > 1 ? List.of(cores, 1) : List.of(cores);
  }
}
