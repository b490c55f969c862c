package io.mlpbench.djl;

import io.mlpbench.core.ApiStyle;
import io.mlpbench.core.Route;
import io.mlpbench.core.RouteProvider;
import java.util.List;

/**
 * The DJL routes: {@code djl-fit} (EasyTrain.fit) and {@code djl-loop} (GradientCollector loop).
 */
public final class DjlRouteProvider implements RouteProvider {
  @Override
  public List<Route> routes() {
    return List.of(new DjlRoute("djl-fit", ApiStyle.FIT), new DjlRoute("djl-loop", ApiStyle.LOOP));
  }
}
