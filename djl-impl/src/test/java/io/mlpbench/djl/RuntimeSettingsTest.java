package io.mlpbench.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.Activation;
import io.mlpbench.core.LaunchRequirements;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Threads, offline mode and the missing-native-library message. */
class RuntimeSettingsTest {

  @Test
  void launchRequirementsCarryOfflineModeAndBothPoolSizes() {
    Route route = Routes.byId("djl-loop");
    LaunchRequirements req = route.launchRequirements(TrainingConfig.defaults().withThreads(3));
    assertThat(req.jvmArgs())
        .containsExactlyInAnyOrder(
            "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=3",
            "-Dai.djl.pytorch.num_interop_threads=1");
    assertThat(req.environment()).containsEntry("OMP_NUM_THREADS", "3");
  }

  @Test
  void pytorchReportsTheConfiguredThreadCounts() {
    ModelSpec spec = ModelSpec.of(784, new int[] {8}, 10, Activation.RELU);
    for (int threads : new int[] {1, 2}) {
      TrainingConfig config = TrainingConfig.defaults().withThreads(threads);
      try (Trainer trainer =
          Routes.byId("djl-loop").create(spec, config, Parameters.initial(spec, 1))) {
        // torch.get_num_threads() / get_num_interop_threads() from the loaded native library
        assertThat(PyTorchRuntime.intraOpThreads()).as("intra-op threads").isEqualTo(threads);
        assertThat(PyTorchRuntime.interOpThreads()).as("inter-op threads").isEqualTo(1);
      }
    }
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
  }

  @Test
  void bothNativeArtifactsArePresentOnTheTestClasspath() {
    assertThat(NativeArtifacts.bundled().missingFrom(getClass().getClassLoader())).isEmpty();
  }

  @Test
  void aClasspathWithoutNativesNamesTheArtifactsToAdd() throws Exception {
    NativeArtifacts artifacts = NativeArtifacts.bundled();
    try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
      List<String> missing = artifacts.missingFrom(bare);
      assertThat(missing)
          .containsExactly(
              "ai.djl.pytorch:pytorch-native-cpu:2.7.1 (classifier linux-x86_64)",
              "ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0");
      assertThat(PyTorchRuntime.missingMessage(missing))
          .contains("add the Maven dependency ai.djl.pytorch:pytorch-native-cpu:2.7.1");
    }
  }

  @Test
  void frameworkVersionComesFromTheBuildWithoutLoadingNatives() {
    assertThat(Routes.byId("djl-fit").frameworkVersion()).isEqualTo("0.36.0 (PyTorch 2.7.1)");
  }
}
