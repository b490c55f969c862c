package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.launch.RouteDescriptor;
import io.mlpbench.core.launch.RouteModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A job measured in rounds is put back together as JMH would have written it with all forks in one
 * run: forks in round order, statistics over all of them. Expected numbers are worked out by hand.
 */
class RoundsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One fork of 3 iterations, as JMH writes a throughput result (secondary metric included). */
  private static JsonNode fork(String route, double... it) throws Exception {
    String values = JSON.writeValueAsString(it);
    String samples = JSON.writeValueAsString(new double[] {it[0] * 128, it[1] * 128, it[2] * 128});
    return JSON.readTree(
        ("{'benchmark':'x.TrainStepBenchmark.trainStep','mode':'thrpt','forks':1,"
                + "'params':{'route':'%s','batchSize':'128'},"
                + "'primaryMetric':{'score':0,'scoreError':0,'scoreConfidence':[0,0],"
                + "'scorePercentiles':{'0.0':0,'50.0':0,'100.0':0},'scoreUnit':'ops/s',"
                + "'rawData':[%s]},"
                + "'secondaryMetrics':{'samples':{'score':0,'scoreError':0,'scoreConfidence':[0,0],"
                + "'scorePercentiles':{'0.0':0,'50.0':0,'100.0':0},'scoreUnit':'ops/s',"
                + "'rawData':[%s]}}}")
            .replace('\'', '"')
            .formatted(route, values, samples));
  }

  @Test
  void forksOfEveryRoundBecomeOneResultWithJmhsStatisticsOverAllIterations() throws Exception {
    List<JsonNode> merged =
        Rounds.results(
            List.of(
                List.of(fork("manual", 1, 2, 3), fork("tf-tape", 10, 10, 10)),
                List.of(fork("manual", 4, 5, 6))));

    assertThat(merged).hasSize(2); // one per benchmark and parameters, first seen first
    JsonNode manual = merged.get(0);
    assertThat(manual.path("params").path("route").asText()).isEqualTo("manual");
    assertThat(manual.path("forks").asInt()).isEqualTo(2);
    JsonNode primary = manual.path("primaryMetric");
    assertThat(primary.path("rawData").toString()).isEqualTo("[[1.0,2.0,3.0],[4.0,5.0,6.0]]");
    // mean of 1..6 = 3.5; sample sd = sqrt(17.5 / 5) = 1.870829; n = 6, so JMH's 99.9% error is
    // t(0.9995, 5) * sd / sqrt(6) with t(0.9995, 5) = 6.8688 (printed t table)
    double error = 6.8688 * Math.sqrt(17.5 / 5) / Math.sqrt(6);
    assertThat(primary.path("score").asDouble()).isCloseTo(3.5, within(1e-12));
    assertThat(primary.path("scoreError").asDouble()).isCloseTo(error, within(1e-3));
    assertThat(primary.path("scoreConfidence").get(0).asDouble())
        .isCloseTo(3.5 - error, within(1e-3));
    assertThat(primary.path("scorePercentiles").path("0.0").asDouble()).isEqualTo(1.0);
    assertThat(primary.path("scorePercentiles").path("100.0").asDouble()).isEqualTo(6.0);
    JsonNode samples = manual.path("secondaryMetrics").path("samples");
    assertThat(samples.path("rawData").size()).isEqualTo(2);
    assertThat(samples.path("score").asDouble()).isCloseTo(3.5 * 128, within(1e-9));
    // a result seen in one round only is kept as it was
    assertThat(merged.get(1)).isEqualTo(fork("tf-tape", 10, 10, 10));
  }

  @Test
  void aFailedRoundFailsTheJobButKeepsTheForksOfTheOthers() throws Exception {
    JmhJob job =
        new JmhJob(
            "manual-t2",
            new RouteModule("m", Path.of("m"), List.of()),
            new RouteDescriptor(
                "manual", "f", "1", "manual", "m", Map.of(), List.of(), "17", List.of()),
            2,
            List.of(BenchmarkRunner.TRAIN),
            Map.of("route", List.of("manual")),
            Map.of(),
            List.of());
    JobOutcome ok =
        new JobOutcome(
            job,
            List.of("java"),
            Map.of(),
            0,
            10,
            List.of(fork("manual", 1, 2, 3)),
            List.of(JSON.readTree("{\"peakRssKb\":1}")),
            null,
            Path.of("manual-t2-r1.log"));
    JobOutcome crashed =
        new JobOutcome(
            job, List.of("java"), Map.of(), 134, 4, List.of(), List.of(), "exited with 134", null);
    JobOutcome merged = Rounds.merge(List.of(ok, crashed, ok));

    assertThat(merged.failure()).isEqualTo("round 2 of 3: exited with 134");
    assertThat(merged.exitCode()).isEqualTo(134);
    assertThat(merged.seconds()).isEqualTo(24.0);
    assertThat(merged.results()).hasSize(1);
    assertThat(merged.results().get(0).path("forks").asInt()).isEqualTo(2);
    assertThat(merged.sidecar()).hasSize(2);
    assertThat(merged.log()).isEqualTo(Path.of("manual-t2-r1.log"));
    assertThat(Rounds.merge(List.of(ok))).isSameAs(ok);
  }
}
