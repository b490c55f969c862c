package io.mlpbench.djl;

import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;

/** What both DJL routes share: prediction, export and cleanup of one {@link DjlNetwork}. */
abstract class DjlTrainer implements Trainer {
  protected final DjlNetwork network;

  DjlTrainer(DjlNetwork network) {
    this.network = network;
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
