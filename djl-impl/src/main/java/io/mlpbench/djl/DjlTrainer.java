package io.mlpbench.djl;

import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;

/** What both DJL routes share: prediction, export and cleanup of one {@link DjlNetwork}. */
abstract class DjlTrainer implements Trainer {
  protected final DjlNetwork network;

  DjlTrainer(DjlNetwork network) {
    this.network = network;
  }

  /**
   * The batch staged as both routes' steps stage it (features and int64 labels copied into the
   * reused direct buffers, wrapped as PyTorch tensors in a sub-manager), then freed.
   */
  @Override
  public float feed(io.mlpbench.dataset.Batch batch) {
    try (ai.djl.training.dataset.Batch staged =
        network.staging().batch(network.trainer().getManager(), batch, 0, 1)) {
      return staged.getData().head().getFloat(batch.rows() - 1, batch.featureCount() - 1);
    }
  }

  @Override
  public float[] predictLogits(float[] features, int rows) {
    return network.logits(features, rows);
  }

  @Override
  public Parameters exportParameters() {
    return network.export();
  }

  @Override
  public void close() {
    network.close();
  }
}
