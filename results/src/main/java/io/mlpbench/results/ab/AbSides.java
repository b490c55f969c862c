package io.mlpbench.results.ab;

import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns an A/B side as the user writes it into an {@link AbSide}:
 *
 * <ul>
 *   <li>{@code .}: this checkout as it is now (working tree, as last built);
 *   <li>{@code dir:<path>}: another checkout (or prepared route directory), as built;
 *   <li>a {@code .json} run record, or a run id in the history: that run's recorded forks, not
 *       re-measured (and so not interleaved: say so when reading the verdict);
 *   <li>anything else: a git revision, checked out in its own worktree and built there.
 * </ul>
 */
public final class AbSides {
  private final Path root;
  private final RunStore history;
  private final int threads;
  private final int batchSize;
  private final Consumer<String> log;

  public AbSides(Path root, RunStore history, int threads, int batchSize, Consumer<String> log) {
    this.root = root;
    this.history = history;
    this.threads = threads;
    this.batchSize = batchSize;
    this.log = log;
  }

  /**
   * @throws IllegalArgumentException for a side that names nothing
   * @throws IOException when a commit cannot be checked out or built
   */
  public AbSide resolve(String spec, String route) throws IOException {
    if (spec.equals(".")) {
      return new AbSide("this checkout", root, route, List.of(), null);
    }
    if (spec.startsWith("dir:")) {
      Path dir = Path.of(spec.substring(4)).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("side " + spec + ": no such directory " + dir);
      }
      return new AbSide("checkout " + dir, dir, route, List.of(), null);
    }
    if (spec.endsWith(".json") || Files.isRegularFile(Path.of(spec))) {
      Path file = Path.of(spec);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("side " + spec + ": no such run record file");
      }
      return recorded("recorded run " + file.getFileName(), FileRunStore.readRecord(file), route);
    }
    var run = history.find(spec);
    if (run.isPresent()) {
      return recorded("recorded run " + spec, run.get(), route);
    }
    String sha = CommitCheckout.resolve(root, spec);
    if (sha == null) {
      throw new IllegalArgumentException(
          "side '"
              + spec
              + "': not '.', dir:<path>, a run record file, a run id in the history, or a git"
              + " revision");
    }
    Path worktree = CommitCheckout.prepare(root, sha, moduleOf(route), log);
    return new AbSide("commit " + sha.substring(0, 10), worktree, route, List.of(), sha);
  }

  private AbSide recorded(String label, RunRecord run, String route) {
    for (ThroughputResult t : run.throughput()) {
      if (t.route().equals(route)
          && t.benchmark().equals("train")
          && t.batchSize() == batchSize
          && t.threads() == threads
          && "ok".equals(t.status())) {
        return new AbSide(
            label,
            null,
            route,
            t.forkResults(),
            run.environment() == null ? null : run.environment().gitCommit());
      }
    }
    throw new IllegalArgumentException(
        label
            + " has no successful training result for route "
            + route
            + " at batch "
            + batchSize
            + " and "
            + threads
            + " threads");
  }

  /** The module directory name holding {@code route} in this checkout (built at other commits). */
  private String moduleOf(String route) {
    for (RouteCatalog.Entry e : RouteCatalog.discover(root, threads).entries()) {
      if (e.id().equals(route)) {
        return e.module().name();
      }
    }
    throw new IllegalArgumentException("no route '" + route + "' in " + root);
  }
}
