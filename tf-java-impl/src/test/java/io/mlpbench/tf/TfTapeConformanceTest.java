package io.mlpbench.tf;

import io.mlpbench.core.RouteConformanceTest;

class TfTapeConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return "tf-tape";
  }
}
