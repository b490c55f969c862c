package io.mlpbench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The routes on this JVM's classpath. */
public final class Routes {
  private Routes() {}

  public static List<Route> available() {
    List<Route> routes = new ArrayList<>();
    for (RouteProvider provider : ServiceLoader.load(RouteProvider.class)) {
      routes.addAll(provider.routes());
    }
    return routes;
  }

  public static Route byId(String id) {
    List<Route> routes = available();
    return routes.stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no route '"
                        + id
                        + "' on this classpath; available: "
                        + routes.stream().map(Route::id).collect(Collectors.joining(", "))));
  }
}
