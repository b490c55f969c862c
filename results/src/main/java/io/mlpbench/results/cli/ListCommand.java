package io.mlpbench.results.cli;

import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.RouteDescriptor;
import io.mlpbench.core.launch.RouteModules;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the routes of the built route modules, each described by its own JVM. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the available routes with framework, version and API style.")
final class ListCommand implements Callable<Integer> {
  static final List<String> HEADERS = List.of("route", "framework", "version", "style", "module");

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description =
          "Thread count the launch settings are shown for (default: all cores, ${DEFAULT-VALUE}).")
  int threads = TrainingConfig.DEFAULT_THREADS;

  @Override
  public Integer call() {
    if (threads < 1) {
      throw CommandFailure.usage("--threads must be positive, found " + threads);
    }
    RouteCatalog catalog = RouteCatalog.discover(RouteModules.projectRoot(), threads);
    List<List<String>> rows = new ArrayList<>();
    for (RouteCatalog.Entry e : catalog.entries()) {
      RouteDescriptor d = e.descriptor();
      rows.add(List.of(d.id(), d.framework(), d.frameworkVersion(), d.style(), e.module().name()));
    }
    print(rows, System.out);
    for (String problem : catalog.problems()) {
      System.out.println("not available: " + problem);
    }
    return catalog.entries().isEmpty() ? ExitCode.INFRASTRUCTURE.code : ExitCode.OK.code;
  }

  /** Columns as wide as their widest cell, so they line up whatever the version strings are. */
  static void print(List<List<String>> rows, PrintStream out) {
    int[] width = new int[HEADERS.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(HEADERS);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < width.length - 1) {
          line.append(" ".repeat(width[i] - cell.length() + 2));
        }
      }
      out.println(line);
    }
  }
}
