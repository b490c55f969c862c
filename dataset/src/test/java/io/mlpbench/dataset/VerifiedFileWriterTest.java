package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedFileWriterTest {
  @TempDir Path dir;

  private final ExpectedFile expected =
      new ExpectedFile("train-images-idx3-ubyte", Sha256.hex(Fixtures.TRAIN_IMAGES));

  @Test
  void writesVerifiedContentGunzippingIt() throws IOException {
    Path target = dir.resolve("train-images-idx3-ubyte");

    VerifiedFileWriter.write(
        new ByteArrayInputStream(Fixtures.gzip(Fixtures.TRAIN_IMAGES)), target, expected, "test");

    assertThat(Files.readAllBytes(target)).isEqualTo(Fixtures.TRAIN_IMAGES);
    assertThat(listing()).containsExactly("train-images-idx3-ubyte");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void interruptedDownloadLeavesNoFileBehind() throws IOException {
    InputStream broken =
        new SequenceInputStream(
            new ByteArrayInputStream(Fixtures.TRAIN_IMAGES, 0, 1000),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset");
              }
            });

    assertThatThrownBy(
            () ->
                VerifiedFileWriter.write(
                    broken, dir.resolve("train-images-idx3-ubyte"), expected, "test"))
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");
    assertThat(listing()).isEmpty();
  }

  @Test
  void corruptContentKeepsThePreviousFile() throws IOException {
    Path target = Fixtures.write(dir.resolve("train-images-idx3-ubyte"), Fixtures.TRAIN_IMAGES);
    byte[] corrupt = Fixtures.TRAIN_IMAGES.clone();
    corrupt[500] ^= 1;

    assertThatThrownBy(
            () ->
                VerifiedFileWriter.write(
                    new ByteArrayInputStream(corrupt), target, expected, "src"))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessageContaining("found " + Sha256.hex(corrupt))
        .hasMessageContaining("content from src was rejected");
    assertThat(Files.readAllBytes(target)).isEqualTo(Fixtures.TRAIN_IMAGES);
    assertThat(listing()).containsExactly("train-images-idx3-ubyte");
  }

  private java.util.List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
