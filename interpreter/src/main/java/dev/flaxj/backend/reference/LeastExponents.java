package dev.flaxj.backend.reference;

import dev.flaxj.array.Array;
import java.lang.ref.WeakReference;

/**
 * A lower bound, tight or one less, of the exponents ({@link Math#getExponent}) of the nonzero
 * finite elements of float32 data, as {@link Float32Product} needs it: below
 * {@link Float#MIN_EXPONENT} if there is a subnormal (or {@link Float#MIN_NORMAL}); at most
 * {@link Float#MAX_EXPONENT} + 1 (infinities and NaNs only raise it: they never become
 * subnormal). Branch-free: the least biased exponent of the magnitudes' bits minus one, so that
 * zeros wrap around to the top and drop out.
 *
 * <p>An array is immutable, and a jitted program multiplies the same weights again and again (in
 * every iteration of a scan): the bound of an array of {@value #REMEMBERED_SIZE} or more elements
 * is remembered, per thread, in {@value #RECENT} entries by the array's identity (weakly, so that
 * it is not kept alive; a buffer reused by a new array is a new array). A new array takes the
 * last entry and each hit moves an entry one place forward, so arrays met again and again stay
 * while arrays met once replace each other.
 */
final class LeastExponents {
  static final int REMEMBERED_SIZE = 256;
  static final int RECENT = 16;

  /** One remembered bound. */
  private static final class Entry extends WeakReference<Array> {
    final int bound;

    Entry(Array a, int bound) {
      super(a);
      this.bound = bound;
    }
  }

  private static final ThreadLocal<Entry[]> RECENT_BOUNDS =
      ThreadLocal.withInitial(() -> new Entry[RECENT]);

  private LeastExponents() {}

  /** The bound of a float32 array's elements. */
  static int of(Array a) {
    float[] f = a.rawFloats();
    if (f.length < REMEMBERED_SIZE) {
      return of(f);
    }
    Entry[] recent = RECENT_BOUNDS.get();
    for (int i = 0; i < RECENT; i++) {
      Entry e = recent[i];
      if (e != null && e.get() == a) {
        if (i > 0) {
          recent[i] = recent[i - 1];
          recent[i - 1] = e;
        }
        return e.bound;
      }
    }
    int bound = of(f);
    recent[RECENT - 1] = new Entry(a, bound);
    return bound;
  }

  static int of(float[] f) {
    int least = 0x1ff;
    for (float v : f) {
      least = Math.min(least, ((Float.floatToRawIntBits(v) & 0x7fffffff) - 1) >>> 23);
    }
    return Math.min(least, 0xff) - 127;
  }
}
