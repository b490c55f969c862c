package io.mlpbench.results.store;

/** A run store could not be read or written; the message says which store and why. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
