package io.mlpbench.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route names refused before any JVM starts; a module this suite does not know is trusted. */
class RouteNamesTest {
  @Test
  void routeNamesAreCheckedWithoutAJvm() {
    Path nowhere = Path.of("").toAbsolutePath(); // core/: no route module below it
    assertThat(RouteNames.problem(List.of("manual", "tf-tape"), nowhere)).isNull();
    assertThat(RouteNames.problem(List.of(), nowhere)).isNull();
    assertThat(RouteNames.problem(List.of("tf-nope"), nowhere))
        .isEqualTo(
            "--routes: unknown route 'tf-nope'; known routes: manual, dl4j-fit, dl4j-loop, djl-fit,"
                + " djl-loop, tf-tape, tf-minimize");
    assertThat(RouteNames.problem(List.of("TF_TAPE"), nowhere)).contains("is not a route id");
    assertThat(RouteNames.problem(List.of("manual", "manual"), nowhere)).contains("given twice");
  }

  @Test
  void aModuleTheSuiteDoesNotKnowMayDefineAnyRoute(@TempDir Path root) throws Exception {
    Path module = Files.createDirectories(root.resolve("onnx-impl/target"));
    Files.writeString(module.resolve("route-classpath.txt"), "");
    assertThat(RouteNames.problem(List.of("onnx-fit"), root)).isNull();
    assertThat(RouteNames.problem(List.of("Bad Name"), root)).contains("is not a route id");
  }
}
