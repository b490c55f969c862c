package io.mlpbench.dl4j;

import io.mlpbench.dataset.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies {@link Batch}es into ND4J arrays. The Batcher reuses its arrays between batches and they
 * may be longer than the batch, so each call copies exactly the batch's rows into fresh FLOAT
 * arrays that stay valid after the next batch is cut.
 */
final class BatchArrays {
  private final int classCount;
  private float[] oneHot = new float[0];

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

  /** A fresh FLOAT [rows, cols] 'c' array holding the first rows x cols values of {@code data}. */
  static INDArray matrix(float[] data, int rows, int cols) {
    int length = rows * cols;
    if (data.length < length) {
      throw new IllegalArgumentException(
          "expected at least " + rows + " x " + cols + " = " + length + " values, got " + data.length);
    }
    INDArray array = Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
    // one bulk copy into the native buffer (the NIO view is the array's own memory)
    array.data().asNioFloat().put(data, 0, length);
    return array;
  }
}
