package io.mlpbench.results.cli;

import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.RouteDescriptor;
import io.mlpbench.core.launch.RouteModules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the routes of the built route modules, each described by its own JVM. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the available routes with framework, version and API style.")
final class ListCommand implements Callable<Integer> {
  @Option(
      names = "--threads",
      description =
          "Thread count the launch settings are shown for (default: all cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    if (threads < 1) {
      throw CommandFailure.usage("--threads must be positive, found " + threads);
    }
    RouteCatalog catalog = RouteCatalog.discover(RouteModules.projectRoot(), threads);
    System.out.printf(
        "%-14s %-12s %-22s %-7s %s%n", "route", "framework", "version", "style", "module");
    for (RouteCatalog.Entry e : catalog.entries()) {
      RouteDescriptor d = e.descriptor();
      System.out.printf(
          "%-14s %-12s %-22s %-7s %s%n",
          d.id(), d.framework(), d.frameworkVersion(), d.style(), e.module().name());
    }
    for (String problem : catalog.problems()) {
      System.out.println("not available: " + problem);
    }
    return catalog.entries().isEmpty() ? ExitCode.INFRASTRUCTURE.code : ExitCode.OK.code;
  }
}
