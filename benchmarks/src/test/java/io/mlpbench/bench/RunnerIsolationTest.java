package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.bench.BenchResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner end to end on test-only routes (see {@code testroutes}), each in its own JVM: a route
 * that kills its JVM and one whose steps throw are reported as failed, while the working route and
 * the GEMM calibration still produce JMH results.
 */
class RunnerIsolationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void failingRoutesAreReportedAndTheOthersStillProduceResults() throws Exception {
    // A fake checkout with one "route module" whose classpath is this test JVM's (test routes
    // included).
    Path root = temp.resolve("checkout");
    Path target = Files.createDirectories(root.resolve("test-routes").resolve("target"));
    Files.writeString(target.resolve("route-classpath.txt"), System.getProperty("java.class.path"));
    Properties p = new Properties();
    p.setProperty("bench.profile", "smoke");
    p.setProperty("mlpbench.root", root.toString());
    p.setProperty("bench.out", temp.resolve("out").toString());
    p.setProperty("bench.routes", "test-ok,test-crash,test-throws");
    p.setProperty("bench.threads", "1");
    p.setProperty(
        "bench.gemmSize", "64"); // the naive fixture GEMM is slow; size only needs to verify
    p.setProperty(
        "bench.ignoreJmhLock",
        "true"); // timings are irrelevant here; don't collide with other runs
    List<String> output = Collections.synchronizedList(new ArrayList<>());

    BenchmarkRunner.Report report =
        new BenchmarkRunner(BenchSettings.from(p, 2), output::add).run();

    String log = String.join("\n", output);
    System.out.println(log); // kept in target/surefire-reports for diagnosis
    assertThat(report.exitCode()).as(log).isEqualTo(1);
    assertThat(report.failures()).as(log).hasSize(2);
    assertThat(report.failures())
        .anySatisfy(f -> assertThat(f).startsWith("test-crash-t1").contains("134"))
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith("test-throws-t1")
                    .contains("TrainStepBenchmark.trainStep"));
    assertThat(log).contains("[1/4] peak-test-routes-t1", "[4/4] test-throws-t1", "FAILED (2)");

    // The working route measured both benchmarks, in samples/s, with its fork's peak RSS.
    List<Summary.Row> ok =
        report.summary().rows().stream().filter(r -> r.route().equals("test-ok")).toList();
    assertThat(ok).extracting(Summary.Row::benchmark).containsExactlyInAnyOrder("train", "infer");
    assertThat(ok)
        .allSatisfy(
            r -> {
              assertThat(r.samplesPerSecond().score()).isPositive();
              assertThat(r.batchSize()).isEqualTo(32);
              assertThat(r.threads()).isEqualTo(1);
              assertThat(r.result().peakRssKb()).isPositive();
              assertThat(r.result().peakHeapKb()).isPositive();
            });
    // test-throws' inference still ran: a failed route keeps the results it did produce.
    assertThat(report.summary().rows())
        .anySatisfy(
            r -> assertThat(r.route() + " " + r.benchmark()).isEqualTo("test-throws infer"));
    assertThat(report.summary().rows()).noneMatch(r -> r.route().equals("test-crash"));
    // The calibration ran; on a busy machine it is refused as a peak rather than used.
    assertThat(report.summary().calibrations())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.library())
                  .isEqualTo(io.mlpbench.bench.testroutes.NaiveGemmProvider.LIBRARY);
              assertThat(report.summary().peaks().containsKey(1)).isEqualTo(!c.busy());
            });

    // One standard JMH array with raw per-iteration data, typed results that say what failed, and
    // a meta file of how each job was launched.
    JsonNode results = JSON.readTree(report.results().toFile());
    assertThat(results.isArray()).isTrue();
    assertThat(results.size()).isEqualTo(4); // gemm + test-ok x2 + test-throws inference
    for (JsonNode r : results) {
      assertThat(r.path("primaryMetric").path("rawData").get(0).size())
          .isEqualTo(3); // smoke: 3 iterations (JMH needs 3 for an error)
      // the contention profiler's record, one value per iteration beside the score
      JsonNode other = r.path("secondaryMetrics").path("contention.otherCpu");
      assertThat(other.path("rawData").get(0).size()).as(r.toString()).isEqualTo(3);
      assertThat(other.path("rawData").get(0).get(0).asDouble()).isBetween(0.0, 64.0);
      assertThat(r.path("secondaryMetrics").path("contention.processCpu").path("score").asDouble())
          .isPositive(); // the measuring JVM did run
    }
    BenchResults typed = BenchResults.read(report.typed());
    assertThat(typed.failures())
        .extracting(BenchResults.FailedJob::route)
        .containsExactlyInAnyOrder("test-crash", "test-throws");
    assertThat(typed.results()).hasSize(3);
    assertThat(typed.jmhFile()).isEqualTo(report.results().getFileName().toString());
    JsonNode meta = JSON.readTree(report.meta().toFile());
    JsonNode okJob = null;
    for (JsonNode job : meta.path("jobs")) {
      if (job.path("label").asText().equals("test-ok-t1")) {
        okJob = job;
      }
    }
    assertThat(okJob).isNotNull();
    assertThat(okJob.path("status").asText()).isEqualTo("ok");
    assertThat(okJob.path("environment").path("MLPBENCH_TEST_ROUTE").asText())
        .isEqualTo("applied-1");
    assertThat(okJob.path("jvmArgs").toString()).contains("-Dmlpbench.test.flag=applied");
  }
}
