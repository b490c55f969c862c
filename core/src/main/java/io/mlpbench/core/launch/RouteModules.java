package io.mlpbench.core.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the built route modules of a checkout: every direct subdirectory with a {@code
 * target/route-classpath.txt}. New route modules are picked up without edits here.
 */
public final class RouteModules {
  static final String CLASSPATH_FILE = "target/route-classpath.txt";

  private RouteModules() {}

  /**
   * The checkout root: {@code -Dmlpbench.root}, else the nearest ancestor of the working dir
   * holding core/ and pom.xml.
   */
  public static Path projectRoot() {
    String explicit = System.getProperty("mlpbench.root", System.getenv("MLPBENCH_ROOT"));
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the mlp-bench checkout above " + dir + "; set -Dmlpbench.root=<checkout>");
  }

  public static List<RouteModule> find(Path root) {
    List<RouteModule> modules = new ArrayList<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path dir : children.sorted().toList()) {
        Path file = dir.resolve(CLASSPATH_FILE);
        if (Files.isRegularFile(file)) {
          modules.add(read(dir, file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list route modules in " + root, e);
    }
    return modules;
  }

  private static RouteModule read(Path dir, Path file) throws IOException {
    List<Path> classpath = new ArrayList<>();
    classpath.add(dir.resolve("target/classes"));
    String text = Files.readString(file).trim();
    if (!text.isEmpty()) {
      for (String entry : text.split(java.io.File.pathSeparator)) {
        classpath.add(Path.of(entry));
      }
    }
    return new RouteModule(dir.getFileName().toString(), dir, classpath);
  }
}
