package io.mlpbench.results.cli;

import static io.mlpbench.results.compare.SyntheticRuns.T0;
import static io.mlpbench.results.compare.SyntheticRuns.env;
import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.seeds;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.compare.SyntheticRuns;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt and unknown-schema history and baseline files through every command that reads them, the
 * history's status column, and runs whose settings differ never being compared.
 */
class CorruptInputsTest {
  @TempDir Path results;
  private FileRunStore store;

  private String historyDir() {
    return "--history-dir=" + results.resolve("history");
  }

  @BeforeEach
  void twoGoodRuns() {
    store = new FileRunStore(results);
    Random random = new Random(11);
    store.append(
        run(
            "r1",
            0,
            List.of(train("manual", samples(random, 20_000, 0.03, 5))),
            seeds("manual", 0.97)));
    store.append(
        run(
            "r2",
            5,
            List.of(train("manual", samples(random, 20_000, 0.03, 5))),
            seeds("manual", 0.97)));
  }

  @Test
  void corruptBaselineDoesNotStopCompareFromUsingTheRecentHistory() throws Exception {
    Files.writeString(results.resolve("baseline.json"), "{\"schemaVersion\": 1, \"runId\": ");
    CliRun compare = CliRun.of("compare", historyDir());
    assertThat(compare.exit()).as(compare.transcript()).isZero();
    assertThat(compare.err())
        .contains("compare: baseline unreadable, compared with the recent history only:")
        .contains("baseline.json: corrupt JSON");
    assertThat(compare.out())
        .contains("Against recent history on this hardware class: run r2 vs run r1");

    CliRun history = CliRun.of("history", historyDir());
    assertThat(history.exit()).isZero();
    assertThat(history.out()).contains("r1").contains("r2").contains("2 run(s)");
    assertThat(history.err()).contains("baseline unreadable");
  }

  @Test
  void unknownSchemaRecordsAreSkippedAndNamedByEveryReader() throws Exception {
    Path future = results.resolve("history/20261101T110000Z_future.json");
    Files.writeString(future, "{\"schemaVersion\": 99, \"runId\": \"future\"}");
    Files.writeString(results.resolve("history/20261101T110100Z_empty.json"), "");

    CliRun history = CliRun.of("history", historyDir());
    assertThat(history.exit()).isZero();
    assertThat(history.out())
        .contains("2 run(s)")
        .contains("unreadable: 20261101T110000Z_future.json: schemaVersion 99 is newer")
        .contains("unreadable: 20261101T110100Z_empty.json: empty file");

    CliRun compare = CliRun.of("compare", historyDir());
    assertThat(compare.exit()).as(compare.transcript()).isZero();
    assertThat(compare.out()).contains("run r2 vs run r1").contains("future.json");

    CliRun promote = CliRun.of("promote", historyDir(), "latest");
    assertThat(promote.exit()).isZero();
    assertThat(promote.out()).contains("baseline is now run r2"); // the newest readable one

    CliRun report =
        CliRun.of(
            "report", "--out=" + results.resolve("out"), "--from", future.toString(), historyDir());
    assertThat(report.exit()).isEqualTo(ExitCode.DATA.code);
    assertThat(report.errLines()).singleElement().asString().contains("schemaVersion 99");
    assertThat(results.resolve("out")).doesNotExist();
  }

  @Test
  void historyShowsWhetherEachRunSucceeded() {
    List<AccuracyResult> mixed = new ArrayList<>(seeds("djl-fit", 0.97));
    mixed.add(
        new AccuracyResult(
            "djl-fit",
            "DJL",
            "0.36.0",
            "fit",
            43L,
            AccuracyResult.FAILED,
            "worker killed by signal 9",
            1,
            List.of(),
            null,
            null,
            null,
            null,
            2,
            0.0));
    store.append(run("r3", 10, List.of(), mixed));
    CliRun history = CliRun.of("history", historyDir());
    assertThat(history.out()).containsPattern("r1 .* ok ").containsPattern("r3 .* failed 1/2 ");
    assertThat(history.out().lines().findFirst().orElse("")).contains("status");
  }

  @Test
  void runsWithADifferentTrainingLimitAreNeverCompared() {
    RunRecord full = run("full", 20, List.of(), seeds("manual", 0.97, 0.971));
    RunSettings s = SyntheticRuns.settings(5);
    RunSettings smoke =
        new RunSettings(
            s.dataset(),
            s.layerSizes(),
            s.activation(),
            s.optimizer(),
            s.learningRate(),
            s.beta1(),
            s.beta2(),
            s.epsilon(),
            s.batchSize(),
            s.epochs(),
            s.seeds(),
            s.threads(),
            s.routes(),
            s.benchProfile(),
            2000,
            0);
    RunRecord smokeRun =
        new RunRecord(
            RunRecord.SCHEMA_VERSION,
            "smoke",
            T0.plusSeconds(60L * 30),
            T0.plusSeconds(60L * 31),
            "accuracy",
            null,
            env(SyntheticRuns.CPU, 2),
            smoke,
            seeds("manual", 0.80),
            List.of());
    FileRunStore own = new FileRunStore(results.resolve("settings"));
    own.append(full);
    own.append(smokeRun);
    CliRun compare =
        CliRun.of(
            "compare", "--history-dir=" + results.resolve("settings/history"), "--recent", "1");
    assertThat(compare.exit()).as(compare.transcript()).isZero();
    // a 0.17 drop would be a regression if the 2,000-sample smoke run were pooled with a full one
    assertThat(compare.out())
        .contains("not comparable")
        .contains("training samples (0 = all) 0 vs 2000")
        .doesNotContain("REGRESSION");
  }
}
