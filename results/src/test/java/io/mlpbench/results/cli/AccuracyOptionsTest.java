package io.mlpbench.results.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.Activation;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.RunSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Options of accuracy/run: defaults are the canonical job, bad values are named errors. */
class AccuracyOptionsTest {
  private static RunOptions parse(String... args) {
    CommandLine cli = MlpBenchCli.commandLine();
    CommandLine.ParseResult result = cli.parseArgs(args);
    AccuracyCommand command = (AccuracyCommand) result.subcommand().commandSpec().userObject();
    return command.options;
  }

  private static String error(String... args) {
    CommandLine cli = MlpBenchCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    CommandLine sub = cli.getSubcommands().get(args[0]);
    sub.setErr(new PrintWriter(err));
    // validation runs before any route JVM starts: parse, then build the request like call() does
    try {
      CommandLine.ParseResult r = cli.parseArgs(args);
      ((AccuracyCommand) r.subcommand().commandSpec().userObject()).options.spec();
      return "";
    } catch (CommandLine.ParameterException e) {
      return e.getMessage();
    }
  }

  @Test
  void defaultsAreTheCanonicalJob() {
    RunOptions o = parse("accuracy");
    RunSpec r = o.spec();
    assertThat(r.model().hiddenSizes()).containsExactly(512, 512);
    assertThat(r.model().activation()).isEqualTo(Activation.RELU);
    assertThat(r.training().optimizer()).isEqualTo(OptimizerKind.ADAM);
    assertThat(r.training().learningRate()).isEqualTo(1e-3);
    assertThat(r.training().batchSize()).isEqualTo(128);
    assertThat(r.training().epochs()).isEqualTo(5);
    assertThat(r.model().dataset()).isEqualTo("mnist");
    assertThat(r.sweep().seeds()).containsExactly(42L, 43L, 44L);
    assertThat(r.sweep().jvm()).isNull();
    // three seeds by default, so every accuracy has a 95% interval
    assertThat(o.seedList()).containsExactly(42L, 43L, 44L);
    assertThat(o.routes).isEmpty();
  }

  @Test
  void profilesSetTheSeedCountUnlessGiven() {
    assertThat(parse("accuracy", "--profile", "smoke").seedList()).containsExactly(42L);
    assertThat(parse("accuracy", "--profile", "full").seedList())
        .containsExactly(42L, 43L, 44L, 45L, 46L);
    assertThat(parse("accuracy", "--profile", "full", "--seeds", "2").seedList())
        .containsExactly(42L, 43L);
    assertThat(parse("accuracy", "--routes", "manual,tf-tape").routes)
        .isEqualTo(List.of("manual", "tf-tape"));
  }

  @Test
  void badValuesNameTheOptionAndWhatWasExpected() {
    assertThat(error("accuracy", "--hidden", "512,x"))
        .contains("--hidden")
        .contains("512,512")
        .contains("'512,x'");
    assertThat(error("accuracy", "--hidden", "512,0")).contains("--hidden").contains("positive");
    assertThat(error("accuracy", "--dataset", "cifar"))
        .contains("--dataset")
        .contains("mnist")
        .contains("'cifar'");
    assertThat(error("accuracy", "--epochs", "0")).contains("--epochs").contains("found 0");
    assertThat(error("accuracy", "--lr", "-1")).contains("--lr");
    assertThat(error("accuracy", "--activation", "gelu"))
        .contains("gelu")
        .contains("relu, tanh, sigmoid");
    assertThat(error("accuracy", "--optimizer", "rmsprop"))
        .contains("rmsprop")
        .contains("adam, sgd");
    assertThat(error("accuracy", "--data-dir", "/no/such/dir"))
        .contains("--data-dir")
        .contains("/no/such/dir");
    assertThat(error("accuracy", "--epochs", "five")).contains("five");
    assertThat(error("accuracy", "--jvm", "/no/such/jdk"))
        .contains("--jvm")
        .contains("/no/such/jdk")
        .contains("bin/java");
  }

  @Test
  void jvmIsAJavaHomeCarriedInTheSpec() {
    Path home = Path.of(System.getProperty("java.home"));
    RunSpec r = parse("accuracy", "--jvm", home.toString()).spec();
    assertThat(r.sweep().jvm()).isEqualTo(home.toAbsolutePath());
  }

  @Test
  void helpExplainsEveryOption() {
    String help = MlpBenchCli.commandLine().getSubcommands().get("run").getUsageMessage();
    for (String option :
        List.of(
            "--routes",
            "--epochs",
            "--seeds",
            "--dataset",
            "--hidden",
            "--activation",
            "--batch-size",
            "--lr",
            "--optimizer",
            "--threads",
            "--data-dir",
            "--jvm",
            "--out",
            "--profile",
            "--skip-timing")) {
      assertThat(help).contains(option);
    }
  }
}
