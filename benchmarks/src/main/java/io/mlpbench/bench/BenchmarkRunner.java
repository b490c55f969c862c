package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.RouteJvm;
import io.mlpbench.core.launch.RouteModule;
import io.mlpbench.core.launch.WorkerProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the JMH benchmarks of every route, each route in a JVM of its own (DL4J and TF Java need
 * different javacpp versions, and a native crash must not take other routes down), then merges
 * JMH's results into one standard JMH JSON file under {@code results/jmh/}, writes a {@code -meta}
 * sidecar (failures, launch flags, RSS, peak source) and prints a summary table.
 *
 * <p>Exit status: 0 when every route and calibration produced all its results, 1 when any failed
 * (the others still ran and were written), 2 for bad settings.
 */
public final class BenchmarkRunner {
  static final String TRAIN = TrainStepBenchmark.class.getName() + ".trainStep";
  static final String INFERENCE = InferenceBenchmark.class.getName() + ".predict";
  static final String GEMM = GemmPeakBenchmark.class.getName() + ".multiply";

  /** Same heap limit for every route, so peak RSS is comparable. */
  static final List<String> BASE_JVM_ARGS = List.of("-Xmx4g");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** What a run wrote and how it ended. */
  public record Report(
      int exitCode, Path results, Path meta, Summary summary, List<String> failures) {}

  private final BenchSettings settings;
  private final Consumer<String> out;

  public BenchmarkRunner(BenchSettings settings, Consumer<String> out) {
    this.settings = settings;
    this.out = out;
  }

  /**
   * Runs the benchmarks as {@code -Dbench.*} says; {@code summarize <jmh-...json>} instead prints
   * the table of an earlier run again (with RSS from its {@code -meta.json}, if present).
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[0].equals("summarize")) {
      System.out.println(SummaryTable.render(summarize(Path.of(args[1]))));
      return;
    }
    if (args.length > 0) {
      System.err.println(
          "usage: BenchmarkRunner [summarize <jmh-results.json>]  (settings: -Dbench.*)");
      System.exit(2);
    }
    BenchSettings settings;
    try {
      settings = BenchSettings.fromSystemProperties();
    } catch (RuntimeException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Report report = new BenchmarkRunner(settings, System.out::println).run();
    System.out.flush();
    System.exit(report.exitCode());
  }

  /** The summary of a results file written by an earlier run. */
  static Summary summarize(Path results) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    JSON.readTree(results.toFile()).forEach(nodes::add);
    List<JsonNode> sidecar = new ArrayList<>();
    Path meta =
        results.resolveSibling(
            results.getFileName().toString().replaceFirst("\\.json$", "-meta.json"));
    if (Files.isRegularFile(meta)) {
      JSON.readTree(meta.toFile()).path("rss").forEach(sidecar::add);
    }
    return Summary.of(nodes, sidecar);
  }

  public Report run() {
    Instant started = Instant.now();
    String stamp = LocalDateTime.now().format(STAMP);
    String base = "jmh-" + stamp + "-" + settings.profile().name();
    Path workDir = settings.outputDir().resolve("logs").resolve(base);
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + workDir, e);
    }
    out.accept(
        String.format(
            Locale.ROOT,
            "bench: profile %s, threads %s, batch %s, routes %s, checkout %s",
            settings.profile().name(),
            settings.threadCounts(),
            settings.batchSizes(),
            settings.routes().isEmpty() ? "all" : settings.routes(),
            settings.root()));

    double loadBefore = systemLoad();
    if (loadBefore > 0.5 * Runtime.getRuntime().availableProcessors()) {
      out.accept(
          String.format(
              Locale.ROOT,
              "bench: WARNING: load average %.1f on %d cores before starting; other work will"
                  + " disturb these numbers",
              loadBefore,
              Runtime.getRuntime().availableProcessors()));
    }
    List<String> failures = new ArrayList<>();
    List<JmhJob> jobs;
    try {
      jobs = plan(failures);
    } catch (IllegalArgumentException e) {
      out.accept("bench: " + e.getMessage());
      return new Report(2, null, null, null, List.of(e.getMessage()));
    }

    JmhProcess process = new JmhProcess(settings, workDir, out);
    List<JobOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      JmhJob job = jobs.get(i);
      String step = "[" + (i + 1) + "/" + jobs.size() + "] ";
      out.accept(step + describe(job));
      JobOutcome outcome = process.run(job);
      outcomes.add(outcome);
      out.accept(
          step
              + job.label()
              + (outcome.failed()
                  ? ": FAILED after "
                      + seconds(outcome)
                      + " ("
                      + outcome.failure()
                      + "); log "
                      + outcome.log()
                  : ": ok, " + outcome.results().size() + " result(s) in " + seconds(outcome)));
      if (outcome.failed()) {
        failures.add(job.label() + ": " + outcome.failure());
      }
    }

    List<JsonNode> results = new ArrayList<>();
    List<JsonNode> sidecar = new ArrayList<>();
    for (JobOutcome o : outcomes) {
      results.addAll(o.results());
      sidecar.addAll(o.sidecar());
    }
    Summary summary = Summary.of(results, sidecar);
    Path resultsFile = settings.outputDir().resolve(base + ".json");
    Path metaFile = settings.outputDir().resolve(base + "-meta.json");
    try {
      ArrayNode merged = JSON.createArrayNode();
      results.forEach(merged::add);
      JSON.writeValue(resultsFile.toFile(), merged);
      ObjectNode meta = meta(started, resultsFile, outcomes, failures, summary, sidecar);
      ((ObjectNode) meta.get("machine")).put("loadAverageBefore", loadBefore);
      ((ObjectNode) meta.get("machine")).put("loadAverageAfter", systemLoad());
      JSON.writeValue(metaFile.toFile(), meta);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + settings.outputDir(), e);
    }

    out.accept("");
    out.accept(SummaryTable.render(summary));
    out.accept("JMH results: " + resultsFile);
    out.accept("Run details: " + metaFile);
    if (!failures.isEmpty()) {
      out.accept("");
      out.accept("FAILED (" + failures.size() + "):");
      failures.forEach(f -> out.accept("  " + f));
    }
    return new Report(failures.isEmpty() ? 0 : 1, resultsFile, metaFile, summary, failures);
  }

  /** The jobs of this run: GEMM calibrations first, then one per route and thread count. */
  private List<JmhJob> plan(List<String> failures) {
    List<JmhJob> calibrations = new ArrayList<>();
    List<JmhJob> routeJobs = new ArrayList<>();
    Set<String> problems = new LinkedHashSet<>();
    Map<String, List<String>> librariesByModule = new LinkedHashMap<>();
    for (int threads : settings.threadCounts()) {
      // Described per thread count: a route's environment (e.g. OMP_NUM_THREADS) depends on it.
      RouteCatalog catalog = RouteCatalog.discover(settings.root(), threads);
      problems.addAll(catalog.problems());
      List<RouteCatalog.Entry> selected = catalog.select(settings.routes());
      if (settings.peak()) {
        for (RouteCatalog.Entry entry : firstRoutePerModule(catalog)) {
          List<String> libraries =
              librariesByModule.computeIfAbsent(
                  entry.module().name(), name -> probeLibraries(entry.module(), problems));
          if (!libraries.isEmpty()) {
            calibrations.add(calibrationJob(entry, libraries, threads));
          }
        }
      }
      for (RouteCatalog.Entry entry : selected) {
        routeJobs.add(routeJob(entry, threads));
      }
    }
    for (String problem : problems) {
      failures.add("route module " + problem);
      out.accept("bench: route module failed to load: " + problem);
    }
    if (routeJobs.isEmpty()) {
      failures.add("no routes to run under " + settings.root());
      out.accept(
          "bench: no routes found under "
              + settings.root()
              + " (a route module is a directory with target/route-classpath.txt; build them first)");
    } else if (settings.peak() && calibrations.isEmpty()) {
      out.accept(
          "bench: no route module provides io.mlpbench.core.GemmProvider; % of peak will be n/a");
    }
    List<JmhJob> jobs = new ArrayList<>(calibrations);
    jobs.addAll(routeJobs);
    return jobs;
  }

  private static List<RouteCatalog.Entry> firstRoutePerModule(RouteCatalog catalog) {
    Map<String, RouteCatalog.Entry> first = new LinkedHashMap<>();
    for (RouteCatalog.Entry entry : catalog.entries()) {
      first.putIfAbsent(entry.module().name(), entry);
    }
    return List.copyOf(first.values());
  }

  /**
   * SGEMM through every library the module offers. It runs with the environment and flags of the
   * module's first route: the library reads the same thread settings as the routes built on it.
   */
  private JmhJob calibrationJob(RouteCatalog.Entry entry, List<String> libraries, int threads) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("library", libraries);
    params.put("size", List.of(Integer.toString(settings.gemmSize())));
    params.put("threads", List.of(Integer.toString(threads)));
    return new JmhJob(
        "peak-" + entry.module().name() + "-t" + threads,
        entry.module(),
        null,
        threads,
        List.of(GEMM),
        params,
        entry.descriptor().environment(),
        jvmArgs(entry));
  }

  private JmhJob routeJob(RouteCatalog.Entry entry, int threads) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("route", List.of(entry.id()));
    params.put("batchSize", settings.batchSizes().stream().map(String::valueOf).toList());
    params.put("threads", List.of(Integer.toString(threads)));
    if (settings.hidden() != null) {
      params.put("hidden", List.of(settings.hidden()));
    }
    if (settings.activation() != null) {
      params.put("activation", List.of(settings.activation()));
    }
    List<String> benchmarks = new ArrayList<>();
    if (settings.benchmarks().contains("train")) {
      benchmarks.add(TRAIN);
    }
    if (settings.benchmarks().contains("inference")) {
      benchmarks.add(INFERENCE);
    }
    return new JmhJob(
        entry.id() + "-t" + threads,
        entry.module(),
        entry.descriptor(),
        threads,
        benchmarks,
        params,
        entry.descriptor().environment(),
        jvmArgs(entry));
  }

  private List<String> jvmArgs(RouteCatalog.Entry entry) {
    List<String> args = new ArrayList<>(BASE_JVM_ARGS);
    args.add("-Dmlpbench.module=" + entry.module().name());
    if (settings.ignoreJmhLock()) {
      args.add("-Djmh.ignoreLock=true");
    }
    args.addAll(entry.descriptor().jvmArgs()); // last, so a route's own flags win
    return args;
  }

  /** Asks the module's JVM which GEMM libraries it offers (usually none or one). */
  private List<String> probeLibraries(RouteModule module, Set<String> problems) {
    ProcessBuilder builder =
        RouteJvm.builder(
            module,
            JmhClasspath.entries(),
            Map.of(),
            List.of(),
            GemmProbe.class.getName(),
            List.of());
    builder.redirectErrorStream(true);
    List<String> libraries = new ArrayList<>();
    StringBuilder other = new StringBuilder();
    try {
      Process process = builder.start();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (WorkerProtocol.isMessage(line)) {
            libraries.add(new ObjectMapper().readValue(WorkerProtocol.payload(line), String.class));
          } else if (other.length() < 2000) {
            other.append(line).append(' ');
          }
        }
      }
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        problems.add(module.name() + ": GEMM probe timed out");
      } else if (process.exitValue() != 0) {
        problems.add(
            module.name()
                + ": GEMM probe exited with "
                + process.exitValue()
                + ": "
                + other.toString().strip());
      }
    } catch (IOException e) {
      problems.add(module.name() + ": GEMM probe failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return libraries;
  }

  private static String describe(JmhJob job) {
    if (job.isCalibration()) {
      return job.label()
          + ": SGEMM peak via "
          + job.params().get("library")
          + " (module "
          + job.module().name()
          + ", threads "
          + job.threads()
          + ")";
    }
    List<String> names =
        job.benchmarks().stream()
            .map(b -> b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1))
            .toList();
    return job.label()
        + ": "
        + names
        + " batch "
        + job.params().get("batchSize")
        + " (route "
        + job.route().id()
        + ", module "
        + job.module().name()
        + ", threads "
        + job.threads()
        + (job.environment().isEmpty() ? "" : ", env " + job.environment())
        + ")";
  }

  /** The 1-minute load average (other work on the machine), -1 where unknown. */
  private static double systemLoad() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String seconds(JobOutcome o) {
    return String.format(Locale.ROOT, "%.0f s", o.seconds());
  }

  private ObjectNode meta(
      Instant started,
      Path resultsFile,
      List<JobOutcome> outcomes,
      List<String> failures,
      Summary summary,
      List<JsonNode> sidecar) {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("results", resultsFile.getFileName().toString());
    meta.put("profile", settings.profile().name());
    meta.put("startedAt", started.toString());
    meta.put("finishedAt", Instant.now().toString());
    meta.put("status", failures.isEmpty() ? "ok" : "failed");
    meta.set("failures", JSON.valueToTree(failures));
    ObjectNode machine = meta.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("arch", System.getProperty("os.arch"));
    machine.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    meta.set("settings", JSON.valueToTree(settingsView()));
    ArrayNode jobs = meta.putArray("jobs");
    for (JobOutcome o : outcomes) {
      ObjectNode j = jobs.addObject();
      JmhJob job = o.job();
      j.put("label", job.label());
      j.put("kind", job.isCalibration() ? "peak" : "route");
      j.put("module", job.module().name());
      if (!job.isCalibration()) {
        j.put("route", job.route().id());
        j.put("framework", job.route().framework());
        j.put("frameworkVersion", job.route().frameworkVersion());
        j.put("style", job.route().style());
      }
      j.put("threads", job.threads());
      j.put("status", o.failed() ? "failed" : "ok");
      if (o.failed()) {
        j.put("failure", o.failure());
      }
      if (o.exitCode() != null) {
        j.put("exitCode", o.exitCode());
      }
      j.put("seconds", Math.round(o.seconds() * 10) / 10.0);
      j.put("results", o.results().size());
      j.set("environment", JSON.valueToTree(o.appliedEnvironment()));
      j.set("jvmArgs", JSON.valueToTree(job.jvmArgs()));
      j.set("jmhParams", JSON.valueToTree(job.params()));
      j.set("command", JSON.valueToTree(o.command()));
      j.put("log", o.log().toString());
    }
    ObjectNode peaks = meta.putObject("peak");
    summary
        .peaks()
        .forEach((threads, p) -> peaks.set(Integer.toString(threads), JSON.valueToTree(p)));
    meta.set("calibrations", JSON.valueToTree(summary.calibrations()));
    meta.set("rss", JSON.valueToTree(sidecar.stream().filter(s -> s.has("peakRssKb")).toList()));
    meta.set("summary", JSON.valueToTree(summary.rows()));
    meta.set("scaling", JSON.valueToTree(summary.scaling()));
    return meta;
  }

  private Map<String, Object> settingsView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("profile", settings.profile());
    view.put("routes", settings.routes());
    view.put("threadCounts", settings.threadCounts());
    view.put("batchSizes", settings.batchSizes());
    view.put("benchmarks", settings.benchmarks());
    view.put("hidden", settings.hidden());
    view.put("activation", settings.activation());
    view.put("peak", settings.peak());
    view.put("gemmSize", settings.gemmSize());
    view.put("profilers", settings.profilers());
    view.put("root", settings.root().toString());
    return view;
  }
}
