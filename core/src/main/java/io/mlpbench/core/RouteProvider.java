package io.mlpbench.core;

import java.util.List;

/**
 * The {@link java.util.ServiceLoader} entry point of a route module: list it in {@code
 * META-INF/services/io.mlpbench.core.RouteProvider}.
 */
public interface RouteProvider {
  List<Route> routes();
}
