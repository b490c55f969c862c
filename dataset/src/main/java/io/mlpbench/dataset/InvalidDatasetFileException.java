package io.mlpbench.dataset;

import java.nio.file.Path;

/** A dataset file exists but its content is not what it must be (format, sizes, labels). */
public class InvalidDatasetFileException extends DatasetException {
  private final Path file;

  public InvalidDatasetFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public InvalidDatasetFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }
}
