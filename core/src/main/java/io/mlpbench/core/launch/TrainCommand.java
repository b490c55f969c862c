package io.mlpbench.core.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.EpochListener;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Route;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.TrainingDiverged;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.DataOptions;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import io.mlpbench.dataset.TrainTestSplit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code RouteWorker train}: trains one route inside its own JVM and reports on stdout, one {@link
 * WorkerProtocol} message per event (field {@code type}):
 *
 * <ul>
 *   <li>{@code start}: route, threads, batchesPerEpoch, trainSamples, testSamples
 *   <li>{@code batch}: epoch, batch, batches (throttled to a few per second)
 *   <li>{@code epoch}: epoch, loss (mean training loss), testAccuracy, seconds (training wall time
 *       of the epoch; the test evaluation is timed separately as evalSeconds and excluded)
 *   <li>{@code failed}: epoch (0 = before training), reason; the worker then exits with status 3
 *   <li>{@code done}: finalTestAccuracy, trainingSeconds, peakRssBytes (VmHWM), epochs
 * </ul>
 */
public final class TrainCommand {
  /** Exit status of a run that failed (diverged, crashed): distinct from usage errors (2). */
  public static final int FAILED_STATUS = 3;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVAL_CHUNK = 1000;
  private static final long BATCH_REPORT_NANOS = 250_000_000L;

  private final PrintStream out;

  public TrainCommand(PrintStream out) {
    this.out = out;
  }

  /** Loads the data and route named by {@code request} and trains; returns the exit status. */
  public int run(TrainRequest request) {
    TrainTestSplit data;
    Route route;
    try {
      RunSpec.Data limits = request.spec().data();
      DataOptions options = DataOptions.defaults().withTrainLimit(limits.trainLimit());
      if (limits.dataDir() != null) {
        options = options.withDataDir(limits.dataDir());
      }
      data = Datasets.load(request.spec().model().dataset(), options);
      route = io.mlpbench.core.Routes.byId(request.route());
    } catch (RuntimeException e) {
      return fail(0, describe(e));
    }
    int testLimit = request.spec().data().testLimit();
    LabeledImages test = testLimit > 0 ? data.test().limit(testLimit) : data.test();
    return train(route, data.train(), test, request);
  }

  /** Trains {@code route} on {@code train}, evaluating on {@code test} after every epoch. */
  public int train(Route route, LabeledImages train, LabeledImages test, TrainRequest request) {
    Progress progress = null;
    try {
      TrainingConfig config = request.spec().training();
      var spec = request.spec().model().spec(train.featureCount(), train.classCount());
      Batcher batcher = new Batcher(train, config.batchSize(), config.seed());
      emit(
          "start",
          "route",
          route.id(),
          "threads",
          config.threads(),
          "batchesPerEpoch",
          batcher.batchesPerEpoch(),
          "trainSamples",
          train.size(),
          "testSamples",
          test.size());
      try (Trainer trainer = route.create(spec, config, Parameters.initial(spec, config.seed()))) {
        progress = new Progress(trainer, test, spec.classCount());
        progress.epochStart = System.nanoTime();
        trainer.fit(batcher, config.epochs(), progress);
        if (progress.completedEpochs < config.epochs()) {
          return fail(
              progress.completedEpochs + 1,
              "fit returned after "
                  + progress.completedEpochs
                  + " of "
                  + config.epochs()
                  + " epochs");
        }
      }
      emit(
          "done",
          "finalTestAccuracy",
          progress.lastAccuracy,
          "trainingSeconds",
          progress.trainingSeconds,
          "epochs",
          progress.completedEpochs,
          "peakRssBytes",
          peakRssBytes());
      return 0;
    } catch (Throwable t) {
      // a diverged loss seen by our listener may arrive wrapped by the framework's fit()
      if (progress != null && progress.divergence != null) {
        return fail(progress.divergedEpoch, progress.divergence);
      }
      TrainingDiverged diverged = findDiverged(t);
      if (diverged != null) {
        return fail(diverged.epoch(), "non-finite loss (" + diverged.loss() + ")");
      }
      int epoch = progress == null ? 0 : progress.completedEpochs + 1;
      return fail(epoch, describe(t));
    }
  }

  private final class Progress implements EpochListener {
    private final Trainer trainer;
    private final LabeledImages test;
    private final DivergenceRule rule;
    long epochStart;
    long lastBatchReport;
    int completedEpochs;
    double trainingSeconds;
    double lastAccuracy = Double.NaN;
    String divergence;
    int divergedEpoch;

    Progress(Trainer trainer, LabeledImages test, int classes) {
      this.trainer = trainer;
      this.test = test;
      this.rule = new DivergenceRule(classes);
    }

    @Override
    public void onBatch(int epoch, int batchIndex, int batchCount) {
      long now = System.nanoTime();
      if (now - lastBatchReport >= BATCH_REPORT_NANOS || batchIndex == batchCount - 1) {
        lastBatchReport = now;
        emit("batch", "epoch", epoch, "batch", batchIndex + 1, "batches", batchCount);
      }
    }

    @Override
    public void onEpochEnd(int epoch, double meanTrainingLoss) {
      double seconds = (System.nanoTime() - epochStart) / 1e9;
      trainingSeconds += seconds;
      String reason = rule.check(epoch, meanTrainingLoss);
      if (reason != null) {
        divergence = reason;
        divergedEpoch = epoch;
        throw new TrainingDiverged(epoch, meanTrainingLoss);
      }
      long evalStart = System.nanoTime();
      lastAccuracy = accuracy(trainer, test);
      double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
      completedEpochs = epoch;
      emit(
          "epoch",
          "epoch",
          epoch,
          "loss",
          meanTrainingLoss,
          "testAccuracy",
          lastAccuracy,
          "seconds",
          seconds,
          "evalSeconds",
          evalSeconds);
      epochStart = System.nanoTime(); // evaluation and reporting excluded from training time
    }
  }

  /** Fraction of {@code test} classified correctly, predicted in chunks to bound memory. */
  static double accuracy(Trainer trainer, LabeledImages test) {
    int features = test.featureCount();
    float[] all = test.features();
    int[] labels = test.labels();
    int correct = 0;
    for (int start = 0; start < test.size(); start += EVAL_CHUNK) {
      int rows = Math.min(EVAL_CHUNK, test.size() - start);
      float[] chunk = Arrays.copyOfRange(all, start * features, (start + rows) * features);
      int[] predicted = trainer.predictClasses(chunk, rows);
      for (int r = 0; r < rows; r++) {
        if (predicted[r] == labels[start + r]) {
          correct++;
        }
      }
    }
    return (double) correct / test.size();
  }

  /** Peak resident set size of this process (Linux VmHWM), or -1 where unavailable. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024; // reported in kB
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no peak RSS
    }
    return -1;
  }

  private int fail(int epoch, String reason) {
    emit("failed", "epoch", epoch, "reason", reason);
    return FAILED_STATUS;
  }

  private static TrainingDiverged findDiverged(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TrainingDiverged d) {
        return d;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = t.getClass().getSimpleName() + ": " + t.getMessage();
    if (root != t) {
      text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return text;
  }

  private void emit(String type, Object... keyValues) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    for (int i = 0; i < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      // JSON has no NaN: a missing accuracy is sent as null
      if (v instanceof Double d && !Double.isFinite(d)) {
        v = null;
      }
      message.put((String) keyValues[i], v);
    }
    try {
      synchronized (out) {
        out.println(WorkerProtocol.PREFIX + JSON.writeValueAsString(message));
        out.flush();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode worker message " + message, e);
    }
  }
}
