package io.mlpbench.core.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route of a checkout, found by asking each built route module's own JVM to describe its
 * routes, so the asking JVM never loads a framework class.
 */
public final class RouteCatalog {
  private static final Duration DESCRIBE_TIMEOUT = Duration.ofMinutes(2);

  /** A described route and the module whose classpath runs it. */
  public record Entry(RouteDescriptor descriptor, RouteModule module) {
    public String id() {
      return descriptor.id();
    }
  }

  private final List<Entry> entries;
  private final List<String> problems;

  private RouteCatalog(List<Entry> entries, List<String> problems) {
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
  }

  /** Describes every route module under {@code root} for the given thread count. */
  public static RouteCatalog discover(Path root, int threads) {
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (RouteModule module : RouteModules.find(root)) {
      try {
        for (RouteDescriptor d : describe(module, threads)) {
          entries.add(new Entry(d, module));
        }
      } catch (IOException | RuntimeException e) {
        problems.add(module.name() + ": " + e.getMessage());
      }
    }
    return new RouteCatalog(entries, problems);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Modules that could not be described (e.g. not built, or a broken classpath). */
  public List<String> problems() {
    return problems;
  }

  /** The entries for the given ids, in the given order; all entries for an empty list. */
  public List<Entry> select(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return entries;
    }
    List<Entry> selected = new ArrayList<>();
    for (String id : ids) {
      selected.add(
          entries.stream()
              .filter(e -> e.id().equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown route '"
                              + id
                              + "'; available: "
                              + entries.stream().map(Entry::id).toList()
                              + (problems.isEmpty()
                                  ? ""
                                  : "; modules that failed to load: " + problems))));
    }
    return selected;
  }

  private static List<RouteDescriptor> describe(RouteModule module, int threads)
      throws IOException {
    LaunchedJvm.Transcript t =
        JvmLaunch.of(RouteWorker.class.getName())
            .module(module)
            .jvmArgs(List.of("-Xshare:auto"))
            .args(List.of("describe", Integer.toString(threads)))
            .timeout(DESCRIBE_TIMEOUT)
            .start()
            .transcript();
    if (!t.exit().ok()) {
      throw new IOException("route JVM " + t.exit().describe() + ": " + t.otherOutput());
    }
    return t.messages(RouteDescriptor.class);
  }
}
