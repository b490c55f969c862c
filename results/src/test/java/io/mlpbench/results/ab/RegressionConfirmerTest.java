package io.mlpbench.results.ab;

import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.CompareReport;
import io.mlpbench.results.compare.Comparer;
import io.mlpbench.results.compare.Verdict;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suspected regression that cannot be re-measured stays, and says it is unconfirmed. */
class RegressionConfirmerTest {
  @TempDir Path root;

  @Test
  void aDirtyCommitCannotBeRebuiltSoTheRegressionIsMarkedUnconfirmed() {
    Random random = new Random(4);
    RunRecord base =
        run("base", 0, List.of(train("manual", samples(random, 20_000, 0.02, 5))), List.of());
    RunRecord slow =
        withCommit(
            run("slow", 5, List.of(train("manual", samples(random, 15_000, 0.02, 5))), List.of()),
            "0123456789abcdef-dirty");
    CompareOptions options = CompareOptions.defaults();
    CompareReport report =
        new CompareReport(List.of(new Comparer(options).againstBaseline(base, slow)), List.of());
    assertThat(report.hasRegression()).isTrue();

    AbSides sides = new AbSides(root, new FileRunStore(root.resolve("results")), 2, 128, l -> {});
    CompareReport confirmed =
        new RegressionConfirmer(sides, RegressionConfirmer.defaultPlan(root, options), l -> {})
            .confirm(report, base, slow);

    var row = confirmed.comparisons().get(0).rows().get(0);
    assertThat(row.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(row.detail()).endsWith("; NOT confirmed: commit unknown or dirty");
  }

  private static RunRecord withCommit(RunRecord r, String commit) {
    EnvironmentRecord e = r.environment();
    EnvironmentRecord changed =
        new EnvironmentRecord(
            e.cpuModel(),
            e.cpuFlags(),
            e.cores(),
            e.memoryBytes(),
            e.os(),
            e.jvmVendor(),
            e.jvmVersion(),
            e.jvmArgs(),
            e.frameworkVersions(),
            e.nativeVersions(),
            e.routeLaunch(),
            e.threads(),
            commit,
            e.suiteVersion(),
            e.hostname(),
            e.machineFingerprint(),
            e.timestamp(),
            null);
    return new RunRecord(
        r.schemaVersion(),
        r.runId(),
        r.startedAt(),
        r.finishedAt(),
        r.kind(),
        r.note(),
        changed,
        r.settings(),
        r.accuracy(),
        r.throughput());
  }
}
