package io.mlpbench.results.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.launch.JvmLaunch;
import io.mlpbench.core.launch.LaunchedJvm;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.RouteDescriptor;
import io.mlpbench.core.launch.RouteWorker;
import io.mlpbench.core.launch.TrainRequest;
import io.mlpbench.results.model.AccuracyResult;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Trains every selected route for every seed, each run in a fresh JVM of its own route module
 * (classpath, environment and JVM flags as the route declares), and collects the results. Routes of
 * one seed start from the same initial parameters and batch order because the worker derives both
 * from the seed with the shared code ({@code Parameters.initial}, {@code Batcher}).
 */
public final class AccuracyRunner {
  /** Same heap limit as the benchmarks runner, so peak RSS compares across the two. */
  static final String HEAP = "-Xmx4g";

  /** Marks the log lines the runner writes itself (command, environment), left out of reasons. */
  static final String HEADER = "#mlpbench ";

  private final RunProgress progress;
  private final Path logDir;
  private final Duration timeout;

  public AccuracyRunner(RunProgress progress, Path logDir, long timeoutMinutes) {
    this(progress, logDir, Duration.ofMinutes(timeoutMinutes));
  }

  /**
   * @param timeout a run still going after this is killed (with its child processes) and failed
   */
  public AccuracyRunner(RunProgress progress, Path logDir, Duration timeout) {
    this.progress = progress;
    this.logDir = logDir;
    this.timeout = timeout;
  }

  /** Runs {@code spec} for every entry and every seed of its sweep, in seed order. */
  public List<AccuracyResult> run(List<RouteCatalog.Entry> entries, RunSpec spec)
      throws IOException {
    Files.createDirectories(logDir);
    List<AccuracyResult> results = new ArrayList<>();
    for (long seed : spec.sweep().seeds()) {
      for (RouteCatalog.Entry entry : entries) {
        results.add(runOne(entry, new TrainRequest(entry.id(), spec.withSeed(seed))));
      }
    }
    return results;
  }

  /** One route, one seed, one JVM. */
  public AccuracyResult runOne(RouteCatalog.Entry entry, TrainRequest request) throws IOException {
    RouteDescriptor d = entry.descriptor();
    WorkerTranscript transcript =
        new WorkerTranscript(
            new WorkerTranscript.RouteInfo(d.id(), d.framework(), d.frameworkVersion(), d.style()),
            request.seed(),
            request.threads());
    Files.createDirectories(logDir);
    Path log = logDir.resolve(d.id() + "-seed" + request.seed() + ".log");
    Files.deleteIfExists(log);
    List<String> args = new ArrayList<>();
    args.add("train");
    args.addAll(request.toArgs());
    JvmLaunch launch =
        JvmLaunch.of(RouteWorker.class.getName())
            .module(entry.module())
            .jvmArgs(List.of(HEAP))
            .jvmArgs(d.jvmArgs())
            .environment(d.environment())
            .args(args)
            .directory(logDir) // hs_err files of a native crash land next to the log
            .errorTo(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .timeout(timeout);
    progress.runStarted(d.id(), request.seed(), request.epochs());
    LaunchedJvm.Exit exit;
    try (OutputStream logOut = new FileOutputStream(log.toFile(), true);
        PrintStream logText = new PrintStream(logOut, true, StandardCharsets.UTF_8)) {
      logText.println(HEADER + String.join(" ", launch.command()));
      logText.println(HEADER + "environment: " + d.environment());
      exit =
          launch
              .start()
              .forEachLine(
                  line -> {
                    JsonNode message = transcript.accept(line);
                    if (message == null) {
                      logText.println(line);
                    } else {
                      progress.message(d.id(), message);
                    }
                  });
      if (exit.timedOut()) {
        logText.println(HEADER + exit.describe());
      }
    }
    String reason = exit.status() == 0 ? "" : tail(log, 6);
    if (exit.timedOut()) {
      reason = exit.describe() + (reason.isEmpty() ? "" : "; " + reason);
    }
    AccuracyResult result = transcript.finish(exit.status(), reason);
    progress.runFinished(d.id(), result);
    return result;
  }

  /** The last lines of {@code file} that are not our command header, joined with " | ". */
  static String tail(Path file, int lines) {
    try {
      Deque<String> last = new ArrayDeque<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()
            || line.startsWith(HEADER)
            || line.startsWith("WARNING: Using incubator")) {
          continue;
        }
        last.addLast(line.strip());
        if (last.size() > lines) {
          last.removeFirst();
        }
      }
      return String.join(" | ", last);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
