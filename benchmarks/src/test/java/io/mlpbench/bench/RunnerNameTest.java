package io.mlpbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.launch.BenchmarksModule;
import org.junit.jupiter.api.Test;

/** Callers start the runner by the name core's descriptor gives; it must be this class. */
class RunnerNameTest {
  @Test
  void theBenchmarksModuleDescriptorNamesThisRunner() {
    assertThat(BenchmarksModule.RUNNER).isEqualTo(BenchmarkRunner.class.getName());
  }
}
