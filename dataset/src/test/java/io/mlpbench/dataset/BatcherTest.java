package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatcherTest {
  /** 10 samples of 3 features; sample i has features (i, 10+i, 20+i) and label i mod 4. */
  private static LabeledImages samples() {
    int n = 10;
    float[] features = new float[n * 3];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      features[i * 3] = i;
      features[i * 3 + 1] = 10 + i;
      features[i * 3 + 2] = 20 + i;
      labels[i] = i % 4;
    }
    return new LabeledImages(features, labels, 3, 4);
  }

  @Test
  void lastBatchHoldsTheRemainder() {
    Batcher batcher = new Batcher(samples(), 4, 1);
    List<Integer> rows = new ArrayList<>();
    for (Batch batch : batcher.epoch(1)) {
      rows.add(batch.rows());
    }
    assertThat(batcher.batchesPerEpoch()).isEqualTo(3);
    assertThat(rows).containsExactly(4, 4, 2);
  }

  @Test
  void everySampleIsSeenOncePerEpochInBatchOrder() {
    Batcher batcher = new Batcher(samples(), 4, 9);
    for (int epoch = 1; epoch <= 3; epoch++) {
      List<Integer> seen = new ArrayList<>();
      for (Batch batch : batcher.epoch(epoch)) {
        for (int r = 0; r < batch.rows(); r++) {
          int sample = (int) batch.features()[r * 3];
          // Features and label of a row belong to the same sample.
          assertThat(batch.features()[r * 3 + 2]).isEqualTo(20f + sample);
          assertThat(batch.labels()[r]).isEqualTo(sample % 4);
          seen.add(sample);
        }
      }
      int[] order = BatchOrder.permutation(9, epoch, 10);
      assertThat(seen)
          .containsExactly(java.util.Arrays.stream(order).boxed().toArray(Integer[]::new));
    }
  }

  @Test
  void batchesOfAnEpochReuseOneBuffer() {
    List<Batch> batches = new ArrayList<>();
    List<float[]> arrays = new ArrayList<>();
    for (Batch batch : new Batcher(samples(), 3, 5).epoch(2)) {
      batches.add(batch);
      arrays.add(batch.features());
    }
    assertThat(batches).hasSize(4).allSatisfy(b -> assertThat(b).isSameAs(batches.get(0)));
    assertThat(arrays).allSatisfy(a -> assertThat(a).isSameAs(arrays.get(0)));
  }

  @Test
  void batchByIndexIsATrimmedCopyOfTheIteratedBatch() {
    Batcher batcher = new Batcher(samples(), 4, 3);
    List<Batch> copies = new ArrayList<>();
    for (Batch batch : batcher.epoch(2)) {
      copies.add(batch.copy());
    }
    for (int i = 0; i < copies.size(); i++) {
      Batch byIndex = batcher.batch(2, i);
      assertThat(byIndex.rows()).isEqualTo(copies.get(i).rows());
      assertThat(byIndex.features()).containsExactly(copies.get(i).features());
      assertThat(byIndex.labels()).containsExactly(copies.get(i).labels());
    }
    assertThat(batcher.batch(2, 2).features()).hasSize(2 * 3);
  }

  @Test
  void oneHotMarksTheLabelOfEachRow() {
    Batch batch = new Batch(new float[6], new int[] {2, 0, 3, 1}, 2, 3, 4);
    assertThat(batch.oneHot()).containsExactly(0, 0, 1, 0, 1, 0, 0, 0);
  }

  @Test
  void rejectsNonPositiveBatchSize() {
    assertThatThrownBy(() -> new Batcher(samples(), 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }

  @Test
  void limitKeepsTheFirstSamples() {
    LabeledImages first3 = samples().limit(3);
    assertThat(first3.labels()).containsExactly(0, 1, 2);
    assertThat(first3.features()).containsExactly(0, 10, 20, 1, 11, 21, 2, 12, 22);
    assertThat(samples().limit(99).size()).isEqualTo(10);
  }
}
