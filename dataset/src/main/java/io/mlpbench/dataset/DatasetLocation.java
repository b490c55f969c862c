package io.mlpbench.dataset;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a dataset's files were found, for loading and for run records ("which data was this?").
 *
 * @param files the path of each {@link ExpectedFile#fileName()} (possibly a {@code .gz})
 */
public record DatasetLocation(
    String dataset, Origin origin, Path directory, Map<String, Path> files) {
  /** How the files were obtained, in acquisition order. */
  public enum Origin {
    EXPLICIT_DIRECTORY,
    CACHE,
    SYSTEM_DIRECTORY,
    FETCHED
  }

  public DatasetLocation {
    files = Map.copyOf(files);
  }

  public Path file(ExpectedFile expected) {
    Path path = files.get(expected.fileName());
    if (path == null) {
      throw new IllegalArgumentException(
          "no file " + expected.fileName() + " in location of " + dataset + " (" + directory + ")");
    }
    return path;
  }
}
