package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contention record: parsing /proc/stat, counting busy iterations, refusing a busy peak. */
class ContentionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void procStatLineSplitsIntoBusyStealAndTotalTicks() {
    // user nice system idle iowait irq softirq steal guest guest_nice
    ContentionProfiler.CpuTimes t =
        ContentionProfiler.CpuTimes.parse("cpu  100 2 30 1000 5 1 7 40 9 0");
    assertThat(t.busy()).isEqualTo(100 + 2 + 30 + 1 + 7); // guest is already inside user
    assertThat(t.steal()).isEqualTo(40);
    assertThat(t.total()).isEqualTo(140 + 1000 + 5 + 40);
  }

  @Test
  void busyThresholdIsAQuarterCoreOnSmallMachines() {
    assertThat(ContentionProfiler.busyOtherCpuCores(2)).isEqualTo(0.25);
    assertThat(ContentionProfiler.busyOtherCpuCores(16)).isEqualTo(1.6);
  }

  @Test
  void aPeakMeasuredBusyIsRefusedAndPercentOfPeakIsNa() throws Exception {
    JsonNode gemm = result(GemmPeakBenchmark.class.getName() + ".multiply", "[[0, 1, 0]]");
    JsonNode quietTrain =
        JSON.readTree(
            result(BenchmarkRunner.TRAIN, "[[0, 0, 0], [0, 0, 0]]")
                .toString()
                .replace("\"size\":\"512\"", "\"route\":\"r\",\"batchSize\":\"32\""));

    Summary summary = Summary.of(List.of(gemm, quietTrain), List.of());

    assertThat(summary.calibrations())
        .singleElement()
        .satisfies(p -> assertThat(p.busy()).isTrue());
    assertThat(summary.peaks()).isEmpty();
    assertThat(summary.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.result().percentOfPeak()).isNull();
              assertThat(r.busy()).isEqualTo(new Summary.BusyCount(0, 6));
            });
    assertThat(SummaryTable.render(summary))
        .contains("Machine FP32 peak, 2 thread(s): refused, measured on a busy machine");
  }

  @Test
  void busyIterationsAreCountedOverEveryFork() throws Exception {
    JsonNode r =
        JSON.readTree(
            result(BenchmarkRunner.TRAIN, "[[0, 1, 1], [1, 0, 0]]")
                .toString()
                .replace("\"size\":\"512\"", "\"route\":\"r\",\"batchSize\":\"32\""));
    Summary summary = Summary.of(List.of(r), List.of());
    assertThat(summary.rows().get(0).busy()).isEqualTo(new Summary.BusyCount(3, 6));
  }

  /** A JMH result of two forks with a GEMM-like primary metric and the given contention.busy. */
  private static JsonNode result(String benchmark, String busyRaw) throws Exception {
    return JSON.readTree(
        """
        {"benchmark": "%s",
         "params": {"size": "512", "threads": "2", "library": "L"},
         "primaryMetric": {"score": 10.0, "scoreError": 1.0, "rawData": [[10, 10, 10], [10, 10, 10]]},
         "secondaryMetrics": {"contention.busy": {"score": 0.3, "rawData": %s}}}
        """
            .formatted(benchmark, busyRaw));
  }
}
