package io.mlpbench.djl;

import io.mlpbench.core.RouteConformanceTest;

class DjlLoopConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return "djl-loop";
  }
}
