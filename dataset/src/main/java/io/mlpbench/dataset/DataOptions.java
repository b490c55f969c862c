package io.mlpbench.dataset;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * How to find and trim a dataset. Every {@code null} means "not given here": the loader then
 * consults the system property, then the environment variable, then the default (see the module
 * README). Build with {@link #defaults()} and the {@code with...} methods.
 *
 * @param dataDir explicit directory holding the IDX files (or a {@code <name>/} subdirectory of
 *     them); the CLI's {@code --data-dir}. Overrides {@code mlpbench.data.dir} / {@code
 *     MLPBENCH_DATA_DIR}. Must exist.
 * @param trainLimit keep only the first N training samples (0 = all); the test split is kept whole
 * @param cacheRoot per-user cache root (default {@code $XDG_CACHE_HOME/mlp-bench} or {@code
 *     ~/.cache/mlp-bench}); datasets live in {@code <cacheRoot>/<name>}
 * @param mirrors HTTP(S) base URLs serving {@code <file>.gz}, tried before npm; an empty list means
 *     none (and ignores the property / environment)
 * @param npmCommand the npm executable (default {@code npm} on the PATH)
 */
public record DataOptions(
    Path dataDir, int trainLimit, Path cacheRoot, List<URI> mirrors, String npmCommand) {

  public DataOptions {
    if (trainLimit < 0) {
      throw new IllegalArgumentException(
          "train limit must be 0 (all) or positive, found " + trainLimit);
    }
    mirrors = mirrors == null ? null : List.copyOf(mirrors);
  }

  /** Nothing given explicitly: properties, environment and defaults decide. */
  public static DataOptions defaults() {
    return new DataOptions(null, 0, null, null, null);
  }

  public DataOptions withDataDir(Path dir) {
    return new DataOptions(dir, trainLimit, cacheRoot, mirrors, npmCommand);
  }

  public DataOptions withTrainLimit(int limit) {
    return new DataOptions(dataDir, limit, cacheRoot, mirrors, npmCommand);
  }

  public DataOptions withCacheRoot(Path root) {
    return new DataOptions(dataDir, trainLimit, root, mirrors, npmCommand);
  }

  public DataOptions withMirrors(List<URI> urls) {
    return new DataOptions(dataDir, trainLimit, cacheRoot, urls, npmCommand);
  }

  public DataOptions withNpmCommand(String command) {
    return new DataOptions(dataDir, trainLimit, cacheRoot, mirrors, command);
  }
}
