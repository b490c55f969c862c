package io.mlpbench.tf;

import io.mlpbench.core.GemmProvider;
import io.mlpbench.core.GemmProviderContractTest;

class TfGemmProviderTest extends GemmProviderContractTest {
  @Override
  protected GemmProvider provider() {
    return new TfGemmProvider();
  }
}
