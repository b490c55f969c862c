package io.mlpbench.dataset;

import java.nio.file.Path;

/**
 * The content of an IDX label file (array not copied) and the SHA-256 of its uncompressed content.
 */
public record IdxLabels(Path file, int[] labels, String sha256) {
  public int count() {
    return labels.length;
  }
}
