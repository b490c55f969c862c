package io.mlpbench.results.env;

import io.mlpbench.core.launch.RouteCatalog;
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
 * Native library versions as the route classpaths pin them: each route names its native artifacts
 * ({@code Route.nativeLibraries}), their versions are read from the jar names (best effort: the
 * version a library reports at run time needs it loaded, which only its route JVM may do).
 */
public final class NativeLibraries {
  private static final Pattern JAR =
      Pattern.compile(
          "^(.+?)-(\\d[\\w.]*(?:-[\\w.]*?\\d[\\w.]*)*?)(?:-(linux|macosx|windows)-[\\w]+)?\\.jar$");

  private NativeLibraries() {}

  /** Library name -> version; several versions over the modules read "v1 (module); v2 (module)". */
  public static Map<String, String> versions(List<RouteCatalog.Entry> routes) {
    Map<String, Set<String>> found = new TreeMap<>();
    for (RouteCatalog.Entry route : routes) {
      List<String> names = route.descriptor().nativeLibraries();
      RouteModule module = route.module();
      for (Path entry : module.classpath()) {
        String[] nameVersion = parse(entry.getFileName().toString());
        if (nameVersion != null && names != null && names.contains(nameVersion[0])) {
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
