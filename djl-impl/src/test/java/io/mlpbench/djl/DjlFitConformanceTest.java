package io.mlpbench.djl;

import io.mlpbench.core.RouteConformanceTest;

class DjlFitConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return "djl-fit";
  }
}
