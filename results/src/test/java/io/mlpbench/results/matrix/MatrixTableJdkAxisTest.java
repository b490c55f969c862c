package io.mlpbench.results.matrix;

import static io.mlpbench.results.compare.SyntheticRuns.env;
import static io.mlpbench.results.compare.SyntheticRuns.fork;
import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static io.mlpbench.results.compare.SyntheticRuns.trainForks;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.SyntheticRuns;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matrix table with a JDK axis, and without one exactly as it was. */
class MatrixTableJdkAxisTest {
  private static final MatrixConfig.Framework DJL = MatrixTableTest.DJL;
  private static final MatrixConfig.Framework MANUAL =
      new MatrixConfig.Framework("Manual", "manual-backprop", List.of(), null);
  private static final MatrixConfig.Jvm JDK17 =
      new MatrixConfig.Jvm("17", Path.of("/usr/lib/jvm/java-17-openjdk-amd64"));
  private static final MatrixConfig.Jvm JDK25 =
      new MatrixConfig.Jvm("25", Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
  private static final String REPORTED_17 = "Debian (OpenJDK 64-Bit Server VM) 17.0.15+6";
  private static final String REPORTED_25 = "Eclipse Adoptium (OpenJDK 64-Bit Server VM) 25.0.3+9";

  /** The test environment as the route JVMs of one JDK reported it. */
  private static EnvironmentRecord on(String reportedJdk) {
    EnvironmentRecord e = env(SyntheticRuns.CPU, 2);
    return new EnvironmentRecord(
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
        e.gitCommit(),
        e.suiteVersion(),
        e.hostname(),
        e.machineFingerprint(),
        e.timestamp(),
        reportedJdk);
  }

  /** Fork means m * e^-d, m, m * e^d: log mean ln m, log sample variance d^2. */
  private static List<ForkResult> forksAround(double m, double d) {
    return List.of(fork(false, m * Math.exp(-d)), fork(false, m), fork(false, m * Math.exp(d)));
  }

  @Test
  void theJdkRatioOfAReleaseIsTheRatioOfGeometricForkMeansWithItsWelchInterval() {
    // JDK 17: forks 100 e^-0.03, 100, 100 e^0.03; JDK 25: the same around 110, plus one fork of
    // 50 measured on a busy machine, which is left out (with it the ratio would fall below 1.05).
    List<ForkResult> on25 = new ArrayList<>(forksAround(110, 0.03));
    on25.add(fork(true, 50));
    RunRecord r17 =
        run(
            "m17",
            0,
            on(REPORTED_17),
            List.of(trainForks("manual", forksAround(100, 0.03))),
            List.of());
    RunRecord r25 = run("m25", 1, on(REPORTED_25), List.of(trainForks("manual", on25)), List.of());
    MatrixConfig.Version checkout = MANUAL.versions().get(0);
    List<MatrixRunner.Cell> cells =
        List.of(
            new MatrixRunner.Cell(MANUAL, checkout, JDK17, r17, null, 1.0),
            new MatrixRunner.Cell(MANUAL, checkout, JDK25, r25, null, 1.0));

    String md = new MatrixTable(cells, CompareOptions.defaults()).markdown();

    // By hand: log fork means ln 100 + {-d, 0, d} and ln 110 + {-d, 0, d}, d = 0.03.
    //   ratio = exp(ln 110 - ln 100) = 1.1
    //   each side: sample variance of {-d, 0, d} = (d^2 + 0 + d^2) / 2 = d^2, over n = 3 forks
    //   se = sqrt(d^2/3 + d^2/3) = d sqrt(2/3)
    //   Welch df = (2 d^2/3)^2 / (2 (d^2/3)^2 / 2) = 4; t(0.975, 4) = 2.776445 (t-table)
    //   interval = 1.1 exp(-/+ 2.776445 * 0.03 * sqrt(2/3)) = 1.1 exp(-/+ 0.068009)
    //            = [1.1 * 0.934252, 1.1 * 1.070375] = [1.02768, 1.17741]
    double half = 2.776445 * 0.03 * Math.sqrt(2.0 / 3);
    String expected =
        String.format(
            Locale.ROOT, "%.3f [%.3f, %.3f]", 1.1, 1.1 * Math.exp(-half), 1.1 * Math.exp(half));
    assertThat(expected).isEqualTo("1.100 [1.028, 1.177]");
    assertThat(md)
        .contains("| route | metric | checkout on JDK 17 | checkout on JDK 25 |")
        .contains("### Manual: JDK 25 / JDK 17")
        .contains("| route | metric | checkout |")
        // the interval excludes 1: bold
        .contains("| manual | train samples/s (batch 128, 2 thr) | **" + expected + "** |")
        .contains(
            "| (jdk) | JDK the route JVMs reported | " + REPORTED_17 + " | " + REPORTED_25 + " |");
  }

  @Test
  void eachReleaseIsComparedWithThePreviousReleaseOnTheSameJdk() {
    Random random = new Random(3);
    List<MatrixRunner.Cell> cells = new ArrayList<>();
    double[] meanOn17 = {10_000, 0, 10_000}; // 0.35.0 failed to build; 0.36.0 as fast on 17
    double[] meanOn25 = {10_000, 0, 8_000}; // and 20% slower on 25
    for (int i = 0; i < 3; i += 2) {
      MatrixConfig.Version v = DJL.versions().get(i);
      cells.add(cell(v, JDK17, REPORTED_17, samples(random, meanOn17[i], 0.01, 5), i));
      cells.add(cell(v, JDK25, REPORTED_25, samples(random, meanOn25[i], 0.01, 5), i));
      if (i == 0) {
        cells.add(
            new MatrixRunner.Cell(
                DJL, DJL.versions().get(1), JDK17, null, "build failed: x", null));
        cells.add(
            new MatrixRunner.Cell(
                DJL, DJL.versions().get(1), JDK25, null, "build failed: x", null));
      }
    }

    MatrixTable table = new MatrixTable(cells, CompareOptions.defaults());
    String md = table.markdown();

    // across JDKs the runs are not comparable (compare's environment rule); on one JDK they are
    assertThat(table.hasRegression()).isTrue();
    assertThat(md)
        .contains(
            "| route | metric | 0.34.0 on JDK 17 | 0.34.0 on JDK 25 | 0.35.0 on JDK 17 |"
                + " 0.35.0 on JDK 25 | 0.36.0 on JDK 17 | 0.36.0 on JDK 25 |")
        .containsPattern(
            "\\| [0-9,]+ \\([-+][0-9]\\.[0-9]%, no change\\) \\| [0-9,]+ \\(-[12][0-9]\\.[0-9]%, \\*\\*regression\\*\\*\\) \\|\n")
        .contains("- DJL 0.35.0 on JDK 25: build failed: x")
        .contains("### DJL: JDK 25 / JDK 17")
        .containsPattern(
            "\\| djl-fit \\| train samples/s \\(batch 128, 2 thr\\) \\| [*]{0,2}(0\\.9|1\\.0)[0-9]{2} \\[[0-9.]+, [0-9.]+\\][*]{0,2} \\| - \\| \\*\\*0\\.[78][0-9]{2} \\[");
  }

  private static MatrixRunner.Cell cell(
      MatrixConfig.Version v,
      MatrixConfig.Jvm jvm,
      String reported,
      List<Double> forks,
      int minute) {
    RunRecord r =
        run(
            v.label() + jvm.label(),
            minute,
            on(reported),
            List.of(train("djl-fit", forks)),
            List.of());
    return new MatrixRunner.Cell(DJL, v, jvm, r, null, null);
  }

  @Test
  void withOneJvmTheTableIsByteForByteTheTableWithout() {
    List<MatrixRunner.Cell> none = singleJvmCells(null);
    List<MatrixRunner.Cell> one = singleJvmCells(JDK25);

    String md = new MatrixTable(none, CompareOptions.defaults()).markdown();

    // as MatrixTable wrote it before the JDK axis existed (captured from that code, same inputs)
    assertThat(md)
        .isEqualTo(
            """
            # Framework release matrix

            Each release is built into its own classpath and run in its own JVMs. Cells from the second release on: change vs the previous release and its verdict (throughput: > 7% and a 0.95-level t-interval on log fork means excluding 1, >= 3 forks a side; accuracy: beyond max(0.5 pp, 3 x sd over seeds), >= 3 seeds).

            ## DJL (djl-impl)

            | route | metric | 0.34.0 | 0.35.0 | 0.36.0 |
            |---|---|---:|---:|---:|
            | djl-fit | train samples/s (batch 128, 2 thr) | 10,254 | build failed | 8,708 (-15.1%, **regression**) |
            | djl-fit | test accuracy | 96.50% | build failed | 96.40% (-0.10 pp, inconclusive (1 seed)) |
            | (machine) | load average before timing | 1.50 | - | 3.25 |

            Failures:

            - DJL 0.35.0: build failed: mvn package failed (exit 1): boom

            """);
    assertThat(new MatrixTable(one, CompareOptions.defaults()).markdown()).isEqualTo(md);
  }

  /** MatrixTableTest's regression example, every cell on {@code jvm} (null: the CLI's). */
  private static List<MatrixRunner.Cell> singleJvmCells(MatrixConfig.Jvm jvm) {
    return MatrixTableTest.regressionExample().stream()
        .map(
            c ->
                new MatrixRunner.Cell(
                    c.framework(), c.version(), jvm, c.record(), c.failure(), c.loadBeforeTiming()))
        .toList();
  }
}
