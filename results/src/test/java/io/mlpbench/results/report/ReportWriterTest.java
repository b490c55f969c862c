package io.mlpbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunRecordJson;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on a recorded fixture: 3 seeds of manual (all ok), tf-tape (2 ok, 1 NaN), djl-fit (one
 * crashed run), and a JMH JSON with manual's training throughput and a GEMM peak of 100 GFLOP/s.
 */
class ReportWriterTest {
  @TempDir Path dir;

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(ReportWriterTest.class.getResource("/fixtures/" + name).toURI());
  }

  static RunRecord record() throws Exception {
    return ReportWriter.readRecord(fixture("run-record.json"));
  }

  static JmhResults jmh() throws Exception {
    return JmhResults.read(fixture("jmh/" + TYPED_FIXTURE));
  }

  /** The typed fixture's run: typed results of manual training and tf-tape inference. */
  static final String TYPED_FIXTURE = "jmh-20261128-100000-full-results.json";

  /** Copies the fixture run (typed results and the JMH JSON beside them) into {@code dir}. */
  static Path copyJmhFixture(Path dir) throws Exception {
    Files.copy(
        fixture("jmh/jmh-20261128-100000-full.json"), dir.resolve("jmh-20261128-100000-full.json"));
    return Files.copy(fixture("jmh/" + TYPED_FIXTURE), dir.resolve(TYPED_FIXTURE));
  }

  @Test
  void mainTableShowsMeanAndSdOverSeedsWithConfidenceInterval() throws Exception {
    ReportWriter.write(dir, record(), jmh(), List.of());
    String md = Files.readString(dir.resolve("report.md"));
    // manual 0.9700, 0.9712, 0.9724: mean 0.9712, sample sd sqrt((0.0012^2 + 0 + 0.0012^2) / 2) =
    // 0.0012,
    // 95% CI half-width t(0.975, 2) x sd / sqrt(3) = 4.3027 x 0.0012 / 1.7321 = 0.0029810
    assertThat(row(section(md, "Details"), "manual"))
        .contains("| 0.9712 ± 0.0012 (n=3) |")
        .contains("| [0.9682, 0.9742] |")
        // epochs to 97%: 3, 2, 2 -> 2.3
        .contains("| 2.3 |");
    assertThat(row(section(md, "Results"), "manual"))
        .contains("| 0.9712 [0.9682, 0.9742] n=3 |")
        // seconds to 97%: 28.5, 20.0, 20.0 -> 22.8
        .contains("| 22.8 |");
    // tf-tape: 0.9650 and 0.9690 (the NaN seed excluded): mean 0.9670, sd sqrt(2 x 0.002^2 / 1) =
    // 0.0028
    assertThat(row(section(md, "Details"), "tf-tape"))
        .contains("| 0.9670 ± 0.0028 (n=2) |")
        .contains("| not reached |");
  }

  @Test
  void throughputColumnsComeFromTheJmhSamplesMetric() throws Exception {
    ReportModel model = ReportWriter.write(dir, record(), jmh(), List.of());
    String md = Files.readString(dir.resolve("report.md"));
    // training FLOPs/sample: forward 2W + weight gradients 2W (W = 668,672) + input gradients of
    // layers 2 and 3, 2 x (512x512 + 512x10) = 534,528: 3,209,216 in all
    double gflops = 12345.6 * 3_209_216 / 1e9;
    assertThat(gflops).isCloseTo(39.62, within(0.01));
    // timed at the run's own batch and threads, so no [b.. t..] marker
    assertThat(row(section(md, "Results"), "manual")).contains("| 12,346 ± 235 |");
    assertThat(row(section(md, "Details"), "manual"))
        .contains("| batch 128, 2 thread(s) |")
        .contains("| 39.62 |")
        .contains("| 39.6 |");
    assertThat(md)
        .contains("GFLOP/s (exact)")
        .contains("exact: fwd+wgrad+igrad")
        .contains("% of GEMM peak = GFLOP/s / the measured best-library SGEMM");
    // tf-tape has only an inference result, so its training throughput is missing, not borrowed
    assertThat(row(section(md, "Results"), "tf-tape")).contains(ReportModel.NOT_IN_JMH);
    RouteSummary manual = model.summaries().get(0);
    assertThat(manual.throughput().rawSamples()).containsExactly(12000.0, 12500.0, 12536.8);
    assertThat(manual.throughput().percentOfPeak()).isCloseTo(100 * gflops / 100.0, within(1e-9));
  }

  @Test
  void referenceRowsAreLabelledAndFailedRunsListedSeparately() throws Exception {
    ReportWriter.write(dir, record(), jmh(), List.of());
    String md = Files.readString(dir.resolve("report.md"));
    String results = section(md, "Results");
    assertThat(results)
        .contains("| - | *reference: Keras GradientTape loop* | TensorFlow Keras (Python) |")
        .contains("0.9644 (seed notes, not measured here)")
        .contains("| *reference: Keras model.fit()* |")
        .contains("0.9673 (seed notes, not measured here)");
    // djl-fit only crashed: no result row; its failure (and tf-tape's NaN seed) are under Failed
    // runs
    assertThat(results).doesNotContain("| djl-fit |");
    String failed = section(md, "Failed runs");
    assertThat(failed).contains("| djl-fit | 42 | 2 | worker exited with status 134");
    assertThat(failed).contains("| tf-tape | 44 | 3 | non-finite loss (NaN) |");
  }

  @Test
  void jsonCsvAndHtmlCarryTheSameRun() throws Exception {
    ReportWriter.write(dir, record(), jmh(), List.of());
    JsonNode json = RunRecordJson.mapper().readTree(dir.resolve("results.json").toFile());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(RunRecord.SCHEMA_VERSION);
    assertThat(json.get("runId").asText()).isEqualTo("fixture-run-0001");
    assertThat(json.get("kind").asText()).isEqualTo("both");
    assertThat(json.get("accuracy")).hasSize(7);
    assertThat(json.get("accuracy").get(6).get("status").asText()).isEqualTo("failed");
    assertThat(json.get("accuracy").get(6).get("failedEpoch").asInt()).isEqualTo(3);
    // throughput: manual train, tf-tape infer, plus the failed djl-fit timing job from the sidecar
    assertThat(json.get("throughput")).hasSize(3);
    assertThat(json.get("throughput").get(0).get("score").asDouble()).isEqualTo(12345.6);
    RunRecord back = ReportWriter.readRecord(dir.resolve("results.json"));
    assertThat(back.accuracy()).isEqualTo(record().accuracy());

    List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
    assertThat(csv.get(0)).startsWith("kind,route,framework");
    assertThat(csv)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "result,manual,plain Java,Java 17.0.15,manual,3,,0.971200,0.00120000,"));
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("reference,Keras GradientTape loop,"));
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("failed,djl-fit,"));
    assertThat(csv).noneSatisfy(l -> assertThat(l).startsWith("result,djl-fit"));

    String html = Files.readString(dir.resolve("report.html"));
    Matcher images =
        Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    int count = 0;
    while (images.find()) {
      byte[] png = Base64.getDecoder().decode(images.group(1));
      assertThat(png).startsWith(0x89, 'P', 'N', 'G'); // PNG signature
      count++;
    }
    assertThat(count)
        .as("speed vs accuracy, throughput, loss, relative loss and accuracy charts")
        .isEqualTo(5);
    assertThat(html).doesNotContain("http://").doesNotContain("https://"); // opens offline
    assertThat(html).contains("<tr class=\"reference\">");
  }

  @Test
  void missingJmhResultsStillWriteEveryFileWithThroughputMarkedMissing() throws Exception {
    assertThat(JmhResults.newest(dir.resolve("no-such-jmh-dir"))).isEmpty();
    ReportWriter.write(dir, record(), null, List.of());
    for (String file : ReportWriter.FILES) {
      assertThat(dir.resolve(file)).isNotEmptyFile();
    }
    String md = Files.readString(dir.resolve("report.md"));
    assertThat(row(section(md, "Results"), "manual"))
        .contains("| 0.9712 [0.9682, 0.9742] n=3 |")
        .contains("| n/a (no JMH results) |");
    assertThat(section(md, "Results")).contains("Throughput: n/a (no JMH results)");
    assertThat(Files.readString(dir.resolve("results.csv"))).contains("n/a (no JMH results)");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("n/a (no JMH results)");
    JsonNode json = RunRecordJson.mapper().readTree(dir.resolve("results.json").toFile());
    assertThat(json.get("throughput")).isEmpty();
    assertThat(json.get("kind").asText()).isEqualTo("accuracy");
  }

  @Test
  void newestTypedFileIsChosenAndOtherJsonIgnored() throws Exception {
    Path jmhDir = Files.createDirectories(dir.resolve("jmh"));
    Path older = Files.writeString(jmhDir.resolve("jmh-20260101-000000-quick-results.json"), "{}");
    Path newer = Files.writeString(jmhDir.resolve("jmh-20260102-000000-quick-results.json"), "{}");
    Path raw = Files.writeString(jmhDir.resolve("jmh-20260103-000000-quick.json"), "[]");
    Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1_000));
    Files.setLastModifiedTime(newer, java.nio.file.attribute.FileTime.fromMillis(2_000));
    Files.setLastModifiedTime(raw, java.nio.file.attribute.FileTime.fromMillis(3_000));
    assertThat(JmhResults.newest(jmhDir)).contains(newer);
  }

  @Test
  void truncatedTypedFileIsAnErrorNamingTheFile() throws Exception {
    String whole = Files.readString(fixture("jmh/" + TYPED_FIXTURE));
    Path bad =
        Files.writeString(dir.resolve(TYPED_FIXTURE), whole.substring(0, whole.length() / 2));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JmhResults.read(bad))
        .hasMessageContaining(bad.toString())
        .hasMessageContaining("cannot read benchmark results");
  }

  @Test
  void timedRssAndHeapStandNextToSamplesPerSecond() throws Exception {
    ReportWriter.write(dir, record(), jmh(), List.of());
    String md = Files.readString(dir.resolve("report.md"));
    // the fixture's manual forks peaked at 524,288 KiB resident and 262,144 KiB heap
    assertThat(row(section(md, "Results"), "manual")).contains("| 12,346 ± 235 | 512 / 256 |");
    assertThat(row(section(md, "Throughput (JMH)"), "manual")).contains("| 512 / 256 |");
    assertThat(row(section(md, "Throughput (JMH)"), "tf-tape")).contains("| n/a |");
    assertThat(Files.readString(dir.resolve("results.csv")))
        .containsPattern("(?m)^result,manual,.*,524288,262144$");
    // the notes name the theoretical peak beside the measured one (HTML renders the same notes)
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains(
            "100.0 GFLOP/s at 2 thread(s) (test, SGEMM 512; theoretical 294.4 GFLOP/s = 2 core(s)");
  }

  /** The first Markdown table row with {@code route} as its first or second cell. */
  static String row(String md, String route) {
    return md.lines()
        .filter(
            l -> l.matches("\\| (?:[^|]* \\| )?" + java.util.regex.Pattern.quote(route) + " \\|.*"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + route + " in\n" + md));
  }

  static String section(String md, String title) {
    int start = md.indexOf("## " + title);
    int end = md.indexOf("\n## ", start + 3);
    return md.substring(start, end < 0 ? md.length() : end);
  }
}
