package io.mlpbench.manual;

import io.mlpbench.core.RouteConformanceTest;

/** Route {@code manual} against the shared contract (it is its own reference there). */
class ManualRouteConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return ManualRoute.ID;
  }
}
