package io.mlpbench.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Copies our batches into PyTorch tensors through two direct buffers allocated once. PyTorch wraps
 * a direct buffer without copying it (from_blob), so the tensors of one batch must be closed before
 * the next batch is staged; every caller closes them with the batch's sub-manager. Reusing the
 * buffers keeps per-batch input memory from piling up until a GC frees direct buffers.
 */
final class BatchStaging {
  private final int featureCount;
  private int capacity;
  private ByteBuffer features;
  private ByteBuffer labels;

  BatchStaging(int capacity, int featureCount) {
    this.featureCount = featureCount;
    allocate(capacity);
  }

  int capacity() {
    return capacity;
  }

  /** Rows [first, first + rows) of row-major {@code source} as a (rows x features) float tensor. */
  NDArray features(NDManager manager, float[] source, int first, int rows) {
    ensureCapacity(rows);
    features.clear();
    FloatBuffer view = features.asFloatBuffer();
    view.put(source, first * featureCount, rows * featureCount);
    features.limit(rows * featureCount * Float.BYTES);
    return manager.create(features, new Shape(rows, featureCount), DataType.FLOAT32);
  }

  /** The first {@code rows} labels as an int64 tensor, the index type PyTorch's gather wants. */
  NDArray labels(NDManager manager, int[] source, int rows) {
    ensureCapacity(rows);
    labels.clear();
    LongBuffer view = labels.asLongBuffer();
    for (int i = 0; i < rows; i++) {
      view.put(i, source[i]);
    }
    labels.limit(rows * Long.BYTES);
    return manager.create(labels, new Shape(rows), DataType.INT64);
  }

  /**
   * {@code batch} as a DJL batch owning a fresh sub-manager of {@code parent}; close it after use.
   */
  Batch batch(NDManager parent, io.mlpbench.dataset.Batch batch, long index, long count) {
    NDManager manager = parent.newSubManager();
    int rows = batch.rows();
    NDList data = new NDList(features(manager, batch.features(), 0, rows));
    NDList label = new NDList(labels(manager, batch.labels(), rows));
    return new Batch(manager, data, label, rows, Batchifier.STACK, Batchifier.STACK, index, count);
  }

  /** Grows for a larger batch than configured; safe because no tensor outlives its batch. */
  private void ensureCapacity(int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("a batch needs at least one row, got " + rows);
    }
    if (rows > capacity) {
      allocate(rows);
    }
  }

  private void allocate(int rows) {
    capacity = rows;
    features =
        ByteBuffer.allocateDirect(rows * featureCount * Float.BYTES).order(ByteOrder.nativeOrder());
    labels = ByteBuffer.allocateDirect(rows * Long.BYTES).order(ByteOrder.nativeOrder());
  }
}
