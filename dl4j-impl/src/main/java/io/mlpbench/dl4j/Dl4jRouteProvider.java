package io.mlpbench.dl4j;

import io.mlpbench.core.Route;
import io.mlpbench.core.RouteProvider;
import java.util.List;

/** Registers routes {@code dl4j-fit} and {@code dl4j-loop} with {@link io.mlpbench.core.Routes}. */
public final class Dl4jRouteProvider implements RouteProvider {
  @Override
  public List<Route> routes() {
    return List.of(Dl4jRoute.fit(), Dl4jRoute.loop());
  }
}
