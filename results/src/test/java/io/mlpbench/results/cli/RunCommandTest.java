package io.mlpbench.results.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on a checkout whose benchmarks module is not built: the timing stage fails, and
 * accuracy, report and history still run. Skipped when manual-backprop is not built.
 */
class RunCommandTest {
  @TempDir Path dir;

  @Test
  void failingTimingStageIsReportedAndLaterStagesStillRun() throws Exception {
    Path module = Path.of("").toAbsolutePath().getParent().resolve("manual-backprop");
    assumeTrue(
        Files.isRegularFile(module.resolve("target/route-classpath.txt")),
        "manual-backprop not built");
    Path root = Files.createDirectories(dir.resolve("checkout"));
    Files.createSymbolicLink(root.resolve("manual-backprop"), module);
    Files.createDirectories(root.resolve("core"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path out = dir.resolve("latest");

    String previousRoot = System.getProperty("mlpbench.root");
    PrintStream previousOut = System.out;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int exit;
    try {
      System.setProperty("mlpbench.root", root.toString());
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      exit =
          MlpBenchCli.commandLine()
              .execute(
                  "run",
                  "--routes",
                  "manual",
                  "--epochs",
                  "1",
                  "--hidden",
                  "32",
                  "--threads",
                  "1",
                  "--train-limit",
                  "2000",
                  "--out",
                  out.toString());
    } finally {
      System.setOut(previousOut);
      if (previousRoot == null) {
        System.clearProperty("mlpbench.root");
      } else {
        System.setProperty("mlpbench.root", previousRoot);
      }
    }
    String text = console.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(ExitCode.INFRASTRUCTURE.code); // a failed stage
    assertThat(text).containsPattern("timing +failed: benchmarks module not built");
    assertThat(text).containsPattern("accuracy +ok");
    assertThat(text).containsPattern("report +ok");
    assertThat(out.resolve("report.md"))
        .content()
        .contains("| manual |")
        .contains("n/a (no JMH results)");
    try (var files = Files.list(root.resolve("results/history"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".json"))).hasSize(1);
    }
  }
}
