package io.mlpbench.dataset;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts chosen files from one directory of a (gzipped) tarball, such as {@code package/data/} of
 * an npm package, refusing archives with an entry that would escape the target directory (absolute
 * names, {@code ..}): those are checked for every entry before anything is written.
 */
final class TarballExtractor {
  private TarballExtractor() {}

  /**
   * Writes each wanted file found directly under {@code prefix} (as {@code name} or {@code
   * name.gz}) to {@code targetDir/name}, verified; other entries are ignored.
   *
   * @throws UnsafeArchiveException if any entry's path escapes {@code targetDir}, or a wanted name
   *     is not a regular file
   * @throws DatasetUnavailableException if a wanted file is absent from the archive
   */
  static void extract(Path archive, String prefix, List<ExpectedFile> wanted, Path targetDir)
      throws IOException {
    Path root = targetDir.toAbsolutePath().normalize();
    try (TarArchiveInputStream tar = open(archive)) {
      for (TarArchiveEntry entry; (entry = next(tar)) != null; ) {
        safeRelativePath(archive, entry.getName(), root);
      }
    }
    Path directory = Path.of(prefix);
    Map<String, ExpectedFile> byEntryName = new HashMap<>();
    for (ExpectedFile file : wanted) {
      byEntryName.put(file.fileName(), file);
      byEntryName.put(file.fileName() + ".gz", file);
    }
    Map<String, Boolean> written = new HashMap<>();
    try (TarArchiveInputStream tar = open(archive)) {
      for (TarArchiveEntry entry; (entry = next(tar)) != null; ) {
        Path path = safeRelativePath(archive, entry.getName(), root);
        if (!path.startsWith(directory) || path.getNameCount() != directory.getNameCount() + 1) {
          continue;
        }
        ExpectedFile file = byEntryName.get(path.getFileName().toString());
        if (file == null) {
          continue;
        }
        if (!entry.isFile() || entry.isLink() || entry.isSymbolicLink()) {
          throw new UnsafeArchiveException(
              archive, entry.getName(), "expected a regular file, found a link or special entry");
        }
        Path target = root.resolve(file.fileName()).normalize();
        VerifiedFileWriter.write(tar, target, file, archive + ":" + entry.getName());
        written.put(file.fileName(), true);
      }
    }
    for (ExpectedFile file : wanted) {
      if (!written.containsKey(file.fileName())) {
        throw new DatasetUnavailableException(
            archive + ": expected entry " + prefix + file.fileName() + " (or .gz), found none");
      }
    }
  }

  /**
   * Called through the erased base-class signature, which every commons-compress release has: a
   * framework on a route's classpath may bring an older one (DL4J brings 1.21, whose
   * TarArchiveInputStream lacks the covariant getNextEntry).
   */
  private static TarArchiveEntry next(ArchiveInputStream<?> tar) throws IOException {
    return (TarArchiveEntry) tar.getNextEntry();
  }

  private static TarArchiveInputStream open(Path archive) throws IOException {
    return new TarArchiveInputStream(Gzip.openContent(archive));
  }

  /** The entry's normalized relative path, or an exception if it could land outside root. */
  static Path safeRelativePath(Path archive, String name, Path root) {
    if (name.isEmpty()) {
      throw new UnsafeArchiveException(
          archive, name, "expected a relative path, found an empty name");
    }
    if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
      throw new UnsafeArchiveException(
          archive, name, "expected a relative path, found an absolute one");
    }
    Path relative;
    try {
      relative = Path.of(name);
    } catch (InvalidPathException e) {
      throw new UnsafeArchiveException(archive, name, "not a valid path (" + e.getMessage() + ")");
    }
    Path normalized = relative.normalize();
    if (relative.isAbsolute()
        || normalized.startsWith("..")
        || !root.resolve(normalized).normalize().startsWith(root)) {
      throw new UnsafeArchiveException(
          archive, name, "its normalized path escapes the target directory " + root);
    }
    return normalized;
  }
}
