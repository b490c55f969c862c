package io.mlpbench.core;

/**
 * Where Adam adds epsilon. The two forms differ only through epsilon, but they differ, so parity
 * between routes needs the same one.
 */
public enum AdamForm {
  /**
   * lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t); theta -= lr_t * m / (sqrt(v) + eps). The form of
   * TF/Keras, DJL and DL4J (Kingma and Ba, section 2, last paragraph): the suite's default.
   */
  EPSILON_HAT,
  /**
   * m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t); theta -= lr * m_hat / (sqrt(v_hat) +
   * eps): torch.optim.Adam.
   */
  TORCH
}
