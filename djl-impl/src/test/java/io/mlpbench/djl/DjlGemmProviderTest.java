package io.mlpbench.djl;

import io.mlpbench.core.GemmProvider;
import io.mlpbench.core.GemmProviderContractTest;

class DjlGemmProviderTest extends GemmProviderContractTest {
  @Override
  protected GemmProvider provider() {
    return new DjlGemmProvider();
  }
}
