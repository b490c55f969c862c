package io.mlpbench.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Recognises gzip by its magic bytes (1f 8b), not by the file name. */
final class Gzip {
  private static final int MAGIC_1 = 0x1f;
  private static final int MAGIC_2 = 0x8b;
  private static final int BUFFER = 1 << 16;

  private Gzip() {}

  /** The stream's content, decompressed when it starts with the gzip magic bytes. */
  static InputStream decompressIfGzip(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == MAGIC_1 && second == MAGIC_2) {
      return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
    }
    return in;
  }

  /** The file's uncompressed content as a stream. */
  static InputStream openContent(Path file) throws IOException {
    return decompressIfGzip(Files.newInputStream(file));
  }

  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == MAGIC_1 && in.read() == MAGIC_2;
    }
  }
}
