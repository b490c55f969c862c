package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.launch.JvmLaunch;
import io.mlpbench.core.launch.LaunchedJvm;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one {@link JmhJob}: {@code org.openjdk.jmh.Main} in a fresh JVM on the route module's
 * classpath, so a route that crashes (even natively) takes down only its own JVM. JMH's forks
 * inherit this JVM's flags and environment, so the route's requirements reach the measured JVMs.
 */
final class JmhProcess {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_LINES = 12;

  private final BenchSettings settings;
  private final Path workDir;
  private final Consumer<String> echo;
  private final int forks;

  JmhProcess(BenchSettings settings, Path workDir, Consumer<String> echo) {
    this(settings, workDir, echo, settings.profile().forks());
  }

  /** A process running {@code forks} JMH forks per job (1 for one round of {@link Rounds}). */
  JmhProcess(BenchSettings settings, Path workDir, Consumer<String> echo, int forks) {
    this.settings = settings;
    this.workDir = workDir;
    this.echo = echo;
    this.forks = forks;
  }

  JobOutcome run(JmhJob job) {
    return run(job, "");
  }

  /**
   * Runs {@code job}; its JSON, sidecar and log files are named by its label plus {@code suffix}.
   */
  JobOutcome run(JmhJob job, String suffix) {
    String file = job.label().replaceAll("[^A-Za-z0-9._-]", "_") + suffix;
    Path json = workDir.resolve(file + ".json");
    Path sidecar = workDir.resolve(file + "-sidecar.jsonl");
    Path log = workDir.resolve(file + ".log");
    Map<String, String> environment = new LinkedHashMap<>(job.environment());
    environment.put(Sidecar.ENV, sidecar.toString());
    JvmLaunch launch =
        JvmLaunch.of("org.openjdk.jmh.Main")
            .module(job.module())
            .classpath(JmhClasspath.entries())
            .environment(environment)
            .jvmArgs(job.jvmArgs())
            .args(jmhArguments(job, json))
            .directory(workDir)
            .timeout(Duration.ofMinutes(settings.profile().timeoutMinutes()));
    long start = System.nanoTime();
    List<String> errors = new ArrayList<>();
    Integer exitCode;
    try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      Files.deleteIfExists(json);
      Files.deleteIfExists(sidecar);
      LaunchedJvm.Exit exit = launch.start().forEachLine(line -> copy(line, out, errors));
      exitCode = exit.timedOut() ? null : exit.status();
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      return outcome(
          job, launch, environment, null, start, List.of(), List.of(), "interrupted", log);
    } catch (IOException e) {
      return outcome(
          job,
          launch,
          environment,
          null,
          start,
          List.of(),
          List.of(),
          "cannot start the route JVM: " + e.getMessage(),
          log);
    }
    List<JsonNode> results = readResults(json);
    List<JsonNode> records = readSidecar(sidecar);
    String failure = diagnose(job, exitCode, results, errors);
    return outcome(job, launch, environment, exitCode, start, results, records, failure, log);
  }

  private JobOutcome outcome(
      JmhJob job,
      JvmLaunch launch,
      Map<String, String> environment,
      Integer exitCode,
      long start,
      List<JsonNode> results,
      List<JsonNode> records,
      String failure,
      Path log) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return new JobOutcome(
        job, launch.command(), environment, exitCode, seconds, results, records, failure, log);
  }

  List<String> jmhArguments(JmhJob job, Path json) {
    BenchProfile p = settings.profile();
    List<String> args = new ArrayList<>();
    args.add(job.includeRegex());
    for (Map.Entry<String, List<String>> param : job.params().entrySet()) {
      args.add("-p");
      args.add(param.getKey() + "=" + String.join(",", param.getValue()));
    }
    args.addAll(List.of("-f", Integer.toString(forks)));
    args.addAll(List.of("-wi", Integer.toString(p.warmupIterations()), "-w", p.warmupTime()));
    args.addAll(
        List.of("-i", Integer.toString(p.measurementIterations()), "-r", p.measurementTime()));
    // Keep going after a failed benchmark; missing results are found by comparing with the job.
    args.addAll(List.of("-foe", "false"));
    // Every iteration records what else the machine did, so busy iterations can be told apart.
    args.addAll(List.of("-prof", ContentionProfiler.class.getName()));
    for (String profiler : settings.profilers()) {
      args.addAll(List.of("-prof", profiler));
    }
    args.addAll(List.of("-rf", "json", "-rff", json.toString()));
    return args;
  }

  private void copy(String line, BufferedWriter log, List<String> errors) {
    try {
      log.write(line);
      log.newLine();
    } catch (IOException e) {
      // the log cannot be written; the exit code and results tell the rest
      if (errors.size() < MAX_ERROR_LINES) {
        errors.add("log write failed: " + e.getMessage());
      }
    }
    if (isError(line)) {
      // JMH repeats a fork's fatal-error banner; keep each line once.
      if (errors.size() < MAX_ERROR_LINES && !errors.contains(line.strip())) {
        errors.add(line.strip());
      }
    }
    if (isProgress(line) || isError(line)) {
      echo.accept("    | " + line.strip());
    }
  }

  private static boolean isProgress(String line) {
    return line.startsWith("# Benchmark:")
        || line.startsWith("# Parameters:")
        || line.startsWith("# Run progress:")
        || line.startsWith("Iteration ")
        || line.strip().startsWith("samples:")
        || line.startsWith("# Warmup Iteration");
  }

  private static boolean isError(String line) {
    return line.startsWith("<failure>")
        || line.contains("forked VM failed")
        || line.startsWith("ERROR")
        || line.startsWith("Error")
        || line.startsWith("# A fatal error")
        || line.contains("hs_err_pid")
        || line.matches("^(\\w+\\.)+\\w*(Exception|Error)(: .*)?$");
  }

  private static List<JsonNode> readResults(Path json) {
    if (!Files.isRegularFile(json)) {
      return List.of();
    }
    try {
      JsonNode root = JSON.readTree(json.toFile());
      List<JsonNode> results = new ArrayList<>();
      if (root != null && root.isArray()) {
        root.forEach(results::add);
      }
      return results;
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<JsonNode> readSidecar(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<JsonNode> records = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          records.add(JSON.readTree(line));
        }
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sidecar file " + file, e);
    }
  }

  /** Null when the job did everything it was asked; else a one-paragraph reason. */
  static String diagnose(
      JmhJob job, Integer exitCode, List<JsonNode> results, List<String> errors) {
    Set<String> missing = new LinkedHashSet<>(job.expectedResults());
    for (JsonNode r : results) {
      Map<String, String> params = new HashMap<>();
      r.path("params")
          .fields()
          .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      missing.remove(job.resultKey(r.path("benchmark").asText(), params));
    }
    List<String> problems = new ArrayList<>();
    if (exitCode == null) {
      problems.add("killed after the profile's timeout");
    } else if (exitCode != 0) {
      problems.add("JMH JVM exited with code " + exitCode);
    }
    if (!missing.isEmpty()) {
      problems.add(
          (results.isEmpty() ? "no results" : "missing results") + " for " + List.copyOf(missing));
    }
    if (problems.isEmpty()) {
      return null;
    }
    if (!errors.isEmpty()) {
      problems.add("output: " + String.join(" / ", errors));
    }
    return String.join("; ", problems);
  }
}
