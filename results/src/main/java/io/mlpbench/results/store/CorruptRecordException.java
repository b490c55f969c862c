package io.mlpbench.results.store;

/**
 * A stored record or record file cannot be read: empty, truncated or corrupt JSON, or a schema
 * version this suite does not know. The message names the file (or run) and what was found.
 */
public class CorruptRecordException extends StoreException {
  public CorruptRecordException(String message) {
    super(message);
  }
}
