package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.launch.RouteModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JmhJob job() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("route", List.of("manual"));
    params.put("batchSize", List.of("32", "128"));
    return new JmhJob(
        "manual-t2",
        new RouteModule("m", Path.of("m"), List.of()),
        null,
        2,
        List.of(BenchmarkRunner.TRAIN, BenchmarkRunner.INFERENCE),
        params,
        Map.of(),
        List.of());
  }

  private static JsonNode result(String benchmark, String batch) throws Exception {
    return JSON.readTree(
        "{\"benchmark\":\""
            + benchmark
            + "\",\"params\":{\"route\":\"manual\",\"batchSize\":\""
            + batch
            + "\"}}");
  }

  @Test
  void includeRegexSelectsExactlyTheJobsBenchmarks() {
    var regex = java.util.regex.Pattern.compile(job().includeRegex());
    assertThat(regex.matcher(BenchmarkRunner.TRAIN).find()).isTrue();
    assertThat(regex.matcher(BenchmarkRunner.INFERENCE).find()).isTrue();
    assertThat(regex.matcher(BenchmarkRunner.GEMM).find()).isFalse();
    assertThat(regex.matcher(BenchmarkRunner.TRAIN + "X").find()).isFalse();
  }

  @Test
  void expectsOneResultPerBenchmarkAndBatchSize() {
    assertThat(job().expectedResults()).hasSize(4);
  }

  @Test
  void completeResultsWithExitZeroAreNoFailure() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (String b : List.of(BenchmarkRunner.TRAIN, BenchmarkRunner.INFERENCE)) {
      for (String batch : List.of("32", "128")) {
        all.add(result(b, batch));
      }
    }
    assertThat(JmhProcess.diagnose(job(), 0, all, List.of())).isNull();
  }

  @Test
  void aMissingResultOrABadExitIsAFailureThatSaysWhich() throws Exception {
    List<JsonNode> partial =
        List.of(
            result(BenchmarkRunner.TRAIN, "32"),
            result(BenchmarkRunner.TRAIN, "128"),
            result(BenchmarkRunner.INFERENCE, "32"));
    assertThat(JmhProcess.diagnose(job(), 0, partial, List.of("<failure>")))
        .contains("missing results for [" + BenchmarkRunner.INFERENCE + " batchSize=128]")
        .contains("output: <failure>");
    assertThat(JmhProcess.diagnose(job(), 134, List.of(), List.of()))
        .contains("exited with code 134", "no results");
    assertThat(JmhProcess.diagnose(job(), null, List.of(), List.of())).contains("timeout");
  }
}
