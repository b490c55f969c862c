package io.mlpbench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads a dataset by name ({@code mnist}, the default, or {@code fashion}): finds or fetches its
 * files (see {@link DataOptions} and the module README for the order), reads and validates them,
 * and verifies the SHA-256 of every file on every load.
 */
public final class Datasets {
  /** The dataset used when none is named. */
  public static final String DEFAULT_NAME = "mnist";

  private Datasets() {}

  /** Loads with default options (properties, environment, cache, fetching). */
  public static TrainTestSplit load(String name) {
    return load(name, DataOptions.defaults());
  }

  /**
   * Loads {@code name} (null or blank means {@value #DEFAULT_NAME}).
   *
   * @throws DatasetException (unchecked) when the data cannot be found, fetched or validated; the
   *     message names the file or directory, what was expected and what was found
   */
  public static TrainTestSplit load(String name, DataOptions options) {
    return load(byName(name), options, Settings.system(), System.err::println);
  }

  /** Where {@code name}'s files are (fetching them if needed), without reading them. */
  public static DatasetLocation locate(String name, DataOptions options) {
    return new DatasetLocator(options, Settings.system(), System.err::println).locate(byName(name));
  }

  /** The dataset names {@link #load} accepts, default first. */
  public static List<String> names() {
    return DatasetFiles.names();
  }

  static TrainTestSplit load(
      DatasetFiles dataset, DataOptions options, Settings settings, Consumer<String> progress) {
    DatasetLocation location = new DatasetLocator(options, settings, progress).locate(dataset);
    TrainTestSplit split = read(dataset, location);
    if (options.trainLimit() > 0) {
      split =
          new TrainTestSplit(split.name(), split.train().limit(options.trainLimit()), split.test());
    }
    return split;
  }

  /** Reads and validates the four files of {@code location}, checking every checksum. */
  static TrainTestSplit read(DatasetFiles dataset, DatasetLocation location) {
    return new TrainTestSplit(
        dataset.name(),
        readSplit(location, dataset.trainImages(), dataset.trainLabels()),
        readSplit(location, dataset.testImages(), dataset.testLabels()));
  }

  private static LabeledImages readSplit(
      DatasetLocation location, ExpectedFile imagesFile, ExpectedFile labelsFile) {
    Path imagesPath = location.file(imagesFile);
    Path labelsPath = location.file(labelsFile);
    try {
      IdxImages images = IdxReader.readImages(imagesPath);
      verify(location, imagesPath, imagesFile, images.sha256());
      IdxLabels labels = IdxReader.readLabels(labelsPath, DatasetFiles.CLASS_COUNT);
      verify(location, labelsPath, labelsFile, labels.sha256());
      return IdxReader.pair(
          images,
          labels,
          DatasetFiles.IMAGE_ROWS,
          DatasetFiles.IMAGE_COLS,
          DatasetFiles.CLASS_COUNT);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + imagesPath + " / " + labelsPath + ": " + e, e);
    }
  }

  private static void verify(
      DatasetLocation location, Path path, ExpectedFile expected, String found) {
    if (!found.equals(expected.sha256())) {
      String advice =
          switch (location.origin()) {
            case EXPLICIT_DIRECTORY ->
                "a different or corrupt file in the directory you gave;"
                    + " is it the "
                    + location.dataset()
                    + " dataset?";
            case SYSTEM_DIRECTORY -> "a different or corrupt file; reinstall the package";
            case CACHE, FETCHED -> "corrupt or a different file; delete it to fetch it again";
          };
      throw new ChecksumMismatchException(path, expected.sha256(), found, advice);
    }
  }

  private static DatasetFiles byName(String name) {
    return DatasetFiles.byName(name == null || name.isBlank() ? DEFAULT_NAME : name);
  }
}
