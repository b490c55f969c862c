package io.mlpbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.bench.BenchResults;
import io.mlpbench.core.bench.RouteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * How each route behaves on a shared machine (issue 18): its training step measured twice, back to
 * back, quiet and with one competing busy process (one core of load), and the slowdown factor quiet
 * samples/s / contended samples/s per route, with a fork-level interval when each side has at least
 * 3 forks. On in the {@code full} profile, else {@code -Dbench.contended=true}.
 *
 * <p>Contended forks are busy by design: they carry the {@link ContentionProfiler#COMPETING_CORES}
 * property, so the profiler marks them contended and calls them busy only for load beyond ours.
 * Their results go to their own file ({@code jmh-<stamp>-<profile>-contended.json}), never into the
 * run's JMH JSON or typed results, so no summary row or verdict mixes them with quiet forks.
 */
final class ContendedScenario {
  /** The competing load: one busy process, i.e. one core. */
  static final int COMPETING_CORES = 1;

  static final double CONFIDENCE = 0.95;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A route's quiet job and its contended twin (same route, batch, threads, forks). */
  record Pair(String route, JmhJob quiet, JmhJob contended) {}

  /**
   * quiet / contended samples/s (ratio of the geometric means of fork means), with a Welch interval
   * on the log fork means when both sides have at least 3 forks (else NaN bounds).
   */
  record Slowdown(double factor, double lower, double upper) {
    static Slowdown of(double[] quietForks, double[] contendedForks) {
      SummaryStatistics q = logs(quietForks);
      SummaryStatistics c = logs(contendedForks);
      double factor = Math.exp(q.getMean() - c.getMean());
      if (q.getN() < 3 || c.getN() < 3) {
        return new Slowdown(factor, Double.NaN, Double.NaN);
      }
      double vq = q.getVariance() / q.getN();
      double vc = c.getVariance() / c.getN();
      double se = Math.sqrt(vq + vc);
      if (se == 0) {
        return new Slowdown(factor, factor, factor);
      }
      double df = (vq + vc) * (vq + vc) / (vq * vq / (q.getN() - 1) + vc * vc / (c.getN() - 1));
      double t = new TDistribution(df).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
      return new Slowdown(factor, factor * Math.exp(-t * se), factor * Math.exp(t * se));
    }

    private static SummaryStatistics logs(double[] values) {
      SummaryStatistics s = new SummaryStatistics();
      for (double v : values) {
        s.addValue(Math.log(v));
      }
      return s;
    }
  }

  /** One route's outcome; null sides and slowdown when a job failed. */
  record RouteSlowdown(
      String route,
      int batchSize,
      int threads,
      List<Double> quietForks,
      List<Double> contendedForks,
      double competingCpuCores,
      int quietBusyForks,
      Slowdown slowdown,
      String failure) {}

  /** One busy process, running until closed or until the JVM that started it is gone. */
  static final class BusyLoop implements AutoCloseable {
    private final Process process;

    private BusyLoop(Process process) {
      this.process = process;
    }

    static BusyLoop start() {
      try {
        // kill -0 $PPID: the loop ends by itself if this JVM dies without closing it
        return new BusyLoop(
            new ProcessBuilder("sh", "-c", "while kill -0 $PPID 2>/dev/null; do :; done")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the competing busy process", e);
      }
    }

    ProcessHandle handle() {
      return process.toHandle();
    }

    @Override
    public void close() {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final Consumer<String> out;
  private final Supplier<BusyLoop> load;

  ContendedScenario(Consumer<String> out, Supplier<BusyLoop> load) {
    this.out = out;
    this.load = load;
  }

  /**
   * Per route, at the largest thread count and the canonical batch (else the first), a training job
   * and its contended twin; none unless {@link BenchSettings#contended()}.
   */
  static List<Pair> plan(BenchSettings settings, List<JmhJob> routeJobs) {
    if (!settings.contended() || routeJobs.isEmpty()) {
      return List.of();
    }
    int threads = routeJobs.stream().mapToInt(JmhJob::threads).max().orElseThrow();
    int canonical = TrainingConfig.defaults().batchSize();
    String batch =
        "" + (settings.batchSizes().contains(canonical) ? canonical : settings.batchSizes().get(0));
    List<Pair> pairs = new ArrayList<>();
    for (JmhJob job : routeJobs) {
      if (job.threads() != threads) {
        continue;
      }
      Map<String, List<String>> params = new LinkedHashMap<>(job.params());
      params.put("batchSize", List.of(batch));
      List<String> contendedArgs = new ArrayList<>(job.jvmArgs());
      contendedArgs.add("-D" + ContentionProfiler.COMPETING_CORES + "=" + COMPETING_CORES);
      pairs.add(
          new Pair(
              job.route().id(),
              twin(job, "-quiet", params, job.jvmArgs()),
              twin(job, "-contended", params, contendedArgs)));
    }
    return pairs;
  }

  private static JmhJob twin(
      JmhJob job, String suffix, Map<String, List<String>> params, List<String> jvmArgs) {
    return new JmhJob(
        job.label() + suffix,
        job.module(),
        job.route(),
        job.threads(),
        List.of(BenchmarkRunner.TRAIN),
        params,
        job.environment(),
        jvmArgs);
  }

  /**
   * Runs each pair (the contended job with the busy process alive, stopped afterwards whatever
   * happens), writes {@code file} and prints the table.
   *
   * @return the failed jobs, for the run's list of failures
   */
  List<BenchResults.FailedJob> run(
      List<Pair> pairs, Function<JmhJob, JobOutcome> runJob, Path file) {
    List<RouteSlowdown> routes = new ArrayList<>();
    List<BenchResults.FailedJob> failures = new ArrayList<>();
    for (Pair pair : pairs) {
      out.accept("[contended] " + pair.route() + ": quiet, then with one busy process");
      JobOutcome quiet = runJob.apply(pair.quiet());
      JobOutcome contended;
      try (BusyLoop busy = load.get()) {
        contended = runJob.apply(pair.contended());
      }
      routes.add(slowdown(pair, quiet, contended, failures));
    }
    try {
      JSON.writeValue(
          file.toFile(),
          Map.of("competingCores", COMPETING_CORES, "confidence", CONFIDENCE, "routes", routes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    out.accept("");
    out.accept(table(routes));
    out.accept("Contended results: " + file);
    return failures;
  }

  private static RouteSlowdown slowdown(
      Pair pair, JobOutcome quiet, JobOutcome contended, List<BenchResults.FailedJob> failures) {
    int batch = Integer.parseInt(pair.quiet().params().get("batchSize").get(0));
    int threads = pair.quiet().threads();
    List<String> failed = new ArrayList<>();
    for (JobOutcome o : List.of(quiet, contended)) {
      if (o.failed()) {
        String reason = o.job().label() + ": " + o.failure();
        failures.add(new BenchResults.FailedJob(o.job().label(), pair.route(), threads, reason));
        failed.add(reason);
      }
    }
    if (!failed.isEmpty()) {
      return new RouteSlowdown(
          pair.route(), batch, threads, null, null, Double.NaN, 0, null, String.join("; ", failed));
    }
    List<RouteResult.Fork> q = train(quiet);
    List<RouteResult.Fork> c = train(contended);
    double[] quietMeans = q.stream().mapToDouble(ContendedScenario::mean).toArray();
    double[] contendedMeans = c.stream().mapToDouble(ContendedScenario::mean).toArray();
    return new RouteSlowdown(
        pair.route(),
        batch,
        threads,
        boxed(quietMeans),
        boxed(contendedMeans),
        c.stream()
            .flatMap(f -> f.otherCpuCores().stream())
            .mapToDouble(d -> d)
            .average()
            .orElse(Double.NaN),
        (int) q.stream().filter(f -> f.busy().contains(true)).count(),
        Slowdown.of(quietMeans, contendedMeans),
        null);
  }

  /** The training result's forks, read by the one JMH reader. */
  private static List<RouteResult.Fork> train(JobOutcome o) {
    return TypedResults.of(o.results(), o.sidecar(), TypedResults.Run.unknown()).results().stream()
        .filter(r -> r.benchmark().equals(RouteResult.TRAIN))
        .findFirst()
        .map(RouteResult::forks)
        .orElse(List.of());
  }

  private static double mean(RouteResult.Fork fork) {
    return fork.samples().stream().mapToDouble(d -> d).average().orElse(Double.NaN);
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  static String table(List<RouteSlowdown> routes) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "Shared machine: training samples/s quiet vs with %d competing busy process (%d core);"
                + " slowdown = quiet / contended, %.0f%% interval over fork means%n",
            COMPETING_CORES,
            COMPETING_CORES,
            100 * CONFIDENCE));
    t.append(
        String.format(
            Locale.ROOT,
            "%-12s %5s %7s %12s %12s %9s %18s %10s%n",
            "route",
            "batch",
            "threads",
            "quiet",
            "contended",
            "slowdown",
            "interval (forks)",
            "other CPU"));
    for (RouteSlowdown r : routes) {
      if (r.failure() != null) {
        t.append(String.format(Locale.ROOT, "%-12s FAILED: %s%n", r.route(), r.failure()));
        continue;
      }
      Slowdown s = r.slowdown();
      String interval =
          Double.isNaN(s.lower())
              ? "n/a (" + r.quietForks().size() + "+" + r.contendedForks().size() + ")"
              : String.format(
                  Locale.ROOT,
                  "[%.2f, %.2f] (%d+%d)",
                  s.lower(),
                  s.upper(),
                  r.quietForks().size(),
                  r.contendedForks().size());
      t.append(
          String.format(
              Locale.ROOT,
              "%-12s %5d %7d %12.0f %12.0f %8.2fx %18s %6.2f cores%s%n",
              r.route(),
              r.batchSize(),
              r.threads(),
              geometricMean(r.quietForks()),
              geometricMean(r.contendedForks()),
              s.factor(),
              interval,
              r.competingCpuCores(),
              r.quietBusyForks() > 0
                  ? "  quiet side busy in " + r.quietBusyForks() + " fork(s)"
                  : ""));
    }
    return t.toString();
  }

  private static double geometricMean(List<Double> values) {
    return Math.exp(values.stream().mapToDouble(Math::log).average().orElse(Double.NaN));
  }
}
