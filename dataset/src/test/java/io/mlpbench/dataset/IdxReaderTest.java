package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  @Test
  void readsImagesScaledToUnitRangeAndLabels() throws IOException {
    Path images = Fixtures.write(dir.resolve("img"), Fixtures.images(3, 28, 28, 0));
    Path labels = Fixtures.write(dir.resolve("lbl"), Fixtures.labels(4, 0, 9));

    LabeledImages read = IdxReader.read(images, labels, 28, 28, 10);

    assertThat(read.size()).isEqualTo(3);
    assertThat(read.featureCount()).isEqualTo(784);
    assertThat(read.labels()).containsExactly(4, 0, 9);
    float[] pixels = read.features();
    for (int i : new int[] {0, 1, 7, 783, 2351}) {
      int raw = (i * 37) % 256; // the fixture's pixel formula
      // Division by 255 in float: exact to the last ulp, so a tight tolerance.
      assertThat(pixels[i]).isCloseTo(raw / 255f, within(1e-7f));
    }
    assertThat(min(pixels)).isEqualTo(0f);
    assertThat(max(pixels)).isEqualTo(1f);
  }

  @Test
  void detectsGzipByMagicBytesNotByName() throws IOException {
    byte[] content = Fixtures.images(2, 28, 28, 5);
    Path gzipWithoutSuffix = Fixtures.write(dir.resolve("images"), Fixtures.gzip(content));
    Path plainWithSuffix = Fixtures.write(dir.resolve("images.gz"), content);

    IdxImages fromGzip = IdxReader.readImages(gzipWithoutSuffix);
    IdxImages fromPlain = IdxReader.readImages(plainWithSuffix);

    assertThat(fromGzip.pixels()).containsExactly(fromPlain.pixels());
    // The checksum is of the uncompressed content in both cases.
    assertThat(fromGzip.sha256()).isEqualTo(Sha256.hex(content)).isEqualTo(fromPlain.sha256());
  }

  @Test
  void rejectsTruncatedImageFile() throws IOException {
    byte[] whole = Fixtures.images(3, 28, 28, 0);
    Path file = Fixtures.write(dir.resolve("short"), Arrays.copyOf(whole, whole.length - 10));

    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("declares 3 images of 28x28")
        .hasMessageContaining("must be 2368 bytes, found 2358 bytes (truncated)");
  }

  @Test
  void rejectsTruncatedGzipImageFile() throws IOException {
    byte[] gzip = Fixtures.gzip(Fixtures.images(50, 28, 28, 3));
    Path file = Fixtures.write(dir.resolve("cut.gz"), Arrays.copyOf(gzip, gzip.length / 2));

    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void rejectsTrailingBytes() throws IOException {
    byte[] whole = Fixtures.labels(1, 2, 3);
    Path file = Fixtures.write(dir.resolve("long"), Arrays.copyOf(whole, whole.length + 2));

    assertThatThrownBy(() -> IdxReader.readLabels(file, 10))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("must be 11 bytes, found 13 bytes (2 trailing bytes)");
  }

  @Test
  void rejectsWrongMagic() throws IOException {
    Path labelsAsImages =
        Fixtures.write(dir.resolve("labels"), Fixtures.labels(1, 2, 3, 4, 5, 6, 7, 8));
    Path garbage =
        Fixtures.write(dir.resolve("garbage"), Fixtures.withIntAt(Fixtures.labels(1), 0, 0x1234));

    assertThatThrownBy(() -> IdxReader.readImages(labelsAsImages))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining(labelsAsImages.toString())
        .hasMessageContaining("expected IDX images magic number 0x00000803, found 0x00000801")
        .hasMessageContaining("this is a label file");
    assertThatThrownBy(() -> IdxReader.readLabels(garbage, 10))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining("expected IDX labels magic number 0x00000801, found 0x00001234");
  }

  @Test
  void rejectsHeaderShorterThanIdxHeader() throws IOException {
    Path file = Fixtures.write(dir.resolve("tiny"), new byte[] {0, 0, 8, 3, 0});

    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining("expected an image IDX header of 16 bytes, found only 5 bytes");
  }

  @Test
  void rejectsZeroDimensions() throws IOException {
    Path file =
        Fixtures.write(
            dir.resolve("flat"), Fixtures.withIntAt(Fixtures.images(1, 28, 28, 0), 8, 0));

    assertThatThrownBy(() -> IdxReader.readImages(file))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining("expected positive image dimensions, found 0x28");
  }

  @Test
  void rejectsImagesThatAreNot28By28() throws IOException {
    Path images = Fixtures.write(dir.resolve("big"), Fixtures.images(2, 32, 32, 0));
    Path labels = Fixtures.write(dir.resolve("lbl"), Fixtures.labels(1, 2));

    assertThatThrownBy(() -> IdxReader.read(images, labels, 28, 28, 10))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining(images.toString())
        .hasMessageContaining("expected 28x28 images, found 32x32");
  }

  @Test
  void rejectsCountMismatchBetweenImagesAndLabels() throws IOException {
    Path images = Fixtures.write(dir.resolve("img"), Fixtures.images(3, 28, 28, 0));
    Path labels = Fixtures.write(dir.resolve("lbl"), Fixtures.labels(1, 2));

    assertThatThrownBy(() -> IdxReader.read(images, labels, 28, 28, 10))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining(images.toString())
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("declares 3 images")
        .hasMessageContaining("declares 2 labels; expected equal counts");
  }

  @Test
  void rejectsLabelOutOfRange() throws IOException {
    Path labels = Fixtures.write(dir.resolve("lbl"), Fixtures.labels(3, 9, 10, 1));

    assertThatThrownBy(() -> IdxReader.readLabels(labels, 10))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("label at index 2 is 10, expected a class in 0..9");
  }

  @Test
  void rejectsUnsignedCountTooLargeForAnArray() throws IOException {
    Path file =
        Fixtures.write(dir.resolve("huge"), Fixtures.withIntAt(Fixtures.labels(1), 4, 0xFFFFFFFF));

    assertThatThrownBy(() -> IdxReader.readLabels(file, 10))
        .isInstanceOf(InvalidDatasetFileException.class)
        .hasMessageContaining("declares 4294967295 labels");
  }

  private static float min(float[] values) {
    float min = Float.POSITIVE_INFINITY;
    for (float v : values) {
      min = Math.min(min, v);
    }
    return min;
  }

  private static float max(float[] values) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
