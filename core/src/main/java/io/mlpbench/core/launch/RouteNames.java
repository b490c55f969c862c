package io.mlpbench.core.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks route ids given on a command line before any JVM starts (describing the routes starts one
 * JVM per module, seconds each, only to say "unknown route"). The suite's own modules and their
 * routes are listed here; a checkout holding another route module is left to discovery, so a new
 * module still works with no edit here.
 */
public final class RouteNames {
  /** Route ids are {@code <framework>-<style>} (or {@code manual}): lower case, digits, dashes. */
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The routes of this suite's modules, by module directory (route ids are a contract). */
  public static final Map<String, List<String>> BY_MODULE = suiteModules();

  private RouteNames() {}

  private static Map<String, List<String>> suiteModules() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("manual-backprop", List.of("manual"));
    m.put("dl4j-impl", List.of("dl4j-fit", "dl4j-loop"));
    m.put("djl-impl", List.of("djl-fit", "djl-loop"));
    m.put("tf-java-impl", List.of("tf-tape", "tf-minimize"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Every route id of the suite's own modules, in the README's order. */
  public static List<String> known() {
    return BY_MODULE.values().stream().flatMap(List::stream).toList();
  }

  /**
   * Why {@code ids} cannot be run in the checkout at {@code root}, or null when they may be. Reads
   * only the module directories (no JVM): a malformed, repeated or unknown id is refused; ids are
   * only taken on trust when the checkout holds a route module this class does not know.
   */
  public static String problem(List<String> ids, Path root) {
    if (ids == null || ids.isEmpty()) {
      return null;
    }
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (id == null || !ID.matcher(id).matches()) {
        return "--routes: '"
            + id
            + "' is not a route id (lower-case <framework>-<style>, e.g. "
            + String.join(", ", known())
            + ")";
      }
      if (!seen.add(id)) {
        return "--routes: route '" + id + "' is given twice";
      }
    }
    boolean foreignModule =
        RouteModules.find(root).stream().anyMatch(m -> !BY_MODULE.containsKey(m.name()));
    if (foreignModule) {
      return null; // a module we do not know may define any id: its own JVM will tell
    }
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      if (!known().contains(id)) {
        unknown.add(id);
      }
    }
    return unknown.isEmpty()
        ? null
        : "--routes: unknown route"
            + (unknown.size() > 1 ? "s " : " ")
            + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList())
            + "; known routes: "
            + String.join(", ", known());
  }
}
