package io.mlpbench.results.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionBuildTest {
  @TempDir Path dir;

  @Test
  void unresolvableReleaseIsAFailedBuildWithMavensReasonAndTheCheckoutUntouched() throws Exception {
    Path checkout = Path.of("..").toAbsolutePath().normalize(); // surefire runs in results/
    Path checkoutTarget = checkout.resolve("dl4j-impl/target");
    long before =
        Files.exists(checkoutTarget) ? Files.getLastModifiedTime(checkoutTarget).toMillis() : -1;

    // offline, so an unknown release fails at resolution in seconds, without any download
    VersionBuild.Result result =
        new VersionBuild(checkout, true)
            .build("dl4j-impl", Map.of("dl4j.version", "0.0.0-no-such-release"), dir.resolve("b"));

    assertThat(result.ok()).isFalse();
    assertThat(result.failure())
        .startsWith("mvn package failed (exit 1): ")
        .contains("0.0.0-no-such-release");
    assertThat(dir.resolve("b/pom.xml")).exists();
    assertThat(dir.resolve("b/dl4j-impl/src/main/java")).isDirectory();
    assertThat(dir.resolve("b/dl4j-impl/src/test")).doesNotExist();
    long after =
        Files.exists(checkoutTarget) ? Files.getLastModifiedTime(checkoutTarget).toMillis() : -1;
    assertThat(after).as("the checkout's own target/ is not rebuilt").isEqualTo(before);
  }
}
