package io.mlpbench.results.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help text, `list` columns and shell completion as a user meets them. */
class CliPolishTest {
  static String usage(String command) {
    StringWriter out = new StringWriter();
    CommandLine cli = MlpBenchCli.commandLine().getSubcommands().get(command);
    cli.usage(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void optionLabelsAreLowerCaseInAngleBracketsOrAValueSet() {
    // <dir>, <n>, <file> ... or a|b|c; never DIR / N / FILE in one command and <dir> in another
    // option lines of the usage ("      --out=<dir>   Report directory ...")
    Pattern label =
        Pattern.compile("^\\s*(?:-[a-zA-Z], )?--[a-z-]+=([^\\s,\\[\\]]+)", Pattern.MULTILINE);
    for (String command :
        List.of("run", "accuracy", "report", "list", "matrix", "compare", "worker")) {
      Matcher m = label.matcher(usage(command));
      int seen = 0;
      while (m.find()) {
        seen++;
        String l = m.group(1);
        assertThat(l.matches("<[A-Za-z|]+>|[a-z0-9]+(\\|[a-z0-9]+)+"))
            .as("label %s of %s", l, command)
            .isTrue();
      }
      assertThat(seen).as("labelled options of %s", command).isPositive();
    }
  }

  @Test
  void runAndMatrixTakeTheSameProfilesAndRunNoLongerHedges() {
    assertThat(usage("run")).contains("--profile=smoke|quick|full").doesNotContain("if installed");
    assertThat(usage("matrix")).contains("--profile=smoke|quick|full");
    assertThat(usage("accuracy")).contains("--profile=smoke|quick|full");
  }

  @Test
  void listColumnsLineUpWhateverTheVersionLength() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ListCommand.print(
        List.of(
            List.of(
                "manual",
                "plain Java",
                "Java 17.0.15+6-Debian-1deb12u1",
                "manual",
                "manual-backprop"),
            List.of("djl-fit", "DJL", "0.36.0 (PyTorch 2.7.1)", "fit", "djl-impl")),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3);
    // every column starts at the same offset on every line
    for (String header : List.of("framework", "version", "style", "module")) {
      int at = lines.get(0).indexOf(header);
      assertThat(lines.get(1).charAt(at - 1)).isEqualTo(' ');
      assertThat(lines.get(1).charAt(at)).isNotEqualTo(' ');
      assertThat(lines.get(2).charAt(at)).isNotEqualTo(' ');
      assertThat(lines.get(2).charAt(at - 1)).isEqualTo(' ');
    }
    assertThat(lines.get(1).indexOf("manual", 10)).isEqualTo(lines.get(0).indexOf("style"));
  }

  @Test
  void generateCompletionPrintsABashScriptNamingEverySubcommand() {
    StringWriter out = new StringWriter();
    CommandLine cli = MlpBenchCli.commandLine();
    cli.setOut(new PrintWriter(out));
    int status = cli.execute("generate-completion");
    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("complete -F")
        .contains("mlp-bench")
        .contains("report", "run", "matrix", "--profile");
  }
}
