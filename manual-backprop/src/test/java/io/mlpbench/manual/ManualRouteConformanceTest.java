package io.mlpbench.manual;

import io.mlpbench.core.RouteConformanceTest;

/**
 * Route {@code manual} (the float fast path) against the shared contract, whose reference is core's
 * double-precision {@code ReferenceTrainer}, not this route.
 */
class ManualRouteConformanceTest extends RouteConformanceTest {
  @Override
  protected String routeId() {
    return ManualRoute.ID;
  }
}
