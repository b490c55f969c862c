package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The GEMM contract's check can fail: a plain float triple loop passes it, and kernels with the
 * mistakes a blocked GEMM makes (a transposed operand, a dropped last term of each sum, a product
 * {@code multiply} whose result does not depend on the product) are rejected.
 */
class GemmProviderContractRejectsWrongProvidersTest {

  /**
   * C = A B by a float triple loop, less the last {@code droppedTerms} of each sum; B(p, j) is read
   * at {@code bIndex(p, j)}; {@code multiply} returns 0 instead of C[0][0] if {@code returnsZero}.
   */
  private static GemmProvider loop(
      int droppedTerms, IntBinaryOperator bIndex, boolean returnsZero) {
    return new GemmProvider() {
      @Override
      public String library() {
        return "test loop 1.0";
      }

      @Override
      public Kernel create(int n, float[] a, float[] b, int threads) {
        float[] c = new float[n * n];
        return new Kernel() {
          @Override
          public float multiply() {
            for (int i = 0; i < n; i++) {
              for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < n - droppedTerms; p++) {
                  sum += a[i * n + p] * b[bIndex.applyAsInt(p, j)];
                }
                c[i * n + j] = sum;
              }
            }
            return returnsZero ? 0 : c[0];
          }

          @Override
          public float[] product() {
            return c.clone();
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  private static final int N = GemmReference.SIZE;

  @Test
  void aPlainFloatLoopPasses() {
    assertThatCode(() -> GemmReference.assertMultiplies(loop(0, (p, j) -> p * N + j, false), 2))
        .doesNotThrowAnyException();
  }

  @Test
  void aTransposedOperandIsRejected() {
    assertThatThrownBy(() -> GemmReference.assertMultiplies(loop(0, (p, j) -> j * N + p, false), 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("C(");
  }

  @Test
  void aDroppedLastTermIsRejected() {
    assertThatThrownBy(() -> GemmReference.assertMultiplies(loop(1, (p, j) -> p * N + j, false), 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("C(");
  }

  @Test
  void aMultiplyThatDoesNotReturnCZeroZeroIsRejected() {
    assertThatThrownBy(() -> GemmReference.assertMultiplies(loop(0, (p, j) -> p * N + j, true), 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("returns C[0][0]");
  }
}
