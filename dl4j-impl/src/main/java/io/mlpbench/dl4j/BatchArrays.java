package io.mlpbench.dl4j;

import io.mlpbench.dataset.Batch;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies {@link Batch}es into ND4J FLOAT arrays. The Batcher reuses its arrays between batches and
 * they may be longer than the batch, so exactly the batch's rows are copied: into fresh arrays
 * ({@link #dataSet}) when DL4J may hold them past the next batch (fit()'s background prefetch), or
 * into arrays kept per row count ({@link #reusedDataSet}) when steps run one at a time.
 */
final class BatchArrays {
  private final int classCount;
  private float[] oneHot = new float[0];
  private final Map<Integer, DataSet> kept = new HashMap<>();

  BatchArrays(int classCount) {
    this.classCount = classCount;
  }

  /** Features [rows, featureCount] and one-hot labels [rows, classes], both freshly allocated. */
  DataSet dataSet(Batch batch) {
    if (batch.classCount() != classCount) {
      throw new IllegalArgumentException(
          "batch has " + batch.classCount() + " classes but the network outputs " + classCount);
    }
    int rows = batch.rows();
    if (oneHot.length < rows * classCount) {
      oneHot = new float[rows * classCount];
    }
    INDArray features = matrix(batch.features(), rows, batch.featureCount());
    INDArray labels = matrix(batch.oneHot(oneHot), rows, classCount);
    return new DataSet(features, labels);
  }

  /**
   * Like {@link #dataSet} but overwrites the arrays returned by the previous call with the same row
   * count: no native allocation per step (off-heap arrays are otherwise freed only when the GC
   * collects their Java objects, which shows as RSS). Valid until the next call.
   */
  DataSet reusedDataSet(Batch batch) {
    DataSet data = kept.get(batch.rows());
    if (data == null) {
      data = dataSet(batch);
      kept.put(batch.rows(), data);
      return data;
    }
    int rows = batch.rows();
    copy(batch.features(), data.getFeatures(), rows * batch.featureCount());
    copy(batch.oneHot(oneHot), data.getLabels(), rows * classCount);
    return data;
  }

  /** A fresh FLOAT [rows, cols] 'c' array holding the first rows x cols values of {@code data}. */
  static INDArray matrix(float[] data, int rows, int cols) {
    int length = rows * cols;
    if (data.length < length) {
      throw new IllegalArgumentException(
          "expected at least "
              + rows
              + " x "
              + cols
              + " = "
              + length
              + " values, got "
              + data.length);
    }
    INDArray array = Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
    copy(data, array, length);
    return array;
  }

  /** One bulk copy into the array's native buffer (the NIO view is that memory, not a copy). */
  private static void copy(float[] data, INDArray target, int length) {
    target.data().asNioFloat().put(0, data, 0, length);
  }
}
