package io.mlpbench.dl4j;

import io.mlpbench.core.EpochListener;
import io.mlpbench.core.TrainingDiverged;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Tells an {@link EpochListener} about DL4J's fit() progress and stops a diverged run. It reads
 * {@code model.score()} after every iteration: fit() computes that score in every forward pass
 * whether or not a listener is attached (MultiLayerNetwork.computeGradientAndScore), so reading it
 * adds no native work; the listener's other hooks are DL4J's empty defaults.
 */
final class EpochReporter extends BaseTrainingListener {
  private final int batchesPerEpoch;
  private final EpochListener listener;
  private int epoch = 1;
  private int batchIndex;
  private double lossSum;

  EpochReporter(int batchesPerEpoch, EpochListener listener) {
    this.batchesPerEpoch = batchesPerEpoch;
    this.listener = listener;
  }

  /** After each step; the score is this batch's loss from the step's forward pass (pre-update). */
  @Override
  public void iterationDone(Model model, int iteration, int dl4jEpoch) {
    double loss = model.score();
    if (!Double.isFinite(loss)) {
      throw new TrainingDiverged(epoch, loss);
    }
    lossSum += (float) loss; // the float loss, as trainStep and the default fit() report it
    listener.onBatch(epoch, batchIndex++, batchesPerEpoch);
  }

  @Override
  public void onEpochEnd(Model model) {
    if (batchIndex != batchesPerEpoch) {
      throw new IllegalStateException(
          "epoch " + epoch + " ran " + batchIndex + " batches, expected " + batchesPerEpoch);
    }
    listener.onEpochEnd(epoch, lossSum / batchesPerEpoch);
    epoch++;
    batchIndex = 0;
    lossSum = 0;
  }
}
