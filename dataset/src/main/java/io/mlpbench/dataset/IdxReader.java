package io.mlpbench.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), plain or gzip-compressed (recognised by its magic bytes),
 * validating everything a damaged or wrong file could get wrong: magic number, dimensions, the
 * declared count against the actual length (truncated or trailing bytes), image/label count
 * agreement and the label range. Every violation is an {@link InvalidDatasetFileException} that
 * names the file, what was expected and what was found.
 */
public final class IdxReader {
  /** Unsigned bytes (0x08), three dimensions: count x rows x cols. */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** Unsigned bytes (0x08), one dimension: count. */
  public static final int LABELS_MAGIC = 0x00000801;

  private static final int IMAGES_HEADER = 16;
  private static final int LABELS_HEADER = 8;
  // Java arrays stop a little short of Integer.MAX_VALUE.
  private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private IdxReader() {}

  /** Reads an image file and its label file and checks they agree (count, 28x28, labels). */
  public static LabeledImages read(
      Path images, Path labels, int expectedRows, int expectedCols, int classCount)
      throws IOException {
    return pair(
        readImages(images), readLabels(labels, classCount), expectedRows, expectedCols, classCount);
  }

  /**
   * Joins images and labels read separately, checking the image size and that both files hold the
   * same number of samples.
   */
  public static LabeledImages pair(
      IdxImages images, IdxLabels labels, int expectedRows, int expectedCols, int classCount) {
    if (images.rows() != expectedRows || images.cols() != expectedCols) {
      throw new InvalidDatasetFileException(
          images.file(),
          "expected "
              + expectedRows
              + "x"
              + expectedCols
              + " images, found "
              + images.rows()
              + "x"
              + images.cols());
    }
    if (images.count() != labels.count()) {
      throw new InvalidDatasetFileException(
          images.file(),
          "declares "
              + images.count()
              + " images but its label file "
              + labels.file()
              + " declares "
              + labels.count()
              + " labels; expected equal counts");
    }
    return new LabeledImages(
        images.pixels(), labels.labels(), expectedRows * expectedCols, classCount);
  }

  /** Reads an image file (magic 0x00000803), scaling pixels from 0..255 to [0,1]. */
  public static IdxImages readImages(Path file) throws IOException {
    boolean gzip = Gzip.isGzip(file);
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = new DigestInputStream(Gzip.openContent(file), digest)) {
      ByteBuffer header = readHeader(file, in, IMAGES_HEADER, gzip, "an image");
      checkMagic(file, header.getInt(0), IMAGES_MAGIC, LABELS_MAGIC, "images", "a label file");
      long count = Integer.toUnsignedLong(header.getInt(4));
      long rows = Integer.toUnsignedLong(header.getInt(8));
      long cols = Integer.toUnsignedLong(header.getInt(12));
      if (rows == 0 || cols == 0) {
        throw new InvalidDatasetFileException(
            file, "expected positive image dimensions, found " + rows + "x" + cols);
      }
      long pixels = count * rows * cols;
      if (count > MAX_ELEMENTS
          || rows > MAX_ELEMENTS
          || cols > MAX_ELEMENTS
          || pixels > MAX_ELEMENTS) {
        throw new InvalidDatasetFileException(
            file,
            "declares "
                + count
                + " images of "
                + rows
                + "x"
                + cols
                + ", more than one Java array can hold ("
                + MAX_ELEMENTS
                + " pixels)");
      }
      String declared = count + " images of " + rows + "x" + cols + " pixels";
      byte[] raw = readBody(file, in, IMAGES_HEADER, (int) pixels, gzip, declared);
      float[] scaled = new float[raw.length];
      for (int i = 0; i < raw.length; i++) {
        scaled[i] = (raw[i] & 0xFF) / 255f;
      }
      return new IdxImages(file, (int) count, (int) rows, (int) cols, scaled, Sha256.hex(digest));
    } catch (EOFException | ZipException e) {
      throw corruptGzip(file, e);
    }
  }

  /** Reads a label file (magic 0x00000801); every label must lie in 0..classCount-1. */
  public static IdxLabels readLabels(Path file, int classCount) throws IOException {
    boolean gzip = Gzip.isGzip(file);
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = new DigestInputStream(Gzip.openContent(file), digest)) {
      ByteBuffer header = readHeader(file, in, LABELS_HEADER, gzip, "a label");
      checkMagic(file, header.getInt(0), LABELS_MAGIC, IMAGES_MAGIC, "labels", "an image file");
      long count = Integer.toUnsignedLong(header.getInt(4));
      if (count > MAX_ELEMENTS) {
        throw new InvalidDatasetFileException(
            file, "declares " + count + " labels, more than one Java array can hold");
      }
      byte[] raw = readBody(file, in, LABELS_HEADER, (int) count, gzip, count + " labels");
      int[] labels = new int[raw.length];
      for (int i = 0; i < raw.length; i++) {
        int label = raw[i] & 0xFF;
        if (label >= classCount) {
          throw new InvalidDatasetFileException(
              file,
              "label at index "
                  + i
                  + " is "
                  + label
                  + ", expected a class in 0.."
                  + (classCount - 1));
        }
        labels[i] = label;
      }
      return new IdxLabels(file, labels, Sha256.hex(digest));
    } catch (EOFException | ZipException e) {
      throw corruptGzip(file, e);
    }
  }

  private static ByteBuffer readHeader(
      Path file, InputStream in, int size, boolean gzip, String kind) throws IOException {
    byte[] header = in.readNBytes(size);
    if (header.length < size) {
      throw new InvalidDatasetFileException(
          file,
          "expected "
              + kind
              + " IDX header of "
              + size
              + " bytes, found only "
              + header.length
              + " bytes"
              + (gzip ? " of uncompressed content" : ""));
    }
    return ByteBuffer.wrap(header); // IDX is big-endian, as ByteBuffer's default
  }

  private static void checkMagic(
      Path file, int magic, int expected, int other, String what, String otherKind) {
    if (magic != expected) {
      throw new InvalidDatasetFileException(
          file,
          String.format(
              "expected IDX %s magic number 0x%08X, found 0x%08X%s",
              what, expected, magic, magic == other ? " (this is " + otherKind + ")" : ""));
    }
  }

  /** Reads exactly {@code length} bytes after the header and insists nothing follows them. */
  private static byte[] readBody(
      Path file, InputStream in, int header, int length, boolean gzip, String declared)
      throws IOException {
    byte[] body = in.readNBytes(length);
    long expected = header + (long) length;
    String subject = gzip ? "its uncompressed content" : "the file";
    if (body.length < length) {
      throw new InvalidDatasetFileException(
          file,
          "declares "
              + declared
              + ", so "
              + subject
              + " must be "
              + expected
              + " bytes, found "
              + (header + (long) body.length)
              + " bytes (truncated)");
    }
    long trailing = in.transferTo(OutputStream.nullOutputStream());
    if (trailing > 0) {
      throw new InvalidDatasetFileException(
          file,
          "declares "
              + declared
              + ", so "
              + subject
              + " must be "
              + expected
              + " bytes, found "
              + (expected + trailing)
              + " bytes ("
              + trailing
              + " trailing bytes)");
    }
    return body;
  }

  private static InvalidDatasetFileException corruptGzip(Path file, IOException e) {
    return new InvalidDatasetFileException(
        file,
        "expected a complete gzip stream, found corrupt or truncated gzip data ("
            + e.getMessage()
            + ")",
        e);
  }
}
