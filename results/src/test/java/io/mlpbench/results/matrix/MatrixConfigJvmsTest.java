package io.mlpbench.results.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.results.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK axis of the matrix config: "jvms", their labels, and the errors of a bad Java home. */
class MatrixConfigJvmsTest {
  @TempDir Path dir;

  private static final String FRAMEWORKS =
      """
      "frameworks": [
        { "name": "DJL", "module": "djl-impl",
          "versions": [ { "label": "0.36.0", "properties": { "djl.version": "0.36.0" } } ] },
        { "name": "Manual", "module": "manual-backprop" }
      ]""";

  private Path config(String jvms) throws Exception {
    Path file = dir.resolve("matrix.json");
    Files.writeString(
        file, "{ \"profile\": \"smoke\", " + (jvms == null ? "" : jvms + ", ") + FRAMEWORKS + "}");
    return file;
  }

  /** A directory that looks like a Java home: an executable bin/java and a release file. */
  private Path javaHome(String name, String javaVersion) throws Exception {
    Path home = dir.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(
        home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
    return home;
  }

  @Test
  void withoutJvmsEveryReleaseRunsOnTheJvmOfTheCli() throws Exception {
    MatrixConfig config = MatrixConfig.read(config(null));

    assertThat(config.jvms()).isEmpty();
    assertThat(config.only(List.of("DJL")).jvms()).isEmpty();
  }

  @Test
  void readsJvmsInOrderAndKeepsThemThroughOnlyAndWith() throws Exception {
    MatrixConfig config =
        MatrixConfig.read(
            config(
                """
                "jvms": [
                  { "label": "17", "home": "/usr/lib/jvm/java-17-openjdk-amd64" },
                  { "label": "25", "home": "/usr/lib/jvm/temurin-25-jdk-amd64" }
                ]"""));

    assertThat(config.jvms())
        .containsExactly(
            new MatrixConfig.Jvm("17", Path.of("/usr/lib/jvm/java-17-openjdk-amd64")),
            new MatrixConfig.Jvm("25", Path.of("/usr/lib/jvm/temurin-25-jdk-amd64")));
    assertThat(config.only(List.of("manual-backprop")).with("quick", 0, 2).jvms())
        .isEqualTo(config.jvms());
  }

  @Test
  void aFrameworkWithoutVersionsIsTheCheckoutItself() throws Exception {
    MatrixConfig.Framework manual = MatrixConfig.read(config(null)).frameworks().get(1);

    // manual has no framework release: one cell per JDK, built with no property overridden
    assertThat(manual.versions()).containsExactly(MatrixConfig.Version.CHECKOUT);
    assertThat(MatrixConfig.Version.CHECKOUT.properties()).isEmpty();
  }

  @Test
  void theJdkAxisConfigRunsManualAndEachFrameworksNewestReleaseOn17Then25() {
    MatrixConfig config = MatrixConfig.read(Path.of("matrix/jdk-axis/jdk-axis.json"));

    assertThat(config.jvms()).extracting(MatrixConfig.Jvm::label).containsExactly("17", "25");
    assertThat(config.frameworks())
        .extracting(MatrixConfig.Framework::module)
        .containsExactly("manual-backprop", "dl4j-impl", "tf-java-impl", "djl-impl");
    assertThat(config.frameworks().get(0).versions())
        .containsExactly(MatrixConfig.Version.CHECKOUT);
  }

  @Test
  void aJvmWithoutLabelIsLabelledByTheFeatureReleaseItsHomeReports() throws Exception {
    Path home = javaHome("jdk-25", "25.0.3");

    assertThat(MatrixConfig.Jvm.of(home).label()).isEqualTo("25");
    assertThat(MatrixConfig.Jvm.of(javaHome("jdk-17", "17.0.15")).label()).isEqualTo("17");
    // no release file: the directory's name, still a label that tells JDKs apart
    assertThat(MatrixConfig.Jvm.of(dir.resolve("some-jdk")).label()).isEqualTo("some-jdk");
  }

  @Test
  void aJvmOptionReplacesTheConfiguredJvmOfItsReleaseInPlace() throws Exception {
    MatrixConfig config =
        MatrixConfig.read(
            config(
                """
                "jvms": [ { "label": "17", "home": "/elsewhere/jdk17" },
                          { "label": "21", "home": "/elsewhere/jdk21" } ]"""));
    Path jdk17 = javaHome("jdk-17", "17.0.15");
    Path jdk25 = javaHome("jdk-25", "25.0.3");

    MatrixConfig merged =
        config.withJvms(List.of(MatrixConfig.Jvm.of(jdk25), MatrixConfig.Jvm.of(jdk17)));

    // 17 stays first (the reference of the ratios), now at the given home; 25 comes after
    assertThat(merged.jvms())
        .extracting(MatrixConfig.Jvm::label, MatrixConfig.Jvm::home)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("17", jdk17),
            org.assertj.core.groups.Tuple.tuple("21", Path.of("/elsewhere/jdk21")),
            org.assertj.core.groups.Tuple.tuple("25", jdk25));
  }

  @Test
  void rejectsTwoJvmsOfOneLabel() throws Exception {
    assertThatThrownBy(
            () ->
                MatrixConfig.read(
                    config(
                        """
                        "jvms": [ { "label": "17", "home": "/a" }, { "label": "17", "home": "/b" } ]""")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two jvms labelled \"17\"");
    Path a = javaHome("a", "17.0.1");
    Path b = javaHome("b", "17.0.15");
    assertThatThrownBy(
            () ->
                MatrixConfig.read(config(null))
                    .withJvms(List.of(MatrixConfig.Jvm.of(a), MatrixConfig.Jvm.of(b))))
        .hasMessageContaining("two Java homes report JDK 17");
  }

  /**
   * A config whose only module does not exist, written to a directory of its own: should the check
   * under test let it through, the matrix fails its build at once instead of measuring anything.
   */
  private String[] harmless(String jvms, String... args) throws Exception {
    Path file = dir.resolve("harmless.json");
    Files.writeString(
        file,
        "{ \"profile\": \"smoke\", \"epochs\": 0, "
            + (jvms == null ? "" : jvms + ", ")
            + "\"frameworks\": [ { \"name\": \"None\", \"module\": \"no-such-impl\" } ] }");
    List<String> line =
        new java.util.ArrayList<>(
            List.of("matrix", "--config", file.toString(), "--out", dir.resolve("out").toString()));
    line.addAll(List.of(args));
    return line.toArray(String[]::new);
  }

  @Test
  void aJvmOptionThatIsNoJavaHomeIsAUsageErrorNamingThePathAndWhatWasExpected() throws Exception {
    CliRun run = CliRun.of(harmless(null, "--jvm", "/nonexistent/jdk"));

    assertThat(run.exit()).as(run.transcript()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "mlp-bench matrix: --jvm: /nonexistent/jdk is not a Java home (no executable"
                + " /nonexistent/jdk/bin/java)");
  }

  @Test
  void aConfiguredJvmThatIsNoJavaHomeIsADataErrorNamingTheFileAndThePath() throws Exception {
    CliRun run =
        CliRun.of(harmless("\"jvms\": [ { \"label\": \"25\", \"home\": \"/nonexistent/jdk\" } ]"));
    Path file = dir.resolve("harmless.json");

    assertThat(run.exit()).as(run.transcript()).isEqualTo(3);
    assertThat(run.errLines())
        .containsExactly(
            "mlp-bench matrix: "
                + file
                + ": jvms \"25\" home: /nonexistent/jdk is not a Java home (no executable"
                + " /nonexistent/jdk/bin/java)");
  }

  @Test
  void jvmOptionsReplaceABadConfiguredHomeAndGiveOneColumnPerReleaseAndJdk() throws Exception {
    Path jdk17 = javaHome("jdk-17", "17.0.15");
    Path jdk25 = javaHome("jdk-25", "25.0.3");

    // the build fails at once (no such module), so no JVM is started on the fake homes
    CliRun run =
        CliRun.of(
            harmless(
                "\"jvms\": [ { \"label\": \"17\", \"home\": \"/nonexistent/jdk\" } ]",
                "--jvm",
                jdk17.toString(),
                "--jvm",
                jdk25.toString()));

    assertThat(run.exit()).as(run.transcript()).isZero();
    String md = Files.readString(dir.resolve("out/matrix.md"));
    assertThat(md)
        .contains("| route | metric | checkout on JDK 17 | checkout on JDK 25 |")
        .contains("### None: JDK 25 / JDK 17")
        .contains("- None checkout on JDK 17: build failed: cannot build in ")
        .contains("- None checkout on JDK 25: build failed: cannot build in ");
  }
}
