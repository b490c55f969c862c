package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  @BeforeEach
  void load() throws Exception {
    List<JsonNode> results = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/fixtures/jmh-fixture.json")) {
      JSON.readTree(in).forEach(results::add);
    }
    List<JsonNode> sidecar = new ArrayList<>();
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
    Summary.Peak peak = summary.peaks().get(2);
    assertThat(peak.library()).isEqualTo("FastBLAS 1.0");
    assertThat(peak.gflops().score()).isCloseTo(107.3741824, within(EPS));
    assertThat(peak.gflops().error()).isCloseTo(2 * Math.pow(1024, 3) / 1e9, within(EPS));
    assertThat(summary.calibrations())
        .extracting(Summary.Peak::library)
        .containsExactly("FastBLAS 1.0", "SlowBLAS 0.1");
  }

  @Test
  void trainingGflopsCountForwardBothGradientsAndNoInputGradientForTheFirstLayer() {
    Summary.Row a = row("train", "route-a", 2);
    assertThat(a.samplesPerSecond().score()).isEqualTo(10_000);
    assertThat(a.samplesPerSecond().error()).isEqualTo(500);
    assertThat(a.gflops().score()).isCloseTo(10_000 * TRAINING_FLOPS / 1e9, within(EPS)); // 32.09
    assertThat(a.gflops().error()).isCloseTo(500 * TRAINING_FLOPS / 1e9, within(EPS));
    assertThat(a.percentOfPeak()).isCloseTo(100 * 32.09216 / PEAK_GFLOPS, within(EPS));
  }

  @Test
  void inferenceFallsBackToBatchesTimesBatchSizeWithoutTheSamplesCounter() {
    Summary.Row a = row("inference", "route-a", 2);
    assertThat(a.samplesPerSecond().score()).isCloseTo(100 * 128, within(EPS));
    assertThat(a.samplesPerSecond().error()).isCloseTo(2 * 128, within(EPS));
    assertThat(a.gflops().score()).isCloseTo(12_800 * 2 * WEIGHTS / 1e9, within(EPS));
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
    assertThat(row("inference", "route-a", 2).rank()).isNull();
    assertThat(row("inference", "route-b", 2).rank()).isNull();
    assertThat(row("inference", "route-b", 2).samplesPerSecond().hasError()).isFalse();
  }

  @Test
  void percentOfPeakIsAbsentWithoutAPeakForThatThreadCount() {
    assertThat(row("train", "route-a", 1).percentOfPeak()).isNull();
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
    assertThat(row("train", "route-a", 2).peakRssKb()).isEqualTo(524_288);
    assertThat(row("train", "route-b", 2).peakRssKb()).isNull();
  }

  @Test
  void allocationPerSampleComesFromTheGcProfilerWhenItRan() {
    // route-c's train result carries gc.alloc.rate.norm = 12,800 B per step of 128 samples.
    assertThat(row("train", "route-c", 2).allocatedBytesPerSample()).isCloseTo(100, within(EPS));
    assertThat(row("train", "route-a", 2).allocatedBytesPerSample()).isNull();
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
    assertThat(lineOf(table, "inference  route-b")).contains(" ? ");
    assertThat(lineOf(table, "  train     route-c"))
        .contains("batch  128: 1.01x on 2 threads (within error");
  }

  @Test
  void tableNamesTheFlopCountAndThePeaksDenominatorWithTheTheoreticalPeakBeside() {
    String table =
        SummaryTable.render(
            summary, java.util.Optional.of(new TheoreticalPeak(2, 16, "avx512f", 2.3)));
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
