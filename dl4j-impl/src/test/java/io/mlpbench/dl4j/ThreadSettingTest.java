package io.mlpbench.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.LaunchRequirements;
import io.mlpbench.core.TrainingConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The thread count of the config reaches ND4J's native backend through the route JVM's environment.
 */
class ThreadSettingTest {

  @Test
  void launchRequirementsCarryThreadsAndPassiveWaiting() {
    LaunchRequirements requirements =
        Dl4jRoute.fit().launchRequirements(TrainingConfig.defaults().withThreads(3));
    assertThat(requirements.environment())
        .containsEntry("OMP_NUM_THREADS", "3")
        .containsEntry("OMP_WAIT_POLICY", "PASSIVE");
  }

  @Test
  void thisTestJvmRunsWithTheSurefireEnvironment() {
    // surefire sets OMP_NUM_THREADS=2 for this module (pom): ND4J and its BLAS must have taken it
    assertThat(System.getenv("OMP_NUM_THREADS")).isEqualTo("2");
    assertThat(Nd4j.getEnvironment().maxThreads()).isEqualTo(2);
    assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(2);
    assertThat(NativeThreads.mismatch(2)).isEmpty();
  }

  @Test
  void aJvmWithoutTheRoutesEnvironmentIsReported() {
    assertThat(NativeThreads.mismatch(3))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("asks for 3 threads")
                    .contains("runs 2 (libnd4j) and 2 (OpenBLAS)")
                    .contains("OMP_NUM_THREADS=3"));
  }

  @Test
  void aRouteJvmStartedWithTheLaunchRequirementsUsesTheConfiguredThreads() throws Exception {
    // 1 thread differs from this machine's default (all cores), so the value can only come from the
    // env
    LaunchRequirements requirements =
        Dl4jRoute.loop().launchRequirements(TrainingConfig.defaults().withThreads(1));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(requirements.jvmArgs());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(NativeThreadProbe.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(requirements.environment());
    Process process = builder.start();
    List<String> output = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(output::add);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("probe output %s", output).isZero();
    assertThat(output)
        .as("the probe's only output line (nothing else: logging is quiet)")
        .containsExactly(NativeThreadProbe.PREFIX + "1 1");
  }
}
