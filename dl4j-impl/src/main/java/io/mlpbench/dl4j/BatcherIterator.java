package io.mlpbench.dl4j;

import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A DL4J {@link DataSetIterator} over the shared {@link Batcher}: the batches of epoch 1, then on
 * each {@link #reset()} those of the next epoch, in the shared order (no second shuffle), the
 * smaller last batch included. Each {@link DataSet} is a fresh copy, so DL4J's background prefetch
 * may hold it while the Batcher cuts the next batch.
 */
final class BatcherIterator implements DataSetIterator {
  private final Batcher batcher;
  private final BatchArrays arrays;
  private final int classCount;
  private int epoch = 1;
  private Iterator<Batch> batches;

  BatcherIterator(Batcher batcher, int classCount) {
    this.batcher = batcher;
    this.classCount = classCount;
    this.arrays = new BatchArrays(classCount);
    this.batches = batcher.epoch(epoch).iterator();
  }

  /** The epoch whose batches come next (from 1). */
  int epoch() {
    return epoch;
  }

  @Override
  public boolean hasNext() {
    return batches.hasNext();
  }

  @Override
  public DataSet next() {
    if (!hasNext()) {
      throw new NoSuchElementException("epoch " + epoch + " has no more batches");
    }
    return arrays.dataSet(batches.next());
  }

  /** Batches come in the Batcher's size only; DL4J never asks for another count during fit. */
  @Override
  public DataSet next(int num) {
    throw new UnsupportedOperationException(
        "batch size is fixed by the Batcher (" + batcher.batchSize() + "), asked for " + num);
  }

  /** Moves on to the next epoch's order; DL4J calls this between the epochs of fit(it, epochs). */
  @Override
  public void reset() {
    epoch++;
    batches = batcher.epoch(epoch).iterator();
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  /** Lets DL4J prefetch on its background thread, its default for iterators that allow it. */
  @Override
  public boolean asyncSupported() {
    return true;
  }

  @Override
  public int inputColumns() {
    return batcher.data().featureCount();
  }

  @Override
  public int totalOutcomes() {
    return classCount;
  }

  @Override
  public int batch() {
    return batcher.batchSize();
  }

  @Override
  public void setPreProcessor(DataSetPreProcessor preProcessor) {
    throw new UnsupportedOperationException(
        "features are already scaled to [0, 1] by the dataset module");
  }

  @Override
  public DataSetPreProcessor getPreProcessor() {
    return null;
  }

  @Override
  public List<String> getLabels() {
    return null;
  }
}
