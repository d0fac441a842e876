package dev.flaxj.errors;

/** A variable is read from an immutable collection that is empty. */
public final class ScopeCollectionNotFound extends FlaxError {
  public ScopeCollectionNotFound(String colName, String varName, String scopePath) {
    super("Tried to access \"" + varName + "\" from collection \"" + colName + "\" in \"" + scopePath + "\" but the collection is empty.", "ScopeCollectionNotFound");
  }
}
