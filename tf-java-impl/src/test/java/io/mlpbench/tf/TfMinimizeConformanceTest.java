package io.mlpbench.tf;

import io.mlpbench.core.RouteConformanceTest;

class TfMinimizeConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return "tf-minimize";
  }
}
