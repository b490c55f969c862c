package io.mlpbench.results.env;

import io.mlpbench.core.launch.RouteModule;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Native library versions as the route classpaths pin them, read from the jar names (best effort:
 * the version a library reports at run time needs it loaded, which only its route JVM may do).
 */
public final class NativeLibraries {
  /** Artifacts that carry or bind native code, as named in Maven jar file names. */
  static final List<String> NAMES =
      List.of(
          "javacpp",
          "openblas",
          "mkl",
          "nd4j-native",
          "pytorch-native-cpu",
          "pytorch-jni",
          "pytorch-engine",
          "tensorflow-core-native",
          "tensorflow-core-api",
          "onnxruntime",
          "jna");

  private static final Pattern JAR =
      Pattern.compile(
          "^(.+?)-(\\d[\\w.]*(?:-[\\w.]*?\\d[\\w.]*)*?)(?:-(linux|macosx|windows)-[\\w]+)?\\.jar$");

  private NativeLibraries() {}

  /** Library name -> version; several versions over the modules read "v1 (module); v2 (module)". */
  public static Map<String, String> versions(List<RouteModule> modules) {
    Map<String, Set<String>> found = new TreeMap<>();
    for (RouteModule module : modules) {
      for (Path entry : module.classpath()) {
        String[] nameVersion = parse(entry.getFileName().toString());
        if (nameVersion != null && NAMES.contains(nameVersion[0])) {
          found
              .computeIfAbsent(nameVersion[0], k -> new LinkedHashSet<>())
              .add(nameVersion[1] + " (" + module.name() + ")");
        }
      }
    }
    Map<String, String> versions = new TreeMap<>();
    found.forEach((name, v) -> versions.put(name, collapse(v)));
    return versions;
  }

  /** "1.5.7 (dl4j-impl)" alone, or all "version (module)" pairs when modules differ. */
  private static String collapse(Set<String> versionModules) {
    return String.join("; ", versionModules);
  }

  /** {name, version} of a Maven jar file name, or null. */
  static String[] parse(String fileName) {
    Matcher m = JAR.matcher(fileName);
    return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
  }
}
