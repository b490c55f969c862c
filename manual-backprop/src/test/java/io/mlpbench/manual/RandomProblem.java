package io.mlpbench.manual;

import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.WeightInit;
import io.mlpbench.dataset.Batch;
import java.util.SplittableRandom;

/** A small random network and batch for tests: inputs in [-1, 1], random labels, random biases. */
record RandomProblem(ModelSpec spec, Parameters parameters, Batch batch) {

  static RandomProblem of(int[] sizes, Activation g, int rows, long seed) {
    ModelSpec spec = new ModelSpec(sizes, g, WeightInit.GLOROT_UNIFORM);
    Parameters p = Parameters.initial(spec, seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (int l = 0; l < spec.layerCount(); l++) {
      float[] b = p.biases(l);
      for (int j = 0; j < b.length; j++) {
        b[j] = (float) (random.nextDouble() - 0.5); // nonzero biases, so db is really checked
      }
    }
    float[] x = new float[rows * spec.inputSize()];
    for (int k = 0; k < x.length; k++) {
      x[k] = (float) (random.nextDouble() * 2 - 1);
    }
    int[] y = new int[rows];
    for (int r = 0; r < rows; r++) {
      y[r] = random.nextInt(spec.classCount());
    }
    return new RandomProblem(spec, p, new Batch(x, y, rows, spec.inputSize(), spec.classCount()));
  }
}
