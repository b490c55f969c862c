package io.mlpbench.manual;

import io.mlpbench.core.Route;
import io.mlpbench.core.RouteProvider;
import java.util.List;

/** Registers route {@code manual} with {@link io.mlpbench.core.Routes}. */
public final class ManualRouteProvider implements RouteProvider {
  @Override
  public List<Route> routes() {
    return List.of(new ManualRoute());
  }
}
