package io.mlpbench.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed result file: round trip, refusal of broken files, reuse of an earlier quiet peak. */
class BenchResultsTest {
  private static final BenchResults.Machine MACHINE =
      new BenchResults.Machine("Test CPU @ 2.30GHz", 2, "Linux 6.1", "amd64");

  @TempDir Path dir;

  static GemmPeak peak(double gflops, boolean busy) {
    return new GemmPeak(2, 512, "test", new Measurement(gflops, 1), busy, 294.4, "2 x ...", null);
  }

  static BenchResults run(BenchResults.Machine machine, GemmPeak calibration, String startedAt) {
    RouteResult train =
        new RouteResult(
            RouteResult.TRAIN,
            "manual",
            128,
            2,
            List.of(784, 512, 512, 10),
            "relu",
            new Measurement(12_345.6, Double.NaN), // JMH: too few iterations for an error
            List.of(
                new RouteResult.Fork(
                    List.of(12_000.0, 12_500.0),
                    List.of(false, true),
                    List.of(0.1, 0.9),
                    List.of(0.0, 0.0),
                    List.of(1.5, 2.5),
                    List.of(1.9, 1.8))),
            new Measurement(39.62, Double.NaN),
            calibration.busy() ? null : 39.62,
            524_288L,
            262_144L,
            null,
            "OpenJDK 64-Bit Server VM 17.0.12");
    return new BenchResults(
        BenchResults.SCHEMA_VERSION,
        "jmh-x.json",
        "quick",
        startedAt,
        startedAt,
        machine,
        "other processes used more than 0.25 cores",
        List.of(train),
        List.of(calibration),
        calibration.busy() ? List.of() : List.of(calibration),
        List.of(new BenchResults.FailedJob("djl-fit-t2", "djl-fit", 2, "crashed (exit 134)")));
  }

  @Test
  void roundTripKeepsEveryFieldIncludingNaNErrors() throws Exception {
    BenchResults written = run(MACHINE, peak(100, false), "2026-12-01T09:00:00Z");
    Path file = dir.resolve("jmh-x" + BenchResults.SUFFIX);
    written.write(file);

    BenchResults read = BenchResults.read(file);

    assertThat(read).isEqualTo(written);
    assertThat(read.results().get(0).samplesPerSecond().hasError()).isFalse();
    assertThat(read.results().get(0).forks().get(0).busy()).containsExactly(false, true);
    assertThat(read.peak(2)).contains(peak(100, false));
  }

  @Test
  void aTruncatedFileIsRefusedNamingIt() throws Exception {
    Path file = dir.resolve("jmh-x" + BenchResults.SUFFIX);
    run(MACHINE, peak(100, false), "2026-12-01T09:00:00Z").write(file);
    String whole = Files.readString(file);
    Files.writeString(file, whole.substring(0, whole.length() * 2 / 3));

    assertThatThrownBy(() -> BenchResults.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("cannot read benchmark results");
  }

  @Test
  void aFileWithoutTheTypedFieldsIsRefusedNamingIt() throws Exception {
    Path jmhArray = Files.writeString(dir.resolve("jmh-y" + BenchResults.SUFFIX), "[]");
    Path empty = Files.writeString(dir.resolve("jmh-z" + BenchResults.SUFFIX), "{}");

    assertThatThrownBy(() -> BenchResults.read(jmhArray)).hasMessageContaining(jmhArray.toString());
    assertThatThrownBy(() -> BenchResults.read(empty)).hasMessageContaining(empty.toString());
  }

  @Test
  void theNewestQuietPeakOfTheSameHardwareIsReusedWithItsSource() throws Exception {
    write("jmh-1-quick", run(MACHINE, peak(400, false), "2026-11-30T09:00:00Z"), 1_000);
    write("jmh-2-quick", run(MACHINE, peak(390, false), "2026-12-01T09:00:00Z"), 2_000);
    write("jmh-3-quick", run(MACHINE, peak(180, true), "2026-12-02T09:00:00Z"), 3_000);
    BenchResults.Machine other = new BenchResults.Machine("Other CPU", 2, "Linux 6.1", "amd64");
    write("jmh-4-quick", run(other, peak(900, false), "2026-12-02T10:00:00Z"), 4_000);
    Files.writeString(dir.resolve("jmh-5-quick" + BenchResults.SUFFIX), "{ broken");

    // newest first: jmh-5 is unreadable, jmh-4 another CPU, jmh-3 busy: jmh-2's peak
    assertThat(BenchResults.lastQuietPeak(dir, MACHINE, 2))
        .contains(peak(390, false).reusedFrom("jmh-2-quick-results.json (2026-12-01)"));
    assertThat(BenchResults.lastQuietPeak(dir, MACHINE, 1)).isEmpty();
    assertThat(BenchResults.lastQuietPeak(dir.resolve("absent"), MACHINE, 2)).isEmpty();
  }

  @Test
  void newestIsTheLatestTypedFileNotTheJmhJsonBesideIt() throws Exception {
    Path older = write("jmh-1-quick", run(MACHINE, peak(1, false), "a"), 1_000);
    Path newer = write("jmh-2-quick", run(MACHINE, peak(1, false), "b"), 2_000);
    Files.setLastModifiedTime(
        Files.writeString(dir.resolve("jmh-3-quick.json"), "[]"), FileTime.fromMillis(3_000));

    assertThat(BenchResults.newest(dir)).contains(newer);
    assertThat(BenchResults.fileNameFor("jmh-1-quick.json"))
        .isEqualTo(older.getFileName().toString());
  }

  private Path write(String stem, BenchResults results, long modified) throws Exception {
    Path file = dir.resolve(stem + BenchResults.SUFFIX);
    results.write(file);
    Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
    return file;
  }
}
