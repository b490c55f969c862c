package io.mlpbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -meta.json} beside a run's results: how each JMH job was launched (environment, flags,
 * command, log, exit code), for diagnosis. The measured facts, failures included, are in the typed
 * results file it names.
 */
final class RunMeta {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunMeta() {}

  static ObjectNode of(BenchSettings settings, Path typedFile, List<JobOutcome> outcomes) {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("results", typedFile.getFileName().toString());
    ObjectNode machine = meta.putObject("machine");
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
    view.put("forksInRounds", settings.interleave() && settings.profile().forks() > 1);
    view.put("gemmSize", settings.gemmSize());
    view.put("profilers", settings.profilers());
    view.put("root", settings.root().toString());
    return view;
  }
}
