package io.mlpbench.dl4j;

import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;
import io.mlpbench.dataset.Batch;

/**
 * What both DL4J routes share: one network, single steps through {@code fit(DataSet)}, predictions.
 */
abstract class Dl4jTrainer implements Trainer {
  final Dl4jNetwork network;
  private final BatchArrays arrays;

  Dl4jTrainer(Dl4jNetwork network) {
    this.network = network;
    this.arrays = new BatchArrays(network.spec().classCount());
  }

  /**
   * One {@code MultiLayerNetwork.fit(DataSet)}: forward, backward and one updater step on this
   * batch. The returned score is the loss DL4J computed in that forward pass, before the update (as
   * the reference reports it); with no regularization it is exactly the batch-mean cross-entropy.
   * The batch goes into arrays reused from the previous step of the same size: fit(DataSet) is done
   * with them when it returns.
   */
  @Override
  public float trainStep(Batch batch) {
    return network.step(arrays.reusedDataSet(batch));
  }

  /** The batch copied into the reused ND4J arrays a step hands to {@code fit(DataSet)}. */
  @Override
  public float feed(Batch batch) {
    return arrays
        .reusedDataSet(batch)
        .getFeatures()
        .getFloat(batch.rows() - 1, batch.featureCount() - 1);
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
