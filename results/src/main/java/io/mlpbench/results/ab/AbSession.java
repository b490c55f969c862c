package io.mlpbench.results.ab;

import io.mlpbench.core.launch.BenchmarksModule;
import io.mlpbench.core.launch.JvmLaunch;
import io.mlpbench.core.launch.LaunchedJvm;
import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.ThroughputVerdict;
import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.report.JmhResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One interleaved A/B session: forks of the two sides alternate A B A B ..., each fork its own
 * benchmarks-runner invocation with {@code -Dbench.forks=1}, so slow drift of the machine (other
 * jobs, thermal state, a noisy neighbour) lands on both sides alike instead of on one, and the
 * verdict pairs A_i with B_i (paired t-interval on their log ratios) so that shared drift cancels.
 * The JMH harness is this checkout's; the code measured (route module and core) is each side's.
 */
public final class AbSession {
  private static final Duration FORK_TIMEOUT = Duration.ofMinutes(30);

  /**
   * @param harness the checkout whose benchmarks module runs the JMH harness
   * @param profile JMH profile for warm-up and measurement iterations (its fork count is replaced)
   * @param forksPerSide forks measured for each measured side
   */
  public record Plan(
      Path harness,
      String profile,
      int threads,
      int batchSize,
      int forksPerSide,
      Path outputDir,
      CompareOptions options) {}

  /**
   * @param order the forks in the order they ran, e.g. [A1, B1, A2, B2, ...]
   * @param failures forks that produced no result, with the reason
   */
  public record Outcome(
      AbSide a,
      AbSide b,
      List<ForkResult> forksA,
      List<ForkResult> forksB,
      List<String> order,
      List<String> failures,
      ThroughputVerdict.Result verdict,
      Instant started,
      double seconds) {}

  private final Plan plan;
  private final Consumer<String> log;

  public AbSession(Plan plan, Consumer<String> log) {
    this.plan = plan;
    this.log = log;
  }

  public Outcome run(AbSide a, AbSide b) throws IOException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    List<ForkResult> forksA = new ArrayList<>(a.recorded());
    List<ForkResult> forksB = new ArrayList<>(b.recorded());
    List<String> order = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<ForkResult> pairA = new ArrayList<>();
    List<ForkResult> pairB = new ArrayList<>();
    for (int i = 1; i <= plan.forksPerSide(); i++) {
      ForkResult[] pair = new ForkResult[2];
      for (String name : List.of("A", "B")) {
        AbSide side = name.equals("A") ? a : b;
        if (!side.measured()) {
          continue;
        }
        String id = name + i;
        Optional<ForkResult> fork = measureOneFork(side, id, failures);
        if (fork.isPresent()) {
          (name.equals("A") ? forksA : forksB).add(fork.get());
          pair[name.equals("A") ? 0 : 1] = fork.get();
          order.add(id);
          log.accept(
              String.format(
                  java.util.Locale.ROOT,
                  "ab: %s (%s, %s): %,.0f samples/s%s",
                  id,
                  side.label(),
                  side.route(),
                  fork.get().mean(),
                  fork.get().measuredBusy() ? " [busy]" : ""));
        }
      }
      if (pair[0] != null && pair[1] != null) {
        pairA.add(pair[0]);
        pairB.add(pair[1]);
      }
    }
    // Both sides measured here: adjacent forks are pairs, and the paired interval cancels drift.
    ThroughputVerdict.Result verdict =
        a.measured() && b.measured()
            ? ThroughputVerdict.comparePaired(pairA, pairB, plan.options())
            : ThroughputVerdict.compare(forksA, forksB, plan.options());
    return new Outcome(
        a, b, forksA, forksB, order, failures, verdict, started, (System.nanoTime() - t0) / 1e9);
  }

  private Optional<ForkResult> measureOneFork(AbSide side, String id, List<String> failures)
      throws IOException {
    Path out = plan.outputDir().resolve("forks").resolve(id);
    Files.createDirectories(out);
    Map<String, String> bench = new LinkedHashMap<>();
    bench.put("profile", plan.profile());
    bench.put("forks", "1");
    bench.put("routes", side.route());
    bench.put("threads", Integer.toString(plan.threads()));
    bench.put("batches", Integer.toString(plan.batchSize()));
    bench.put("benchmarks", "train");
    bench.put("peak", "false");
    bench.put("out", out.toString());
    Path logFile = out.resolve("runner.log");
    // the side's own JDK (ab --candidate-jvm), else the session's (ab --jvm), else the runner's
    String session = System.getProperty(JvmLaunch.JVM_PROPERTY);
    List<String> forkJdk =
        JvmLaunch.jvmPropertyFor(
            side.jvm() != null ? side.jvm() : session == null ? null : Path.of(session));
    LaunchedJvm.Exit exit =
        BenchmarksModule.of(plan.harness())
            .runner(side.checkout(), bench)
            .jvmArgs(forkJdk)
            .directory(side.checkout())
            .outputTo(logFile)
            .timeout(FORK_TIMEOUT)
            .start()
            .awaitExit();
    if (exit.timedOut()) {
      failures.add(id + ": " + exit.describe() + "; log " + logFile);
      return Optional.empty();
    }
    Optional<Path> json = JmhResults.newest(out);
    if (json.isEmpty()) {
      failures.add(id + ": no JMH results; log " + logFile);
      return Optional.empty();
    }
    for (ThroughputResult t : JmhResults.read(json.get()).results()) {
      if (t.route().equals(side.route())
          && t.benchmark().equals("train")
          && "ok".equals(t.status())
          && !t.forkResults().isEmpty()) {
        return Optional.of(t.forkResults().get(0));
      }
    }
    failures.add(id + ": " + side.route() + " produced no training result; log " + logFile);
    return Optional.empty();
  }
}
