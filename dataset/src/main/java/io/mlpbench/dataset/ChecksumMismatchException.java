package io.mlpbench.dataset;

import java.nio.file.Path;

/**
 * A file's SHA-256 (of its uncompressed content) differs from the recorded one. Always an error: a
 * benchmark on silently different data would compare nothing.
 */
public final class ChecksumMismatchException extends InvalidDatasetFileException {
  private final String expected;
  private final String found;

  public ChecksumMismatchException(Path file, String expected, String found) {
    this(file, expected, found, "corrupt or a different file; delete it to fetch it again");
  }

  /** With a note on what happened to the file, e.g. that a download was discarded. */
  public ChecksumMismatchException(Path file, String expected, String found, String note) {
    super(
        file,
        "expected SHA-256 "
            + expected
            + " of the uncompressed content, found "
            + found
            + " ("
            + note
            + ")");
    this.expected = expected;
    this.found = found;
  }

  public String expected() {
    return expected;
  }

  public String found() {
    return found;
  }
}
