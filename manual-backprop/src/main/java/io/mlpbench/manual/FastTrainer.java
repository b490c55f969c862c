package io.mlpbench.manual;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import jdk.incubator.vector.FloatVector;

/**
 * The route's trainer: the equations of {@link ScalarNetwork} in float, on {@link Gemm}'s vector
 * kernels, split over a {@link WorkerPool} of {@code config.threads()} threads.
 *
 * <p>Same layout as the scalar path: Z[l] = A[l-1] W[l] + b[l], W row-major (in x out). Per step:
 * forward (GEMM with bias + g fused in), softmax cross-entropy and dZ[L] = (A[L] - Y) / m, then per
 * layer from the last: dA[l-1] = dZ[l] W[l]^T with g' fused in (so it yields dZ[l-1] directly, from
 * the old W[l], read transposed through its strides), dW[l] = A[l-1]^T dZ[l], db[l] = column sums
 * of dZ[l]; finally one fused optimizer pass. Z is never stored: g' is computed from A = g(Z).
 * Buffers are allocated once per batch size, so steady-state steps allocate nothing.
 *
 * <p>Internally every layer's output width is padded to whole vectors ({@link Gemm#padded}) and its
 * rows laid out ld[l] floats apart ({@link Gemm#rowStride}, which avoids cache aliasing): b[l],
 * A[l] and dZ[l] have ld[l] columns; W[l] is (cols[l-1] x ld[l]), its rows padded too so that
 * W[l]^T, read through strides as the B of dZ[l] W[l]^T, has zero padding columns like every other
 * B. The padding holds zeros in W, b and dZ (so it adds only zeros to real values and its own
 * gradient stays 0) and is never read as an input. Parameters are padded on the way in and trimmed
 * on the way out.
 */
public final class FastTrainer implements Trainer {
  /** Rows per forward pass when predicting many samples. */
  private static final int INFERENCE_ROWS = 512;

  private final ModelSpec spec;
  private final TrainingConfig config;
  private final int layers;

  /** cols[l]: layer l's output width padded to whole vectors; the width every GEMM computes. */
  private final int[] cols;

  /** ld[l]: row stride of layer l's W, b, A and dZ (cols[l], or more to avoid cache aliasing). */
  private final int[] ld;

  private final float[][] weights;
  private final float[][] biases;
  private final float[][] weightGradients;
  private final float[][] biasGradients;
  private final float[][] mWeights;
  private final float[][] vWeights;
  private final float[][] mBiases;
  private final float[][] vBiases;
  private final WorkerPool pool;
  private final double[] shiftedExp;
  private final GemmJob gemm;
  private final ColumnSumJob columnSums = new ColumnSumJob();
  private final UpdateJob update;
  private Workspace training;
  private Workspace inference;
  private int t;

  /**
   * The weights packed whole for the forward products ({@link Gemm#packWholeB}), so that repeated
   * predictions do not pack W on every call; null until the first prediction, stale after any
   * training step (which changes W).
   */
  private float[][] packedWeights;

  private boolean packedWeightsCurrent;
  private final PackWeightsJob packWeights = new PackWeightsJob();

  /** Activations and deltas for up to {@code capacity} rows. */
  private static final class Workspace {
    final int capacity;

    /** a[l] = A[l] (capacity x ld) for l = 1..L-1; a[L] holds the logits; a[0] is the input. */
    final float[][] a;

    /** dz[l] = dZ of layer l (capacity x ld[l]). */
    final float[][] dz;

    Workspace(int[] ld, int capacity) {
      this.capacity = capacity;
      int layers = ld.length;
      a = new float[layers + 1][];
      dz = new float[layers][];
      for (int l = 0; l < layers; l++) {
        a[l + 1] = new float[capacity * ld[l]];
        dz[l] = new float[capacity * ld[l]]; // padding columns stay 0
      }
    }
  }

  public FastTrainer(TrainingConfig config, Parameters initial) {
    this.spec = initial.spec();
    this.config = config;
    this.layers = spec.layerCount();
    cols = new int[layers];
    ld = new int[layers];
    for (int l = 0; l < layers; l++) {
      cols[l] = Gemm.padded(spec.outputs(l));
      ld[l] = Gemm.rowStride(spec.outputs(l));
    }
    weights = new float[layers][];
    biases = new float[layers][];
    weightGradients = new float[layers][];
    biasGradients = new float[layers][];
    boolean adam = config.optimizer() == OptimizerKind.ADAM;
    mWeights = new float[layers][];
    vWeights = new float[layers][];
    mBiases = new float[layers][];
    vBiases = new float[layers][];
    for (int l = 0; l < layers; l++) {
      int weightRows = l == 0 ? spec.inputs(0) : cols[l - 1];
      weights[l] = pad(initial.weights(l), spec.inputs(l), spec.outputs(l), ld[l], weightRows);
      biases[l] = pad(initial.biases(l), 1, spec.outputs(l), ld[l], 1);
      weightGradients[l] = new float[weights[l].length];
      biasGradients[l] = new float[biases[l].length];
      if (adam) {
        mWeights[l] = new float[weights[l].length];
        vWeights[l] = new float[weights[l].length];
        mBiases[l] = new float[biases[l].length];
        vBiases[l] = new float[biases[l].length];
      }
    }
    update =
        new UpdateJob(
            concat(weights, biases),
            concat(weightGradients, biasGradients),
            concat(mWeights, mBiases),
            concat(vWeights, vBiases));
    shiftedExp = new double[spec.classCount()];
    pool = new WorkerPool(config.threads());
    gemm = new GemmJob(new Gemm(config.threads()));
    training = new Workspace(ld, config.batchSize());
  }

  @Override
  public float trainStep(Batch batch) {
    int rows = batch.rows();
    requireFeatures(batch.features(), rows);
    if (rows > training.capacity) {
      training = new Workspace(ld, rows);
    }
    packedWeightsCurrent = false; // this step changes W
    forward(training, batch.features(), 0, rows, false);
    float loss = outputDelta(training, batch.labels(), rows);
    backward(training, batch.features(), rows);
    if (config.optimizer() == OptimizerKind.SGD) {
      update.sgd((float) config.learningRate());
    } else {
      t++;
      update.adam(
          (float) config.beta1(),
          (float) config.beta2(),
          (float) AdamStep.stepSize(config, t),
          (float) AdamStep.epsilonHat(config, t));
    }
    pool.run(update);
    return loss;
  }

  /** The step reads the batch's own arrays in place: feeding is the bounds check. */
  @Override
  public float feed(Batch batch) {
    int rows = batch.rows();
    requireFeatures(batch.features(), rows);
    return batch.features()[rows * spec.inputSize() - 1];
  }

  private void requireFeatures(float[] features, int rows) {
    if (features.length < (long) rows * spec.inputSize()) {
      throw new IllegalArgumentException(
          "features hold "
              + features.length
              + " floats, expected at least "
              + rows
              + " rows x "
              + spec.inputSize()
              + " inputs");
    }
  }

  /**
   * Z[l] = A[l-1] W[l] + b[l] and A[l] = g(Z[l]) for every layer; logits end up in a[L]. With
   * {@code packedW}, W is read from {@link #packedWeights} (current), else packed per product.
   */
  private void forward(Workspace w, float[] input, int inputOffset, int rows, boolean packedW) {
    for (int l = 0; l < layers; l++) {
      float[] a = l == 0 ? input : w.a[l];
      int offset = l == 0 ? inputOffset : 0;
      Epilogue epilogue =
          l < layers - 1 ? Epilogue.forward(spec.hiddenActivation()) : Epilogue.BIAS;
      gemm.set(
          a,
          offset,
          inputStride(l),
          1,
          weights[l],
          ld[l],
          1,
          packedW ? packedWeights[l] : null,
          w.a[l + 1],
          ld[l],
          rows,
          spec.inputs(l),
          cols[l],
          epilogue,
          biases[l],
          null);
      pool.run(gemm);
    }
  }

  /** Row stride of layer l's input: the features' width, or the previous layer's stride. */
  private int inputStride(int l) {
    return l == 0 ? spec.inputSize() : ld[l - 1];
  }

  /**
   * Softmax of the logits, the mean cross-entropy (returned) and dZ[L] = (softmax - Y) / m, row by
   * row in double with the log-sum-exp shift.
   */
  private float outputDelta(Workspace w, int[] labels, int rows) {
    int classes = spec.classCount();
    float[] logits = w.a[layers];
    float[] dz = w.dz[layers - 1];
    double total = 0;
    for (int r = 0; r < rows; r++) {
      if (labels[r] < 0 || labels[r] >= classes) {
        // would silently read a padding column
        throw new IllegalArgumentException(
            "label " + labels[r] + " of row " + r + " is outside [0, " + classes + ")");
      }
      int o = r * ld[layers - 1];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[o + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        double e = Math.exp(logits[o + c] - max);
        shiftedExp[c] = e; // kept so each exp is computed once
        sum += e;
      }
      total += max + Math.log(sum) - logits[o + labels[r]];
      for (int c = 0; c < classes; c++) {
        double y = labels[r] == c ? 1 : 0;
        dz[o + c] = (float) ((shiftedExp[c] / sum - y) / rows);
      }
    }
    return (float) (total / rows);
  }

  private void backward(Workspace w, float[] input, int rows) {
    for (int l = layers - 1; l >= 0; l--) {
      int in = spec.inputs(l);
      int out = spec.outputs(l);
      float[] aPrev = l == 0 ? input : w.a[l];
      if (l > 0) {
        // dZ[l-1] = (dZ[l] W[l]^T) * g'(Z[l-1]), before W[l] changes; W[l]^T(p, j) = W[l](j, p).
        gemm.set(
            w.dz[l],
            0,
            ld[l],
            1,
            weights[l],
            1,
            ld[l],
            null,
            w.dz[l - 1],
            ld[l - 1],
            rows,
            out,
            cols[l - 1],
            Epilogue.derivative(spec.hiddenActivation()),
            null,
            aPrev);
        pool.run(gemm);
      }
      // dW[l] = A[l-1]^T dZ[l]: A[l-1] read transposed through its strides, no copy.
      gemm.set(
          aPrev,
          0,
          1,
          inputStride(l),
          w.dz[l],
          ld[l],
          1,
          null,
          weightGradients[l],
          ld[l],
          in,
          rows,
          cols[l],
          Epilogue.NONE,
          null,
          null);
      pool.run(gemm);
      columnSums.set(w.dz[l], rows, cols[l], ld[l], biasGradients[l]);
      pool.run(columnSums);
    }
  }

  @Override
  public float[] predictLogits(float[] features, int rows) {
    requireFeatures(features, rows);
    int classes = spec.classCount();
    float[] logits = new float[rows * classes];
    if (inference == null) {
      inference = new Workspace(ld, INFERENCE_ROWS);
      packedWeights = new float[layers][];
      for (int l = 0; l < layers; l++) {
        packedWeights[l] = new float[Gemm.wholeSize(spec.inputs(l), cols[l])];
      }
    }
    if (!packedWeightsCurrent) {
      pool.run(packWeights);
      packedWeightsCurrent = true;
    }
    for (int start = 0; start < rows; start += INFERENCE_ROWS) {
      int n = Math.min(INFERENCE_ROWS, rows - start);
      forward(inference, features, start * spec.inputSize(), n, true);
      for (int r = 0; r < n; r++) {
        System.arraycopy(
            inference.a[layers], r * ld[layers - 1], logits, (start + r) * classes, classes);
      }
    }
    return logits;
  }

  @Override
  public Parameters exportParameters() {
    float[][] w = new float[layers][];
    float[][] b = new float[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = trim(weights[l], spec.inputs(l), spec.outputs(l), ld[l]);
      b[l] = trim(biases[l], 1, spec.outputs(l), ld[l]);
    }
    return new Parameters(spec, w, b);
  }

  /** Weight gradient of the last step (for tests), in the parameters' layout. */
  float[] weightGradient(int layer) {
    return trim(weightGradients[layer], spec.inputs(layer), spec.outputs(layer), ld[layer]);
  }

  /** Bias gradient of the last step (for tests). */
  float[] biasGradient(int layer) {
    return trim(biasGradients[layer], 1, spec.outputs(layer), ld[layer]);
  }

  /** first's arrays, then second's. */
  private static float[][] concat(float[][] first, float[][] second) {
    float[][] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** A (rows x n) matrix widened to (paddedRows x stride) with zero rows and columns. */
  private static float[] pad(float[] m, int rows, int n, int stride, int paddedRows) {
    float[] p = new float[paddedRows * stride];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(m, r * n, p, r * stride, n);
    }
    return p;
  }

  /** The inverse of {@link #pad}. */
  private static float[] trim(float[] p, int rows, int n, int stride) {
    float[] m = new float[rows * n];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(p, r * stride, m, r * n, n);
    }
    return m;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** One GEMM, C split between the pool's threads by {@link Gemm#multiply}. */
  private static final class GemmJob implements WorkerPool.Job {
    private final Gemm kernel;
    private float[] a;
    private int aOffset;
    private int aRow;
    private int aCol;
    private float[] b;
    private int bRow;
    private int bCol;
    private float[] wholeB;
    private float[] c;
    private int ldc;
    private int rows;
    private int k;
    private int n;
    private Epilogue epilogue;
    private float[] bias;
    private float[] gate;

    GemmJob(Gemm kernel) {
      this.kernel = kernel;
    }

    void set(
        float[] a,
        int aOffset,
        int aRow,
        int aCol,
        float[] b,
        int bRow,
        int bCol,
        float[] wholeB,
        float[] c,
        int ldc,
        int rows,
        int k,
        int n,
        Epilogue epilogue,
        float[] bias,
        float[] gate) {
      this.a = a;
      this.aOffset = aOffset;
      this.aRow = aRow;
      this.aCol = aCol;
      this.b = b;
      this.bRow = bRow;
      this.bCol = bCol;
      this.wholeB = wholeB;
      this.c = c;
      this.ldc = ldc;
      this.rows = rows;
      this.k = k;
      this.n = n;
      this.epilogue = epilogue;
      this.bias = bias;
      this.gate = gate;
    }

    @Override
    public void run(int part, int parts) {
      kernel.multiply(
          part, parts, a, aOffset, aRow, aCol, b, bRow, bCol, wholeB, c, ldc, rows, k, n, epilogue,
          bias, gate);
    }
  }

  /** Every layer's W packed whole into {@link #packedWeights}, each split between the threads. */
  private final class PackWeightsJob implements WorkerPool.Job {
    @Override
    public void run(int part, int parts) {
      for (int l = 0; l < layers; l++) {
        gemm.kernel.packWholeB(
            part, parts, weights[l], ld[l], 1, spec.inputs(l), cols[l], packedWeights[l]);
      }
    }
  }

  /**
   * db = column sums of dZ (rows x width, row stride ld), columns split between threads. Each lane
   * sums one column over the rows in order, the same float chain as a scalar loop.
   */
  private static final class ColumnSumJob implements WorkerPool.Job {
    private float[] dz;
    private int rows;
    private int width;
    private int ld;
    private float[] db;

    void set(float[] dz, int rows, int width, int ld, float[] db) {
      this.dz = dz;
      this.rows = rows;
      this.width = width;
      this.ld = ld;
      this.db = db;
    }

    @Override
    public void run(int part, int parts) {
      int j1 = WorkerPool.end(width, part, parts, Gemm.LANES);
      for (int j = WorkerPool.start(width, part, parts, Gemm.LANES); j < j1; j += Gemm.LANES) {
        FloatVector sum = FloatVector.zero(Gemm.SPECIES);
        for (int r = 0; r < rows; r++) {
          sum = sum.add(FloatVector.fromArray(Gemm.SPECIES, dz, r * ld + j));
        }
        sum.intoArray(db, j);
      }
    }
  }

  /**
   * SGD or Adam over every weight and bias, each array split between the threads. One loop over
   * flat lists, so C2 compiles one inlined copy of the update: with a call site for the weights and
   * one for the biases, the second copy crossed C2's node budget, a vector helper was left out of
   * line and every vector of Adam's update was boxed (38 KB a step, from step ~2,000 on).
   */
  private static final class UpdateJob implements WorkerPool.Job {
    private final float[][] thetas;
    private final float[][] gradients;
    private final float[][] firstMoments;
    private final float[][] secondMoments;
    private boolean adam;
    private float lr;
    private float b1;
    private float b2;
    private float stepSize;
    private float epsHat;

    /** Parallel lists: parameter i, its gradient and its Adam moments (null for SGD). */
    UpdateJob(
        float[][] thetas, float[][] gradients, float[][] firstMoments, float[][] secondMoments) {
      this.thetas = thetas;
      this.gradients = gradients;
      this.firstMoments = firstMoments;
      this.secondMoments = secondMoments;
    }

    void sgd(float lr) {
      this.adam = false;
      this.lr = lr;
    }

    void adam(float b1, float b2, float stepSize, float epsHat) {
      this.adam = true;
      this.b1 = b1;
      this.b2 = b2;
      this.stepSize = stepSize;
      this.epsHat = epsHat;
    }

    @Override
    public void run(int part, int parts) {
      for (int i = 0; i < thetas.length; i++) {
        apply(thetas[i], gradients[i], firstMoments[i], secondMoments[i], part, parts);
      }
    }

    private void apply(float[] theta, float[] g, float[] m, float[] v, int part, int parts) {
      int from = WorkerPool.start(theta.length, part, parts, Gemm.LANES);
      int to = WorkerPool.end(theta.length, part, parts, Gemm.LANES);
      if (adam) {
        FusedUpdate.adam(theta, g, m, v, from, to, b1, b2, stepSize, epsHat);
      } else {
        FusedUpdate.sgd(theta, g, from, to, lr);
      }
    }
  }
}
