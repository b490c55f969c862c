package io.mlpbench.results.report;

import static io.mlpbench.results.report.ReportFixtures.env;
import static io.mlpbench.results.report.ReportFixtures.run;
import static io.mlpbench.results.report.ReportFixtures.seed;
import static io.mlpbench.results.report.ReportFixtures.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawDataAndPathsTest {
  @TempDir Path dir;

  @Test
  void scrubKeepsFileNamesAndLeavesRelativePathsUnitsAndUrlsAlone() {
    assertThat(LocalPaths.scrub("-Dmlpbench.root=/home/alice/src/mlp-bench"))
        .isEqualTo("-Dmlpbench.root=…/mlp-bench");
    assertThat(LocalPaths.scrub("see /tmp/x/logs/manual-seed42.log for details"))
        .isEqualTo("see …/manual-seed42.log for details");
    String untouched =
        "samples/s, n/a, ../jmh/jmh-1.json, results/latest/report.html, https://example.org/a/b,"
            + " 1/2, [b128 t2]";
    assertThat(LocalPaths.scrub(untouched)).isEqualTo(untouched);
    assertThat(LocalPaths.containsAbsolutePath(untouched)).isFalse();
  }

  @Test
  void noReportFileCarriesAnAbsoluteLocalPath() throws Exception {
    String home = dir.toAbsolutePath().toString();
    List<AccuracyResult> acc = new ArrayList<>();
    acc.add(seed("manual", "plain Java", 42, 0.97));
    acc.add(
        new AccuracyResult(
            "djl-fit",
            "DJL",
            "0.36.0",
            "fit",
            42,
            AccuracyResult.FAILED,
            "worker exited with status 134; log " + home + "/logs/djl-fit-seed42.log",
            1,
            List.of(),
            null,
            null,
            null,
            null,
            2,
            1.0));
    RunRecord record =
        run(
            "paths",
            0,
            env("CPU", "abc", List.of("-Dmlpbench.root=" + home, "-Xmx4g")),
            acc,
            List.of(train("manual", 100, 5.0, 99, 100, 101)));
    Path jmhDir = Files.createDirectories(dir.resolve("jmh"));
    Path jmh = ReportWriterTest.copyJmhFixture(jmhDir);
    ReportWriter.write(dir.resolve("latest"), record, JmhResults.read(jmh), List.of());

    for (String file :
        List.of(
            "report.md",
            "results.csv",
            "results.json",
            "report.html",
            BenchmarkActionExport.FILE)) {
      String text = Files.readString(dir.resolve("latest").resolve(file));
      String withoutImages = text.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
      assertThat(withoutImages).as(file).doesNotContain(home);
      assertThat(LocalPaths.containsAbsolutePath(withoutImages)).as(file).isFalse();
    }
    // the failure reason keeps what a reader needs: the log's file name
    assertThat(Files.readString(dir.resolve("latest/report.md"))).contains("…/djl-fit-seed42.log");
  }

  @Test
  void htmlLinksTheRawDataRelativelyAndEveryLinkResolvesBesideIt() throws Exception {
    Path latest = dir.resolve("latest");
    ReportWriter.write(latest, ReportWriterTest.record(), ReportWriterTest.jmh(), List.of());
    String html = Files.readString(latest.resolve("report.html"));
    Matcher links = Pattern.compile("<a href=\"([^\"]+)\"").matcher(html);
    List<String> targets = new ArrayList<>();
    while (links.find()) {
      targets.add(links.group(1));
    }
    assertThat(targets)
        .containsExactly("results.csv", "results.json", "jmh.json", BenchmarkActionExport.FILE);
    for (String t : targets) {
      assertThat(latest.resolve(t)).as(t).isRegularFile();
    }
    assertThat(Files.readString(latest.resolve("jmh.json")))
        .isEqualTo(Files.readString(ReportWriterTest.fixture("jmh/jmh-20261128-100000-full.json")));
  }

  @Test
  void aJmhCopyFromAnotherRunIsRemovedNotLinked() throws Exception {
    Path latest = dir.resolve("latest");
    ReportWriter.write(latest, ReportWriterTest.record(), ReportWriterTest.jmh(), List.of());
    assertThat(latest.resolve("jmh.json")).exists();
    // re-rendering the same record in place keeps its copy and link
    RunRecord written = ReportWriter.readRecord(latest.resolve("results.json"));
    ReportWriter.write(latest, written, null, List.of());
    assertThat(Files.readString(latest.resolve("report.html"))).contains("href=\"jmh.json\"");
    // another record's report in the same directory: the copy is not its data
    ReportWriter.write(latest, HeadlineTest.fourRoutes(), null, List.of());
    assertThat(latest.resolve("jmh.json")).doesNotExist();
    assertThat(Files.readString(latest.resolve("report.html"))).doesNotContain("jmh.json");
  }
}
