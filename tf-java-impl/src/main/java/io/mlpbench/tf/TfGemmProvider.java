package io.mlpbench.tf;

import io.mlpbench.core.GemmProvider;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * SGEMM through TensorFlow's MatMul kernel (the one under both TF routes' dense layers), in a
 * session with intra-op and inter-op threads set to the requested count, as the routes' sessions.
 * The operand tensors are made once; each {@link Kernel#multiply} is one session run (feeding the
 * two tensors, fetching the product).
 */
public final class TfGemmProvider implements GemmProvider {

  /** The version comes from Maven metadata: naming the library loads no native code. */
  @Override
  public String library() {
    return "TensorFlow Java " + TfRoute.TAPE.frameworkVersion() + " MatMul";
  }

  @Override
  public Kernel create(int n, float[] a, float[] b, int threads) {
    Graph graph = new Graph();
    Session session = null;
    TFloat32 tx = null;
    TFloat32 ty = null;
    try {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, n)));
      Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n, n)));
      MatMul<TFloat32> product = tf.linalg.matMul(x, y);
      session = new Session(graph, TfTrainer.sessionConfig(threads));
      tx = TfTrainer.tensor(a, n, n);
      ty = TfTrainer.tensor(b, n, n);
      return new SessionKernel(graph, session, tx, ty, x, y, product);
    } catch (RuntimeException e) {
      for (AutoCloseable open : new AutoCloseable[] {ty, tx, session}) {
        closeQuietly(open, e);
      }
      graph.close();
      throw e;
    }
  }

  private static void closeQuietly(AutoCloseable resource, RuntimeException cause) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  private record SessionKernel(
      Graph graph,
      Session session,
      TFloat32 tx,
      TFloat32 ty,
      Placeholder<TFloat32> x,
      Placeholder<TFloat32> y,
      MatMul<TFloat32> matMul)
      implements Kernel {

    @Override
    public float multiply() {
      try (Result r = run()) {
        return ((TFloat32) r.get(0)).getFloat(0, 0);
      }
    }

    @Override
    public float[] product() {
      try (Result r = run()) {
        return TfTrainer.read(r.get(0));
      }
    }

    private Result run() {
      return session.runner().feed(x, tx).feed(y, ty).fetch(matMul).run();
    }

    @Override
    public void close() {
      tx.close();
      ty.close();
      session.close();
      graph.close();
    }
  }
}
