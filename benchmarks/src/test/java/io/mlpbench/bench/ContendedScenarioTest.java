package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.bench.BenchResults;
import io.mlpbench.core.launch.RouteDescriptor;
import io.mlpbench.core.launch.RouteModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contended scenario's plan, arithmetic and competing process, without timing anything. */
class ContendedScenarioTest {
  @TempDir Path dir;

  private static BenchSettings settings(String... pairs) {
    Properties p = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      p.setProperty(pairs[i], pairs[i + 1]);
    }
    return BenchSettings.from(p, 2);
  }

  private static JmhJob routeJob(String route, int threads) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("route", List.of(route));
    params.put("batchSize", List.of("32", "128", "512"));
    params.put("threads", List.of("" + threads));
    return new JmhJob(
        route + "-t" + threads,
        new RouteModule("m", Path.of("m"), List.of()),
        new RouteDescriptor(
            route, "f", "1", "loop", "m", Map.of(), List.of("-Dx=1"), "17", List.of()),
        threads,
        List.of(BenchmarkRunner.TRAIN, BenchmarkRunner.INFERENCE),
        params,
        Map.of("OMP_NUM_THREADS", "" + threads),
        List.of("-Xmx4g", "-Dx=1"));
  }

  private static final List<JmhJob> JOBS =
      List.of(routeJob("a", 2), routeJob("b", 2), routeJob("a", 1), routeJob("b", 1));

  @Test
  void onlyTheFullProfileOrThePropertyAddsTheContendedJobs() {
    assertThat(ContendedScenario.plan(settings("bench.profile", "smoke"), JOBS)).isEmpty();
    assertThat(ContendedScenario.plan(settings("bench.profile", "quick"), JOBS)).isEmpty();
    assertThat(ContendedScenario.plan(settings("bench.profile", "full"), JOBS)).hasSize(2);
    assertThat(
            ContendedScenario.plan(
                settings("bench.profile", "full", "bench.contended", "false"), JOBS))
        .isEmpty();

    List<ContendedScenario.Pair> pairs =
        ContendedScenario.plan(
            settings(
                "bench.profile", "smoke", "bench.contended", "true", "bench.batches", "32,128"),
            JOBS);
    assertThat(pairs).extracting(ContendedScenario.Pair::route).containsExactly("a", "b");
    for (ContendedScenario.Pair pair : pairs) {
      for (JmhJob job : List.of(pair.quiet(), pair.contended())) {
        assertThat(job.benchmarks()).containsExactly(BenchmarkRunner.TRAIN);
        assertThat(job.threads()).as("all cores only").isEqualTo(2);
        assertThat(job.params().get("batchSize")).as("the canonical batch").containsExactly("128");
        assertThat(job.environment()).containsEntry("OMP_NUM_THREADS", "2");
      }
      String mark = "-D" + ContentionProfiler.COMPETING_CORES + "=1";
      assertThat(pair.contended().jvmArgs()).contains("-Xmx4g", "-Dx=1", mark);
      assertThat(pair.quiet().jvmArgs()).doesNotContain(mark);
      assertThat(pair.contended().label()).isNotEqualTo(pair.quiet().label());
    }
  }

  @Test
  void slowdownIsTheRatioOfGeometricMeansWithAWelchIntervalOnLogs() {
    double e = Math.exp(0.1);
    ContendedScenario.Slowdown s =
        ContendedScenario.Slowdown.of(
            new double[] {100 / e, 100, 100 * e}, new double[] {50 / e, 50, 50 * e});
    assertThat(s.factor()).isCloseTo(2.0, within(1e-12));
    // log sample variance 0.01 a side, n = 3: se = sqrt(0.02 / 3), Welch df = 4, t(0.975, 4) =
    // 2.7764451, so the bounds are 2 exp(-+ 0.2266958)
    assertThat(s.lower()).isCloseTo(1.594326, within(1e-5));
    assertThat(s.upper()).isCloseTo(2.508896, within(1e-5));

    ContendedScenario.Slowdown twoForks =
        ContendedScenario.Slowdown.of(new double[] {90, 110}, new double[] {30, 30});
    assertThat(twoForks.factor()).isCloseTo(Math.sqrt(90 * 110) / 30, within(1e-9));
    assertThat(twoForks.lower()).as("fewer than 3 forks: no interval").isNaN();
  }

  private static JobOutcome failed(JmhJob job) {
    return new JobOutcome(
        job, List.of(), Map.of(), 1, 0, List.of(), List.of(), "exited with status 1", Path.of("l"));
  }

  @Test
  void theBusyProcessRunsOnlyDuringTheContendedJobAndIsStoppedWhenItFails() throws Exception {
    List<ContendedScenario.BusyLoop> loops = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    ContendedScenario scenario =
        new ContendedScenario(
            line -> {},
            () -> {
              ContendedScenario.BusyLoop loop = ContendedScenario.BusyLoop.start();
              loops.add(loop);
              return loop;
            });
    List<ContendedScenario.Pair> pairs =
        ContendedScenario.plan(settings("bench.contended", "true"), List.of(routeJob("a", 2)));
    Path file = dir.resolve("contended.json");

    List<BenchResults.FailedJob> failures =
        scenario.run(
            pairs,
            job -> {
              boolean loadRunning = loops.stream().anyMatch(l -> l.handle().isAlive());
              seen.add(job.label() + " load " + loadRunning);
              return failed(job);
            },
            file);

    assertThat(seen).containsExactly("a-t2-quiet load false", "a-t2-contended load true");
    assertThat(loops).singleElement().satisfies(l -> assertThat(l.handle().isAlive()).isFalse());
    assertThat(failures)
        .extracting(BenchResults.FailedJob::label)
        .containsExactly("a-t2-quiet", "a-t2-contended");
    assertThat(
            new ObjectMapper()
                .readTree(file.toFile())
                .path("routes")
                .get(0)
                .path("failure")
                .asText())
        .contains("exited with status 1");

    assertThatThrownBy(
            () ->
                scenario.run(
                    pairs,
                    job -> {
                      if (job.label().endsWith("-contended")) {
                        throw new IllegalStateException("the JMH host could not start");
                      }
                      return failed(job);
                    },
                    file))
        .hasMessageContaining("could not start");
    assertThat(loops).hasSize(2);
    assertThat(loops.get(1).handle().isAlive()).as("stopped although the job threw").isFalse();
  }
}
