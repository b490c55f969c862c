package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpbench.core.bench.BenchResults;
import io.mlpbench.core.launch.JmhLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the JMH benchmarks of every route, each route in a JVM of its own (DL4J and TF Java need
 * different javacpp versions, and a native crash must not take other routes down), then merges
 * JMH's results into one standard JMH JSON file under {@code results/jmh/}, writes beside it the
 * typed results every reader uses ({@code -results.json}, core's {@link BenchResults}) and a {@code
 * -meta} file of launch details (each job's command, environment, flags, log), and prints a summary
 * table.
 *
 * <p>A GEMM calibration measured on a busy machine is no peak: the newest quiet peak of the same
 * hardware and thread count from an earlier typed file in the output directory is reused (and
 * labelled so), else "% of peak" is n/a.
 *
 * <p>Exit status: 0 when every route and calibration produced all its results, 1 when any failed
 * (the others still ran and were written), 2 for bad settings.
 */
public final class BenchmarkRunner {
  static final String TRAIN = TrainStepBenchmark.class.getName() + ".trainStep";
  static final String INFERENCE = InferenceBenchmark.class.getName() + ".predict";
  static final String FEED = FeedBenchmark.class.getName() + ".feed";
  static final String GEMM = GemmPeakBenchmark.class.getName() + ".multiply";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** What a run wrote and how it ended. */
  public record Report(
      int exitCode, Path results, Path typed, Path meta, Summary summary, List<String> failures) {}

  private final BenchSettings settings;
  private final Consumer<String> out;

  public BenchmarkRunner(BenchSettings settings, Consumer<String> out) {
    this.settings = settings;
    this.out = out;
  }

  /**
   * Runs the benchmarks as {@code -Dbench.*} says; {@code summarize <jmh-...-results.json>} instead
   * prints the table of an earlier run again.
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[0].equals("summarize")) {
      System.out.println(SummaryTable.render(Summary.of(BenchResults.read(Path.of(args[1])))));
      return;
    }
    if (args.length > 0) {
      System.err.println(
          "usage: BenchmarkRunner [summarize <jmh-...-results.json>]  (settings: -Dbench.*)");
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
    RunPlan plan;
    try {
      plan = RunPlan.of(settings);
    } catch (IllegalArgumentException e) {
      out.accept("bench: " + e.getMessage());
      return new Report(2, null, null, null, null, List.of(e.getMessage()));
    }
    List<BenchResults.FailedJob> failures = new ArrayList<>();
    for (String problem : plan.problems()) {
      failures.add(new BenchResults.FailedJob(null, null, 0, problem));
      out.accept("bench: " + problem);
    }
    if (settings.peak() && !plan.calibrated()) {
      out.accept(
          "bench: no route module provides io.mlpbench.core.GemmProvider; % of peak will be n/a");
    }
    List<JmhJob> jobs = plan.jobs();

    JmhProcess process = new JmhProcess(settings, workDir, out);
    int forks = settings.profile().forks();
    int rounds = settings.interleave() && forks > 1 ? forks : 1;
    JmhProcess roundProcess = new JmhProcess(settings, workDir, out, forks / rounds);
    if (rounds > 1) {
      out.accept(
          "bench: "
              + forks
              + " forks per job in "
              + rounds
              + " rounds of one fork of every job (bench.interleave=false: all forks of a job"
              + " back to back)");
    }
    List<List<JobOutcome>> byJob = new ArrayList<>();
    jobs.forEach(j -> byJob.add(new ArrayList<>()));
    for (int round = 1; round <= rounds; round++) {
      for (int i = 0; i < jobs.size(); i++) {
        JmhJob job = jobs.get(i);
        String step =
            "["
                + (i + 1)
                + "/"
                + jobs.size()
                + (rounds > 1 ? ", round " + round + "/" + rounds : "")
                + "] ";
        out.accept(step + describe(job));
        JobOutcome outcome =
            runWhenJmhIsFree(roundProcess, job, step, rounds > 1 ? "-r" + round : "");
        byJob.get(i).add(outcome);
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
      }
    }
    List<JobOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      JmhJob job = jobs.get(i);
      String step = "[" + (i + 1) + "/" + jobs.size() + "] ";
      JobOutcome outcome = Rounds.merge(byJob.get(i));
      outcomes.add(outcome);
      if (rounds > 1) {
        out.accept(
            step
                + job.label()
                + ": "
                + rounds
                + " rounds, "
                + seconds(outcome)
                + (outcome.failed() ? ", FAILED: " + outcome.failure() : ", ok"));
      }
      if (outcome.failed()) {
        failures.add(
            new BenchResults.FailedJob(
                job.label(),
                job.isCalibration() ? null : job.route().id(),
                job.threads(),
                job.label() + ": " + outcome.failure()));
      }
    }

    if (!plan.contended().isEmpty()) {
      failures.addAll(
          new ContendedScenario(out, ContendedScenario.BusyLoop::start)
              .run(
                  plan.contended(),
                  job -> runWhenJmhIsFree(process, job, "[contended] "),
                  settings.outputDir().resolve(base + "-contended.json")));
    }

    List<JsonNode> results = new ArrayList<>();
    List<JsonNode> sidecar = new ArrayList<>();
    for (JobOutcome o : outcomes) {
      results.addAll(o.results());
      sidecar.addAll(o.sidecar());
    }
    Path resultsFile = settings.outputDir().resolve(base + ".json");
    Path typedFile = settings.outputDir().resolve(BenchResults.fileNameFor(base + ".json"));
    Path metaFile = settings.outputDir().resolve(base + "-meta.json");
    BenchResults.Machine machine = thisMachine();
    BenchResults typed =
        TypedResults.of(
            results,
            sidecar,
            new TypedResults.Run(
                resultsFile.getFileName().toString(),
                settings.profile().name(),
                started.toString(),
                Instant.now().toString(),
                machine,
                failures,
                TheoreticalPeak.ofThisMachine(),
                threads -> BenchResults.lastQuietPeak(settings.outputDir(), machine, threads)));
    try {
      ArrayNode merged = JSON.createArrayNode();
      results.forEach(merged::add);
      JSON.writeValue(resultsFile.toFile(), merged);
      typed.write(typedFile);
      ObjectNode meta = RunMeta.of(settings, typedFile, outcomes);
      ((ObjectNode) meta.get("machine")).put("loadAverageBefore", loadBefore);
      ((ObjectNode) meta.get("machine")).put("loadAverageAfter", systemLoad());
      JSON.writeValue(metaFile.toFile(), meta);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + settings.outputDir(), e);
    }

    Summary summary = Summary.of(typed);
    out.accept("");
    out.accept(SummaryTable.render(summary));
    out.accept("JMH results: " + resultsFile);
    out.accept("Typed results: " + typedFile);
    out.accept("Launch details: " + metaFile);
    List<String> reasons = failures.stream().map(BenchResults.FailedJob::reason).toList();
    if (!reasons.isEmpty()) {
      out.accept("");
      out.accept("FAILED (" + reasons.size() + "):");
      reasons.forEach(f -> out.accept("  " + f));
    }
    return new Report(
        reasons.isEmpty() ? 0 : 1, resultsFile, typedFile, metaFile, summary, reasons);
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

  /**
   * Runs the job once no other JMH run holds JMH's machine-wide lock, waiting at most the profile's
   * timeout; a run that still loses the lock to someone else is retried.
   */
  private JobOutcome runWhenJmhIsFree(JmhProcess process, JmhJob job, String step) {
    return runWhenJmhIsFree(process, job, step, "");
  }

  private JobOutcome runWhenJmhIsFree(
      JmhProcess process, JmhJob job, String step, String fileSuffix) {
    Duration patience = Duration.ofMinutes(settings.profile().timeoutMinutes());
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      if (!settings.ignoreJmhLock()) {
        JmhLock.awaitFree(
            Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), m -> out.accept(step + m));
      }
      JobOutcome outcome = process.run(job, fileSuffix);
      boolean lostTheLock =
          outcome.failed() && outcome.results().isEmpty() && JmhLock.refused(outcome.failure());
      if (!lostTheLock || System.nanoTime() > deadline) {
        return outcome;
      }
      try {
        Thread.sleep(JmhLock.POLL_INTERVAL.toMillis()); // lost a race for the lock: try again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcome;
      }
    }
  }

  /** The hardware a peak belongs to: CPU model ({@code /proc/cpuinfo}) and cores. */
  private static BenchResults.Machine thisMachine() {
    String model = null;
    try {
      model =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(null);
    } catch (IOException | RuntimeException e) {
      // not Linux: the core count alone identifies the hardware
    }
    return new BenchResults.Machine(
        model,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"));
  }

  /** The 1-minute load average (other work on the machine), -1 where unknown. */
  private static double systemLoad() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String seconds(JobOutcome o) {
    return String.format(Locale.ROOT, "%.0f s", o.seconds());
  }
}
