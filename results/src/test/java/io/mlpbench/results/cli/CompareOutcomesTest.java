package io.mlpbench.results.cli;

import static io.mlpbench.results.compare.SyntheticRuns.CPU;
import static io.mlpbench.results.compare.SyntheticRuns.env;
import static io.mlpbench.results.compare.SyntheticRuns.fork;
import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.seeds;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static io.mlpbench.results.compare.SyntheticRuns.trainForks;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.history.FileRunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare --fail-on-regression as a CI gate: it must not pass when nothing was compared. */
class CompareOutcomesTest {
  @TempDir Path results;

  private record Run(int exit, String out) {}

  private Run compare(String... extra) {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      String[] args = new String[extra.length + 3];
      args[0] = "compare";
      args[1] = "--history-dir=" + results.resolve("history");
      args[2] = "--fail-on-regression";
      System.arraycopy(extra, 0, args, 3, extra.length);
      int exit = MlpBenchCli.commandLine().execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
    }
  }

  @Test
  void everyRowNotComparableExitsWithNothingComparable() {
    Random random = new Random(1);
    FileRunStore store = new FileRunStore(results);
    store.append(
        run(
            "base",
            0,
            env("Other CPU", 2),
            List.of(train("manual", samples(random, 20_000, 0.03, 5))),
            seeds("manual", 0.97, 0.971, 0.972)));
    store.promoteBaseline("base");
    store.append(
        run(
            "now",
            5,
            env(CPU, 2),
            List.of(train("manual", samples(random, 10_000, 0.03, 5))),
            seeds("manual", 0.90, 0.91, 0.92)));

    Run r = compare();

    assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.NOTHING_COMPARABLE.code).isEqualTo(5);
    assertThat(r.out())
        .contains("inconclusive: not comparable")
        .contains("different hardware class: CPU model")
        .contains("NOTHING COMPARABLE");
  }

  @Test
  void oneForkPerRunIsInconclusiveNotAVerdict() {
    // the case: two quick runs of 1 fork x 5 iterations, 25% apart
    FileRunStore store = new FileRunStore(results);
    store.append(
        run(
            "a",
            0,
            List.of(
                trainForks("manual", List.of(fork(false, 20e3, 20.1e3, 20.2e3, 20.3e3, 20.4e3)))),
            List.of()));
    store.promoteBaseline("a");
    store.append(
        run(
            "b",
            5,
            List.of(
                trainForks("manual", List.of(fork(false, 15e3, 15.1e3, 15.2e3, 15.3e3, 15.4e3)))),
            List.of()));

    Run r = compare();

    assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.NOTHING_COMPARABLE.code);
    assertThat(r.out()).contains("inconclusive: too few forks").doesNotContain("REGRESSION");
  }

  @Test
  void aRegressionExitsWithRegressionAndNoChangeWithOk() {
    Random random = new Random(2);
    FileRunStore store = new FileRunStore(results);
    store.append(
        run("base", 0, List.of(train("manual", samples(random, 20_000, 0.03, 5))), List.of()));
    store.promoteBaseline("base");
    store.append(
        run("slow", 5, List.of(train("manual", samples(random, 15_000, 0.03, 5))), List.of()));
    assertThat(compare().exit()).isEqualTo(ExitCode.REGRESSION.code);
    assertThat(compare("--threshold", "40").exit()).isEqualTo(ExitCode.OK.code); // no change
  }
}
