package io.mlpbench.results.matrix;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.results.ab.JdkRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param jvms the JDKs every release runs on, in table order (the first is the reference of the JDK
 *     ratios); empty means the JVM running the CLI only
 */
public record MatrixConfig(
    String profile,
    List<String> benchmarks,
    int epochs,
    List<Long> seeds,
    int threads,
    List<Framework> frameworks,
    List<Jvm> jvms) {

  /**
   * One route module and the releases to build it against, oldest first. Without versions, the
   * module as the checkout has it ({@link Version#CHECKOUT}): how {@code manual}, whose only
   * release is this code, takes part (on the JDK axis).
   */
  public record Framework(String name, String module, List<String> routes, List<Version> versions) {
    public Framework {
      routes = routes == null ? List.of() : List.copyOf(routes);
      versions =
          versions == null || versions.isEmpty()
              ? List.of(Version.CHECKOUT)
              : List.copyOf(versions);
    }
  }

  /** A release: its label in tables and the Maven properties that select it (none: the pom's). */
  public record Version(String label, Map<String, String> properties) {
    /** The checkout's own versions, no property overridden. */
    public static final Version CHECKOUT = new Version("checkout", Map.of());

    public Version {
      properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
  }

  /**
   * A JDK the matrix runs every release on: its label in tables ("17") and its Java home. Without a
   * label, the feature release the home's {@code release} file names.
   */
  public record Jvm(String label, Path home) {
    public Jvm {
      if (home == null) {
        throw new IllegalArgumentException(
            "a jvm needs a \"home\" (a Java home, e.g. /usr/lib/jvm/temurin-25-jdk-amd64)");
      }
      if (label == null || label.isBlank()) {
        label = releaseOf(home);
      }
    }

    /** For {@code matrix --jvm <home>}: labelled by the release the home reports. */
    public static Jvm of(Path home) {
      return new Jvm(null, home.toAbsolutePath());
    }

    /** "25" for a home whose release file says JAVA_VERSION="25.0.3"; else its directory name. */
    static String releaseOf(Path home) {
      String name = JdkRelease.of(home); // "JDK 25.0.3", or "JDK at <dir>" without a release file
      if (name.startsWith("JDK at ")) {
        return name.substring("JDK at ".length());
      }
      String version = name.substring("JDK ".length());
      try {
        return Integer.toString(Runtime.Version.parse(version).feature());
      } catch (IllegalArgumentException e) {
        return version; // e.g. 1.8.0_392, which Runtime.Version does not parse
      }
    }
  }

  /** Without JVMs: every release on the JVM running the CLI. */
  public MatrixConfig(
      String profile,
      List<String> benchmarks,
      int epochs,
      List<Long> seeds,
      int threads,
      List<Framework> frameworks) {
    this(profile, benchmarks, epochs, seeds, threads, frameworks, List.of());
  }

  public MatrixConfig {
    benchmarks =
        benchmarks == null || benchmarks.isEmpty() ? List.of("train") : List.copyOf(benchmarks);
    seeds =
        seeds == null || seeds.isEmpty()
            ? List.of(TrainingConfig.defaults().seed())
            : List.copyOf(seeds);
    frameworks = List.copyOf(frameworks);
    jvms = jvms == null ? List.of() : List.copyOf(jvms);
    if (profile == null || profile.isBlank()) {
      profile = "quick";
    }
    Set<String> labels = new HashSet<>();
    for (Jvm jvm : jvms) {
      // the tables tell JDKs apart by label
      if (!labels.add(jvm.label())) {
        throw new IllegalArgumentException(
            "two jvms labelled \"" + jvm.label() + "\"; give each JDK its own label");
      }
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
    return new MatrixConfig(profile, benchmarks, epochs, seeds, threads, kept, jvms);
  }

  public MatrixConfig with(String newProfile, Integer newEpochs, Integer newThreads) {
    return new MatrixConfig(
        newProfile != null ? newProfile : profile,
        benchmarks,
        newEpochs != null ? newEpochs : epochs,
        seeds,
        newThreads != null ? newThreads : threads,
        frameworks,
        jvms);
  }

  /**
   * With {@code extra} JVMs: one whose label a configured JVM has takes its place (the order, and
   * so the reference JDK, stays the config's), the others come after.
   */
  public MatrixConfig withJvms(List<Jvm> extra) {
    List<Jvm> all = new ArrayList<>(jvms);
    Set<String> given = new HashSet<>();
    for (Jvm jvm : extra) {
      if (!given.add(jvm.label())) {
        throw new IllegalArgumentException(
            "two Java homes report JDK "
                + jvm.label()
                + " (one is "
                + jvm.home()
                + "); the matrix tells JDKs apart by release");
      }
      int configured = all.stream().map(Jvm::label).toList().indexOf(jvm.label());
      if (configured >= 0) {
        all.set(configured, jvm);
      } else {
        all.add(jvm);
      }
    }
    return new MatrixConfig(profile, benchmarks, epochs, seeds, threads, frameworks, all);
  }
}
