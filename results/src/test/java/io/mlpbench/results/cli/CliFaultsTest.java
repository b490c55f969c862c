package io.mlpbench.results.cli;

import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.seeds;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecordJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid argument of every command: the exit code of {@link ExitCode}'s table and exactly
 * one line on stderr, {@code mlp-bench <command>: <what is wrong>}, with no stack trace. None of
 * these may start a JVM, touch a database that is not there for long, or write anything.
 */
class CliFaultsTest {
  private static final Path DIR;
  private static final String HISTORY;
  private static final String EMPTY_HISTORY;
  private static final String VALID_RECORD;
  private static final String SECRET = "S3cretPw";

  /** Nothing listens on the discard port: the connection is refused at once. */
  private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:9/mlpbench";

  static {
    try {
      DIR = Files.createTempDirectory("mlpbench-cli-faults");
      FileRunStore store = new FileRunStore(DIR.resolve("results"));
      Random random = new Random(3);
      store.append(
          run("r1", 0, List.of(train("manual", samples(random, 20_000, 0.03, 5))), List.of()));
      store.append(
          run("r2", 5, List.of(train("manual", samples(random, 20_000, 0.03, 5))), List.of()));
      HISTORY = "--history-dir=" + DIR.resolve("results/history");
      EMPTY_HISTORY = "--history-dir=" + Files.createDirectories(DIR.resolve("nothing/history"));
      Path valid = DIR.resolve("valid.json");
      RunRecordJson.mapper()
          .writeValue(valid.toFile(), run("v", 0, List.of(), seeds("manual", 0.97)));
      VALID_RECORD = valid.toString();
      String json = Files.readString(valid);
      Files.writeString(DIR.resolve("empty.json"), "");
      Files.writeString(DIR.resolve("truncated.json"), json.substring(0, json.length() / 2));
      Files.writeString(
          DIR.resolve("schema99.json"),
          json.replaceFirst("\"schemaVersion\"\\s*:\\s*1", "\"schemaVersion\": 99"));
      Files.writeString(
          DIR.resolve("schema0.json"),
          json.replaceFirst("\"schemaVersion\"\\s*:\\s*1", "\"schemaVersion\": 0"));
      Files.writeString(DIR.resolve("matrix-bad.json"), "{\"frameworks\": [");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String file(String name) {
    return DIR.resolve(name).toString();
  }

  private static Arguments fault(ExitCode code, String says, String... args) {
    if (args.length > 0 && args[0].equals("report")) {
      // a case that wrongly passes writes its report here, never into the checkout
      String[] all = Arrays.copyOf(args, args.length + 1);
      all[args.length] = "--out=" + DIR.resolve("report-out");
      return Arguments.of(code, says, all);
    }
    return Arguments.of(code, says, args);
  }

  static Stream<Arguments> invalidArguments() {
    ExitCode usage = ExitCode.USAGE;
    ExitCode data = ExitCode.DATA;
    ExitCode infra = ExitCode.INFRASTRUCTURE;
    return Stream.of(
        // the top level
        fault(usage, "Unmatched argument", "nosuch"),
        fault(usage, "Unknown option", "--nope"),
        // accuracy (and run: the same options, one mixin)
        fault(
            usage,
            "--epochs must be a positive number of epochs, found 0",
            "accuracy",
            "--epochs",
            "0"),
        fault(usage, "'five'", "accuracy", "--epochs", "five"),
        fault(usage, "--batch-size must be positive, found 0", "accuracy", "--batch-size", "0"),
        fault(usage, "--threads must be positive, found -2", "accuracy", "--threads", "-2"),
        fault(usage, "--lr must be a positive number, found -1.0", "accuracy", "--lr", "-1"),
        fault(usage, "--lr must be a positive number, found NaN", "accuracy", "--lr", "NaN"),
        fault(usage, "--seeds must be at least 1, found 0", "accuracy", "--seeds", "0"),
        fault(usage, "--timeout-minutes must be positive", "accuracy", "--timeout-minutes", "0"),
        fault(
            usage, "--train-limit must be 0 (all) or positive", "accuracy", "--train-limit", "-1"),
        fault(usage, "--dataset: expected one of", "accuracy", "--dataset", "cifar"),
        fault(usage, "--data-dir: directory", "accuracy", "--data-dir", "/no/such/dir"),
        fault(usage, "--hidden: expected comma-separated", "accuracy", "--hidden", "512,x"),
        fault(usage, "--hidden: layer sizes must be positive", "accuracy", "--hidden", "512,0"),
        fault(usage, "relu, tanh, sigmoid", "accuracy", "--activation", "gelu"),
        fault(usage, "--jvm: /nonexistent is not a Java home", "accuracy", "--jvm", "/nonexistent"),
        fault(usage, "--jvm: /nonexistent is not a Java home", "run", "--jvm", "/nonexistent"),
        fault(
            usage,
            "--jvm: /nonexistent is not a Java home",
            "ab",
            "--baseline",
            ".",
            "--candidate",
            ".",
            "--jvm",
            "/nonexistent"),
        fault(
            usage,
            "--candidate-jvm: /nonexistent is not a Java home",
            "ab",
            "--baseline",
            ".",
            "--candidate",
            ".",
            "--candidate-jvm",
            "/nonexistent"),
        fault(usage, "adam, sgd", "accuracy", "--optimizer", "rmsprop"),
        fault(usage, "expected one of [smoke, quick, full]", "accuracy", "--profile", "huge"),
        fault(
            usage,
            "unknown route 'nosuch'; known routes: manual,",
            "accuracy",
            "--routes",
            "nosuch"),
        fault(usage, "'Manual' is not a route id", "accuracy", "--routes", "Manual"),
        fault(usage, "route 'manual' is given twice", "accuracy", "--routes", "manual,manual"),
        fault(
            usage,
            "must not contain a password",
            "accuracy",
            "--store",
            UNREACHABLE + "?password=" + SECRET),
        fault(usage, "unknown route 'tf-nope'", "run", "--routes", "manual,tf-nope"),
        fault(usage, "--epochs must be a positive", "run", "--epochs", "-1"),
        fault(usage, "unsupported store 'mysql://db/x'", "run", "--store", "mysql://db/x"),
        fault(
            usage, "user-info part", "run", "--store", "jdbc:postgresql://mlp:" + SECRET + "@db/x"),
        // report
        fault(
            data,
            "no run record at " + file("missing.json"),
            "report",
            "--from",
            file("missing.json")),
        fault(data, "empty file, not a run record", "report", "--from", file("empty.json")),
        fault(data, "corrupt JSON", "report", "--from", file("truncated.json")),
        fault(
            data,
            "schemaVersion 99 is newer than this suite reads (1)",
            "report",
            "--from",
            file("schema99.json")),
        fault(
            data,
            "unknown schemaVersion 0 (expected 1..1)",
            "report",
            "--from",
            file("schema0.json")),
        fault(
            data,
            "--jmh file /no/such.json does not exist",
            "report",
            "--from",
            VALID_RECORD,
            "--jmh",
            "/no/such.json"),
        fault(
            usage,
            "must not contain a password",
            "report",
            "--from",
            VALID_RECORD,
            "--store",
            "postgresql://u:" + SECRET + "@db/x"),
        // compare
        fault(
            usage,
            "--threshold must be a percentage >= 0, found -1.0",
            "compare",
            HISTORY,
            "--threshold",
            "-1"),
        fault(usage, "'abc'", "compare", HISTORY, "--threshold", "abc"),
        fault(
            usage,
            "--alpha must be a probability in (0, 1), found 0.0",
            "compare",
            HISTORY,
            "--alpha",
            "0"),
        fault(
            usage,
            "--alpha must be a probability in (0, 1), found 1.5",
            "compare",
            HISTORY,
            "--alpha",
            "1.5"),
        fault(
            usage,
            "--recent must be 0 or a positive number of runs, found -1",
            "compare",
            HISTORY,
            "--recent",
            "-1"),
        fault(
            usage,
            "--baseline nope: neither a file nor a run id",
            "compare",
            HISTORY,
            "--baseline",
            "nope"),
        fault(
            usage,
            "--baseline /no/such.json: no such file",
            "compare",
            HISTORY,
            "--baseline",
            "/no/such.json"),
        fault(
            data,
            "truncated.json: corrupt JSON",
            "compare",
            HISTORY,
            "--baseline",
            file("truncated.json")),
        fault(data, "schemaVersion 99", "compare", HISTORY, "--baseline", file("schema99.json")),
        fault(
            data,
            "--history-dir: no directory at /no/such/history",
            "compare",
            "--history-dir=/no/such/history"),
        fault(
            data,
            "--history-dir: no directory at /no/such/history",
            "history",
            "--history-dir=/no/such/history"),
        fault(
            data,
            "--history-dir: no directory at /no/such/history",
            "promote",
            "--history-dir=/no/such/history",
            "latest"),
        fault(
            data,
            "--history-dir: no directory at /no/such/history",
            "push",
            "--history-dir=/no/such/history",
            "--store",
            UNREACHABLE),
        fault(data, "no readable runs in file history", "compare", EMPTY_HISTORY),
        fault(
            usage,
            "must not contain a password",
            "compare",
            HISTORY,
            "--store",
            "jdbc:postgresql://db/x?user=u&password=" + SECRET),
        fault(usage, "unsupported store", "compare", HISTORY, "--store", "sqlite:runs.db"),
        fault(
            infra,
            "cannot connect to or prepare the run store at PostgreSQL " + UNREACHABLE,
            "compare",
            "--store",
            UNREACHABLE),
        // promote
        fault(usage, "Missing required parameter: '<runId|latest>'", "promote", HISTORY),
        fault(usage, "no run 'missing' in file history", "promote", HISTORY, "missing"),
        fault(usage, "expected a run id or `latest`", "promote", HISTORY, ""),
        fault(data, "no readable runs in file history", "promote", EMPTY_HISTORY, "latest"),
        fault(infra, "cannot connect to or prepare", "promote", "--store", UNREACHABLE, "latest"),
        // history
        fault(
            usage,
            "--limit must be a positive number of runs, found 0",
            "history",
            HISTORY,
            "--limit",
            "0"),
        fault(usage, "'x'", "history", HISTORY, "--limit", "x"),
        fault(usage, "--route must be a route id", "history", HISTORY, "--route", " "),
        fault(
            usage,
            "user-info part",
            "history",
            "--store",
            "postgresql://mlp:" + SECRET + "@db:5432/x"),
        fault(infra, "cannot connect to or prepare", "history", "--store", UNREACHABLE),
        // push
        fault(usage, "no store given; pass --store", "push", HISTORY),
        fault(
            usage,
            "user-info part",
            "push",
            HISTORY,
            "--store",
            "jdbc:postgresql://mlp:" + SECRET + "@db:5432/x"),
        fault(
            usage,
            "user-info part",
            "push",
            HISTORY,
            "--store",
            "postgresql://mlp:" + SECRET + "@db/x"),
        fault(usage, "unsupported store", "push", HISTORY, "--store", "http://db/x"),
        fault(infra, "cannot connect to or prepare", "push", HISTORY, "--store", UNREACHABLE),
        // matrix
        fault(
            usage,
            "--profile: expected smoke, quick or full, found 'huge'",
            "matrix",
            "--profile",
            "huge"),
        fault(
            usage,
            "--epochs must be 0 (no accuracy) or positive, found -1",
            "matrix",
            "--epochs",
            "-1"),
        fault(
            usage,
            "--threads must be 0 (all cores) or positive, found -1",
            "matrix",
            "--threads",
            "-1"),
        fault(usage, "--threshold must be a percentage >= 0", "matrix", "--threshold", "-5"),
        fault(
            usage, "--alpha must be a probability in (0, 1), found 2.0", "matrix", "--alpha", "2"),
        fault(
            data,
            "--config: no release matrix config at /no/such.json",
            "matrix",
            "--config",
            "/no/such.json"),
        fault(data, "not a release matrix config", "matrix", "--config", file("matrix-bad.json")),
        fault(usage, "unknown framework", "matrix", "--frameworks", "Nope"),
        // list
        fault(usage, "--threads must be positive, found 0", "list", "--threads", "0"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalidArguments")
  void invalidArgumentGivesItsExitCodeAndOneClearLine(ExitCode code, String says, String[] args) {
    assumeTrue(
        !"push".equals(args[0]) || System.getenv("MLPBENCH_STORE") == null,
        "MLPBENCH_STORE is set in this environment");
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).as(run.transcript()).isEqualTo(code.code);
    assertThat(run.errLines()).as(run.transcript()).hasSize(1);
    String line = run.errLines().get(0);
    assertThat(line).as(run.transcript()).startsWith("mlp-bench").contains(says);
    assertThat(run.err()).as("no stack trace without --verbose").doesNotContain("\tat ");
    assertThat(run.out() + run.err()).as("a secret is never echoed").doesNotContain(SECRET);
  }

  @Test
  void anUnreachableStoreCostsTheReportItsRegressionCheckNotTheReport() {
    Path out = DIR.resolve("report-unreachable");
    CliRun run =
        CliRun.of("report", "--out=" + out, "--from", VALID_RECORD, "--store", UNREACHABLE);
    assertThat(run.exit()).as(run.transcript()).isEqualTo(ExitCode.INFRASTRUCTURE.code);
    assertThat(run.errLines())
        .as(run.transcript())
        .singleElement()
        .asString()
        .startsWith(
            "mlp-bench report: report written without the regression check: cannot connect");
    assertThat(out.resolve("report.md"))
        .content()
        .contains("not run: the run store could not be opened");
  }

  @Test
  void verbosePrintsTheStackTraceAsWell() {
    String out = "--out=" + DIR.resolve("report-out");
    CliRun quiet = CliRun.of("report", out, "--from", file("truncated.json"));
    CliRun verbose = CliRun.of("report", out, "--from", file("truncated.json"), "--verbose");
    assertThat(quiet.exit()).isEqualTo(verbose.exit()).isEqualTo(ExitCode.DATA.code);
    assertThat(quiet.err()).doesNotContain("\tat ");
    assertThat(verbose.err())
        .startsWith(quiet.errLines().get(0))
        .contains("CorruptRecordException")
        .contains("\tat ");
  }

  @Test
  void helpOfEveryCommandListsTheExitCodeTable() {
    var cli = MlpBenchCli.commandLine();
    List<String> helps =
        Stream.concat(
                Stream.of(cli.getUsageMessage()),
                cli.getSubcommands().values().stream().map(c -> c.getUsageMessage()))
            .toList();
    for (String help : helps) {
      assertThat(help).contains("Exit codes");
      for (ExitCode e : ExitCode.values()) {
        assertThat(help)
            .containsPattern("\\b" + e.code + "\\s+" + java.util.regex.Pattern.quote(e.meaning));
      }
    }
    assertThat(CliRun.of("compare", "--help").exit()).isZero();
  }
}
