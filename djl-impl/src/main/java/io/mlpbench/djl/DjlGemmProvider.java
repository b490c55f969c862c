package io.mlpbench.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mlpbench.core.GemmProvider;

/**
 * SGEMM through PyTorch's {@code matmul} (DJL's {@link NDArray#matMul}), for the benchmarks' peak
 * calibration: the kernel under both DJL routes' linear layers.
 *
 * <p>Threads: the engine is started by {@link PyTorchRuntime#start}, as for a route, so the
 * intra-op pool is {@code threads} (or what the launcher already set before the engine loaded).
 */
public final class DjlGemmProvider implements GemmProvider {

  /** From the bundled artifacts' versions, so naming the library loads no native code. */
  @Override
  public String library() {
    NativeArtifacts artifacts = NativeArtifacts.bundled();
    return "PyTorch " + artifacts.pytorchVersion() + " matmul (DJL " + artifacts.djlVersion() + ")";
  }

  @Override
  public Kernel create(int n, float[] a, float[] b, int threads) {
    PyTorchRuntime.start(threads);
    NDManager manager = NDManager.newBaseManager(PyTorchRuntime.ENGINE);
    NDArray x = manager.create(a, new Shape(n, n));
    NDArray y = manager.create(b, new Shape(n, n));
    return new Kernel() {
      private NDArray c;

      @Override
      public float multiply() {
        // DJL has no matmul into a given output; the previous C is freed before the next one.
        if (c != null) {
          c.close();
        }
        c = x.matMul(y);
        return c.getFloat(0, 0);
      }

      @Override
      public float[] product() {
        if (c == null) {
          throw new IllegalStateException("product() before the first multiply()");
        }
        return c.toFloatArray();
      }

      @Override
      public void close() {
        manager.close();
      }
    };
  }
}
