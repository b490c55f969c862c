package io.mlpbench.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.mlpbench.dataset.Batch;

/**
 * Route {@code djl-loop}: our own loop around DJL's {@link GradientCollector} (its analogue of
 * tf.GradientTape). Fit is the interface's default loop over {@link #trainStep}.
 */
final class LoopTrainer extends DjlTrainer {

  LoopTrainer(DjlNetwork network) {
    super(network);
  }

  @Override
  public float trainStep(Batch batch) {
    Trainer trainer = network.trainer();
    BatchStaging staging = network.staging();
    // Every array of the step (inputs, activations, logits, loss) lives in this sub-manager and is
    // freed when it closes; the gradients step() reads are closed by DJL's parameter server.
    try (NDManager scope = trainer.getManager().newSubManager()) {
      NDList features = new NDList(staging.features(scope, batch.features(), 0, batch.rows()));
      NDList labels = new NDList(staging.labels(scope, batch.labels(), batch.rows()));
      float loss;
      try (GradientCollector tape = trainer.newGradientCollector()) {
        NDList logits = trainer.forward(features, labels);
        NDArray lossValue = trainer.getLoss().evaluate(labels, logits);
        tape.backward(lossValue);
        loss = lossValue.getFloat();
      }
      trainer.step();
      return loss;
    }
  }
}
