package io.mlpbench.dl4j;

import io.mlpbench.core.RouteConformanceTest;

/** Route {@code dl4j-loop} against the shared contract (core's double-precision reference). */
class Dl4jLoopConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return Dl4jRoute.LOOP_ID;
  }
}
