package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every route must meet, run by each route module against itself; {@code manual}
 * included. The yardstick is {@link ReferenceTrainer}, double precision and independent of every
 * route, so no route is compared with itself. The checks and their tolerances are in {@link
 * Conformance}; {@link ConformanceRejectsWrongTrainersTest} shows that each can fail. Subclass it
 * and name the route.
 */
public abstract class RouteConformanceTest {

  /** The route under test, e.g. {@code "dl4j-fit"}. */
  protected abstract String routeId();

  private Conformance.TrainerFactory route() {
    return Conformance.route(routeId());
  }

  private void assertPasses(Conformance.Deviation deviation) {
    // printed so a run shows how much room each route has, not only that it passed
    System.out.println("conformance " + routeId() + ": " + deviation);
    assertThat(deviation.passes()).as("%s, route %s", deviation, routeId()).isTrue();
  }

  @Test
  void exportsTheSharedInitialParametersExactly() {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, Conformance.SEED);
    TrainingConfig config = Conformance.config(OptimizerKind.ADAM, 1e-3, 128);
    try (Trainer trainer = route().create(spec, config, initial.copy())) {
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
    assertPasses(Conformance.logits(route(), activation));
  }

  @Test
  void twentySgdStepsMatchTheReference() {
    assertPasses(Conformance.sgdSteps(route()));
  }

  @Test
  void tenAdamStepsMatchTheReferenceInLossesAndParameters() {
    assertPasses(Conformance.adamSteps(route()));
  }

  @Test
  void adamAddsEpsilonInTheSuitesForm() {
    assertPasses(Conformance.adamEpsilonForm(route()));
  }

  @Test
  void fitTrainsTheLastPartialBatchWithItsOwnMean() {
    assertPasses(Conformance.fitWithPartialLastBatch(route()));
  }

  @Test
  void shortRunOnAnMnistSubsetLearns() {
    List<Double> epochLosses = new ArrayList<>();
    double accuracy = Conformance.subsetAccuracy(route(), epochLosses);
    System.out.printf("conformance %s: subset accuracy %.4f%n", routeId(), accuracy);
    assertThat(epochLosses).as("one mean loss per epoch").hasSize(2);
    assertThat(epochLosses.get(1))
        .as("loss falls from epoch 1 to 2")
        .isLessThan(epochLosses.get(0));
    assertThat(accuracy)
        .as("test accuracy after 2 epochs on 6,000 samples")
        .isGreaterThanOrEqualTo(Conformance.SUBSET_ACCURACY_THRESHOLD);
  }

  /**
   * feed() stages the batch it is given (its last value comes back from the staged input, for two
   * batches of different sizes, so a reused buffer must follow the size) and trains nothing.
   */
  @Test
  void feedStagesTheBatchAndChangesNoParameter() {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, Conformance.SEED);
    TrainingConfig config = Conformance.config(OptimizerKind.ADAM, 1e-3, 8);
    try (Trainer trainer = route().create(spec, config, initial.copy())) {
      for (int rows : new int[] {8, 5}) {
        float[] features = new float[8 * spec.inputSize()];
        for (int i = 0; i < features.length; i++) {
          features[i] = (i % 251) / 256f; // exact in float, and no two neighbours equal
        }
        float last = 0.5f + rows / 64f;
        features[rows * spec.inputSize() - 1] = last;
        int[] labels = new int[8];
        for (int r = 0; r < labels.length; r++) {
          labels[r] = r % spec.classCount();
        }
        Batch batch = new Batch(features, labels, rows, spec.inputSize(), spec.classCount());
        assertThat(trainer.feed(batch)).as("last staged value, %d rows", rows).isEqualTo(last);
      }
      assertThat(trainer.exportParameters().exactlyEquals(initial))
          .as("parameters after feeding")
          .isTrue();
    }
  }

  @Test
  void nonFiniteLossIsAFailureNotAResult() {
    ModelSpec spec = ModelSpec.canonical();
    Parameters initial = Parameters.initial(spec, Conformance.SEED);
    LabeledImages subset = Conformance.mnist().train().limit(256);
    float[] poisoned = subset.features().clone();
    poisoned[3] = Float.NaN; // one NaN pixel makes the first batch's loss NaN in any framework
    LabeledImages data =
        new LabeledImages(poisoned, subset.labels(), subset.featureCount(), subset.classCount());
    TrainingConfig config = Conformance.config(OptimizerKind.ADAM, 1e-3, 64);
    try (Trainer trainer = route().create(spec, config, initial)) {
      assertThatThrownBy(
              () -> trainer.fit(new Batcher(data, 64, Conformance.SEED), 1, EpochListener.NONE))
          .isInstanceOf(TrainingDiverged.class)
          .satisfies(e -> assertThat(((TrainingDiverged) e).epoch()).isEqualTo(1));
    }
  }
}
