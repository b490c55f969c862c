package io.mlpbench.results.matrix;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which framework releases the release matrix runs, read from {@code results/matrix.json}. Each
 * version is a set of Maven property overrides for the route module's build (the parent pom pins
 * every framework version as a property), so a release is tried exactly as a user would build it.
 *
 * @param profile benchmark profile for throughput ({@code smoke}, {@code quick}, {@code full})
 * @param benchmarks {@code train} and/or {@code inference}
 * @param epochs accuracy epochs per route and version (0 skips accuracy)
 * @param seeds one accuracy run per seed
 * @param threads thread count of every route JVM (0 = all cores)
 */
public record MatrixConfig(
    String profile,
    List<String> benchmarks,
    int epochs,
    List<Long> seeds,
    int threads,
    List<Framework> frameworks) {

  /** One route module and the releases to build it against, oldest first. */
  public record Framework(String name, String module, List<String> routes, List<Version> versions) {
    public Framework {
      routes = routes == null ? List.of() : List.copyOf(routes);
      versions = List.copyOf(versions);
    }
  }

  /** A release: its label in tables and the Maven properties that select it. */
  public record Version(String label, Map<String, String> properties) {
    public Version {
      properties = Map.copyOf(properties);
    }
  }

  public MatrixConfig {
    benchmarks =
        benchmarks == null || benchmarks.isEmpty() ? List.of("train") : List.copyOf(benchmarks);
    seeds =
        seeds == null || seeds.isEmpty()
            ? List.of(TrainingConfig.defaults().seed())
            : List.copyOf(seeds);
    frameworks = List.copyOf(frameworks);
    if (profile == null || profile.isBlank()) {
      profile = "quick";
    }
  }

  public int effectiveThreads() {
    return threads > 0 ? threads : TrainingConfig.DEFAULT_THREADS;
  }

  public static MatrixConfig read(Path file) {
    try {
      return new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(Files.readAllBytes(file), MatrixConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file
              + ": not a release matrix config ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")",
          e);
    }
  }

  /** Only the named frameworks (by name or module), in config order; all for an empty list. */
  public MatrixConfig only(List<String> names) {
    if (names == null || names.isEmpty()) {
      return this;
    }
    List<Framework> kept =
        frameworks.stream()
            .filter(
                f ->
                    names.stream()
                        .anyMatch(n -> n.equalsIgnoreCase(f.name()) || n.equals(f.module())))
            .toList();
    if (kept.size() != names.size()) {
      throw new IllegalArgumentException(
          "unknown framework in "
              + names
              + "; the config has "
              + frameworks.stream().map(Framework::name).toList());
    }
    return new MatrixConfig(profile, benchmarks, epochs, seeds, threads, kept);
  }

  public MatrixConfig with(String newProfile, Integer newEpochs, Integer newThreads) {
    return new MatrixConfig(
        newProfile != null ? newProfile : profile,
        benchmarks,
        newEpochs != null ? newEpochs : epochs,
        seeds,
        newThreads != null ? newThreads : threads,
        frameworks);
  }
}
