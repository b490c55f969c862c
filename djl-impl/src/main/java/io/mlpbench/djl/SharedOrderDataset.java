package io.mlpbench.djl;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.Progress;
import io.mlpbench.dataset.Batcher;
import java.util.Iterator;

/**
 * A DJL {@link Dataset} serving the shared {@link Batcher}'s batches in the shared order: {@code
 * EasyTrain.fit} asks for the data once per epoch, so the n-th request is epoch n. Each batch gets
 * its own sub-manager, which {@code EasyTrain.fit} closes after the step; the last batch of an
 * epoch is the smaller remainder, as everywhere in the suite.
 */
final class SharedOrderDataset implements Dataset {
  private final Batcher batcher;
  private final BatchStaging staging;
  private int epoch;
  private Batch served;

  SharedOrderDataset(Batcher batcher, BatchStaging staging) {
    this.batcher = batcher;
    this.staging = staging;
  }

  @Override
  public Iterable<Batch> getData(NDManager manager) {
    int current = ++epoch;
    long count = batcher.batchesPerEpoch();
    return () ->
        new Iterator<>() {
          private final Iterator<io.mlpbench.dataset.Batch> source =
              batcher.epoch(current).iterator();
          private long index;

          @Override
          public boolean hasNext() {
            return source.hasNext();
          }

          @Override
          public Batch next() {
            served = staging.batch(manager, source.next(), index++, count);
            return served;
          }
        };
  }

  /** Closes the batch a failed step left open (EasyTrain closes it only after a good step). */
  void closeServed() {
    if (served != null && served.getManager() != null) {
      served.close();
    }
    served = null;
  }

  @Override
  public void prepare(Progress progress) {}
}
