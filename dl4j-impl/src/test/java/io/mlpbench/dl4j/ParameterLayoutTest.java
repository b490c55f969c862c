package io.mlpbench.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.WeightInit;
import org.deeplearning4j.nn.api.Layer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The shared parameters land in DL4J's W/b views element for element, and come back unchanged. */
class ParameterLayoutTest {
  private static final ModelSpec SPEC =
      new ModelSpec(new int[] {7, 5, 3}, Activation.TANH, WeightInit.GLOROT_UNIFORM);

  private static Parameters distinctValues() {
    // every value different (and biases non-zero), so a transposed or shifted copy cannot pass
    Parameters p = Parameters.initial(SPEC, 11);
    for (int l = 0; l < SPEC.layerCount(); l++) {
      for (int j = 0; j < p.biases(l).length; j++) {
        p.biases(l)[j] = 0.25f * (l + 1) + 0.01f * j;
      }
    }
    return p;
  }

  @Test
  void weightsAreInByOutViewsInColumnMajorOrderAndBiasesVectors() {
    Parameters initial = distinctValues();
    try (Dl4jNetwork network = Dl4jNetwork.build(SPEC, TrainingConfig.defaults(), initial)) {
      for (int l = 0; l < SPEC.layerCount(); l++) {
        int in = SPEC.inputs(l);
        int out = SPEC.outputs(l);
        Layer layer = network.model().getLayer(l);
        INDArray w = layer.getParam("W");
        INDArray b = layer.getParam("b");
        assertThat(w.shape()).as("layer %d W shape", l).containsExactly(in, out);
        assertThat(w.ordering()).as("layer %d W order", l).isEqualTo('f');
        assertThat(w.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(b.shape()).as("layer %d b shape", l).containsExactly(out);
        for (int i = 0; i < in; i++) {
          for (int j = 0; j < out; j++) {
            // exact: loading copies float32 values, no arithmetic
            assertThat(w.getFloat(i, j))
                .as("W[%d](%d,%d)", l, i, j)
                .isEqualTo(initial.weights(l)[i * out + j]);
          }
        }
        for (int j = 0; j < out; j++) {
          assertThat(b.getFloat(j)).as("b[%d](%d)", l, j).isEqualTo(initial.biases(l)[j]);
        }
      }
    }
  }

  @Test
  void loadedParametersAreViewsOfTheNetworksSingleParameterVector() {
    Parameters initial = distinctValues();
    try (Dl4jNetwork network = Dl4jNetwork.build(SPEC, TrainingConfig.defaults(), initial)) {
      // the updater works on the flat vector: the loaded values must be in it, not in detached
      // copies
      INDArray flat = network.model().params();
      assertThat(flat.length()).isEqualTo(7 * 5 + 5 + 5 * 3 + 3);
      // DL4J's flat order per layer: W (column-major), then b
      assertThat(flat.getFloat(0)).isEqualTo(initial.weights(0)[0]); // W0(0,0)
      assertThat(flat.getFloat(1))
          .isEqualTo(initial.weights(0)[5]); // W0(1,0): next row, same column
      assertThat(flat.getFloat(7 * 5)).isEqualTo(initial.biases(0)[0]);
    }
  }

  @Test
  void exportReturnsTheLoadedValuesBitForBit() {
    Parameters initial = distinctValues();
    try (Dl4jNetwork network = Dl4jNetwork.build(SPEC, TrainingConfig.defaults(), initial)) {
      Parameters exported = network.export();
      assertThat(exported.exactlyEquals(initial))
          .as("max difference %s", exported.maxAbsDifference(initial))
          .isTrue();
    }
  }
}
