package io.mlpbench.dataset;

import java.nio.file.Path;

/** A downloaded archive holds an entry that would land outside the extraction directory. */
public final class UnsafeArchiveException extends DatasetException {
  private final Path archive;
  private final String entry;

  public UnsafeArchiveException(Path archive, String entry, String problem) {
    super(archive + ": entry '" + entry + "' rejected: " + problem);
    this.archive = archive;
    this.entry = entry;
  }

  public Path archive() {
    return archive;
  }

  public String entry() {
    return entry;
  }
}
