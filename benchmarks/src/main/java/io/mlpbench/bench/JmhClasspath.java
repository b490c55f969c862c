package io.mlpbench.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a route JVM needs besides the route module's own classpath to run JMH: this module's classes
 * (benchmarks and the generated JMH harness) and JMH's jars, taken from this JVM's classpath.
 * Nothing else of ours goes over: e.g. our slf4j-simple 2.x must not reach DL4J's classpath, which
 * speaks slf4j 1.7.
 */
final class JmhClasspath {
  private static final List<String> JMH_JARS =
      List.of("jmh-core-", "jopt-simple-", "commons-math3-");

  private JmhClasspath() {}

  static List<Path> entries() {
    List<Path> entries = new ArrayList<>();
    entries.add(ownClasses());
    String classpath = System.getProperty("java.class.path", "");
    boolean jmhFound = false;
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      String name = Path.of(entry).getFileName().toString();
      for (String prefix : JMH_JARS) {
        if (name.startsWith(prefix) && name.endsWith(".jar")) {
          entries.add(Path.of(entry).toAbsolutePath());
          jmhFound |= prefix.equals("jmh-core-");
        }
      }
    }
    if (!jmhFound) {
      throw new IllegalStateException(
          "jmh-core is not on this JVM's classpath (java.class.path="
              + classpath
              + "); start the"
              + " runner with the benchmarks module's classpath, e.g. benchmarks/target/classes plus"
              + " benchmarks/target/bench-classpath.txt");
    }
    return entries;
  }

  /** The directory or jar holding this module's classes. */
  static Path ownClasses() {
    try {
      return Path.of(
          JmhClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmarks module's classes", e);
    }
  }
}
