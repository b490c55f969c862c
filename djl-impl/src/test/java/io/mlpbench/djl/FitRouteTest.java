package io.mlpbench.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.core.Activation;
import io.mlpbench.core.EpochListener;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** EasyTrain.fit sees the shared batches in the shared order and reports like the default loop. */
class FitRouteTest {
  private static final ModelSpec SPEC = ModelSpec.of(784, new int[] {48}, 10, Activation.TANH);
  private static final int SAMPLES = 300; // batches of 128, 128 and a smaller last one of 44
  private static final int BATCH = 128;

  private static LabeledImages data() {
    SplittableRandom random = new SplittableRandom(8);
    int[] labels = new int[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      labels[i] = random.nextInt(10);
    }
    return new LabeledImages(DjlNetworkTest.randomPixels(SAMPLES, 8), labels, 784, 10);
  }

  private static TrainingConfig config() {
    return TrainingConfig.defaults().withBatchSize(BATCH).withThreads(2);
  }

  /** What the fit listener heard: one entry per call. */
  private record Event(String kind, int epoch, int index, int count, double loss) {}

  @Test
  void fitMatchesTheStepByStepLoopBatchForBatch() {
    Parameters initial = Parameters.initial(SPEC, 17);
    Batcher batcher = new Batcher(data(), BATCH, 99);
    int epochs = 2;

    // The reference: djl-loop's own trainStep over the same batches; the same engine and
    // optimizer run the same float ops, so losses agree to rounding (~1e-7).
    List<Double> expectedEpochLoss = new ArrayList<>();
    try (Trainer loop = Routes.byId("djl-loop").create(SPEC, config(), initial.copy())) {
      for (int e = 1; e <= epochs; e++) {
        double sum = 0;
        for (Batch b : batcher.epoch(e)) {
          sum += loop.trainStep(b);
        }
        expectedEpochLoss.add(sum / batcher.batchesPerEpoch());
      }
    }

    List<Event> events = new ArrayList<>();
    EpochListener listener =
        new EpochListener() {
          @Override
          public void onBatch(int epoch, int batchIndex, int batchCount) {
            events.add(new Event("batch", epoch, batchIndex, batchCount, 0));
          }

          @Override
          public void onEpochEnd(int epoch, double meanTrainingLoss) {
            events.add(new Event("epoch", epoch, -1, -1, meanTrainingLoss));
          }
        };
    try (Trainer fit = Routes.byId("djl-fit").create(SPEC, config(), initial.copy())) {
      fit.fit(batcher, epochs, listener);
    }

    assertThat(events)
        .extracting(Event::kind, Event::epoch, Event::index, Event::count)
        .containsExactly(
            Tuple.tuple("batch", 1, 0, 3),
            Tuple.tuple("batch", 1, 1, 3),
            Tuple.tuple("batch", 1, 2, 3),
            Tuple.tuple("epoch", 1, -1, -1),
            Tuple.tuple("batch", 2, 0, 3),
            Tuple.tuple("batch", 2, 1, 3),
            Tuple.tuple("batch", 2, 2, 3),
            Tuple.tuple("epoch", 2, -1, -1));
    assertThat(events.get(3).loss()).isCloseTo(expectedEpochLoss.get(0), within(1e-6));
    assertThat(events.get(7).loss()).isCloseTo(expectedEpochLoss.get(1), within(1e-6));
  }
}
