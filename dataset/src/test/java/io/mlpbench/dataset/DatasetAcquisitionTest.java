package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acquisition order and its errors, on a tiny synthetic dataset with real files. */
class DatasetAcquisitionTest {
  @TempDir Path temp;

  private final List<String> progress = new ArrayList<>();
  private final DatasetFiles tiny = Fixtures.tinyDataset();

  private Settings home() {
    return Fixtures.settings(Map.of("user.home", temp.resolve("home").toString()), Map.of());
  }

  private TrainTestSplit load(DataOptions options, Settings settings) {
    return Datasets.load(tiny, options, settings, progress::add);
  }

  @Test
  void loadsFromExplicitDirectoryOption() throws IOException {
    Path dir = Fixtures.writeTinyFiles(temp.resolve("data"));

    TrainTestSplit split = load(DataOptions.defaults().withDataDir(dir), home());

    assertThat(split.name()).isEqualTo("tiny");
    assertThat(split.train().labels()).containsExactly(Fixtures.TRAIN_LABELS);
    assertThat(split.test().labels()).containsExactly(Fixtures.TEST_LABELS);
    assertThat(progress).as("no fetching, so no progress output").isEmpty();
  }

  @Test
  void explicitDirectoryMayHoldOneSubdirectoryPerDataset() throws IOException {
    Fixtures.writeTinyFiles(temp.resolve("all").resolve("tiny"));

    DatasetLocation location =
        new DatasetLocator(
                DataOptions.defaults().withDataDir(temp.resolve("all")), home(), progress::add)
            .locate(tiny);

    assertThat(location.origin()).isEqualTo(DatasetLocation.Origin.EXPLICIT_DIRECTORY);
    assertThat(location.directory()).isEqualTo(temp.resolve("all").resolve("tiny"));
  }

  @Test
  void optionBeatsPropertyWhichBeatsEnvironment() throws IOException {
    Path fromOption = Fixtures.writeTinyFiles(temp.resolve("option"));
    Path fromProperty = Fixtures.writeTinyFiles(temp.resolve("property"));
    Path fromEnvironment = Fixtures.writeTinyFiles(temp.resolve("environment"));
    Settings both =
        Fixtures.settings(
            Map.of("mlpbench.data.dir", fromProperty.toString()),
            Map.of("MLPBENCH_DATA_DIR", fromEnvironment.toString()));
    Settings environmentOnly =
        Fixtures.settings(Map.of(), Map.of("MLPBENCH_DATA_DIR", fromEnvironment.toString()));

    assertThat(locate(DataOptions.defaults().withDataDir(fromOption), both).directory())
        .isEqualTo(fromOption);
    assertThat(locate(DataOptions.defaults(), both).directory()).isEqualTo(fromProperty);
    assertThat(locate(DataOptions.defaults(), environmentOnly).directory())
        .isEqualTo(fromEnvironment);
  }

  @Test
  void rejectsMissingExplicitDirectoryNamingIt() {
    Path missing = temp.resolve("no-such-dir");
    Settings settings =
        Fixtures.settings(Map.of("mlpbench.data.dir", missing.toString()), Map.of());

    assertThatThrownBy(() -> load(DataOptions.defaults(), settings))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("system property mlpbench.data.dir")
        .hasMessageContaining("expected an existing directory, found nothing");
  }

  @Test
  void rejectsExplicitDirectoryLackingFilesAndDoesNotFetch() throws IOException {
    Path dir = Fixtures.writeTinyFiles(temp.resolve("partial"));
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));

    assertThatThrownBy(() -> load(DataOptions.defaults().withDataDir(dir), home()))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("missing [t10k-labels-idx1-ubyte]");
    assertThat(progress).isEmpty();
  }

  @Test
  void rejectsChecksumMismatchNamingFileAndBothHashes() throws IOException {
    Path dir = Fixtures.writeTinyFiles(temp.resolve("data"));
    // A perfectly valid IDX file, just not the recorded one.
    byte[] other = Fixtures.images(Fixtures.TRAIN_LABELS.length, 28, 28, 99);
    Path file = Fixtures.write(dir.resolve("train-images-idx3-ubyte"), other);

    assertThatThrownBy(() -> load(DataOptions.defaults().withDataDir(dir), home()))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expected SHA-256 " + tiny.trainImages().sha256())
        .hasMessageContaining("found " + Sha256.hex(other))
        .hasMessageContaining("is it the tiny dataset?");
  }

  @Test
  void readsGzipFilesAndPrefersPlainOnes() throws IOException {
    Path dir = temp.resolve("gz");
    for (Map.Entry<String, byte[]> file : Fixtures.tinyFiles().entrySet()) {
      Fixtures.write(dir.resolve(file.getKey() + ".gz"), Fixtures.gzip(file.getValue()));
    }

    TrainTestSplit split = load(DataOptions.defaults().withDataDir(dir), home());

    assertThat(split.train().size()).isEqualTo(Fixtures.TRAIN_LABELS.length);
    assertThat(DatasetLocator.present(tiny, dir).get("train-images-idx3-ubyte"))
        .isEqualTo(dir.resolve("train-images-idx3-ubyte.gz"));
  }

  @Test
  void usesCacheSilentlyUnderXdgCacheHome() throws IOException {
    Path xdg = temp.resolve("xdg");
    Fixtures.writeTinyFiles(xdg.resolve("mlp-bench").resolve("tiny"));
    Settings settings =
        Fixtures.settings(
            Map.of("user.home", temp.resolve("home").toString()),
            Map.of("XDG_CACHE_HOME", xdg.toString()));

    DatasetLocation location = locate(DataOptions.defaults(), settings);

    assertThat(location.origin()).isEqualTo(DatasetLocation.Origin.CACHE);
    assertThat(location.directory()).isEqualTo(xdg.resolve("mlp-bench").resolve("tiny"));
    assertThat(progress).isEmpty();
  }

  @Test
  void ignoresRelativeXdgCacheHomeAsTheSpecRequires() {
    Settings settings =
        Fixtures.settings(
            Map.of("user.home", temp.resolve("home").toString()),
            Map.of("XDG_CACHE_HOME", "relative/cache"));

    Path root = new DatasetLocator(DataOptions.defaults(), settings, progress::add).cacheRoot();

    assertThat(root).isEqualTo(temp.resolve("home").resolve(".cache").resolve("mlp-bench"));
  }

  @Test
  void fallsBackToSystemDirectoryWhenCacheIsEmpty() throws IOException {
    Path system = Fixtures.writeTinyFiles(temp.resolve("usr-share"));
    DatasetFiles packaged = Fixtures.tinyDataset("tiny", Optional.empty(), Optional.of(system));

    DatasetLocation location =
        new DatasetLocator(DataOptions.defaults(), home(), progress::add).locate(packaged);

    assertThat(location.origin()).isEqualTo(DatasetLocation.Origin.SYSTEM_DIRECTORY);
    assertThat(location.directory()).isEqualTo(system);
  }

  @Test
  void explainsHowToGetFashionMnistWhenNoSourceExists() {
    DatasetFiles fashionLike =
        Fixtures.tinyDataset("fashion", Optional.empty(), Optional.of(temp.resolve("absent")));

    assertThatThrownBy(
            () ->
                new DatasetLocator(DataOptions.defaults(), home(), progress::add)
                    .locate(fashionLike))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining(temp.resolve("absent").toString())
        .hasMessageContaining("dataset-fashion-mnist")
        .hasMessageContaining("mlpbench.data.dir")
        .hasMessageContaining("MLPBENCH_DATA_DIR");
  }

  @Test
  void trainLimitTrimsOnlyTheTrainingSplit() throws IOException {
    Path dir = Fixtures.writeTinyFiles(temp.resolve("data"));

    TrainTestSplit split = load(DataOptions.defaults().withDataDir(dir).withTrainLimit(4), home());

    assertThat(split.train().labels()).containsExactly(0, 1, 2, 3);
    assertThat(split.train().features()).hasSize(4 * 784);
    assertThat(split.test().size()).isEqualTo(Fixtures.TEST_LABELS.length);
  }

  @Test
  void rejectsNegativeTrainLimit() {
    assertThatThrownBy(() -> DataOptions.defaults().withTrainLimit(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found -1");
  }

  @Test
  void rejectsUnknownDatasetNameListingKnownOnes() {
    assertThatThrownBy(() -> Datasets.load("cifar"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown dataset 'cifar', expected one of mnist, fashion");
  }

  private DatasetLocation locate(DataOptions options, Settings settings) {
    return new DatasetLocator(options, settings, progress::add).locate(tiny);
  }
}
