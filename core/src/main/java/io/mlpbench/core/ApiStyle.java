package io.mlpbench.core;

import java.util.Locale;

/**
 * How a route drives training: by hand, with our own loop over framework steps, or through the
 * framework's fit().
 */
public enum ApiStyle {
  MANUAL,
  LOOP,
  FIT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
