package io.mlpbench.tf;

import io.mlpbench.core.Route;
import io.mlpbench.core.RouteProvider;
import java.util.List;

/** Registers {@code tf-tape} and {@code tf-minimize} with {@link io.mlpbench.core.Routes}. */
public final class TfRouteProvider implements RouteProvider {
  @Override
  public List<Route> routes() {
    return List.of(TfRoute.TAPE, TfRoute.MINIMIZE);
  }
}
