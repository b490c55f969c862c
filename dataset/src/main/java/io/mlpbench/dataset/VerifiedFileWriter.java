package io.mlpbench.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * Writes fetched content so that a file at the target name is always complete and verified: the
 * bytes go to a temporary file in the same directory, their SHA-256 is checked, and only then is
 * the file renamed atomically into place. An interrupted or corrupt fetch leaves nothing behind.
 */
final class VerifiedFileWriter {
  static final String TEMPORARY_SUFFIX = ".part";

  private VerifiedFileWriter() {}

  /**
   * Stores {@code content} (gunzipped when it is gzip) as {@code target} if its SHA-256 is {@code
   * expected.sha256()}. Does not close {@code content}.
   *
   * @param source where the bytes come from, for error messages
   */
  static void write(InputStream content, Path target, ExpectedFile expected, String source)
      throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary =
        Files.createTempFile(directory, "." + target.getFileName() + "-", TEMPORARY_SUFFIX);
    try {
      MessageDigest digest = Sha256.newDigest();
      try (InputStream in =
              new DigestInputStream(Gzip.decompressIfGzip(new Unclosable(content)), digest);
          FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        in.transferTo(out);
        channel.force(true); // on disk before the rename makes it visible
      }
      String found = Sha256.hex(digest);
      if (!found.equals(expected.sha256())) {
        throw new ChecksumMismatchException(
            target,
            expected.sha256(),
            found,
            "content from " + source + " was rejected and nothing was written");
      }
      readableByAll(temporary);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Same directory, so this only happens on exotic file systems; still never partial.
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Temp files start owner-only; a data file is as readable as one npm or tar would write. */
  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Lets a caller keep reading an archive after one entry was copied. */
  private static final class Unclosable extends FilterInputStream {
    Unclosable(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
