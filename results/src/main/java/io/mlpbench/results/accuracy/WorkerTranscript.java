package io.mlpbench.results.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.launch.LaunchedJvm;
import io.mlpbench.core.launch.WorkerProtocol;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EpochResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one {@code RouteWorker train} run (see {@code
 * io.mlpbench.core.launch.TrainCommand}), turned into an {@link AccuracyResult}. Anything short of
 * a {@code done} message with every epoch finite is a failed run, with the epoch and the reason.
 */
public final class WorkerTranscript {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RouteInfo route;
  private final long seed;
  private final int threads;
  private final List<EpochResult> epochs = new ArrayList<>();
  private JsonNode done;
  private String failure;
  private Integer failedEpoch;

  /** What the runner knows about the route before it runs. */
  public record RouteInfo(String id, String framework, String frameworkVersion, String style) {}

  public WorkerTranscript(RouteInfo route, long seed, int threads) {
    this.route = route;
    this.seed = seed;
    this.threads = threads;
  }

  /**
   * Reads one stdout line of the worker; returns the decoded message or null for ordinary output. A
   * malformed message is a failure of the run (the protocol is ours, so it must not happen).
   */
  public JsonNode accept(String line) {
    if (!WorkerProtocol.isMessage(line)) {
      return null;
    }
    JsonNode m;
    try {
      m = JSON.readTree(WorkerProtocol.payload(line));
    } catch (IOException e) {
      failOnce(nextEpoch(), "unreadable worker message '" + line + "': " + e.getMessage());
      return null;
    }
    switch (m.path("type").asText()) {
      case "epoch" -> epoch(m);
      case "failed" ->
          failOnce(m.path("epoch").asInt(nextEpoch()), m.path("reason").asText("unknown"));
      case "done" -> done = m;
      default -> {
        // start and batch: progress only
      }
    }
    return m;
  }

  private void epoch(JsonNode m) {
    int epoch = m.path("epoch").asInt();
    JsonNode loss = m.get("loss");
    JsonNode acc = m.get("testAccuracy");
    if (loss == null || !loss.isNumber() || !Double.isFinite(loss.asDouble())) {
      failOnce(epoch, "epoch " + epoch + " reported a non-finite loss (" + loss + ")");
      return;
    }
    if (acc == null || !acc.isNumber()) {
      failOnce(epoch, "epoch " + epoch + " reported no test accuracy");
      return;
    }
    epochs.add(
        new EpochResult(epoch, loss.asDouble(), acc.asDouble(), m.path("seconds").asDouble()));
  }

  private void failOnce(int epoch, String reason) {
    if (failure == null) {
      failure = reason;
      failedEpoch = epoch;
    }
  }

  private int nextEpoch() {
    return epochs.isEmpty() ? 1 : epochs.get(epochs.size() - 1).epoch() + 1;
  }

  /** Epochs reported so far. */
  public List<EpochResult> epochs() {
    return List.copyOf(epochs);
  }

  /**
   * The result once the worker has exited with {@code exitCode}; {@code outputTail} (last lines of
   * its log) explains a worker that died without saying why (e.g. a native crash).
   */
  public AccuracyResult finish(int exitCode, String outputTail) {
    if (failure == null && (done == null || exitCode != 0)) {
      String tail =
          outputTail == null || outputTail.isBlank()
              ? ""
              : "; last output: " + storable(outputTail.strip());
      // what happened first (a kill is not explained by the framework's last log line)
      String what =
          "worker "
              + new LaunchedJvm.Exit(exitCode, false, null).describe()
              + (done == null ? ", before finishing" : "");
      failOnce(epochs.size() + 1, what + tail);
    }
    double trainingSeconds = epochs.stream().mapToDouble(EpochResult::seconds).sum();
    if (failure != null) {
      return new AccuracyResult(
          route.id(),
          route.framework(),
          route.frameworkVersion(),
          route.style(),
          seed,
          AccuracyResult.FAILED,
          failure,
          failedEpoch,
          epochs(),
          null,
          null,
          null,
          rss(),
          threads,
          trainingSeconds);
    }
    TimeToAccuracy t = TimeToAccuracy.of(epochs, TimeToAccuracy.TARGET);
    double finalAccuracy =
        done.path("finalTestAccuracy").isNumber()
            ? done.get("finalTestAccuracy").asDouble()
            : epochs.get(epochs.size() - 1).testAccuracy();
    return new AccuracyResult(
        route.id(),
        route.framework(),
        route.frameworkVersion(),
        route.style(),
        seed,
        AccuracyResult.OK,
        null,
        null,
        epochs(),
        finalAccuracy,
        t.epoch(),
        t.seconds(),
        rss(),
        threads,
        trainingSeconds);
  }

  /** Log text as a record may hold it: NUL (which no store accepts) shown as U+FFFD. */
  private static String storable(String s) {
    return s.replace('\0', '\uFFFD');
  }

  private Long rss() {
    if (done == null || !done.path("peakRssBytes").isNumber()) {
      return null;
    }
    long v = done.get("peakRssBytes").asLong();
    return v < 0 ? null : v;
  }
}
