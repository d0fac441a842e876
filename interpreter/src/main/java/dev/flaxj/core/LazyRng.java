package dev.flaxj.core;

import dev.flaxj.array.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A base PRNG key plus the static path (names and counters) still to be folded into it, as Flax's
 * {@code LazyRng}. The fold happens once, in {@link #asJaxRng()}.
 */
public record LazyRng(Value rng, List<Object> suffix) {
  public LazyRng {
    suffix = List.copyOf(suffix);
  }

  /** A stream with an empty suffix. */
  public static LazyRng of(Value key) {
    return new LazyRng(key, List.of());
  }

  /** This stream with {@code items} appended to the suffix. */
  public LazyRng extend(Object... items) {
    List<Object> s = new ArrayList<>(suffix);
    s.addAll(List.of(items));
    return new LazyRng(rng, s);
  }

  /** The key: {@code rng} with the suffix folded in (honouring {@code flax_fix_rng_separator}). */
  public Value asJaxRng() {
    return StaticFold.foldInStatic(rng, suffix, FlaxConfig.fixRngSeparator());
  }

  /** The base key with the suffix dropped. */
  public LazyRng clearSuffix() {
    return of(rng);
  }
}
