package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpbench.core.bench.GemmPeak;
import io.mlpbench.core.bench.Measurement;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Summary math on a hand-made JMH result file ({@code fixtures/jmh-fixture.json}): every expected
 * number below is worked out from the fixture's scores by hand, not by the code under test.
 */
class SummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Canonical 784-512-512-10: 784*512 + 512*512 + 512*10 = 401,408 + 262,144 + 5,120 weights.
  private static final double WEIGHTS = 668_672;
  // Forward 2W + weight gradients 2W + input gradients of layers 2 and 3: 2 x (262,144 + 5,120).
  private static final double TRAINING_FLOPS = 4 * WEIGHTS + 2 * (262_144 + 5_120); // 3,209,216
  // Best fixture GEMM: 50 calls/s of 2 * 1024^3 FLOPs.
  private static final double PEAK_GFLOPS = 50 * 2 * Math.pow(1024, 3) / 1e9;
  // Printed/parsed doubles: only rounding noise is tolerated.
  private static final double EPS = 1e-9;

  private Summary summary;
  private List<JsonNode> results;
  private List<JsonNode> sidecar;

  @BeforeEach
  void load() throws Exception {
    results = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/fixtures/jmh-fixture.json")) {
      JSON.readTree(in).forEach(results::add);
    }
    sidecar = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/fixtures/sidecar-fixture.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        sidecar.add(JSON.readTree(line));
      }
    }
    summary = Summary.of(results, sidecar);
  }

  private Summary.Row row(String benchmark, String route, int threads) {
    return summary.rows().stream()
        .filter(
            r ->
                r.benchmark().equals(benchmark)
                    && r.route().equals(route)
                    && r.threads() == threads)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void peakIsTheFastestLibraryAtEachThreadCount() {
    assertThat(summary.peaks()).containsOnlyKeys(2);
    GemmPeak peak = summary.peaks().get(2);
    assertThat(peak.library()).isEqualTo("FastBLAS 1.0");
    assertThat(peak.gflops().score()).isCloseTo(107.3741824, within(EPS));
    assertThat(peak.gflops().error()).isCloseTo(2 * Math.pow(1024, 3) / 1e9, within(EPS));
    assertThat(summary.calibrations())
        .extracting(GemmPeak::library)
        .containsExactly("FastBLAS 1.0", "SlowBLAS 0.1");
  }

  @Test
  void trainingGflopsCountForwardBothGradientsAndNoInputGradientForTheFirstLayer() {
    Summary.Row a = row("train", "route-a", 2);
    assertThat(a.samplesPerSecond().score()).isEqualTo(10_000);
    assertThat(a.samplesPerSecond().error()).isEqualTo(500);
    assertThat(a.result().gflops().score())
        .isCloseTo(10_000 * TRAINING_FLOPS / 1e9, within(EPS)); // 32.09
    assertThat(a.result().gflops().error()).isCloseTo(500 * TRAINING_FLOPS / 1e9, within(EPS));
    assertThat(a.result().percentOfPeak()).isCloseTo(100 * 32.09216 / PEAK_GFLOPS, within(EPS));
  }

  @Test
  void inferenceFallsBackToBatchesTimesBatchSizeWithoutTheSamplesCounter() {
    Summary.Row a = row("infer", "route-a", 2);
    assertThat(a.samplesPerSecond().score()).isCloseTo(100 * 128, within(EPS));
    assertThat(a.samplesPerSecond().error()).isCloseTo(2 * 128, within(EPS));
    assertThat(a.result().gflops().score()).isCloseTo(12_800 * 2 * WEIGHTS / 1e9, within(EPS));
  }

  @Test
  void ratiosAreToTheFastestRouteOfTheSameSetting() {
    assertThat(row("train", "route-a", 2).ratioToFastest()).isEqualTo(1.0);
    assertThat(row("train", "route-b", 2).ratioToFastest())
        .isCloseTo(9_800 / 10_000.0, within(EPS));
    assertThat(row("train", "route-c", 2).ratioToFastest()).isCloseTo(0.5, within(EPS));
    // A different thread count is a different group with its own fastest.
    assertThat(row("train", "route-c", 1).ratioToFastest()).isCloseTo(4_950 / 6_000.0, within(EPS));
  }

  @Test
  void overlappingIntervalsTieAndOnlySeparatedOnesRankLower() {
    // a: [9500, 10500], b: [9400, 10200] overlap -> both rank 1, tied; c: [4900, 5100] is below
    // both.
    assertThat(row("train", "route-a", 2).rank()).isEqualTo(1);
    assertThat(row("train", "route-a", 2).tied()).isTrue();
    assertThat(row("train", "route-b", 2).rank()).isEqualTo(1);
    assertThat(row("train", "route-b", 2).tied()).isTrue();
    assertThat(row("train", "route-c", 2).rank()).isEqualTo(3);
    assertThat(row("train", "route-c", 2).tied()).isFalse();
  }

  @Test
  void noRankIsClaimedWhenAScoreHasNoErrorEstimate() {
    // route-b's inference has scoreError "NaN" (JMH: too few iterations).
    assertThat(row("infer", "route-a", 2).rank()).isNull();
    assertThat(row("infer", "route-b", 2).rank()).isNull();
    assertThat(row("infer", "route-b", 2).samplesPerSecond().hasError()).isFalse();
  }

  @Test
  void percentOfPeakIsAbsentWithoutAPeakForThatThreadCount() {
    assertThat(row("train", "route-a", 1).result().percentOfPeak()).isNull();
  }

  @Test
  void scalingComparesAllThreadsWithOneAndFlagsDifferencesInsideTheError() {
    assertThat(summary.scaling()).hasSize(2);
    Summary.Scaling a =
        summary.scaling().stream()
            .filter(s -> s.route().equals("route-a"))
            .findFirst()
            .orElseThrow();
    assertThat(a.speedup()).isCloseTo(10_000 / 6_000.0, within(EPS));
    assertThat(a.withinError()).isFalse(); // [9500, 10500] vs [5900, 6100]
    Summary.Scaling c =
        summary.scaling().stream()
            .filter(s -> s.route().equals("route-c"))
            .findFirst()
            .orElseThrow();
    assertThat(c.speedup()).isCloseTo(5_000 / 4_950.0, within(EPS));
    assertThat(c.withinError()).isTrue(); // [4900, 5100] vs [4850, 5050]
  }

  @Test
  void peakRssIsTheLargestOverForksAndMissingWhereNotRecorded() {
    assertThat(row("train", "route-a", 2).result().peakRssKb()).isEqualTo(524_288);
    assertThat(row("train", "route-b", 2).result().peakRssKb()).isNull();
  }

  @Test
  void allocationPerSampleComesFromTheGcProfilerWhenItRan() {
    // route-c's train result carries gc.alloc.rate.norm = 12,800 B per step of 128 samples.
    assertThat(row("train", "route-c", 2).result().allocatedBytesPerSample())
        .isCloseTo(100, within(EPS));
    assertThat(row("train", "route-a", 2).result().allocatedBytesPerSample()).isNull();
  }

  @Test
  void tableMarksTiesAndShowsThePeakSource() {
    String table = SummaryTable.render(summary);
    assertThat(table)
        .contains(
            "Machine FP32 peak, 2 thread(s): 107.4 +- 2.1 GFLOP/s (SGEMM 1024, FastBLAS 1.0)",
            "  also measured: 85.9 +- 2.1 GFLOP/s (SGEMM 1024, SlowBLAS 0.1)");
    assertThat(lineOf(table, "train      route-a"))
        .contains("10,000", "500 (5%)", "32.09", "29.9%", "1.00x", "1=", "512 MiB");
    assertThat(lineOf(table, "train      route-b")).contains("9,800", "0.98x", "1=");
    assertThat(lineOf(table, "train      route-c")).contains("5,000", "0.50x", " 3 ", "100 B");
    assertThat(lineOf(table, "infer      route-b")).contains(" ? ");
    assertThat(lineOf(table, "  train     route-c"))
        .contains("batch  128: 1.01x on 2 threads (within error");
  }

  @Test
  void tableNamesTheFlopCountAndThePeaksDenominatorWithTheTheoreticalPeakBeside() {
    TypedResults.Run unknown = TypedResults.Run.unknown();
    TypedResults.Run run =
        new TypedResults.Run(
            null,
            null,
            null,
            null,
            unknown.machine(),
            List.of(),
            Optional.of(new TheoreticalPeak(2, 16, "avx512f", 2.3)),
            unknown.earlierQuietPeak());
    String table = SummaryTable.render(Summary.of(TypedResults.of(results, sidecar, run)));
    assertThat(table)
        .contains(
            "GFLOP/s (exact)",
            "% GEMM peak",
            "exact: fwd+wgrad+igrad",
            "measured best-library SGEMM GFLOP/s at the same thread count",
            "  theoretical: 294.4 GFLOP/s = 2 core(s) x 2 FMA units (assumed) x 16 FP32 lanes"
                + " (avx512f) x 2 x 2.30 GHz");
    assertThat(table).doesNotContain("6 x weights").doesNotContain("busy: error");
  }

  @Test
  void peakHeapIsTheLargestOverForks() {
    // the sidecar's two route-a forks report 200,000 and 262,144 KiB of heap
    assertThat(row("train", "route-a", 2).result().peakHeapKb()).isEqualTo(262_144);
    assertThat(lineOf(SummaryTable.render(summary), "train      route-a")).contains("256 MiB");
  }

  @Test
  void aBusyCalibrationGivesWayToTheLastQuietPeakOfAnEarlierRun() {
    for (JsonNode r : results) {
      if (TypedResults.method(r).equals("multiply")) {
        // every GEMM iteration of this run measured busy
        ((ObjectNode) r)
            .putObject("secondaryMetrics")
            .putObject("contention.busy")
            .set("rawData", JSON.valueToTree(List.of(List.of(1, 1, 1, 1, 1))));
      }
    }
    GemmPeak earlier =
        new GemmPeak(2, 1024, "FastBLAS 1.0", new Measurement(200, 1), false, null, null, null)
            .reusedFrom("jmh-20261201-090000-quick-results.json (2026-12-01)");
    TypedResults.Run unknown = TypedResults.Run.unknown();
    TypedResults.Run run =
        new TypedResults.Run(
            null,
            null,
            null,
            null,
            unknown.machine(),
            List.of(),
            Optional.empty(),
            threads -> threads == 2 ? Optional.of(earlier) : Optional.empty());

    Summary reused = Summary.of(TypedResults.of(results, sidecar, run));

    assertThat(reused.calibrations()).allMatch(GemmPeak::busy);
    assertThat(reused.peaks().get(2)).isEqualTo(earlier);
    Summary.Row a =
        reused.rows().stream()
            .filter(r -> r.route().equals("route-a") && r.threads() == 2)
            .filter(r -> r.benchmark().equals("train"))
            .findFirst()
            .orElseThrow();
    assertThat(a.result().percentOfPeak()).isCloseTo(100 * 32.09216 / 200, within(EPS));
    assertThat(SummaryTable.render(reused))
        .contains(
            "Machine FP32 peak, 2 thread(s): 200.0 +- 1.0 GFLOP/s (SGEMM 1024, FastBLAS 1.0)"
                + " reused from jmh-20261201-090000-quick-results.json (2026-12-01)",
            "  also measured: 107.4 +- 2.1 GFLOP/s (SGEMM 1024, FastBLAS 1.0), busy");
  }

  @Test
  void errorsAboveHalfTheScoreAreFlaggedNoisy() {
    assertThat(SummaryTable.noisy(new Measurement(100, 50))).isFalse();
    assertThat(SummaryTable.noisy(new Measurement(100, 51))).isTrue();
    assertThat(SummaryTable.noisy(new Measurement(100, Double.NaN))).isFalse();
    assertThat(lineOf(SummaryTable.render(summary), "train      route-a")).doesNotContain("!");
  }

  private static String lineOf(String table, String prefix) {
    for (String line : table.split("\n")) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "' in\n" + table);
  }
}
