package io.mlpbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchOrderTest {
  @Test
  void sameSeedAndEpochGiveTheSameOrder() {
    assertThat(BatchOrder.permutation(42, 3, 1000)).isEqualTo(BatchOrder.permutation(42, 3, 1000));
  }

  @Test
  void differentEpochsAndSeedsGiveDifferentOrders() {
    int[] epoch1 = BatchOrder.permutation(42, 1, 1000);
    assertThat(epoch1).isNotEqualTo(BatchOrder.permutation(42, 2, 1000));
    assertThat(epoch1).isNotEqualTo(BatchOrder.permutation(43, 1, 1000));
  }

  @Test
  void orderIsAPermutationThatActuallyShuffles() {
    int[] order = BatchOrder.permutation(7, 1, 60_000);
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(IntStream.range(0, 60_000).toArray());
    long fixedPoints = IntStream.range(0, order.length).filter(i -> order[i] == i).count();
    // A random permutation has about one fixed point on average; 10 is far in the tail.
    assertThat(fixedPoints).isLessThan(10);
  }
}
