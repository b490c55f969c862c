package io.mlpbench.dataset;

import java.util.Locale;

/**
 * One file of a dataset: its canonical (uncompressed) name and the SHA-256 of its uncompressed
 * content. A directory may hold it as {@code fileName} or {@code fileName.gz}.
 */
public record ExpectedFile(String fileName, String sha256) {
  public ExpectedFile {
    if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")) {
      throw new IllegalArgumentException("expected a plain file name, found '" + fileName + "'");
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          fileName + ": expected a SHA-256 of 64 hex digits, found '" + sha256 + "'");
    }
  }
}
