package io.mlpbench.dl4j;

import io.mlpbench.core.RouteConformanceTest;

/** Route {@code dl4j-fit} against the shared contract (core's double-precision reference). */
class Dl4jFitConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return Dl4jRoute.FIT_ID;
  }
}
