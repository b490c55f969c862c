package io.mlpbench.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.LabeledImages;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/**
 * DL4J sees the shared batches in the shared order, epoch after epoch, smaller last batch included.
 */
class BatcherIteratorTest {
  private static final int FEATURES = 3;
  private static final int CLASSES = 4;

  /** 10 samples whose features encode their index, so order and content are checkable. */
  private static LabeledImages tenSamples() {
    float[] features = new float[10 * FEATURES];
    int[] labels = new int[10];
    for (int i = 0; i < 10; i++) {
      for (int f = 0; f < FEATURES; f++) {
        features[i * FEATURES + f] = i + f / 10f;
      }
      labels[i] = i % CLASSES;
    }
    return new LabeledImages(features, labels, FEATURES, CLASSES);
  }

  @Test
  void yieldsTheBatchersBatchesAndMovesToTheNextEpochOnReset() {
    Batcher batcher = new Batcher(tenSamples(), 4, 3);
    BatcherIterator iterator = new BatcherIterator(batcher, CLASSES);
    for (int epoch = 1; epoch <= 2; epoch++) {
      if (epoch > 1) {
        iterator.reset();
      }
      assertThat(iterator.epoch()).isEqualTo(epoch);
      for (int index = 0; index < batcher.batchesPerEpoch(); index++) {
        assertThat(iterator.hasNext()).isTrue();
        DataSet actual = iterator.next();
        Batch expected = batcher.batch(epoch, index);
        int rows = expected.rows();
        assertThat(rows).isEqualTo(index < 2 ? 4 : 2); // 10 samples: 4, 4, then the remainder
        assertThat(actual.getFeatures().shape()).containsExactly(rows, FEATURES);
        assertThat(actual.getLabels().shape()).containsExactly(rows, CLASSES);
        for (int r = 0; r < rows; r++) {
          for (int f = 0; f < FEATURES; f++) {
            assertThat(actual.getFeatures().getFloat(r, f))
                .isEqualTo(expected.features()[r * FEATURES + f]);
          }
          for (int c = 0; c < CLASSES; c++) {
            assertThat(actual.getLabels().getFloat(r, c))
                .isEqualTo(expected.labels()[r] == c ? 1f : 0f);
          }
        }
      }
      assertThat(iterator.hasNext()).isFalse();
    }
  }

  @Test
  void dataSetsStayValidAfterTheBatcherReusesItsBuffer() {
    Batcher batcher = new Batcher(tenSamples(), 4, 3);
    BatcherIterator iterator = new BatcherIterator(batcher, CLASSES);
    DataSet first = iterator.next();
    iterator.next(); // the Batcher has now overwritten the buffer the first batch came from
    assertThat(first.getFeatures().getFloat(0, 0)).isEqualTo(batcher.batch(1, 0).features()[0]);
  }

  @Test
  void reusedArraysHoldTheLatestBatchOfTheirSize() {
    Batcher batcher = new Batcher(tenSamples(), 4, 3);
    BatchArrays arrays = new BatchArrays(CLASSES);
    DataSet first = arrays.reusedDataSet(batcher.batch(1, 0));
    DataSet second = arrays.reusedDataSet(batcher.batch(1, 1));
    DataSet last = arrays.reusedDataSet(batcher.batch(1, 2)); // 2 rows: arrays of their own
    assertThat(second).isSameAs(first);
    assertThat(last).isNotSameAs(first);
    assertThat(second.getFeatures().getFloat(3, 2))
        .isEqualTo(batcher.batch(1, 1).features()[3 * FEATURES + 2]);
    assertThat(second.getLabels().getFloat(3, batcher.batch(1, 1).labels()[3])).isEqualTo(1f);
    assertThat(second.getLabels().sumNumber().floatValue())
        .as("one 1 per row, stale ones cleared")
        .isEqualTo(4f);
    assertThat(last.getFeatures().shape()).containsExactly(2, FEATURES);
  }
}
