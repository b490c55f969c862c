package io.mlpbench.results.cli;

import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.seeds;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.history.FileRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare / promote / history through the command line, as CI would call them. */
class HistoryCommandsTest {
  @TempDir Path results;

  private CliRun cli(String... args) {
    return CliRun.of(args);
  }

  private String historyDir() {
    return "--history-dir=" + results.resolve("history");
  }

  @Test
  void failOnRegressionSetsTheExitStatus() throws Exception {
    Random random = new Random(5);
    FileRunStore store = new FileRunStore(results);
    store.append(
        run(
            "base",
            0,
            List.of(train("manual", samples(random, 20_000, 0.03, 5))),
            seeds("manual", 0.97)));
    assertThat(cli("promote", "latest", historyDir()).exit()).isZero();
    assertThat(store.baseline().orElseThrow().runId()).isEqualTo("base");
    store.append(
        run(
            "slow",
            5,
            List.of(train("manual", samples(random, 17_000, 0.03, 5))),
            seeds("manual", 0.97)));

    CliRun plain = cli("compare", historyDir());
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(plain.out()).contains("regression").contains("REGRESSION detected");
    assertThat(results.resolve("latest/compare.md")).content().contains("**regression**");
    assertThat(results.resolve("latest/history-manual.png")).exists();

    assertThat(cli("compare", historyDir(), "--fail-on-regression").exit()).isEqualTo(1);
    // a looser threshold than the 15% slowdown: nothing to fail on
    assertThat(cli("compare", historyDir(), "--fail-on-regression", "--threshold", "25").exit())
        .isZero();
  }

  @Test
  void baselineCanBeGivenAsFileOrRunId() throws Exception {
    Random random = new Random(6);
    FileRunStore store = new FileRunStore(results);
    store.append(
        run("a", 0, List.of(train("manual", samples(random, 20_000, 0.03, 5))), List.of()));
    store.append(
        run("b", 5, List.of(train("manual", samples(random, 20_000, 0.03, 5))), List.of()));
    Path file =
        Files.list(results.resolve("history"))
            .filter(p -> p.toString().endsWith("_a.json"))
            .findFirst()
            .orElseThrow();
    assertThat(cli("compare", historyDir(), "--baseline", "a").out())
        .contains("vs baseline a (2026-11-01 10:00)");
    assertThat(cli("compare", historyDir(), "--baseline", file.toString()).out())
        .contains("vs baseline a");
    CliRun missing = cli("compare", historyDir(), "--baseline", "nope");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--baseline nope: neither a file nor a run id in");
  }

  @Test
  void historyListsRunsMarksTheBaselineAndReportsUnreadableFiles() throws Exception {
    FileRunStore store = new FileRunStore(results);
    store.append(run("first", 0, List.of(), seeds("manual", 0.97)));
    store.append(
        run(
            "second",
            5,
            List.of(train("djl-fit", List.of(1.0, 2.0, 3.0))),
            seeds("djl-fit", 0.97)));
    store.promoteBaseline("first");
    Files.writeString(results.resolve("history/20261101T200000Z_bad.json"), "[");

    CliRun run = cli("history", historyDir());
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("*first")
        .contains("second")
        .contains("djl-fit")
        .contains("2 run(s)")
        .contains("unreadable: 20261101T200000Z_bad.json: corrupt JSON");
    assertThat(cli("promote", "missing", historyDir()).err()).contains("no run 'missing'");
  }
}
