package io.mlpbench.djl;

import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import io.mlpbench.core.EpochListener;
import io.mlpbench.core.TrainingDiverged;

/**
 * Bridges DJL's training events to ours. EasyTrain calls {@link #onTrainingBatch} after a batch's
 * forward and backward but before {@code trainer.step()}, with that forward pass's predictions, so
 * the loss read here is the batch's pre-update mean loss (re-evaluated from the kept logits: a
 * (rows x classes) softmax, negligible next to the step). During a fit it also tells our listener
 * about every batch and epoch, and stops the run on a non-finite loss.
 */
final class StepLossListener implements TrainingListener {
  private float lastLoss = Float.NaN;
  private EpochListener listener;
  private int epoch;
  private int batchIndex;
  private int batchCount;
  private double lossSum;

  /** The loss of the most recent training batch. */
  float lastLoss() {
    return lastLoss;
  }

  /** Starts forwarding events to {@code listener}, epochs counted from 1. */
  void beginFit(EpochListener listener, int batchCount) {
    this.listener = listener;
    this.batchCount = batchCount;
    this.epoch = 1;
    this.batchIndex = 0;
    this.lossSum = 0;
  }

  void endFit() {
    listener = null;
  }

  @Override
  public void onTrainingBatch(Trainer trainer, BatchData batchData) {
    // One device (the CPU), so one entry each.
    NDList labels = batchData.getLabels().values().iterator().next();
    NDList predictions = batchData.getPredictions().values().iterator().next();
    // The arrays evaluate creates belong to the batch's sub-manager and close with it.
    lastLoss = trainer.getLoss().evaluate(labels, predictions).getFloat();
    if (listener == null) {
      return;
    }
    if (!Float.isFinite(lastLoss)) {
      throw new TrainingDiverged(epoch, lastLoss);
    }
    lossSum += lastLoss;
    listener.onBatch(epoch, batchIndex++, batchCount);
  }

  @Override
  public void onEpoch(Trainer trainer) {
    if (listener == null) {
      return;
    }
    listener.onEpochEnd(epoch, lossSum / batchIndex);
    epoch++;
    batchIndex = 0;
    lossSum = 0;
  }

  @Override
  public void onValidationBatch(Trainer trainer, BatchData batchData) {}

  @Override
  public void onTrainingBegin(Trainer trainer) {}

  @Override
  public void onTrainingEnd(Trainer trainer) {}
}
