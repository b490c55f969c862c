package io.mlpbench.core;

import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import io.mlpbench.dataset.TrainTestSplit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The numerical checks of the route contract. Each runs a candidate trainer and {@link
 * ReferenceTrainer} (double precision, independent of every route) on the same data from the same
 * parameters and returns the candidate's worst {@link Deviation} relative to the check's tolerance.
 * {@link RouteConformanceTest} requires every ratio to be at most 1; {@link
 * ConformanceRejectsWrongTrainersTest} requires every known-wrong trainer to exceed {@link
 * #REJECTION_MARGIN} in at least one check, so a check that cannot fail is noticed.
 */
public final class Conformance {
  private Conformance() {}

  /** Builds a trainer: a route's {@code create}, the reference's constructor or a mutant's. */
  @FunctionalInterface
  public interface TrainerFactory {
    Trainer create(ModelSpec spec, TrainingConfig config, Parameters initial);
  }

  /** The reference every check compares with. */
  public static final TrainerFactory REFERENCE = ReferenceTrainer::new;

  /** A trainer factory for route {@code id} on this classpath. */
  public static TrainerFactory route(String id) {
    return (spec, config, initial) -> Routes.byId(id).create(spec, config, initial);
  }

  /**
   * Logits agree to 1e-4: each is a float32 sum of up to 784 products per layer, so a float route
   * differs from the double reference by about sqrt(784) x 2^-24 x |terms|, ~1e-5 here; a layout or
   * activation bug is off by O(0.1).
   */
  public static final double LOGIT_TOLERANCE = 1e-4;

  /**
   * Losses and parameters after 20 plain-SGD steps agree to 1e-4: SGD is linear in the gradient, so
   * float rounding (~1e-6 relative per step) stays far below it, while a wrong loss reduction (sum
   * vs mean), a missed bias update or a transposed weight moves values by >= 1e-3.
   */
  public static final double SGD_TOLERANCE = 1e-4;

  /**
   * Adam losses over 10 steps (eps 1e-7) agree to 2e-4. Measured against the reference: DJL, DL4J
   * and TF within 2.3e-6; manual 4.2e-5, because of the relu flip described at {@link
   * #ADAM_PARAMETER_RMS_TOLERANCE}. A missing bias correction changes the losses by ~0.6, a sum
   * instead of a mean by ~100.
   */
  public static final double ADAM_LOSS_TOLERANCE = 2e-4;

  /**
   * Adam parameters after 10 steps (eps 1e-7) agree to 1e-4 in root mean square over each weight
   * and bias array. Not the maximum: a relu unit whose pre-activation lies within float rounding of
   * 0 is on in one implementation and off in the other, and with eps = 1e-7 Adam moves a parameter
   * by ~lr = 1e-3 whatever the size of its gradient, so the weights feeding that unit take
   * different steps from then on. Measured: in manual, hidden unit 160 flips at step 8; after 10
   * steps 28k of W0's 401k weights differ by > 1e-5, by up to 1.6e-3, and W0's RMS difference is
   * 1.3e-5 (DJL, DL4J and TF had no flip here: RMS below 1.2e-6). A dropped bias gradient moves an
   * RMS by 4.7e-3, a missing bias correction the losses by ~0.6.
   */
  public static final double ADAM_PARAMETER_RMS_TOLERANCE = 1e-4;

  /**
   * Epsilon for the epsilon-form check: 1e-4, of the size of sqrt(v) after the first steps (|g| ~
   * 1e-3 gives sqrt(v) ~ 3e-5 at t = 1), so the two forms (eps added to sqrt(v), or to sqrt(v_hat)
   * = sqrt(v) / sqrt(1 - b2^t), i.e. eps x 0.03 on the scale of sqrt(v)) take different steps for
   * most parameters instead of only for those with a near-zero gradient. Such an epsilon also damps
   * the amplification of rounding: the routes agree with the reference far more closely here.
   */
  public static final double FORM_EPSILON = 1e-4;

  /**
   * Parameters after 10 Adam steps with eps = {@link #FORM_EPSILON} agree to 3e-6 in RMS per array.
   * Measured with that epsilon: the routes within 2.1e-7 (TF, in b1: the bias of a relu unit on the
   * rounding edge, which also moved one weight of W1 by 1.3e-5 in DJL and DL4J, so the maximum is
   * no measure here either); the torch form vs the suite's form 1.7e-3 to 2.3e-3 in every weight
   * array, ~700 times the tolerance.
   */
  public static final double FORM_PARAMETER_RMS_TOLERANCE = 3e-6;

  /**
   * An MNIST subset run (6,000 samples, 2 epochs of Adam, batch 128, canonical MLP, seed 7) must
   * reach 0.85 on 2,000 test samples. Measured: the reference scores 0.9030 (epoch losses 0.631,
   * 0.213), the routes 0.9015 (manual) to 0.9035 (DJL), so the threshold sits 0.05 below the
   * reference, far outside the ~0.002 that float rounding moves it, while an untrained net scores
   * ~0.1. (The old threshold of 0.90 had no margin: the reference itself was within 0.003 of it.)
   * Subtle errors (the epsilon form, a partial batch's mean) change this accuracy by less than its
   * noise: the comparisons with the reference catch those: manual with its bias gradient dropped
   * still scored 0.9000.
   */
  public static final double SUBSET_ACCURACY_THRESHOLD = 0.85;

  /**
   * A known-wrong trainer must exceed a check's tolerance by this factor: a bug whose effect is
   * that much larger than the allowed float rounding is caught in a float route too.
   */
  public static final double REJECTION_MARGIN = 10;

  static final long SEED = 7;
  static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

  /** Samples of the partial-batch fit: batches of 64, 64, 64 and a last one of 8. */
  static final int PARTIAL_FIT_SAMPLES = 200;

  static final int PARTIAL_FIT_BATCH = 64;

  private static TrainTestSplit mnist;
  private static final Map<String, Object> REFERENCE_RUNS = new ConcurrentHashMap<>();

  /** How far a candidate is from the reference in one check, relative to the tolerance. */
  public record Deviation(String check, String worstAt, double value, double tolerance) {
    /** value / tolerance; infinite when the candidate produced NaN. */
    public double ratio() {
      return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value / tolerance;
    }

    public boolean passes() {
      return ratio() <= 1;
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "%s: worst %s = %.3g (tolerance %.1g, ratio %.3g)",
          check,
          worstAt,
          value,
          tolerance,
          ratio());
    }
  }

  static synchronized TrainTestSplit mnist() {
    if (mnist == null) {
      mnist = Datasets.load("mnist");
    }
    return mnist;
  }

  static TrainingConfig config(OptimizerKind optimizer, double lr, int batchSize) {
    return TrainingConfig.defaults()
        .withOptimizer(optimizer, lr)
        .withBatchSize(batchSize)
        .withSeed(SEED)
        .withThreads(THREADS);
  }

  /** Logits of one 64-sample test batch on a small net, before any training. */
  public static Deviation logits(TrainerFactory candidate, Activation activation) {
    ModelSpec spec =
        new ModelSpec(new int[] {784, 64, 32, 10}, activation, WeightInit.GLOROT_UNIFORM);
    Parameters initial = Parameters.initial(spec, SEED);
    TrainingConfig config = config(OptimizerKind.SGD, 0.1, 64);
    Batch batch = new Batcher(mnist().test(), 64, SEED).batch(1, 0);
    float[] expected =
        reference(
            "logits " + activation,
            () -> {
              try (Trainer t = REFERENCE.create(spec, config, initial.copy())) {
                return t.predictLogits(batch.features(), batch.rows());
              }
            });
    try (Trainer t = candidate.create(spec, config, initial.copy())) {
      Worst worst = new Worst("logits (" + activation.id() + ")");
      worst.compare(
          "logits", t.predictLogits(batch.features(), batch.rows()), expected, LOGIT_TOLERANCE);
      return worst.deviation();
    }
  }

  /** Losses of 20 SGD steps (lr 0.1, batch 64, canonical MLP) and the parameters after them. */
  public static Deviation sgdSteps(TrainerFactory candidate) {
    return steps(
        "20 SGD steps",
        config(OptimizerKind.SGD, 0.1, 64),
        20,
        SGD_TOLERANCE,
        (worst, actual, expected) -> worst.compare("parameters", actual, expected, SGD_TOLERANCE),
        candidate);
  }

  /** Losses of 10 Adam steps (lr 1e-3, eps 1e-7, batch 64) and the parameters after them. */
  public static Deviation adamSteps(TrainerFactory candidate) {
    return steps(
        "10 Adam steps",
        config(OptimizerKind.ADAM, 1e-3, 64),
        10,
        ADAM_LOSS_TOLERANCE,
        (worst, actual, expected) ->
            worst.compareRms("parameters", actual, expected, ADAM_PARAMETER_RMS_TOLERANCE),
        candidate);
  }

  /** Losses and parameters of 10 Adam steps with eps = {@link #FORM_EPSILON}. */
  public static Deviation adamEpsilonForm(TrainerFactory candidate) {
    return steps(
        "Adam epsilon form",
        withEpsilon(config(OptimizerKind.ADAM, 1e-3, 64), FORM_EPSILON),
        10,
        ADAM_LOSS_TOLERANCE,
        (worst, actual, expected) ->
            worst.compareRms("parameters", actual, expected, FORM_PARAMETER_RMS_TOLERANCE),
        candidate);
  }

  /** {@code config} with another Adam epsilon. */
  static TrainingConfig withEpsilon(TrainingConfig c, double epsilon) {
    return new TrainingConfig(
        c.optimizer(),
        c.learningRate(),
        c.beta1(),
        c.beta2(),
        epsilon,
        c.adamForm(),
        c.batchSize(),
        c.epochs(),
        c.seed(),
        c.threads());
  }

  /**
   * {@code fit} for 2 epochs of SGD over {@value #PARTIAL_FIT_SAMPLES} samples in batches of
   * {@value #PARTIAL_FIT_BATCH}: the last batch of each epoch has 8 rows. It must be trained, and
   * its loss must be the mean over its own 8 rows; the epoch losses (the mean of the 4 batch
   * losses) and the final parameters are compared.
   */
  public static Deviation fitWithPartialLastBatch(TrainerFactory candidate) {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, SEED);
    TrainingConfig config = config(OptimizerKind.SGD, 0.1, PARTIAL_FIT_BATCH);
    LabeledImages data = mnist().train().limit(PARTIAL_FIT_SAMPLES);
    FitRun expected =
        reference("partial fit", () -> FitRun.of(REFERENCE, spec, config, initial, data));
    FitRun actual = FitRun.of(candidate, spec, config, initial, data);
    Worst worst = new Worst("fit with a partial last batch");
    worst.compare("epoch losses", actual.epochLosses(), expected.epochLosses(), SGD_TOLERANCE);
    worst.compare("parameters", actual.parameters(), expected.parameters(), SGD_TOLERANCE);
    return worst.deviation();
  }

  /**
   * Test accuracy after {@code fit} for 2 epochs of Adam over 6,000 training samples, on 2,000 test
   * samples; {@code epochLosses} receives the listener's losses.
   */
  public static double subsetAccuracy(TrainerFactory candidate, List<Double> epochLosses) {
    ModelSpec spec = ModelSpec.canonical();
    TrainingConfig config = config(OptimizerKind.ADAM, 1e-3, 128);
    LabeledImages train = mnist().train().limit(6000);
    LabeledImages test = mnist().test().limit(2000);
    try (Trainer trainer = candidate.create(spec, config, Parameters.initial(spec, SEED))) {
      trainer.fit(new Batcher(train, 128, SEED), 2, (epoch, loss) -> epochLosses.add(loss));
      int[] predicted = trainer.predictClasses(test.features(), test.size());
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == test.label(i) ? 1 : 0;
      }
      return correct / (double) test.size();
    }
  }

  /** How a check compares the parameters after its steps. */
  private interface ParameterComparison {
    void compare(Worst worst, Parameters actual, Parameters expected);
  }

  private static Deviation steps(
      String check,
      TrainingConfig config,
      int count,
      double lossTolerance,
      ParameterComparison parameters,
      TrainerFactory candidate) {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, SEED);
    List<Batch> batches = firstBatches(mnist().train(), config.batchSize(), count);
    StepRun expected =
        reference(check, () -> StepRun.of(REFERENCE, spec, config, initial, batches));
    StepRun actual = StepRun.of(candidate, spec, config, initial, batches);
    Worst worst = new Worst(check);
    worst.compare("losses", actual.losses(), expected.losses(), lossTolerance);
    parameters.compare(worst, actual.parameters(), expected.parameters());
    return worst.deviation();
  }

  /** The losses of a sequence of steps and the parameters after them. */
  private record StepRun(float[] losses, Parameters parameters) {
    static StepRun of(
        TrainerFactory factory,
        ModelSpec spec,
        TrainingConfig config,
        Parameters initial,
        List<Batch> batches) {
      try (Trainer t = factory.create(spec, config, initial.copy())) {
        float[] losses = new float[batches.size()];
        for (int s = 0; s < batches.size(); s++) {
          losses[s] = t.trainStep(batches.get(s));
        }
        return new StepRun(losses, t.exportParameters());
      }
    }
  }

  /** The epoch losses a {@code fit} reported and the parameters after it. */
  private record FitRun(float[] epochLosses, Parameters parameters) {
    static FitRun of(
        TrainerFactory factory,
        ModelSpec spec,
        TrainingConfig config,
        Parameters initial,
        LabeledImages data) {
      List<Double> losses = new ArrayList<>();
      try (Trainer t = factory.create(spec, config, initial.copy())) {
        t.fit(new Batcher(data, config.batchSize(), SEED), 2, (epoch, loss) -> losses.add(loss));
        float[] epochLosses = new float[losses.size()];
        for (int e = 0; e < epochLosses.length; e++) {
          epochLosses[e] = losses.get(e).floatValue();
        }
        return new FitRun(epochLosses, t.exportParameters());
      }
    }
  }

  /** The largest deviation relative to its tolerance over several compared arrays. */
  private static final class Worst {
    private final String check;
    private Deviation worst;

    Worst(String check) {
      this.check = check;
    }

    void compare(String what, float[] actual, float[] expected, double tolerance) {
      if (actual.length != expected.length) {
        keep(
            new Deviation(
                check,
                what + " count " + actual.length + " vs " + expected.length,
                Double.NaN,
                tolerance));
        return;
      }
      for (int k = 0; k < expected.length; k++) {
        double d = Math.abs((double) actual[k] - expected[k]);
        keep(
            new Deviation(
                check, what + "[" + k + "]", Double.isNaN(d) ? Double.NaN : d, tolerance));
      }
    }

    void compare(String what, Parameters actual, Parameters expected, double tolerance) {
      for (int l = 0; l < expected.layerCount(); l++) {
        compare(what + ": W" + l, actual.weights(l), expected.weights(l), tolerance);
        compare(what + ": b" + l, actual.biases(l), expected.biases(l), tolerance);
      }
    }

    /** Root mean square of the differences, per weight and bias array. */
    void compareRms(String what, Parameters actual, Parameters expected, double tolerance) {
      for (int l = 0; l < expected.layerCount(); l++) {
        keep(rms(what + ": rms of W" + l, actual.weights(l), expected.weights(l), tolerance));
        keep(rms(what + ": rms of b" + l, actual.biases(l), expected.biases(l), tolerance));
      }
    }

    private Deviation rms(String what, float[] actual, float[] expected, double tolerance) {
      double sum = 0;
      for (int k = 0; k < expected.length; k++) {
        double d = (double) actual[k] - expected[k];
        sum += d * d;
      }
      return new Deviation(check, what, Math.sqrt(sum / expected.length), tolerance);
    }

    private void keep(Deviation d) {
      if (worst == null || d.ratio() > worst.ratio()) {
        worst = d;
      }
    }

    Deviation deviation() {
      if (worst == null) {
        throw new IllegalStateException(check + " compared nothing");
      }
      return worst;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T reference(String key, Supplier<T> run) {
    // the reference is slow (double loops) and the same for every route and mutant: run it once
    return (T) REFERENCE_RUNS.computeIfAbsent(key, k -> run.get());
  }

  static List<Batch> firstBatches(LabeledImages data, int batchSize, int count) {
    List<Batch> batches = new ArrayList<>();
    Iterator<Batch> it = new Batcher(data, batchSize, SEED).epoch(1).iterator();
    while (batches.size() < count && it.hasNext()) {
      batches.add(it.next().copy());
    }
    return batches;
  }
}
