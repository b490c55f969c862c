package io.mlpbench.results.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkReleaseTest {
  @Test
  void theRunningJdkIsNamedByTheVersionItReportsItself() {
    Path home = Path.of(System.getProperty("java.home"));
    assertThat(JdkRelease.of(home)).isEqualTo("JDK " + System.getProperty("java.version"));
  }

  @Test
  void aHomeWithoutAReleaseFileIsNamedByItsDirectory(@TempDir Path dir) throws Exception {
    Path home = Files.createDirectory(dir.resolve("some-jdk-21"));
    assertThat(JdkRelease.of(home)).isEqualTo("JDK at some-jdk-21");
  }

  @Test
  void aReleaseFileWithoutAVersionFallsBackToTheDirectory(@TempDir Path dir) throws Exception {
    Path home = Files.createDirectory(dir.resolve("odd"));
    Files.write(home.resolve("release"), List.of("IMPLEMENTOR=\"x\""));
    assertThat(JdkRelease.of(home)).isEqualTo("JDK at odd");
  }

  @Test
  void aSideOnAnotherJdkKeepsEverythingElseAndSaysWhichJdk(@TempDir Path dir) {
    AbSide side = new AbSide("this checkout", dir, "manual", List.of(), "abc");
    AbSide on25 = side.onJvm(dir, "JDK 25.0.3");
    assertThat(on25.label()).isEqualTo("this checkout on JDK 25.0.3");
    assertThat(on25.jvm()).isEqualTo(dir);
    assertThat(on25.checkout()).isEqualTo(side.checkout());
    assertThat(on25.route()).isEqualTo("manual");
    assertThat(on25.gitCommit()).isEqualTo("abc");
    assertThat(side.jvm()).isNull();
  }
}
