package io.mlpbench.results.store;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.EpochResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import io.mlpbench.results.model.ThroughputResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small, fully populated run records for store tests. */
public final class TestRuns {
  private TestRuns() {}

  public static RunRecord run(
      String runId, Instant startedAt, String route, String machine, String note) {
    return run(runId, startedAt, route, machine, note, "1.0.0-M2.1", "0.1.0");
  }

  public static RunRecord run(
      String runId,
      Instant startedAt,
      String route,
      String machine,
      String note,
      String frameworkVersion,
      String suiteVersion) {
    EnvironmentRecord env =
        new EnvironmentRecord(
            "Test CPU @ 2.0GHz",
            List.of("avx2", "fma"),
            2,
            24L << 30,
            "Linux 6.1",
            "Eclipse Adoptium",
            "17.0.15",
            List.of("-Xmx4g"),
            Map.of(route, frameworkVersion),
            Map.of("javacpp", "1.5.7"),
            Map.of(route, "OMP_NUM_THREADS=2"),
            2,
            "abc123",
            suiteVersion,
            "host-" + machine,
            machine,
            startedAt.toString(),
            null);
    RunSettings settings =
        new RunSettings(
            "mnist",
            List.of(784, 512, 512, 10),
            "relu",
            "adam",
            1e-3,
            0.9,
            0.999,
            1e-7,
            128,
            5,
            List.of(42L),
            2,
            List.of(route),
            "quick");
    AccuracyResult accuracy =
        new AccuracyResult(
            route,
            "Framework",
            frameworkVersion,
            "fit",
            42L,
            AccuracyResult.OK,
            null,
            null,
            List.of(new EpochResult(1, 0.25, 0.95, 3.5), new EpochResult(2, 0.1, 0.971, 3.4)),
            0.971,
            2,
            6.9,
            1_100_000_000L,
            2,
            6.9);
    ThroughputResult throughput =
        new ThroughputResult(
            route,
            "train",
            128,
            2,
            20_000.0,
            900.0,
            "samples/s",
            List.of(19_500.0, 20_100.0, 20_400.0),
            79.3,
            41.0,
            "ok",
            null);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        runId,
        startedAt,
        startedAt.plusSeconds(60),
        "both",
        note,
        env,
        settings,
        List.of(accuracy),
        List.of(throughput));
  }
}
