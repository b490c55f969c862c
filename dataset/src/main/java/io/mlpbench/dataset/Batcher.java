package io.mlpbench.dataset;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Cuts a training split into mini-batches in the shared order of {@link BatchOrder}. The last batch
 * of an epoch holds the remainder (it is smaller, not dropped). Batches of one epoch reuse one
 * buffer, so iteration makes no garbage per batch.
 */
public final class Batcher {
  private final LabeledImages data;
  private final int batchSize;
  private final long seed;

  public Batcher(LabeledImages data, int batchSize, long seed) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    this.data = data;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  public LabeledImages data() {
    return data;
  }

  public int batchSize() {
    return batchSize;
  }

  public long seed() {
    return seed;
  }

  public int batchesPerEpoch() {
    return (data.size() + batchSize - 1) / batchSize;
  }

  /** The batches of epoch {@code epoch} (from 1); the returned {@link Batch} is reused. */
  public Iterable<Batch> epoch(int epoch) {
    int[] order = BatchOrder.permutation(seed, epoch, data.size());
    return () -> new BatchIterator(order);
  }

  /** Batch {@code index} of the given epoch, copied (for tests and benchmarks). */
  public Batch batch(int epoch, int index) {
    int[] order = BatchOrder.permutation(seed, epoch, data.size());
    Batch batch = newBuffer();
    fill(batch, order, index * batchSize);
    return batch.copy();
  }

  private Batch newBuffer() {
    int f = data.featureCount();
    return new Batch(new float[batchSize * f], new int[batchSize], 0, f, data.classCount());
  }

  private void fill(Batch batch, int[] order, int start) {
    int f = data.featureCount();
    int rows = Math.min(batchSize, order.length - start);
    float[] src = data.features();
    for (int r = 0; r < rows; r++) {
      int sample = order[start + r];
      System.arraycopy(src, sample * f, batch.features(), r * f, f);
      batch.labels()[r] = data.label(sample);
    }
    batch.setRows(rows);
  }

  private final class BatchIterator implements Iterator<Batch> {
    private final int[] order;
    private final Batch buffer = newBuffer();
    private int next;

    BatchIterator(int[] order) {
      this.order = order;
    }

    @Override
    public boolean hasNext() {
      return next < order.length;
    }

    @Override
    public Batch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      fill(buffer, order, next);
      next += batchSize;
      return buffer;
    }
  }
}
