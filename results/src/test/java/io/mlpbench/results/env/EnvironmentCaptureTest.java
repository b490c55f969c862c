package io.mlpbench.results.env;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.RouteDescriptor;
import io.mlpbench.core.launch.RouteModule;
import io.mlpbench.results.model.EnvironmentRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentCaptureTest {
  private static final RouteModule DL4J =
      new RouteModule(
          "dl4j-impl",
          Path.of("dl4j-impl"),
          List.of(
              Path.of("/m2/org/bytedeco/javacpp/1.5.7/javacpp-1.5.7.jar"),
              Path.of("/m2/org/bytedeco/javacpp/1.5.7/javacpp-1.5.7-linux-x86_64.jar"),
              Path.of(
                  "/m2/org/bytedeco/openblas/0.3.19-1.5.7/openblas-0.3.19-1.5.7-linux-x86_64.jar"),
              Path.of("/m2/org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1.jar"),
              Path.of("/m2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar")));
  private static final RouteModule TF =
      new RouteModule(
          "tf-java-impl",
          Path.of("tf-java-impl"),
          List.of(
              Path.of("/m2/org/bytedeco/javacpp/1.5.11/javacpp-1.5.11.jar"),
              Path.of(
                  "/m2/org/tensorflow/tensorflow-core-native/1.1.0/tensorflow-core-native-1.1.0-linux-x86_64.jar")));
  private static final RouteModule DJL =
      new RouteModule(
          "djl-impl",
          Path.of("djl-impl"),
          List.of(
              Path.of(
                  "/m2/ai/djl/pytorch/pytorch-native-cpu/2.7.1/pytorch-native-cpu-2.7.1-linux-x86_64.jar"),
              Path.of("/m2/ai/djl/pytorch/pytorch-jni/2.7.1-0.36.0/pytorch-jni-2.7.1-0.36.0.jar")));

  @Test
  void nativeVersionsComeFromJarNamesPerModule() {
    Map<String, String> v =
        NativeLibraries.versions(
            List.of(
                route("dl4j-fit", DL4J, "nd4j-native", "javacpp", "openblas"),
                route("dl4j-loop", DL4J, "nd4j-native", "javacpp", "openblas"),
                route("tf-tape", TF, "tensorflow-core-native", "javacpp"),
                route("djl-fit", DJL, "pytorch-native-cpu", "pytorch-jni")));
    assertThat(v)
        .containsEntry("javacpp", "1.5.7 (dl4j-impl); 1.5.11 (tf-java-impl)")
        .containsEntry("openblas", "0.3.19-1.5.7 (dl4j-impl)")
        .containsEntry("nd4j-native", "1.0.0-M2.1 (dl4j-impl)")
        .containsEntry("tensorflow-core-native", "1.1.0 (tf-java-impl)")
        .containsEntry("pytorch-native-cpu", "2.7.1 (djl-impl)")
        .containsEntry("pytorch-jni", "2.7.1-0.36.0 (djl-impl)")
        .doesNotContainKey("slf4j-api"); // not named by any route
  }

  private static RouteCatalog.Entry route(String id, RouteModule module, String... natives) {
    return new RouteCatalog.Entry(
        new RouteDescriptor(
            id, "F", "1", "fit", module.name(), Map.of(), List.of(), null, List.of(natives)),
        module);
  }

  @Test
  void captureFillsEveryField() {
    RouteCatalog.Entry entry =
        new RouteCatalog.Entry(
            new RouteDescriptor(
                "dl4j-loop",
                "DL4J",
                "1.0.0-M2.1",
                "loop",
                "dl4j-impl",
                Map.of("OMP_NUM_THREADS", "2"),
                List.of("-Dx=1"),
                "Eclipse Adoptium (OpenJDK 64-Bit Server VM) 25.0.1+8-LTS",
                List.of("javacpp")),
            DL4J);
    Path root = Path.of("").toAbsolutePath().getParent(); // tests run in results/
    EnvironmentRecord e =
        EnvironmentCapture.capture(root, List.of(entry), List.of("-Xmx4g"), 2, "0.1.0-test");
    assertThat(e.cpuModel()).isNotBlank().isNotEqualTo(EnvironmentCapture.UNKNOWN);
    assertThat(e.cpuFlags()).isNotEmpty();
    assertThat(e.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(e.memoryBytes()).isPositive();
    assertThat(e.os()).contains(System.getProperty("os.name"));
    assertThat(e.jvmVendor()).isNotBlank();
    assertThat(e.jvmVersion()).startsWith(Integer.toString(Runtime.version().feature()));
    assertThat(e.frameworkVersions()).containsEntry("dl4j-loop", "DL4J 1.0.0-M2.1");
    assertThat(e.nativeVersions()).containsEntry("javacpp", "1.5.7 (dl4j-impl)");
    assertThat(e.routeLaunch().get("dl4j-loop"))
        .contains("OMP_NUM_THREADS=2")
        .contains("-Xmx4g")
        .contains("-Dx=1");
    assertThat(e.threads()).isEqualTo(2);
    assertThat(e.gitCommit()).matches("[0-9a-f]{40}(-dirty)?");
    assertThat(e.suiteVersion()).isEqualTo("0.1.0-test");
    assertThat(e.hostname()).isNotBlank();
    assertThat(e.machineFingerprint())
        .hasSize(16)
        .isEqualTo(
            EnvironmentCapture.fingerprint(e.cpuModel(), e.cores(), e.memoryBytes(), e.os()));
    assertThat(e.timestamp()).isNotBlank();
    // the route JVM's JDK (--jvm) is what the numbers were measured on, so it is compared
    assertThat(e.routeJdk()).isEqualTo("Eclipse Adoptium (OpenJDK 64-Bit Server VM) 25.0.1+8-LTS");
    assertThat(HardwareClass.of(e).jdk()).isEqualTo(e.routeJdk());
  }

  @Test
  void routeJvmsOnTheLaunchersJdkKeepTheOldHardwareClass() {
    // a default run's route JVMs report the launcher's JDK: the class (and its key) is unchanged
    RouteCatalog.Entry entry =
        new RouteCatalog.Entry(
            new RouteDescriptor(
                "dl4j-loop",
                "DL4J",
                "1.0.0-M2.1",
                "loop",
                "dl4j-impl",
                Map.of(),
                List.of(),
                RouteDescriptor.jdkOfThisJvm(),
                List.of()),
            DL4J);
    EnvironmentRecord e =
        EnvironmentCapture.capture(Path.of("."), List.of(entry), List.of(), 2, "0.1.0-test");
    assertThat(HardwareClass.of(e).jdk()).isEqualTo(e.jvmVendor() + " " + e.jvmVersion());
  }

  @Test
  void fingerprintChangesWithTheMachineNotTheHostname() {
    String a = EnvironmentCapture.fingerprint("CPU X", 2, 1L << 34, "Linux");
    assertThat(EnvironmentCapture.fingerprint("CPU X", 2, 1L << 34, "Linux")).isEqualTo(a);
    assertThat(EnvironmentCapture.fingerprint("CPU X", 4, 1L << 34, "Linux")).isNotEqualTo(a);
  }
}
