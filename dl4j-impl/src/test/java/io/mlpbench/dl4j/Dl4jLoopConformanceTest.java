package io.mlpbench.dl4j;

import io.mlpbench.core.RouteConformanceTest;

/** Route {@code dl4j-loop} against the shared contract, with {@code manual} as the reference. */
class Dl4jLoopConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return Dl4jRoute.LOOP_ID;
  }
}
