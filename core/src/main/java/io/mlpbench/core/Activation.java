package io.mlpbench.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Hidden-layer activation functions every route supports. */
public enum Activation {
  RELU,
  TANH,
  SIGMOID;

  /** Parses "relu", "tanh" or "sigmoid" (any case), naming the valid choices on failure. */
  @JsonCreator
  public static Activation parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown activation '" + name + "': expected one of relu, tanh, sigmoid");
    }
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
