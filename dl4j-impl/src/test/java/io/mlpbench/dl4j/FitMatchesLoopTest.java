package io.mlpbench.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dl4j-fit (DL4J's fit over our iterator, listener-reported losses) and dl4j-loop (our loop over
 * fit(DataSet)) run the same DL4J steps on the same batches, so they must agree: this pins the
 * iterator's epoch order, the smaller last batch and the EpochReporter's per-epoch mean.
 */
class FitMatchesLoopTest {
  /**
   * Both routes execute identical ND4J ops on identical inputs with the same thread count; only
   * run-to-run BLAS reduction order could differ (~1e-7 relative per step), so 1e-5 is generous.
   */
  private static final double SAME_OPS_TOLERANCE = 1e-5;

  @Test
  void fitRouteTrainsExactlyLikeTheLoopRoute() {
    ModelSpec spec = ModelSpec.of(784, new int[] {64}, 10, io.mlpbench.core.Activation.RELU);
    Parameters initial = Parameters.initial(spec, 5);
    TrainingConfig config =
        TrainingConfig.defaults()
            .withOptimizer(OptimizerKind.SGD, 0.1)
            .withBatchSize(100)
            .withThreads(2);
    LabeledImages train = Datasets.load("mnist").train().limit(1050); // 11 batches, the last of 50
    List<Double> fitLosses = new ArrayList<>();
    List<Double> loopLosses = new ArrayList<>();
    List<Integer> fitBatches = new ArrayList<>();
    Parameters fitParameters;
    Parameters loopParameters;
    try (Trainer fit = Dl4jRoute.fit().create(spec, config, initial.copy());
        Trainer loop = Dl4jRoute.loop().create(spec, config, initial.copy())) {
      fit.fit(
          new Batcher(train, 100, 9),
          2,
          new io.mlpbench.core.EpochListener() {
            @Override
            public void onBatch(int epoch, int batchIndex, int batchCount) {
              fitBatches.add(batchIndex);
            }

            @Override
            public void onEpochEnd(int epoch, double meanTrainingLoss) {
              fitLosses.add(meanTrainingLoss);
            }
          });
      loop.fit(new Batcher(train, 100, 9), 2, (epoch, loss) -> loopLosses.add(loss));
      fitParameters = fit.exportParameters();
      loopParameters = loop.exportParameters();
    }
    assertThat(fitBatches).as("onBatch indices over two epochs").hasSize(22);
    assertThat(fitBatches.subList(0, 11)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(fitLosses).hasSize(2);
    for (int e = 0; e < 2; e++) {
      assertThat(fitLosses.get(e))
          .as("epoch %d mean loss", e + 1)
          .isCloseTo(loopLosses.get(e), within(SAME_OPS_TOLERANCE));
    }
    assertThat(fitParameters.maxAbsDifference(loopParameters)).isLessThan(SAME_OPS_TOLERANCE);
  }

  @Test
  void fitAfterSingleStepsStillReportsEveryBatchOfEveryEpoch() {
    // trainStep creates DL4J's Solver without listeners; fit must still reach the EpochReporter
    ModelSpec spec = ModelSpec.of(784, new int[] {16}, 10, io.mlpbench.core.Activation.SIGMOID);
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(50).withThreads(2);
    LabeledImages train = Datasets.load("mnist").train().limit(120); // batches of 50, 50, 20
    List<String> events = new ArrayList<>();
    try (Trainer fit = Dl4jRoute.fit().create(spec, config, Parameters.initial(spec, 3))) {
      fit.trainStep(new Batcher(train, 50, 1).batch(1, 0));
      fit.fit(
          new Batcher(train, 50, 1),
          2,
          new io.mlpbench.core.EpochListener() {
            @Override
            public void onBatch(int epoch, int batchIndex, int batchCount) {
              events.add(epoch + ":" + batchIndex + "/" + batchCount);
            }

            @Override
            public void onEpochEnd(int epoch, double meanTrainingLoss) {
              events.add("end " + epoch);
            }
          });
    }
    assertThat(events)
        .containsExactly("1:0/3", "1:1/3", "1:2/3", "end 1", "2:0/3", "2:1/3", "2:2/3", "end 2");
  }
}
