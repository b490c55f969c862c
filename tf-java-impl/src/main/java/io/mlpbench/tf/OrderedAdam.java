package io.mlpbench.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyAdam;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Adam as TF's {@code ApplyAdam} kernel computes it (the epsilon-hat form: lr_t = lr * sqrt(1 -
 * beta2^t) / (1 - beta1^t); m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2; theta -=
 * lr_t m / (sqrt(v) + eps)), plugged into TF Java's {@link Optimizer} so {@code minimize} and
 * {@code applyGradients} work unchanged.
 *
 * <p>Why not {@code org.tensorflow.framework.optimizers.Adam}: in TF Java 1.1.0 (and on its main
 * branch) its {@code finish} multiplies the beta powers by beta1/beta2 in the same step without
 * making those assigns wait for the {@code ApplyAdam} ops that read them, so each variable's update
 * uses beta^t or beta^(t+1) depending on thread scheduling. Measured on the first step of a
 * 784-64-32-10 net: output-layer weights moved by 0.74 x lr on average instead of the 0.99 x lr of
 * the Adam equations, first-layer weights by 0.28 or 0.39 x lr (varying run to run) instead of
 * 0.53. Here the beta-power updates carry control dependencies on every variable update, as TF
 * Python's AdamOptimizer does; the first step then matches the closed form to 1.5e-8.
 */
final class OrderedAdam extends Optimizer {
  static final String FIRST_MOMENT = "m";
  static final String SECOND_MOMENT = "v";

  private final float learningRate;
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private Variable<TFloat32> beta1Power;
  private Variable<TFloat32> beta2Power;
  private Operand<TFloat32> learningRateConst;
  private Operand<TFloat32> beta1Const;
  private Operand<TFloat32> beta2Const;
  private Operand<TFloat32> epsilonConst;

  OrderedAdam(Graph graph, float learningRate, float beta1, float beta2, float epsilon) {
    super(graph, "Adam");
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  @Override
  protected void createSlots(List<Output<? extends TType>> variables) {
    Ops init = tf.withInitScope();
    for (Output<? extends TType> variable : variables) {
      Output<TFloat32> v = floats(variable);
      // Zeros from the static shape: reading the variable's runtime shape during initialization
      // would race with the variable's own initializer.
      Operand<TFloat32> zeros = init.zeros(init.constant(v.shape().asArray()), TFloat32.class);
      createSlot(v, FIRST_MOMENT, zeros);
      createSlot(v, SECOND_MOMENT, zeros);
    }
    beta1Power = init.withName("beta1_power").variable(Shape.scalar(), TFloat32.class);
    init.assign(beta1Power, init.constant(beta1));
    beta2Power = init.withName("beta2_power").variable(Shape.scalar(), TFloat32.class);
    init.assign(beta2Power, init.constant(beta2));
  }

  @Override
  protected Optional<Op> prepare(String scopeName) {
    learningRateConst = tf.constant(learningRate);
    beta1Const = tf.constant(beta1);
    beta2Const = tf.constant(beta2);
    epsilonConst = tf.constant(epsilon);
    return Optional.empty();
  }

  @Override
  protected <T extends TType> Op applyDense(Ops deps, Output<T> gradient, Output<T> variable) {
    Output<TFloat32> v = floats(variable);
    return deps.train.applyAdam(
        v,
        getSlot(v, FIRST_MOMENT).orElseThrow(),
        getSlot(v, SECOND_MOMENT).orElseThrow(),
        beta1Power,
        beta2Power,
        learningRateConst,
        beta1Const,
        beta2Const,
        epsilonConst,
        floats(gradient),
        ApplyAdam.useLocking(true));
  }

  /** Advances beta1^t and beta2^t only after every variable update of this step has read them. */
  @Override
  protected Op finish(List<Op> updateOperations, String name) {
    Ops afterUpdates = tf.withControlDependencies(new ArrayList<>(updateOperations));
    List<Op> all = new ArrayList<>(updateOperations);
    all.add(afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, beta1Const)));
    all.add(afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, beta2Const)));
    return super.finish(all, name);
  }

  @Override
  public String getOptimizerName() {
    return "Adam";
  }

  private static Output<TFloat32> floats(Output<?> output) {
    if (output.type() != TFloat32.class) {
      throw new IllegalArgumentException(
          "OrderedAdam supports float32 only; " + output.op().name() + " is " + output.type());
    }
    return output.expect(TFloat32.class);
  }
}
