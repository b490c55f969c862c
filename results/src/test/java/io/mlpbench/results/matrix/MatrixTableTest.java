package io.mlpbench.results.matrix;

import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.seeds;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.model.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixTableTest {
  /** DJL with three releases; MatrixTableJdkAxisTest uses it too. */
  static final MatrixConfig.Framework DJL =
      new MatrixConfig.Framework(
          "DJL",
          "djl-impl",
          List.of(),
          List.of(version("0.34.0"), version("0.35.0"), version("0.36.0")));

  private static MatrixConfig.Version version(String label) {
    return new MatrixConfig.Version(label, Map.of("djl.version", label));
  }

  /**
   * DJL 0.34.0, a failed 0.35.0 build and 0.36.0 about 15% slower (5 forks a side), on the CLI's
   * JVM; MatrixTableJdkAxisTest puts the same cells on one JDK.
   */
  static List<MatrixRunner.Cell> regressionExample() {
    Random random = new Random(9);
    RunRecord v34 =
        run(
            "a",
            0,
            List.of(train("djl-fit", samples(random, 10_000, 0.03, 5))),
            seeds("djl-fit", 0.965));
    RunRecord v36 =
        run(
            "c",
            5,
            List.of(train("djl-fit", samples(random, 8_500, 0.03, 5))),
            seeds("djl-fit", 0.964));
    return List.of(
        new MatrixRunner.Cell(DJL, DJL.versions().get(0), v34, null, 1.5),
        new MatrixRunner.Cell(
            DJL, DJL.versions().get(1), null, "build failed: mvn package failed (exit 1): boom"),
        new MatrixRunner.Cell(DJL, DJL.versions().get(2), v36, null, 3.25));
  }

  @Test
  void flagsARegressionBetweenConsecutiveReleasesAndShowsFailedBuilds() {
    List<MatrixRunner.Cell> cells = regressionExample();
    MatrixTable table = new MatrixTable(cells, CompareOptions.defaults());
    String md = table.markdown();

    assertThat(table.hasRegression()).isTrue();
    assertThat(md)
        .contains("## DJL (djl-impl)")
        .contains("| route | metric | 0.34.0 | 0.35.0 | 0.36.0 |")
        .containsPattern(
            "\\| djl-fit \\| train samples/s \\(batch 128, 2 thr\\) \\| [0-9,]+ \\| build failed \\| "
                + "[0-9,]+ \\(-1[0-9]\\.[0-9]%, \\*\\*regression\\*\\*\\) \\|")
        .contains(
            "| djl-fit | test accuracy | 96.50% | build failed | 96.40% (-0.10 pp, inconclusive (1 seed)) |")
        .contains("- DJL 0.35.0: build failed: mvn package failed (exit 1): boom")
        .contains("| (machine) | load average before timing | 1.50 | - | 3.25 |");
  }

  @Test
  void defaultConfigListsTheReleasesOfTheIssue() {
    MatrixConfig config = MatrixConfig.read(Path.of("matrix.json"));
    assertThat(config.frameworks())
        .extracting(MatrixConfig.Framework::name)
        .containsExactly("DL4J", "TF Java", "DJL");
    assertThat(config.frameworks().get(2).versions())
        .extracting(MatrixConfig.Version::label)
        .containsExactly("0.34.0", "0.35.0", "0.36.0");
    assertThat(config.only(List.of("djl-impl")).frameworks()).hasSize(1);
    assertThat(config.with("smoke", 0, 1))
        .extracting(MatrixConfig::profile, MatrixConfig::epochs, MatrixConfig::threads)
        .containsExactly("smoke", 0, 1);
  }
}
