package io.mlpbench.core.launch;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the suite starts every JVM of its own (route workers, the JMH host of a route, probes, the
 * benchmarks runner). Each one:
 *
 * <ul>
 *   <li>runs on {@link #javaLauncher()};
 *   <li>gets thread settings only from its route: thread variables of the caller's shell are
 *       removed unless {@link #environment} sets them;
 *   <li>runs its main class under {@link WatchedMain}, so it exits soon after this JVM dies;
 *   <li>has its stdin closed and its stderr merged into stdout, unless told otherwise.
 * </ul>
 */
public final class JvmLaunch {
  /**
   * System property naming the Java home that started JVMs run on (e.g. {@code
   * -Dmlpbench.jvm=/usr/lib/jvm/temurin-25-jdk-amd64}); unset means this JVM's own.
   */
  public static final String JVM_PROPERTY = "mlpbench.jvm";

  /** Thread settings a caller's shell might carry; removed unless the route itself sets them. */
  static final List<String> THREAD_VARIABLES =
      List.of(
          "OMP_NUM_THREADS",
          "OMP_WAIT_POLICY",
          "OMP_PROC_BIND",
          "MKL_NUM_THREADS",
          "OPENBLAS_NUM_THREADS",
          "TF_NUM_INTRAOP_THREADS",
          "TF_NUM_INTEROP_THREADS");

  private final String mainClass;
  private final List<Path> classpath = new ArrayList<>();
  private final List<String> jvmArgs = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private Path directory;
  private Duration timeout;
  private Redirect output = Redirect.PIPE;
  private Redirect error;

  private JvmLaunch(String mainClass) {
    this.mainClass = mainClass;
  }

  /**
   * A launch of {@code mainClass}; add its classpath with {@link #module} or {@link #classpath}.
   */
  public static JvmLaunch of(String mainClass) {
    return new JvmLaunch(mainClass);
  }

  /**
   * The JVM argument that makes a launched JVM start its own JVMs (the benchmarks runner's JMH
   * forks) on {@code home}; none for null, i.e. that JVM's own JDK.
   */
  public static List<String> jvmPropertyFor(Path home) {
    return home == null
        ? List.of()
        : List.of("-D" + JVM_PROPERTY + "=" + home.toAbsolutePath().normalize());
  }

  /** The {@code java} launcher started JVMs use: {@value #JVM_PROPERTY}'s, else this JVM's. */
  public static Path javaLauncher() {
    String home = System.getProperty(JVM_PROPERTY, "");
    Path java = Path.of(home.isBlank() ? System.getProperty("java.home") : home, "bin", "java");
    if (!Files.isExecutable(java)) {
      throw new IllegalArgumentException(
          "-D" + JVM_PROPERTY + "=" + home + ": no executable " + java + " (expected a Java home)");
    }
    return java;
  }

  /** The route module's classpath, and its name as {@code -Dmlpbench.module} for descriptors. */
  public JvmLaunch module(RouteModule module) {
    classpath.addAll(module.classpath());
    jvmArgs.add("-Dmlpbench.module=" + module.name());
    return this;
  }

  public JvmLaunch classpath(List<Path> entries) {
    classpath.addAll(entries);
    return this;
  }

  public JvmLaunch jvmArgs(List<String> flags) {
    jvmArgs.addAll(flags);
    return this;
  }

  /** Environment variables of this JVM only (a route's thread settings), on top of the caller's. */
  public JvmLaunch environment(Map<String, String> variables) {
    environment.putAll(variables);
    return this;
  }

  public JvmLaunch args(List<String> arguments) {
    args.addAll(arguments);
    return this;
  }

  /** Working directory (a native crash's hs_err_pid*.log lands there). */
  public JvmLaunch directory(Path dir) {
    directory = dir;
    return this;
  }

  /** A JVM still running after this is killed with every process it started. */
  public JvmLaunch timeout(Duration limit) {
    timeout = limit;
    return this;
  }

  /** Stdout and stderr to {@code log} instead of being read by the caller. */
  public JvmLaunch outputTo(Path log) {
    output = Redirect.to(log.toFile());
    return this;
  }

  /** Stderr apart from stdout, e.g. {@code Redirect.INHERIT} or appended to a log. */
  public JvmLaunch errorTo(Redirect redirect) {
    error = redirect;
    return this;
  }

  /** The command line as it will run. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(javaLauncher().toString());
    command.addAll(jvmArgs);
    Set<String> cp = new LinkedHashSet<>();
    classpath.forEach(p -> cp.add(p.toString()));
    // last, so it never shadows the JVM's own core: a classpath with an older core (an ab side,
    // a matrix release) still finds the watch
    cp.add(watchClasses().toString());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, cp));
    command.add(WatchedMain.class.getName());
    command.add(Long.toString(ProcessHandle.current().pid()));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  public LaunchedJvm start() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command());
    Map<String, String> env = builder.environment();
    THREAD_VARIABLES.forEach(env::remove);
    env.putAll(environment);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.redirectOutput(output);
    if (error == null) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(error);
    }
    return new LaunchedJvm(builder.start(), mainClass, timeout);
  }

  private static Path watchClasses() {
    try {
      return Path.of(WatchedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate core's classes", e);
    }
  }
}
