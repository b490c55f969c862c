package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.launch.RouteJvm;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one {@link JmhJob}: {@code org.openjdk.jmh.Main} in a fresh JVM on the route module's
 * classpath, so a route that crashes (even natively) takes down only its own JVM. JMH's forks
 * inherit this JVM's flags and environment, so the route's requirements reach the measured JVMs.
 */
final class JmhProcess {
  /** Thread settings a caller's shell might carry; removed unless the route itself sets them. */
  static final List<String> INHERITED_THREAD_VARIABLES =
      List.of(
          "OMP_NUM_THREADS",
          "OMP_WAIT_POLICY",
          "OMP_PROC_BIND",
          "MKL_NUM_THREADS",
          "OPENBLAS_NUM_THREADS",
          "TF_NUM_INTRAOP_THREADS",
          "TF_NUM_INTEROP_THREADS");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_LINES = 12;

  private final BenchSettings settings;
  private final Path workDir;
  private final Consumer<String> echo;

  JmhProcess(BenchSettings settings, Path workDir, Consumer<String> echo) {
    this.settings = settings;
    this.workDir = workDir;
    this.echo = echo;
  }

  JobOutcome run(JmhJob job) {
    String file = job.label().replaceAll("[^A-Za-z0-9._-]", "_");
    Path json = workDir.resolve(file + ".json");
    Path sidecar = workDir.resolve(file + "-sidecar.jsonl");
    Path log = workDir.resolve(file + ".log");
    Map<String, String> environment = new LinkedHashMap<>(job.environment());
    environment.put(Sidecar.ENV, sidecar.toString());
    ProcessBuilder builder =
        RouteJvm.builder(
            job.module(),
            JmhClasspath.entries(),
            environment,
            job.jvmArgs(),
            "org.openjdk.jmh.Main",
            jmhArguments(job, json));
    for (String variable : INHERITED_THREAD_VARIABLES) {
      if (!environment.containsKey(variable)) {
        builder.environment().remove(variable);
      }
    }
    builder.redirectErrorStream(true);
    builder.directory(workDir.toFile()); // a native crash's hs_err_pid*.log lands beside the log
    long start = System.nanoTime();
    List<String> errors = new ArrayList<>();
    Integer exitCode;
    try {
      Files.deleteIfExists(json);
      Files.deleteIfExists(sidecar);
      Process process = builder.start();
      Thread reader = new Thread(() -> copyOutput(process, log, errors), "jmh-output-" + file);
      reader.start();
      boolean finished = process.waitFor(settings.profile().timeoutMinutes(), TimeUnit.MINUTES);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
      reader.join(TimeUnit.SECONDS.toMillis(30));
      exitCode = finished ? process.exitValue() : null;
    } catch (IOException e) {
      return outcome(
          job,
          builder,
          environment,
          null,
          start,
          List.of(),
          List.of(),
          "cannot start the route JVM: " + e.getMessage(),
          log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return outcome(
          job, builder, environment, null, start, List.of(), List.of(), "interrupted", log);
    }
    List<JsonNode> results = readResults(json);
    List<JsonNode> records = readSidecar(sidecar);
    String failure = diagnose(job, exitCode, results, errors);
    return outcome(job, builder, environment, exitCode, start, results, records, failure, log);
  }

  private JobOutcome outcome(
      JmhJob job,
      ProcessBuilder builder,
      Map<String, String> environment,
      Integer exitCode,
      long start,
      List<JsonNode> results,
      List<JsonNode> records,
      String failure,
      Path log) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return new JobOutcome(
        job, builder.command(), environment, exitCode, seconds, results, records, failure, log);
  }

  List<String> jmhArguments(JmhJob job, Path json) {
    BenchProfile p = settings.profile();
    List<String> args = new ArrayList<>();
    args.add(job.includeRegex());
    for (Map.Entry<String, List<String>> param : job.params().entrySet()) {
      args.add("-p");
      args.add(param.getKey() + "=" + String.join(",", param.getValue()));
    }
    args.addAll(List.of("-f", Integer.toString(p.forks())));
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

  private void copyOutput(Process process, Path log, List<String> errors) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        if (isError(line)) {
          synchronized (errors) {
            // JMH repeats a fork's fatal-error banner; keep each line once.
            if (errors.size() < MAX_ERROR_LINES && !errors.contains(line.strip())) {
              errors.add(line.strip());
            }
          }
        }
        if (isProgress(line) || isError(line)) {
          echo.accept("    | " + line.strip());
        }
      }
    } catch (IOException e) {
      // The process died or the log cannot be written; the exit code and results tell the rest.
      synchronized (errors) {
        errors.add("output copy failed: " + e.getMessage());
      }
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
    synchronized (errors) {
      if (!errors.isEmpty()) {
        problems.add("output: " + String.join(" / ", errors));
      }
    }
    return String.join("; ", problems);
  }
}
