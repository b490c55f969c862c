package io.mlpbench.manual;

import io.mlpbench.core.GemmProvider;
import io.mlpbench.core.GemmProviderContractTest;

class ManualGemmProviderTest extends GemmProviderContractTest {
  @Override
  protected GemmProvider provider() {
    return new ManualGemmProvider();
  }
}
