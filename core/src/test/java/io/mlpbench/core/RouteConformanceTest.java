package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import io.mlpbench.dataset.TrainTestSplit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every route must meet, run by each route module against itself with the {@code
 * manual} route as the reference. Subclass it and name the route.
 */
public abstract class RouteConformanceTest {

  /**
   * Logits agree to 1e-4: each is a float32 sum of up to 784 products per layer, so two correct
   * implementations summing in different orders differ by about sqrt(784) x 2^-24 x |terms|, i.e.
   * ~1e-5 here; a layout or activation bug is off by O(0.1).
   */
  static final double LOGIT_TOLERANCE = 1e-4;

  /**
   * Loss and parameters after 20 plain-SGD steps agree to 1e-4: SGD is linear in the gradient, so
   * float rounding differences (~1e-6 relative per step) stay far below it, while a wrong loss
   * reduction (sum vs mean), a missed bias update or a transposed weight moves values by >= 1e-3.
   */
  static final double SGD_TOLERANCE = 1e-4;

  /**
   * Adam losses agree to 1e-3 over 10 steps: Adam divides by sqrt(v), which amplifies rounding
   * differences for near-zero gradients, so only the aggregate loss is compared; a wrong learning
   * rate, missing bias correction or wrong betas changes the loss by > 1e-2 within 10 steps.
   */
  static final double ADAM_LOSS_TOLERANCE = 1e-3;

  /**
   * A 6,000-sample, 2-epoch Adam run of the canonical MLP scores about 0.93-0.95 on 2,000 test
   * samples with the reference route; 0.90 leaves room for seed noise but fails any route whose
   * training is broken (an untrained net scores ~0.1).
   */
  static final double SUBSET_ACCURACY_THRESHOLD = 0.90;

  static final long SEED = 7;
  static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

  private static TrainTestSplit mnist;

  /** The route under test, e.g. {@code "dl4j-fit"}. */
  protected abstract String routeId();

  protected static synchronized TrainTestSplit mnist() {
    if (mnist == null) {
      mnist = Datasets.load("mnist");
    }
    return mnist;
  }

  private static TrainingConfig config(OptimizerKind optimizer, double lr, int batchSize) {
    return TrainingConfig.defaults()
        .withOptimizer(optimizer, lr)
        .withBatchSize(batchSize)
        .withSeed(SEED)
        .withThreads(THREADS);
  }

  private Trainer create(String id, ModelSpec spec, TrainingConfig config, Parameters initial) {
    return Routes.byId(id).create(spec, config, initial.copy());
  }

  @Test
  void exportsTheSharedInitialParametersExactly() {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, SEED);
    try (Trainer trainer =
        create(routeId(), spec, config(OptimizerKind.ADAM, 1e-3, 128), initial)) {
      Parameters exported = trainer.exportParameters();
      assertThat(exported.exactlyEquals(initial))
          .as(
              "parameters exported before training equal the shared initial ones bit for bit"
                  + " (max difference %s)",
              exported.maxAbsDifference(initial))
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void logitsMatchTheReference(Activation activation) {
    ModelSpec spec =
        new ModelSpec(new int[] {784, 64, 32, 10}, activation, WeightInit.GLOROT_UNIFORM);
    Parameters initial = Parameters.initial(spec, SEED);
    TrainingConfig config = config(OptimizerKind.SGD, 0.1, 64);
    Batch batch = new Batcher(mnist().test(), 64, SEED).batch(1, 0);
    float[] expected;
    try (Trainer reference = create("manual", spec, config, initial)) {
      expected = reference.predictLogits(batch.features(), batch.rows());
    }
    try (Trainer trainer = create(routeId(), spec, config, initial)) {
      float[] actual = trainer.predictLogits(batch.features(), batch.rows());
      assertThat(actual).hasSize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat((double) actual[i])
            .as("logit %d (%s)", i, activation)
            .isCloseTo(expected[i], within(LOGIT_TOLERANCE));
      }
    }
  }

  @Test
  void twentySgdStepsMatchTheReference() {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, SEED);
    TrainingConfig config = config(OptimizerKind.SGD, 0.1, 64);
    List<Batch> batches = firstBatches(mnist().train(), 64, 20);

    float[] expectedLosses = new float[batches.size()];
    Parameters expected;
    try (Trainer reference = create("manual", spec, config, initial)) {
      for (int s = 0; s < batches.size(); s++) {
        expectedLosses[s] = reference.trainStep(batches.get(s));
      }
      expected = reference.exportParameters();
    }
    try (Trainer trainer = create(routeId(), spec, config, initial)) {
      for (int s = 0; s < batches.size(); s++) {
        float loss = trainer.trainStep(batches.get(s));
        assertThat((double) loss)
            .as("loss of SGD step %d", s + 1)
            .isCloseTo(expectedLosses[s], within(SGD_TOLERANCE));
      }
      double difference = trainer.exportParameters().maxAbsDifference(expected);
      assertThat(difference)
          .as("max parameter difference after 20 SGD steps")
          .isLessThan(SGD_TOLERANCE);
    }
  }

  @Test
  void tenAdamStepsTrackTheReferenceLoss() {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, SEED);
    TrainingConfig config = config(OptimizerKind.ADAM, 1e-3, 64);
    List<Batch> batches = firstBatches(mnist().train(), 64, 10);
    float[] expectedLosses = new float[batches.size()];
    try (Trainer reference = create("manual", spec, config, initial)) {
      for (int s = 0; s < batches.size(); s++) {
        expectedLosses[s] = reference.trainStep(batches.get(s));
      }
    }
    try (Trainer trainer = create(routeId(), spec, config, initial)) {
      for (int s = 0; s < batches.size(); s++) {
        float loss = trainer.trainStep(batches.get(s));
        assertThat((double) loss)
            .as("loss of Adam step %d", s + 1)
            .isCloseTo(expectedLosses[s], within(ADAM_LOSS_TOLERANCE));
      }
    }
  }

  @Test
  void shortRunOnAnMnistSubsetLearns() {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, SEED);
    TrainingConfig config = config(OptimizerKind.ADAM, 1e-3, 128);
    LabeledImages train = mnist().train().limit(6000);
    LabeledImages test = mnist().test().limit(2000);
    List<Double> epochLosses = new ArrayList<>();
    try (Trainer trainer = create(routeId(), spec, config, initial)) {
      trainer.fit(new Batcher(train, 128, SEED), 2, (epoch, loss) -> epochLosses.add(loss));
      int[] predicted = trainer.predictClasses(test.features(), test.size());
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == test.label(i) ? 1 : 0;
      }
      double accuracy = correct / (double) test.size();
      assertThat(epochLosses).as("one mean loss per epoch").hasSize(2);
      assertThat(epochLosses.get(1))
          .as("loss falls from epoch 1 to 2")
          .isLessThan(epochLosses.get(0));
      assertThat(accuracy)
          .as("test accuracy after 2 epochs on 6,000 samples")
          .isGreaterThanOrEqualTo(SUBSET_ACCURACY_THRESHOLD);
    }
  }

  @Test
  void nonFiniteLossIsAFailureNotAResult() {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, SEED);
    LabeledImages subset = mnist().train().limit(256);
    float[] poisoned = subset.features().clone();
    poisoned[3] = Float.NaN; // one NaN pixel makes the first batch's loss NaN in any framework
    LabeledImages data =
        new LabeledImages(poisoned, subset.labels(), subset.featureCount(), subset.classCount());
    try (Trainer trainer = create(routeId(), spec, config(OptimizerKind.ADAM, 1e-3, 64), initial)) {
      assertThatThrownBy(() -> trainer.fit(new Batcher(data, 64, SEED), 1, EpochListener.NONE))
          .isInstanceOf(TrainingDiverged.class)
          .satisfies(e -> assertThat(((TrainingDiverged) e).epoch()).isEqualTo(1));
    }
  }

  private static List<Batch> firstBatches(LabeledImages data, int batchSize, int count) {
    List<Batch> batches = new ArrayList<>();
    Iterator<Batch> it = new Batcher(data, batchSize, SEED).epoch(1).iterator();
    while (batches.size() < count && it.hasNext()) {
      batches.add(it.next().copy());
    }
    return batches;
  }
}
