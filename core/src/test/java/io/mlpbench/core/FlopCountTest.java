package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlopCountTest {

  @Test
  void canonicalTrainingIsForwardPlusBothGradientsWithoutTheInputLayersInputGradient() {
    // by hand: weights W = 784x512 + 512x512 + 512x10 = 401,408 + 262,144 + 5,120 = 668,672;
    // forward 2W = 1,337,344; weight gradients 2W = 1,337,344; input gradients of layers 2 and 3
    // only: 2 x (262,144 + 5,120) = 534,528; total 3,209,216 (not the 6W = 4,012,032 of the
    // old convention, which also counted the first layer's input gradient)
    FlopCount count = FlopCount.perSample(ModelSpec.canonical());
    assertThat(count.forward()).isEqualTo(1_337_344L);
    assertThat(count.weightGradient()).isEqualTo(1_337_344L);
    assertThat(count.inputGradient()).isEqualTo(534_528L);
    assertThat(count.training()).isEqualTo(3_209_216L);
  }

  @Test
  void canonicalInferenceIsTheForwardProductsOnly() {
    assertThat(FlopCount.perSample(ModelSpec.canonical()).inference()).isEqualTo(1_337_344L);
  }

  @Test
  void aSingleLayerModelHasNoInputGradient() {
    // softmax regression 784-10: forward 2 x 7,840, weight gradient the same, nothing else
    FlopCount count = FlopCount.perSample(ModelSpec.of(784, new int[0], 10, Activation.RELU));
    assertThat(count.inputGradient()).isZero();
    assertThat(count.training()).isEqualTo(2 * 15_680L);
  }

  @Test
  void layersAreCountedWithTheirOwnShapes() {
    // 3-5-2: forward 2 x (15 + 10) = 50, weight gradient 50, input gradient of layer 2: 20
    FlopCount count = FlopCount.perSample(ModelSpec.of(3, new int[] {5}, 2, Activation.TANH));
    assertThat(count).isEqualTo(new FlopCount(50, 50, 20));
    assertThat(count.training()).isEqualTo(120);
  }
}
