package io.mlpbench.djl;

import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.translate.TranslateException;
import io.mlpbench.core.EpochListener;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Route {@code djl-fit}: DJL's high-level API. {@link #fit} hands the whole run to {@code
 * EasyTrain.fit} over a {@link SharedOrderDataset}; {@link #trainStep} is one {@code
 * EasyTrain.trainBatch} plus {@code trainer.step()}, which is what fit does per batch.
 */
final class FitTrainer extends DjlTrainer {
  private final StepLossListener stepLoss;

  FitTrainer(DjlNetwork network, StepLossListener stepLoss) {
    super(network);
    this.stepLoss = stepLoss;
  }

  @Override
  public float trainStep(Batch batch) {
    Trainer trainer = network.trainer();
    try (ai.djl.training.dataset.Batch staged =
        network.staging().batch(trainer.getManager(), batch, 0, 1)) {
      EasyTrain.trainBatch(trainer, staged);
      trainer.step();
    }
    return stepLoss.lastLoss();
  }

  @Override
  public void fit(Batcher batches, int epochs, EpochListener listener) {
    SharedOrderDataset dataset = new SharedOrderDataset(batches, network.staging());
    stepLoss.beginFit(listener, batches.batchesPerEpoch());
    try {
      EasyTrain.fit(network.trainer(), epochs, dataset, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TranslateException e) {
      throw new IllegalStateException("DJL could not read a batch: " + e.getMessage(), e);
    } finally {
      stepLoss.endFit();
      dataset.closeServed();
    }
  }
}
