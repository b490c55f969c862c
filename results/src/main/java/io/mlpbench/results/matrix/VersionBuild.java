package io.mlpbench.results.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds one route module against one framework release, in a directory of its own that looks like
 * a checkout to the runners: {@code <dir>/pom.xml} (the parent), {@code <dir>/<module>/} with its
 * sources, and after {@code mvn package} its {@code target/classes} and {@code
 * target/route-classpath.txt}. So every release gets its own resolved classpath and its own compile
 * (which also checks that the module still compiles against it), and the checkout's own {@code
 * target/} directories, used by builds running in parallel, are never touched.
 */
public final class VersionBuild {
  /** The built copy: its root (for {@code -Dmlpbench.root}) and the build log. */
  public record Result(Path root, Path log, boolean ok, String failure, double seconds) {}

  private final Path checkout;
  private final boolean offline;

  /**
   * @param offline pass {@code -o} to Maven (only releases already in the local repository)
   */
  public VersionBuild(Path checkout, boolean offline) {
    this.checkout = checkout;
    this.offline = offline;
  }

  public Result build(String module, Map<String, String> properties, Path dir) {
    long start = System.nanoTime();
    Path log = dir.resolve("build.log");
    try {
      Files.createDirectories(dir);
      Files.copy(
          checkout.resolve("pom.xml"), dir.resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
      Path moduleCopy = dir.resolve(module);
      Files.createDirectories(moduleCopy);
      Files.copy(
          checkout.resolve(module).resolve("pom.xml"),
          moduleCopy.resolve("pom.xml"),
          StandardCopyOption.REPLACE_EXISTING);
      // main sources and resources only: the matrix measures, the module's own build tests
      deleteTree(moduleCopy.resolve("src"));
      copyTree(checkout.resolve(module).resolve("src/main"), moduleCopy.resolve("src/main"));
      List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
      if (offline) {
        command.add("-o");
      }
      command.addAll(
          List.of(
              "-f",
              moduleCopy.resolve("pom.xml").toString(),
              "clean",
              "package",
              "-Dmaven.test.skip=true",
              "-Dspotless.check.skip=true",
              "-Dspotless.apply.skip=true"));
      properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      Process p =
          new ProcessBuilder(command)
              .directory(moduleCopy.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new Result(dir, log, false, "mvn package timed out after 30 min", seconds(start));
      }
      if (p.exitValue() != 0) {
        return new Result(
            dir,
            log,
            false,
            "mvn package failed (exit "
                + p.exitValue()
                + "): "
                + firstError(log)
                + "; full log "
                + log,
            seconds(start));
      }
      if (!Files.isRegularFile(moduleCopy.resolve("target/route-classpath.txt"))) {
        return new Result(
            dir, log, false, "the build wrote no target/route-classpath.txt", seconds(start));
      }
      return new Result(dir, log, true, null, seconds(start));
    } catch (IOException e) {
      return new Result(
          dir, log, false, "cannot build in " + dir + ": " + e.getMessage(), seconds(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(dir, log, false, "interrupted", seconds(start));
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The first Maven error line (compile error or unresolvable artifact), for the table's footnote.
   */
  static String firstError(Path log) {
    try {
      return Files.readAllLines(log).stream()
          .filter(l -> l.contains("[ERROR]"))
          .map(l -> l.replace("[ERROR]", "").strip())
          .filter(l -> !l.isEmpty())
          .findFirst()
          .map(l -> l.length() > 300 ? l.substring(0, 300) + "…" : l)
          .orElse("no [ERROR] line");
    } catch (IOException e) {
      return "log unreadable";
    }
  }

  public static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
