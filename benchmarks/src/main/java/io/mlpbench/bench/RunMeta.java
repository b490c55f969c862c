package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -meta.json} beside a run's JMH results: what JMH's format has no place for (status and
 * failures, each route JVM's environment, flags and command, peak RSS, the GEMM peak and its
 * library, the summary rows).
 */
final class RunMeta {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunMeta() {}

  static ObjectNode of(
      BenchSettings settings,
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
    meta.set("settings", JSON.valueToTree(settingsView(settings)));
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
    TheoreticalPeak.ofThisMachine()
        .ifPresent(
            t -> {
              // beside the measured peak, not a denominator: it assumes the FMA unit count
              ObjectNode theoretical = meta.putObject("theoreticalPeak");
              theoretical.put("fmaUnitsPerCoreAssumed", TheoreticalPeak.FMA_UNITS_PER_CORE);
              theoretical.set("machine", JSON.valueToTree(t));
              ObjectNode byThreads = theoretical.putObject("byThreads");
              java.util.SortedSet<Integer> threads =
                  new java.util.TreeSet<>(summary.peaks().keySet());
              summary.rows().forEach(r -> threads.add(r.threads()));
              for (int n : threads) {
                ObjectNode at = byThreads.putObject(Integer.toString(n));
                at.put("gflops", t.gflops(n));
                at.put("formula", t.formula(n));
              }
            });
    meta.set("calibrations", JSON.valueToTree(summary.calibrations()));
    meta.set("rss", JSON.valueToTree(sidecar.stream().filter(s -> s.has("peakRssKb")).toList()));
    meta.set("summary", JSON.valueToTree(summary.rows()));
    meta.set("scaling", JSON.valueToTree(summary.scaling()));
    return meta;
  }

  private static Map<String, Object> settingsView(BenchSettings settings) {
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
