package io.mlpbench.results.env;

import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.RouteDescriptor;
import io.mlpbench.results.model.EnvironmentRecord;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Where a run happened: hardware, OS, JVM, framework and native versions, launch flags per route,
 * git commit. Every probe is best effort: an unreadable source gives "unknown", never an error.
 */
public final class EnvironmentCapture {
  public static final String UNKNOWN = "unknown";

  private EnvironmentCapture() {}

  /**
   * @param routes the routes of the run (framework versions and launch settings come from their
   *     descriptors); {@code extraJvmArgs} are flags the runners add to every route JVM
   */
  public static EnvironmentRecord capture(
      Path root,
      List<RouteCatalog.Entry> routes,
      List<String> extraJvmArgs,
      int threads,
      String suiteVersion) {
    List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
    String cpuModel = firstValue(cpuinfo, "model name");
    List<String> flags =
        Arrays.stream(firstValue(cpuinfo, "flags").split("\\s+"))
            .filter(f -> !f.isBlank() && !f.equals(UNKNOWN))
            .sorted()
            .toList();
    int cores = Runtime.getRuntime().availableProcessors();
    long memory = memoryBytes();
    String os = os();
    Map<String, String> frameworks = new LinkedHashMap<>();
    Map<String, String> launch = new LinkedHashMap<>();
    Set<String> routeJdks = new TreeSet<>();
    for (RouteCatalog.Entry e : routes) {
      RouteDescriptor d = e.descriptor();
      if (d.jdk() != null) {
        routeJdks.add(d.jdk());
      }
      frameworks.put(d.id(), d.framework() + " " + d.frameworkVersion());
      List<String> args = new ArrayList<>(extraJvmArgs);
      args.addAll(d.jvmArgs());
      launch.put(d.id(), "env " + d.environment() + " jvm " + args);
    }
    return new EnvironmentRecord(
        cpuModel,
        flags,
        cores,
        memory,
        os,
        System.getProperty("java.vendor", UNKNOWN)
            + " ("
            + System.getProperty("java.vm.name", "")
            + ")",
        System.getProperty("java.runtime.version", System.getProperty("java.version", UNKNOWN)),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        frameworks,
        NativeLibraries.versions(routes),
        launch,
        threads,
        gitCommit(root),
        suiteVersion,
        hostname(),
        fingerprint(cpuModel, cores, memory, os),
        Instant.now().toString(),
        routeJdks.isEmpty() ? null : String.join(", ", routeJdks));
  }

  /** Hash of CPU model, cores, memory and OS: equal on the same machine, whatever its name. */
  public static String fingerprint(String cpuModel, int cores, long memoryBytes, String os) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (cpuModel + "|" + cores + "|" + memoryBytes + "|" + os)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  static long memoryBytes() {
    String total = firstValue(lines(Path.of("/proc/meminfo")), "MemTotal");
    try {
      return Long.parseLong(total.replace("kB", "").trim()) * 1024;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String os() {
    String pretty =
        firstValue(lines(Path.of("/etc/os-release")), "PRETTY_NAME", '=').replace("\"", "");
    String kernel =
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch");
    return pretty.equals(UNKNOWN) ? kernel : pretty + ", " + kernel;
  }

  static String hostname() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    String file = String.join("", lines(Path.of("/etc/hostname"))).trim();
    if (!file.isEmpty()) {
      return file;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return UNKNOWN;
    }
  }

  /** {@code git rev-parse HEAD}, with "-dirty" when tracked files are modified. */
  public static String gitCommit(Path root) {
    String head = git(root, "rev-parse", "HEAD");
    if (head == null || head.isBlank()) {
      return UNKNOWN;
    }
    String status = git(root, "status", "--porcelain", "--untracked-files=no");
    return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
  }

  private static String git(Path root, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.getErrorStream().close();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  static String firstValue(List<String> lines, String key) {
    return firstValue(lines, key, ':');
  }

  private static String firstValue(List<String> lines, String key, char separator) {
    for (String line : lines) {
      int at = line.indexOf(separator);
      if (at > 0 && line.substring(0, at).trim().equals(key)) {
        return line.substring(at + 1).trim();
      }
    }
    return UNKNOWN;
  }
}
