package io.mlpbench.results.ab;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The name of the JDK at a Java home, from its {@code release} file (e.g. "JDK 25.0.3"). */
public final class JdkRelease {
  private JdkRelease() {}

  /** "JDK " + JAVA_VERSION from {@code <home>/release}; the directory name when that is missing. */
  public static String of(Path javaHome) {
    Path release = javaHome.resolve("release");
    if (Files.isRegularFile(release)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(release)) {
        p.load(r);
        String version = p.getProperty("JAVA_VERSION");
        if (version != null && !version.isBlank()) {
          return "JDK " + version.replace("\"", "").trim();
        }
      } catch (IOException | IllegalArgumentException e) {
        // an unreadable release file: fall back to the directory's name below
      }
    }
    Path name = javaHome.toAbsolutePath().normalize().getFileName();
    return "JDK at " + (name == null ? javaHome : name);
  }
}
