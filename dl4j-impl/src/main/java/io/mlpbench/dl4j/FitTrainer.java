package io.mlpbench.dl4j;

import io.mlpbench.core.EpochListener;
import io.mlpbench.dataset.Batcher;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Route {@code dl4j-fit}: training through DL4J's own {@code MultiLayerNetwork.fit(DataSetIterator,
 * epochs)}, fed by a {@link BatcherIterator} over the shared batch order. DL4J wraps the iterator
 * in its AsyncDataSetIterator (background prefetch of the next batch), as it does for any iterator
 * that supports it. Progress and divergence are seen through an {@link EpochReporter} listener.
 */
final class FitTrainer extends Dl4jTrainer {
  FitTrainer(Dl4jNetwork network) {
    super(network);
  }

  @Override
  public void fit(Batcher batches, int epochs, EpochListener listener) {
    MultiLayerNetwork model = network.model();
    BatcherIterator iterator = new BatcherIterator(batches, network.spec().classCount());
    model.setListeners(new EpochReporter(batches.batchesPerEpoch(), listener));
    try {
      model.fit(iterator, epochs);
    } finally {
      model.setListeners(); // none outside fit: single steps and predictions stay listener-free
    }
  }
}
