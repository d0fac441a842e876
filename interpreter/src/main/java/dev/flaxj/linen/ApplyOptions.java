package dev.flaxj.linen;

/**
 * The keyword arguments of Flax's {@code Module.init}/{@code apply}: {@code mutable} (a filter:
 * Boolean, collection name, list of names or DenyList), {@code rngs} (a key or a map of stream name
 * to key) and {@code method} (null: the module's {@link Module#call}). A null {@code mutable} is the
 * default: nothing for {@code apply}, everything but {@code intermediates} for {@code init}.
 */
public record ApplyOptions(Object mutable, Object rngs, ModuleMethod method) {
  /** No option set: the defaults of {@code apply} (nothing mutable, no rngs, {@code call}). */
  public static ApplyOptions none() {
    return new ApplyOptions(null, null, null);
  }

  public ApplyOptions mutable(Object filter) {
    return new ApplyOptions(filter, rngs, method);
  }

  public ApplyOptions rngs(Object keys) {
    return new ApplyOptions(mutable, keys, method);
  }

  public ApplyOptions method(ModuleMethod m) {
    return new ApplyOptions(mutable, rngs, m);
  }
}
